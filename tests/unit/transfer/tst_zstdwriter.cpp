// Tests ZstdWriter, the RAM image's store: what it writes decompresses, with `zstd -d`
// (the README's recipe without Rewind) and with zstdDecompressFile (restore), to exactly
// what went in, holes included; its hash is that of the stored file; an existing file is
// never replaced; abort leaves nothing. The output is larger than the 8 MiB steps in which
// the writer hands it to the kernel's writeback.

#include "transfer/zstdwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestZstdWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_input; // what the writer is fed, holes as zeros

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void roundTrip()
    {
        QVERIFY(m_dir.isValid());
        // Incompressible data (so the output passes several writeback steps), a hole,
        // repetitive data, more random data.
        QByteArray random(24 * MiB, Qt::Uninitialized);
        QRandomGenerator rng(42);
        rng.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        const QByteArray pattern = QByteArray("rewind ").repeated(MiB);

        ZstdWriter writer;
        const QString stored = path(QStringLiteral("memory.zst"));
        QVERIFY(writer.open(stored).ok());
        QVERIFY(writer.write(random.constData(), 16 * MiB).ok());
        QVERIFY(writer.writeZeros(5 * MiB + 123).ok());
        QVERIFY(writer.write(pattern.constData(), pattern.size()).ok());
        QVERIFY(writer.write(random.constData() + 16 * MiB, 8 * MiB).ok());
        const Status finished = writer.finish();
        QVERIFY2(finished.ok(), qPrintable(finished.error().toString()));
        m_input = random.left(16 * MiB) + QByteArray(5 * MiB + 123, '\0') + pattern + random.mid(16 * MiB);

        QCOMPARE(writer.inputBytes(), qint64(m_input.size()));
        QCOMPARE(writer.outputBytes(), QFile(stored).size());
        QVERIFY(writer.outputBytes() > 16 * MiB);
        const QByteArray onDisk = readAll(stored);
        QCOMPARE(writer.sha256(),
            QString::fromLatin1(QCryptographicHash::hash(onDisk, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(QFile(stored).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

        // The recipe without Rewind.
        QProcess zstd;
        zstd.start(QStringLiteral("zstd"),
            {QStringLiteral("-q"), QStringLiteral("-d"), QStringLiteral("-c"), stored});
        QVERIFY(zstd.waitForFinished(60000));
        QCOMPARE(zstd.exitCode(), 0);
        QVERIFY(zstd.readAllStandardOutput() == m_input);

        // Restore's own path.
        const QString raw = path(QStringLiteral("memory.raw"));
        QVERIFY(zstdDecompressFile(stored, raw).ok());
        QVERIFY(readAll(raw) == m_input);
    }

    void neverReplacesAFile()
    {
        const QString existing = path(QStringLiteral("existing"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("keep") == 4);
        f.close();
        ZstdWriter writer;
        QVERIFY(!writer.open(existing).ok());
        QCOMPARE(readAll(existing), QByteArray("keep"));
    }

    void abortLeavesNothing()
    {
        const QString partial = path(QStringLiteral("partial.zst"));
        ZstdWriter writer;
        QVERIFY(writer.open(partial).ok());
        QVERIFY(writer.writeZeros(20 * MiB).ok());
        QVERIFY(QFile::exists(partial));
        writer.abort();
        QVERIFY(!QFile::exists(partial));
    }
};

QTEST_GUILESS_MAIN(TestZstdWriter)
#include "tst_zstdwriter.moc"
