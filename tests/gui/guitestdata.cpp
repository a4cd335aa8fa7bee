#include "guitestdata.h"

#include "repository/pointid.h"
#include "repository/repositorylock.h"
#include "transfer/sha256file.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace Rewind;

namespace GuiTestData {

QString folder()
{
    static QTemporaryDir dir;
    return dir.path();
}

void initApplication()
{
    // Not QStandardPaths' test mode: its folders (~/.qttest) are shared by every test
    // program, and ctest runs several at once. Each process gets folders of its own.
    const std::pair<const char *, QLatin1String> xdg[]
        = {{"XDG_CONFIG_HOME", QLatin1String("config")}, {"XDG_DATA_HOME", QLatin1String("data")},
            {"XDG_CACHE_HOME", QLatin1String("cache")}, {"XDG_STATE_HOME", QLatin1String("state")}};
    for (const auto &[variable, name] : xdg) {
        const QString path = folder() + QLatin1Char('/') + name;
        QDir().mkpath(path);
        qputenv(variable, QFile::encodeName(path));
    }
    const QString settings = folder() + QStringLiteral("/settings");
    QDir().mkpath(settings);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings);
    QCoreApplication::setOrganizationName(QStringLiteral("RewindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("rewind-test"));
    Translations::install();
}

void startPrivateSessionBus(QProcess &bus)
{
    bus.start(QStringLiteral("dbus-daemon"),
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    if (bus.waitForStarted(5000) && bus.waitForReadyRead(5000)) {
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus.readLine().trimmed());
    }
}

QString programPath()
{
    return qEnvironmentVariable("REWIND_TEST_BINARY_DIR") + QStringLiteral("/src/app/rewind");
}

QProcessEnvironment programEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("rewind.*.info=true"));
    return env;
}

QString uuidFor(int i)
{
    return QStringLiteral("5eed0000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QString nameFor(int i)
{
    return QStringLiteral("vm-%1").arg(i, 4, 10, QLatin1Char('0'));
}

QString writeNode(const QString &dir, int count)
{
    QString xml = QStringLiteral("<node>\n");
    for (int i = 0; i < count; ++i) {
        // 1 running, 3 paused, 5 shut off (virDomainState).
        const int state = i % 5 == 0 ? 5 : (i % 13 == 0 ? 3 : 1);
        xml += QStringLiteral(
            "  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
            "    <name>%1</name>\n    <uuid>%2</uuid>\n"
            "    <memory unit='MiB'>%3</memory>\n    <vcpu>%4</vcpu>\n"
            "    <os><type>hvm</type></os>\n"
            "    <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
            "<source file='/var/lib/libvirt/images/%1.qcow2'/><target dev='vda' "
            "bus='virtio'/></disk></devices>\n"
            "    <test:runstate>%5</test:runstate>\n"
            "  </domain>\n")
                   .arg(nameFor(i), uuidFor(i))
                   .arg(512 * (1 + i % 8))
                   .arg(1 + i % 4)
                   .arg(state);
    }
    xml += QStringLiteral("</node>\n");
    const QString path = QDir(dir).filePath(QStringLiteral("node.xml"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(xml.toUtf8()) < 0) {
        return {};
    }
    return QStringLiteral("test://") + path;
}

QList<PointRow> syntheticPoints(int count, const QDateTime &newest, int spacingSeconds, bool withIncomplete)
{
    QList<PointRow> rows;
    rows.reserve(count);
    QString lastFull;
    for (int i = 0; i < count; ++i) {
        PointRow p;
        p.time = newest.addSecs(-qint64(count - 1 - i) * spacingSeconds);
        p.id = PointId::fromTime(p.time);
        p.state = PointInfo::State::Complete;
        p.kind = i % 10 == 0 ? PointManifest::Kind::Full : PointManifest::Kind::Incremental;
        if (p.kind == PointManifest::Kind::Full) {
            lastFull = p.id;
        } else {
            p.parentId = rows.isEmpty() ? lastFull : rows.last().id;
        }
        p.method = i % 3 == 0 ? PointManifest::Method::DiskOnly : PointManifest::Method::FullState;
        p.storedBytes = (p.kind == PointManifest::Kind::Full ? 4000 : 40) * 1024 * 1024 + i;
        p.memoryBytes = p.method == PointManifest::Method::FullState ? 512 * 1024 * 1024 : 0;
        p.golden = i % 97 == 5;
        p.disks = {QStringLiteral("vda")};
        if (i % 251 == 7) {
            p.state = PointInfo::State::Damaged;
            p.problem = QStringLiteral("manifest.json: 'disks[0].sha256' is not a SHA-256");
        }
        if (withIncomplete && i == count - 1) {
            p.state = PointInfo::State::Incomplete;
        }
        rows.append(p);
    }
    return rows;
}

namespace {
bool writeFile(const QString &path, qint64 size, char fill)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray(size, fill)) == size;
}
} // namespace

QString writePoint(const Repository &repository, const QString &vmUuid, const QString &vmName,
    const QDateTime &when, bool golden, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return QString();
    };
    auto lock = RepositoryLock::acquire(repository, vmUuid, vmName, QStringLiteral("test"));
    if (!lock) {
        return fail(lock.error().toString());
    }
    auto record = repository.loadVm(vmUuid);
    VmRecord vm = record ? *record : VmRecord {vmUuid, {}, {}, {}, {}, {}};
    if (vm.noteName(vmName, when.addDays(-1))) {
        (void)repository.saveVm(vm);
    }
    auto id = repository.createPointDir(vmUuid, when, *lock);
    if (!id) {
        return fail(id.error().toString());
    }
    const QString dir = repository.pointDir(vmUuid, *id);
    PointManifest m;
    m.domainName = vmName;
    m.domainUuid = vmUuid;
    m.domainXml = QStringLiteral("<domain/>");
    m.created = when.toUTC();
    m.method = PointManifest::Method::FullState;
    m.kind = PointManifest::Kind::Full;
    m.isProtected = golden;
    m.rewindVersion = QStringLiteral("test");
    PointManifest::Disk disk;
    disk.target = QStringLiteral("vda");
    // Raw, so VerifyOperation only compares checksums (a fake qcow2 would fail qemu-img check).
    disk.sourceFormat = disk.storedFormat = QStringLiteral("raw");
    disk.originalPath = QStringLiteral("/var/lib/libvirt/images/%1.img").arg(vmName);
    disk.fileName = QStringLiteral("vda.raw");
    disk.virtualSize = 1 << 20;
    if (!writeFile(dir + QStringLiteral("/vda.raw"), 4096, 'd')) {
        return fail(QStringLiteral("cannot write the disk file"));
    }
    auto diskHash = Sha256File::hash(dir + QStringLiteral("/vda.raw"));
    if (!diskHash) {
        return fail(diskHash.error().toString());
    }
    disk.storedSize = disk.allocatedSize = 4096;
    disk.sha256 = diskHash->sha256;
    m.disks = {disk};
    if (!writeFile(dir + QStringLiteral("/memory.zst"), 2048, 'm')) {
        return fail(QStringLiteral("cannot write the memory file"));
    }
    auto memHash = Sha256File::hash(dir + QStringLiteral("/memory.zst"));
    if (!memHash) {
        return fail(memHash.error().toString());
    }
    m.memory = PointManifest::Memory {
        QStringLiteral("memory.zst"), 8192, 2048, PointManifest::Compression::Zstd, memHash->sha256};
    if (Status s = repository.commitPoint(vmUuid, *id, m, *lock); !s) {
        return fail(s.error().toString());
    }
    return *id;
}

} // namespace GuiTestData
