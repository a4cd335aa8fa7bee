// Tests PointManifest: the JSON round trip and that every bad or missing field is
// reported as Damaged, naming the field.

#include "repository/pointmanifest.h"
#include "verifyok.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Rewind;

namespace {

const QString Sha1 = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
const QString Sha2 = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

PointManifest fullStateManifest()
{
    PointManifest m;
    m.domainName = QStringLiteral("web");
    m.domainUuid = QStringLiteral("3f1e5c1a-2b9d-4c47-9a0e-7d3b2c1f0a11");
    m.domainXml = QStringLiteral("<domain type='kvm'><name>web</name></domain>");
    m.created = QDateTime(QDate(2026, 11, 26), QTime(10, 15, 0, 123), QTimeZone::utc());
    m.method = PointManifest::Method::FullState;
    m.kind = PointManifest::Kind::Full;
    PointManifest::Disk vda;
    vda.target = QStringLiteral("vda");
    vda.sourceFormat = QStringLiteral("qcow2");
    vda.originalPath = QStringLiteral("/var/lib/libvirt/images/web.qcow2");
    vda.fileName = QStringLiteral("vda.qcow2");
    vda.storedFormat = QStringLiteral("qcow2");
    vda.virtualSize = 21474836480LL; // 20 GiB: beyond 32 bits on purpose
    vda.storedSize = 3221225472LL;
    vda.allocatedSize = 3000000000LL;
    vda.sha256 = Sha1;
    PointManifest::Disk vdb = vda;
    vdb.target = QStringLiteral("vdb");
    vdb.sourceFormat = QStringLiteral("raw");
    vdb.storedFormat = QStringLiteral("raw");
    vdb.fileName = QStringLiteral("vdb.raw");
    vdb.sha256 = Sha2;
    m.disks = {vda, vdb};
    PointManifest::Memory mem;
    mem.fileName = QStringLiteral("memory.zst");
    mem.rawSize = 4294967296LL;
    mem.storedSize = 812345678LL;
    mem.compression = PointManifest::Compression::Zstd;
    mem.sha256 = Sha2;
    m.memory = mem;
    PointManifest::Nvram vars;
    vars.fileName = QStringLiteral("nvram.fd");
    vars.originalPath = QStringLiteral("/var/lib/libvirt/qemu/nvram/web_VARS.fd");
    vars.storedSize = 540672;
    vars.sha256 = Sha1;
    m.nvram = vars;
    m.guestPauseMs = 1234;
    m.rewindVersion = QStringLiteral("0.1.0");
    m.isProtected = true;
    m.notes = QStringLiteral("before the upgrade, with ünïcode");
    return m;
}

// Removes the value at a dotted path ("disks[1].sha256", "memory.file") from json.
QJsonObject withoutField(QJsonObject json, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        json.remove(path);
        return json;
    }
    const QString head = parts.at(0);
    const QString rest = parts.mid(1).join(QLatin1Char('.'));
    if (head.startsWith(QLatin1String("disks["))) {
        const int index = head.mid(6, head.size() - 7).toInt();
        QJsonArray disks = json.value(QLatin1String("disks")).toArray();
        disks[index] = withoutField(disks.at(index).toObject(), rest);
        json.insert(QLatin1String("disks"), disks);
    } else {
        json.insert(head, withoutField(json.value(head).toObject(), rest));
    }
    return json;
}

QJsonObject withField(QJsonObject json, const QString &path, const QJsonValue &value)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        json.insert(path, value);
        return json;
    }
    const QString head = parts.at(0);
    const QString rest = parts.mid(1).join(QLatin1Char('.'));
    if (head.startsWith(QLatin1String("disks["))) {
        const int index = head.mid(6, head.size() - 7).toInt();
        QJsonArray disks = json.value(QLatin1String("disks")).toArray();
        disks[index] = withField(disks.at(index).toObject(), rest, value);
        json.insert(QLatin1String("disks"), disks);
    } else {
        json.insert(head, withField(json.value(head).toObject(), rest, value));
    }
    return json;
}

} // namespace

class TestPointManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<PointManifest>("manifest");

        QTest::newRow("full-state full") << fullStateManifest();

        PointManifest inc = fullStateManifest();
        inc.kind = PointManifest::Kind::Incremental;
        inc.parentId = QStringLiteral("20261125T101500Z-2");
        inc.disks[0].backingFile = QStringLiteral("../20261125T101500Z-2/vda.qcow2");
        inc.isProtected = false;
        inc.notes.clear();
        QTest::newRow("incremental") << inc;

        for (auto method : {PointManifest::Method::DiskOnly, PointManifest::Method::DiskOnlyQuiesced,
                 PointManifest::Method::Cold}) {
            PointManifest m = fullStateManifest();
            m.method = method;
            m.memory.reset();
            m.guestPauseMs = 0;
            QTest::newRow(qPrintable(PointManifest::methodName(method))) << m;
        }

        PointManifest bios = fullStateManifest();
        bios.nvram.reset();
        QTest::newRow("no UEFI variables") << bios;

        PointManifest uncompressed = fullStateManifest();
        uncompressed.memory->compression = PointManifest::Compression::None;
        QTest::newRow("uncompressed memory") << uncompressed;
    }

    void roundTrip()
    {
        QFETCH(PointManifest, manifest);
        const Result<PointManifest> viaJson = PointManifest::fromJson(manifest.toJson());
        VERIFY_OK(viaJson);
        QCOMPARE(*viaJson, manifest);

        const QByteArray bytes = manifest.toBytes();
        const Result<PointManifest> viaBytes = PointManifest::fromBytes(bytes);
        VERIFY_OK(viaBytes);
        QCOMPARE(*viaBytes, manifest);
        QCOMPARE(viaBytes->created.timeSpec(), Qt::UTC);
        QCOMPARE(viaBytes->created.time().msec(), 123);
    }

    void jsonNames()
    {
        const QJsonObject json = fullStateManifest().toJson();
        // The names other tools (and people) read: keep them stable.
        QCOMPARE(json.value(QLatin1String("format")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("method")).toString(), QStringLiteral("full-state"));
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("full"));
        QCOMPARE(json.value(QLatin1String("created")).toString(), QStringLiteral("2026-11-26T10:15:00.123Z"));
        QCOMPARE(
            json.value(QLatin1String("memory")).toObject().value(QLatin1String("compression")).toString(),
            QStringLiteral("zstd"));
        QVERIFY(!json.contains(QLatin1String("parent")));
        const QJsonObject vda = json.value(QLatin1String("disks")).toArray().at(0).toObject();
        QCOMPARE(vda.value(QLatin1String("virtualSize")).toInteger(), 21474836480LL);
        QVERIFY(!vda.contains(QLatin1String("backingFile")));
    }

    void storedBytesCountsEveryFile()
    {
        PointManifest m = fullStateManifest();
        const qint64 disks = 2 * 3221225472LL;
        QCOMPARE(m.storedBytes(), disks + 812345678LL + 540672);
        m.nvram.reset();
        m.memory.reset();
        QCOMPARE(m.storedBytes(), disks);
    }

    void createdFromOtherZone()
    {
        PointManifest m = fullStateManifest();
        m.created = QDateTime(QDate(2026, 11, 26), QTime(11, 15), QTimeZone(3600));
        const Result<PointManifest> back = PointManifest::fromJson(m.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->created, QDateTime(QDate(2026, 11, 26), QTime(10, 15), QTimeZone::utc()));
    }

    void missingField_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"format", "domainName", "domainUuid", "domainXml", "created", "method",
                 "kind", "disks", "disks[0].target", "disks[0].sourceFormat", "disks[0].originalPath",
                 "disks[0].file", "disks[0].storedFormat", "disks[0].virtualSize", "disks[0].storedSize",
                 "disks[0].allocatedSize", "disks[1].sha256", "memory", "memory.file", "memory.rawSize",
                 "memory.storedSize", "memory.compression", "memory.sha256", "nvram.file",
                 "nvram.originalPath", "nvram.storedSize", "nvram.sha256", "guestPauseMs", "rewindVersion"}) {
            QTest::newRow(field) << QString::fromLatin1(field);
        }
    }

    void missingField()
    {
        QFETCH(QString, field);
        const QJsonObject json = withoutField(fullStateManifest().toJson(), field);
        const Result<PointManifest> m = PointManifest::fromJson(json);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code(), ErrorCode::Damaged);
        const QString quoted = QLatin1Char('\'') + field + QLatin1Char('\'');
        QVERIFY2(m.error().message().contains(quoted), qPrintable(m.error().message()));
        QVERIFY2(m.error().message().contains(QLatin1String("missing")), qPrintable(m.error().message()));
    }

    void optionalFields()
    {
        QJsonObject json = fullStateManifest().toJson();
        json.remove(QLatin1String("protected"));
        json.remove(QLatin1String("notes"));
        // Points of VMs without UEFI, and those written before points held the variables.
        json.remove(QLatin1String("nvram"));
        const Result<PointManifest> m = PointManifest::fromJson(json);
        VERIFY_OK(m);
        QCOMPARE(m->isProtected, false);
        QCOMPARE(m->notes, QString());
        QVERIFY(!m->nvram);
    }

    void badField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reportedField");

        QTest::newRow("format string") << "format" << QJsonValue(QStringLiteral("1")) << "format";
        QTest::newRow("format zero") << "format" << QJsonValue(0) << "format";
        QTest::newRow("empty name") << "domainName" << QJsonValue(QString()) << "domainName";
        QTest::newRow("uuid") << "domainUuid" << QJsonValue(QStringLiteral("not-a-uuid")) << "domainUuid";
        QTest::newRow("created") << "created" << QJsonValue(QStringLiteral("yesterday")) << "created";
        QTest::newRow("method") << "method" << QJsonValue(QStringLiteral("magic")) << "method";
        QTest::newRow("kind") << "kind" << QJsonValue(QStringLiteral("partial")) << "kind";
        QTest::newRow("parent on full")
            << "parent" << QJsonValue(QStringLiteral("20261125T101500Z")) << "parent";
        QTest::newRow("disks not list") << "disks" << QJsonValue(QStringLiteral("vda")) << "disks";
        QTest::newRow("negative size") << "disks[0].virtualSize" << QJsonValue(-1) << "disks[0].virtualSize";
        QTest::newRow("fractional size") << "disks[0].storedSize" << QJsonValue(1.5) << "disks[0].storedSize";
        QTest::newRow("size as string")
            << "disks[1].allocatedSize" << QJsonValue(QStringLiteral("5")) << "disks[1].allocatedSize";
        QTest::newRow("short sha") << "disks[0].sha256" << QJsonValue(QStringLiteral("abc"))
                                   << "disks[0].sha256";
        QTest::newRow("upper-case sha")
            << "disks[0].sha256" << QJsonValue(Sha1.toUpper()) << "disks[0].sha256";
        QTest::newRow("file outside")
            << "disks[0].file" << QJsonValue(QStringLiteral("../other/vda.qcow2")) << "disks[0].file";
        QTest::newRow("absolute file")
            << "disks[1].file" << QJsonValue(QStringLiteral("/etc/passwd")) << "disks[1].file";
        QTest::newRow("backing outside")
            << "disks[0].backingFile" << QJsonValue(QStringLiteral("../../etc/vda.qcow2"))
            << "disks[0].backingFile";
        QTest::newRow("memory not object") << "memory" << QJsonValue(true) << "memory";
        QTest::newRow("compression") << "memory.compression" << QJsonValue(QStringLiteral("lz4"))
                                     << "memory.compression";
        QTest::newRow("memory file") << "memory.file" << QJsonValue(QStringLiteral("..")) << "memory.file";
        QTest::newRow("nvram not object") << "nvram" << QJsonValue(QStringLiteral("x")) << "nvram";
        QTest::newRow("nvram file outside")
            << "nvram.file" << QJsonValue(QStringLiteral("../nvram.fd")) << "nvram.file";
        QTest::newRow("nvram sha") << "nvram.sha256" << QJsonValue(QStringLiteral("00")) << "nvram.sha256";
        QTest::newRow("pause") << "guestPauseMs" << QJsonValue(-5) << "guestPauseMs";
        QTest::newRow("protected") << "protected" << QJsonValue(QStringLiteral("yes")) << "protected";
        QTest::newRow("notes") << "notes" << QJsonValue(42) << "notes";
    }

    void badField()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reportedField);
        const Result<PointManifest> m
            = PointManifest::fromJson(withField(fullStateManifest().toJson(), field, value));
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code(), ErrorCode::Damaged);
        QVERIFY2(m.error().message().contains(QLatin1Char('\'') + reportedField + QLatin1Char('\'')),
            qPrintable(m.error().message()));
    }

    void consistency()
    {
        // A disk-only point that claims memory state is inconsistent.
        QJsonObject json = fullStateManifest().toJson();
        json.insert(QLatin1String("method"), QStringLiteral("disk-only"));
        Result<PointManifest> m = PointManifest::fromJson(json);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code(), ErrorCode::Damaged);
        QVERIFY(m.error().message().contains(QLatin1String("'memory'")));

        // An incremental point needs a valid parent.
        json = fullStateManifest().toJson();
        json.insert(QLatin1String("kind"), QStringLiteral("incremental"));
        m = PointManifest::fromJson(json);
        QVERIFY(!m.ok());
        QVERIFY(m.error().message().contains(QLatin1String("'parent'")));
        json.insert(QLatin1String("parent"), QStringLiteral("yesterday"));
        m = PointManifest::fromJson(json);
        QVERIFY(!m.ok());
        QVERIFY(m.error().message().contains(QLatin1String("'parent'")));
        json.insert(QLatin1String("parent"), QStringLiteral("20261125T000000Z"));
        m = PointManifest::fromJson(json);
        VERIFY_OK(m);

        // Only the first problem is reported, so the user sees one clear field.
        json = withoutField(withoutField(fullStateManifest().toJson(), QStringLiteral("domainName")),
            QStringLiteral("rewindVersion"));
        m = PointManifest::fromJson(json);
        QVERIFY(m.error().message().contains(QLatin1String("'domainName'")));
        QVERIFY(!m.error().message().contains(QLatin1String("'rewindVersion'")));
    }

    void newerFormat()
    {
        QJsonObject json = fullStateManifest().toJson();
        json.insert(QLatin1String("format"), 2);
        const Result<PointManifest> m = PointManifest::fromJson(json);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code(), ErrorCode::Unsupported);
        QVERIFY(m.error().message().contains(QLatin1String("newer version")));
    }

    void notJson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << fullStateManifest().toBytes().left(100);
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("garbage") << QByteArray("\x00\x01\x02", 3);
    }

    void notJson()
    {
        QFETCH(QByteArray, bytes);
        const Result<PointManifest> m = PointManifest::fromBytes(bytes);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code(), ErrorCode::Damaged);
    }

    void names()
    {
        for (auto method : {PointManifest::Method::FullState, PointManifest::Method::DiskOnly,
                 PointManifest::Method::DiskOnlyQuiesced, PointManifest::Method::Cold}) {
            QCOMPARE(PointManifest::methodFromName(PointManifest::methodName(method)), method);
        }
        QCOMPARE(PointManifest::methodName(PointManifest::Method::DiskOnlyQuiesced),
            QStringLiteral("disk-only-quiesced"));
        QCOMPARE(
            PointManifest::kindFromName(QStringLiteral("incremental")), PointManifest::Kind::Incremental);
        QVERIFY(!PointManifest::kindFromName(QStringLiteral("Full")).has_value());
        QCOMPARE(
            PointManifest::compressionFromName(QStringLiteral("none")), PointManifest::Compression::None);
    }
};

QTEST_GUILESS_MAIN(TestPointManifest)
#include "tst_pointmanifest.moc"
