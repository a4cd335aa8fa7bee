// Tests Qcow2Header against qemu-img: rewriting the backing file of an image's header in
// memory gives the same file as `qemu-img rebase -u` (byte for byte), on images of the
// shapes Rewind meets (qcow2 v3 and v2, raw or qcow2 backing, bitmaps, names getting
// longer or shorter, no backing file at all), and images it must not touch are refused
// and left as they were. Also the ExtentPump hook it runs through: called once, on the
// first buffer, and its error ends the copy.

#include "transfer/extentpump.h"
#include "transfer/filesink.h"
#include "transfer/qcow2header.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;

namespace {

bool run(const QString &program, const QStringList &args, QString *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << program << args << "failed:" << p.readAllStandardError();
        return false;
    }
    if (out) {
        *out = QString::fromUtf8(p.readAllStandardOutput());
    }
    return true;
}

bool qemuImg(const QStringList &args, QString *out = nullptr)
{
    return run(QStringLiteral("qemu-img"), args, out);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Where two byte arrays first differ, for a readable failure.
QByteArray firstDifference(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (a[i] != b[i]) {
            return "at byte " + QByteArray::number(i) + ": " + a.mid(i, 16).toHex() + " vs "
                + b.mid(i, 16).toHex();
        }
    }
    return "sizes " + QByteArray::number(a.size()) + " and " + QByteArray::number(b.size());
}

} // namespace

class TestQcow2Header : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // An overlay as described by the row, with some data of its own.
    bool makeOverlay(const QString &file, const QStringList &createOptions, const QString &backing,
        const QString &backingFormat)
    {
        QStringList args {
            QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2")};
        if (!createOptions.isEmpty()) {
            args << QStringLiteral("-o") << createOptions.join(QLatin1Char(','));
        }
        if (!backing.isEmpty()) {
            args << QStringLiteral("-b") << backing << QStringLiteral("-F") << backingFormat;
        }
        args << file;
        if (backing.isEmpty()) {
            args << QStringLiteral("64M");
        }
        return qemuImg(args)
            && run(QStringLiteral("qemu-io"),
                {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
                    QStringLiteral("write -P 0x5a 1M 256k"), file});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
            QStringLiteral("qcow2"), path(QStringLiteral("base.qcow2")), QStringLiteral("64M")}));
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
            QStringLiteral("raw"), path(QStringLiteral("base.raw")), QStringLiteral("64M")}));
    }

    void sameAsQemuImgRebase_data()
    {
        QTest::addColumn<QStringList>("createOptions");
        QTest::addColumn<QString>("oldBacking"); // relative to the test folder; empty: none
        QTest::addColumn<QString>("oldFormat");
        QTest::addColumn<QString>("newBacking");
        QTest::addColumn<QString>("newFormat");
        QTest::addColumn<bool>("withBitmap");

        const QString longName = QStringLiteral("../20261126T232519Z-2/") + QString(200, QLatin1Char('x'))
            + QStringLiteral("/vda.qcow2");
        QTest::newRow("v3, qcow2 backing, as an increment")
            << QStringList() << QStringLiteral("base.qcow2") << QStringLiteral("qcow2")
            << QStringLiteral("../20261126T232519Z/vda.qcow2") << QStringLiteral("qcow2") << false;
        QTest::newRow("v3, raw backing becomes qcow2")
            << QStringList() << QStringLiteral("base.raw") << QStringLiteral("raw")
            << QStringLiteral("../20261126T232519Z/vda.qcow2") << QStringLiteral("qcow2") << false;
        QTest::newRow("v3, qcow2 backing becomes raw")
            << QStringList() << QStringLiteral("base.qcow2") << QStringLiteral("qcow2")
            << QStringLiteral("../20261126T232519Z/vda.raw") << QStringLiteral("raw") << false;
        QTest::newRow("v3, long name")
            << QStringList() << QStringLiteral("base.qcow2") << QStringLiteral("qcow2") << longName
            << QStringLiteral("qcow2") << false;
        QTest::newRow("v3, name gets shorter")
            << QStringList() << QStringLiteral("base.qcow2") << QStringLiteral("qcow2") << QStringLiteral("b")
            << QStringLiteral("qcow2") << false;
        QTest::newRow("v3, with a bitmap")
            << QStringList() << QStringLiteral("base.qcow2") << QStringLiteral("qcow2")
            << QStringLiteral("../p/vda.qcow2") << QStringLiteral("qcow2") << true;
        QTest::newRow("v3, 4 KiB clusters")
            << QStringList {QStringLiteral("cluster_size=4096")} << QStringLiteral("base.qcow2")
            << QStringLiteral("qcow2") << QStringLiteral("../p/vda.qcow2") << QStringLiteral("qcow2")
            << false;
        QTest::newRow("v2 (compat=0.10)")
            << QStringList {QStringLiteral("compat=0.10")} << QStringLiteral("base.qcow2")
            << QStringLiteral("qcow2") << QStringLiteral("../p/vda.qcow2") << QStringLiteral("qcow2")
            << false;
        QTest::newRow("no backing file before")
            << QStringList() << QString() << QString() << QStringLiteral("../p/vda.qcow2")
            << QStringLiteral("qcow2") << false;
    }

    void sameAsQemuImgRebase()
    {
        QFETCH(QStringList, createOptions);
        QFETCH(QString, oldBacking);
        QFETCH(QString, oldFormat);
        QFETCH(QString, newBacking);
        QFETCH(QString, newFormat);
        QFETCH(bool, withBitmap);

        const QString original = path(QStringLiteral("overlay.qcow2"));
        QFile::remove(original);
        QVERIFY(makeOverlay(
            original, createOptions, oldBacking.isEmpty() ? QString() : path(oldBacking), oldFormat));
        if (withBitmap) {
            QVERIFY(qemuImg({QStringLiteral("bitmap"), QStringLiteral("--add"), original,
                QStringLiteral("rewind-test")}));
        }
        const QByteArray before = readAll(original);
        QVERIFY(before.size() > 65536);

        // The reference: qemu-img's own rewrite of a copy.
        const QString reference = path(QStringLiteral("reference.qcow2"));
        QVERIFY(writeAll(reference, before));
        QVERIFY(qemuImg({QStringLiteral("rebase"), QStringLiteral("-q"), QStringLiteral("-u"),
            QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-b"), newBacking,
            QStringLiteral("-F"), newFormat, reference}));
        const QByteArray expected = readAll(reference);

        QByteArray actual = before;
        const Status s = Qcow2Header::setBackingFile(actual.data(), actual.size(), newBacking, newFormat);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        if (!withBitmap) {
            QVERIFY2(actual == expected, firstDifference(actual, expected).constData());
        } else {
            // qemu-img stores the bitmap directory anew when it opens the image for
            // writing, so its offset in the header differs; ours keeps it where it was.
            QVERIFY(actual.mid(65536) == before.mid(65536));
        }

        // And qemu-img reads it as intended.
        const QString rewritten = path(QStringLiteral("rewritten.qcow2"));
        QVERIFY(writeAll(rewritten, actual));
        QString info;
        QVERIFY(qemuImg(
            {QStringLiteral("info"), QStringLiteral("--output=json"), QStringLiteral("-U"), rewritten},
            &info));
        QVERIFY2(
            info.contains(QStringLiteral("\"backing-filename\": \"%1\"").arg(newBacking)), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("\"backing-filename-format\": \"%1\"").arg(newFormat)),
            qPrintable(info));
        QVERIFY2(!withBitmap || info.contains(QLatin1String("\"name\": \"rewind-test\"")), qPrintable(info));
        // Its structure is sound (the backing file itself does not exist here).
        QVERIFY(qemuImg({QStringLiteral("check"), QStringLiteral("-q"),
            QStringLiteral("json:{\"driver\": \"qcow2\", \"backing\": null, \"file\": {\"driver\": "
                           "\"file\", \"filename\": \"%1\"}}")
                .arg(rewritten)}));
    }

    void refusesWhatItCannotRewrite_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("backing");
        QTest::addColumn<QString>("expected");

        QByteArray image = readAll(path(QStringLiteral("base.qcow2")));
        QTest::newRow("not qcow2") << QByteArray(65536, 'x') << QStringLiteral("a")
                                   << QStringLiteral("not a qcow2 image");
        QTest::newRow("less than the header cluster")
            << image.left(4096) << QStringLiteral("a") << QStringLiteral("first cluster");
        QTest::newRow("name too long")
            << image << QString(1024, QLatin1Char('n')) << QStringLiteral("too long");
        QByteArray version4 = image;
        version4[7] = 4;
        QTest::newRow("unknown version") << version4 << QStringLiteral("a") << QStringLiteral("version 4");
        QByteArray endless = image;
        // Header extensions that never end: every 8 bytes a non-zero type of length 0.
        for (qsizetype i = 112; i + 8 <= 65536; i += 8) {
            endless[i] = 1;
            std::fill(endless.begin() + i + 1, endless.begin() + i + 8, '\0');
        }
        QTest::newRow("extensions without end")
            << endless << QStringLiteral("a") << QStringLiteral("do not end");

        const QString dataFile = path(QStringLiteral("external.qcow2"));
        QFile::remove(dataFile);
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
            QStringLiteral("qcow2"), QStringLiteral("-o"),
            QStringLiteral("data_file=%1").arg(path(QStringLiteral("external.data"))), dataFile,
            QStringLiteral("64M")}));
        QTest::newRow("external data file")
            << readAll(dataFile) << QStringLiteral("a") << QStringLiteral("external data file");
    }

    void refusesWhatItCannotRewrite()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, backing);
        QFETCH(QString, expected);
        QByteArray copy = head;
        const Status s
            = Qcow2Header::setBackingFile(copy.data(), copy.size(), backing, QStringLiteral("qcow2"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Unsupported);
        QVERIFY2(s.error().message().contains(expected), qPrintable(s.error().message()));
        QVERIFY(copy == head);
    }

    void pumpRewritesTheFirstBufferOnce()
    {
        const QString source = path(QStringLiteral("pump-source.qcow2"));
        QFile::remove(source);
        QVERIFY(makeOverlay(source, {}, path(QStringLiteral("base.qcow2")), QStringLiteral("qcow2")));
        const QString copy = path(QStringLiteral("pump-copy.qcow2"));
        QFile::remove(copy);

        int calls = 0;
        qint64 firstSize = 0;
        TransferOptions options;
        options.rewriteHead = [&](char *head, qint64 size) {
            ++calls;
            firstSize = size;
            return Qcow2Header::setBackingFile(
                head, size, QStringLiteral("../p/vda.qcow2"), QStringLiteral("qcow2"));
        };
        FileSink sink;
        QVERIFY(sink.open(copy).ok());
        const auto r = ExtentPump::run(source, &sink, options);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(calls, 1);
        QVERIFY(firstSize >= 65536);

        // The hash is that of what was stored, and the copy is the source relinked.
        QByteArray expected = readAll(source);
        QVERIFY(Qcow2Header::setBackingFile(
            expected.data(), expected.size(), QStringLiteral("../p/vda.qcow2"), QStringLiteral("qcow2"))
                    .ok());
        const QByteArray stored = readAll(copy);
        QVERIFY2(stored == expected, firstDifference(stored, expected).constData());
        QCOMPARE(r->sha256,
            QString::fromLatin1(QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex()));
    }

    void pumpStopsOnTheHookError()
    {
        const QString copy = path(QStringLiteral("refused-copy"));
        QFile::remove(copy);
        TransferOptions options;
        options.rewriteHead = [](char *head, qint64 size) {
            return Qcow2Header::setBackingFile(head, size, QStringLiteral("a"), QStringLiteral("qcow2"));
        };
        FileSink sink;
        QVERIFY(sink.open(copy).ok());
        const QString hole = path(QStringLiteral("hole"));
        QFile holeFile(hole);
        QVERIFY(holeFile.open(QIODevice::WriteOnly) && holeFile.resize(1 << 20));
        holeFile.close();
        const auto r = ExtentPump::run(hole, &sink, options);
        // A file that is one hole has nothing to rewrite: nothing is called...
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        sink.abort();

        const QString notQcow2 = path(QStringLiteral("not-qcow2"));
        QVERIFY(writeAll(notQcow2, QByteArray(1 << 20, 'x')));
        FileSink sink2;
        QFile::remove(copy);
        QVERIFY(sink2.open(copy).ok());
        const auto refused = ExtentPump::run(notQcow2, &sink2, options);
        // ...while data that is not qcow2 stops the copy with the header's error.
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QLatin1String("not a qcow2 image")),
            qPrintable(refused.error().toString()));
        sink2.abort();
    }
};

QTEST_GUILESS_MAIN(TestQcow2Header)
#include "tst_qcow2header.moc"
