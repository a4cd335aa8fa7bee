// Tests Repository: initialising and opening, the refusals (unknown format, a folder in
// use, a path under a file, an unwritable folder), file modes, VM records, point ids,
// and the life of points (incomplete, committed, damaged, removed), and the VMs found only
// in the repository (RemovedVm).

#include "repository/pointid.h"
#include "repository/removedvm.h"
#include "repository/repository.h"
#include "repository/repositorylock.h"
#include "verifyok.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <QtConcurrent>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Rewind;

namespace {

const QString Uuid = QStringLiteral("3f1e5c1a-2b9d-4c47-9a0e-7d3b2c1f0a11");
const QString OtherUuid = QStringLiteral("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        return 0;
    }
    return st.st_mode & 07777;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

PointManifest manifestFor(const QString &uuid, qint64 diskSize)
{
    PointManifest m;
    m.domainName = QStringLiteral("web");
    m.domainUuid = uuid;
    m.domainXml = QStringLiteral("<domain/>");
    m.created = QDateTime::currentDateTimeUtc();
    m.method = PointManifest::Method::DiskOnly;
    PointManifest::Disk d;
    d.target = QStringLiteral("vda");
    d.sourceFormat = QStringLiteral("raw");
    d.originalPath = QStringLiteral("/images/web.raw");
    d.fileName = QStringLiteral("vda.raw");
    d.storedFormat = QStringLiteral("raw");
    d.virtualSize = diskSize;
    d.storedSize = diskSize;
    d.sha256 = QString(64, QLatin1Char('0'));
    m.disks = {d};
    m.rewindVersion = QStringLiteral("0.1.0");
    return m;
}

} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // With umask 0, anything that relies on the umask for its mode shows up as
        // 0666/0777 and fails the mode checks below.
        ::umask(0);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultLocation()
    {
        if (::geteuid() == 0) {
            QCOMPARE(Repository::defaultLocation(), QStringLiteral("/var/lib/rewind/repository"));
            return;
        }
        qputenv("XDG_DATA_HOME", "/data/home");
        QCOMPARE(Repository::defaultLocation(), QStringLiteral("/data/home/rewind/repository"));
        qputenv("XDG_DATA_HOME", "relative/is/ignored");
        QCOMPARE(Repository::defaultLocation(),
            QDir::homePath() + QStringLiteral("/.local/share/rewind/repository"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(Repository::defaultLocation(),
            QDir::homePath() + QStringLiteral("/.local/share/rewind/repository"));
    }

    void initialiseMissingFolder()
    {
        const QString path = m_dir->path() + QStringLiteral("/deep/er/repo");
        const Result<Repository> repo = Repository::open(path, Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        QCOMPARE(repo->path(), path);
        QCOMPARE(repo->format(), 1);
        QCOMPARE(repo->createdBy(), QStringLiteral("Rewind " REWIND_VERSION));
        QVERIFY(qAbs(repo->created().secsTo(QDateTime::currentDateTimeUtc())) < 60);

        QCOMPARE(modeOf(path), mode_t(0700));
        QCOMPARE(modeOf(m_dir->path() + QStringLiteral("/deep")), mode_t(0700));
        QCOMPARE(modeOf(repo->markerPath()), mode_t(0600));

        QFile marker(repo->markerPath());
        QVERIFY(marker.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(marker.readAll()).object();
        QCOMPARE(json.value(QLatin1String("format")).toInt(), 1);
        QVERIFY(json.value(QLatin1String("createdBy")).toString().startsWith(QLatin1String("Rewind ")));
        QVERIFY(QDateTime::fromString(json.value(QLatin1String("created")).toString(), Qt::ISODateWithMs)
                    .isValid());
        // The atomic write leaves no temporary file behind.
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList {QStringLiteral("rewind-repo.json")});

        // Opening again reads the same marker; initialising again changes nothing.
        const Result<Repository> again = Repository::open(path);
        VERIFY_OK(again);
        QCOMPARE(again->created(), repo->created());
        const Result<Repository> reinit = Repository::open(path, Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(reinit);
        QCOMPARE(reinit->created(), repo->created());
    }

    void initialiseEmptyFolder()
    {
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("lost+found")));
        ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
        const Result<Repository> repo
            = Repository::open(m_dir->path(), Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        QCOMPARE(modeOf(m_dir->path()), mode_t(0700));
    }

    void refuseFolderInUse()
    {
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("thesis.odt")), "words"));
        const Result<Repository> repo
            = Repository::open(m_dir->path(), Repository::OpenMode::CreateIfMissing);
        QVERIFY(!repo.ok());
        QCOMPARE(repo.error().code(), ErrorCode::Conflict);
        QVERIFY(repo.error().message().contains(m_dir->path()));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("rewind-repo.json"))));
    }

    // A repository is not created where a drive should be mounted and is not: the
    // folders would land on the file system below the mount point.
    void notCreatedWhereTheDriveIsAway()
    {
        const QString mountPoint = m_dir->path() + QStringLiteral("/backup drive");
        QVERIFY(QDir().mkpath(mountPoint)); // what is left of it while unmounted
        const QString fstab = m_dir->path() + QStringLiteral("/fstab");
        QVERIFY(writeFile(fstab,
            "# test\nUUID=1234 " + QFile::encodeName(mountPoint).replace(" ", "\\040")
                + " ext4 noauto 0 2\n"));
        qputenv("REWIND_FSTAB", QFile::encodeName(fstab));
        const auto restore = qScopeGuard([] { qunsetenv("REWIND_FSTAB"); });

        for (const QString &path : QStringList {mountPoint, mountPoint + QStringLiteral("/rewind/repo")}) {
            const Result<Repository> repo = Repository::open(path, Repository::OpenMode::CreateIfMissing);
            QVERIFY(!repo.ok());
            QCOMPARE(repo.error().code(), ErrorCode::NotFound);
            QVERIFY2(repo.error().message().contains(mountPoint)
                    && repo.error().message().contains(QLatin1String("not mounted")),
                qPrintable(repo.error().message()));
            QCOMPARE(QDir(mountPoint).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                QStringList());
        }
        // Nothing to open there either, and the message says why.
        const Result<Repository> existing = Repository::open(mountPoint);
        QCOMPARE(existing.error().code(), ErrorCode::NotFound);
        QVERIFY2(existing.error().message().contains(QLatin1String("not mounted")),
            qPrintable(existing.error().message()));
        // Beside the mount point, and once nothing in fstab names it, it is created.
        VERIFY_OK(Repository::open(
            m_dir->path() + QStringLiteral("/backup drive2"), Repository::OpenMode::CreateIfMissing));
        QVERIFY(writeFile(fstab, "# nothing\n"));
        VERIFY_OK(Repository::open(mountPoint, Repository::OpenMode::CreateIfMissing));
    }

    void openMissing()
    {
        Result<Repository> repo = Repository::open(m_dir->filePath(QStringLiteral("nothing")));
        QVERIFY(!repo.ok());
        QCOMPARE(repo.error().code(), ErrorCode::NotFound);
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("nothing"))));

        // An existing folder without marker is not a repository either.
        repo = Repository::open(m_dir->path());
        QVERIFY(!repo.ok());
        QCOMPARE(repo.error().code(), ErrorCode::NotFound);
        QVERIFY(repo.error().message().contains(QLatin1String("rewind-repo.json")));

        repo = Repository::open(QString());
        QCOMPARE(repo.error().code(), ErrorCode::Usage);
    }

    void refuseMarker_data()
    {
        QTest::addColumn<QByteArray>("marker");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("newer format")
            << QByteArray(R"({"format":2,"createdBy":"Rewind 9.0"})") << ErrorCode::Unsupported;
        QTest::newRow("huge format") << QByteArray(R"({"format":1000})") << ErrorCode::Unsupported;
        QTest::newRow("format zero") << QByteArray(R"({"format":0})") << ErrorCode::Damaged;
        QTest::newRow("format string") << QByteArray(R"({"format":"1"})") << ErrorCode::Damaged;
        QTest::newRow("no format") << QByteArray(R"({"createdBy":"x"})") << ErrorCode::Damaged;
        QTest::newRow("not json") << QByteArray("format=1") << ErrorCode::Damaged;
        QTest::newRow("empty") << QByteArray() << ErrorCode::Damaged;
    }

    void refuseMarker()
    {
        QFETCH(QByteArray, marker);
        QFETCH(ErrorCode, code);
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("rewind-repo.json")), marker));
        for (auto mode : {Repository::OpenMode::OpenExisting, Repository::OpenMode::CreateIfMissing}) {
            const Result<Repository> repo = Repository::open(m_dir->path(), mode);
            QVERIFY(!repo.ok());
            QCOMPARE(repo.error().code(), code);
            QVERIFY2(repo.error().message().contains(m_dir->path()), qPrintable(repo.error().message()));
        }
        // Refusing never rewrites what is there.
        QFile f(m_dir->filePath(QStringLiteral("rewind-repo.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), marker);
    }

    void pathUnderFile()
    {
        // As root permission bits do not stop anything; a path through a regular file
        // fails for everybody.
        const QString file = m_dir->filePath(QStringLiteral("plain-file"));
        QVERIFY(writeFile(file, "x"));
        for (const QString &path :
            QStringList {file, file + QStringLiteral("/repo"), file + QStringLiteral("/a/b")}) {
            const Result<Repository> repo = Repository::open(path, Repository::OpenMode::CreateIfMissing);
            QVERIFY2(!repo.ok(), qPrintable(path));
            QCOMPARE(repo.error().code(), ErrorCode::Conflict);
            QVERIFY2(repo.error().message().contains(path), qPrintable(repo.error().message()));
        }
    }

    void checkWritable()
    {
        const Result<Repository> repo
            = Repository::open(m_dir->path(), Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        VERIFY_OK(repo->checkWritable());
        // The probe file is gone again.
        QCOMPARE(
            QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 1);

        const QByteArray path = QFile::encodeName(m_dir->path());
        bool mounted = false;
        if (::geteuid() == 0) {
            // Root ignores mode bits: make the folder read-only by a read-only bind mount.
            if (::mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) != 0) {
                QSKIP("Cannot bind-mount here, so cannot make a folder unwritable for root");
            }
            mounted = true;
            if (::mount(nullptr, path.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
                ::umount2(path.constData(), MNT_DETACH);
                QSKIP("Cannot remount read-only here");
            }
        } else {
            ::chmod(path.constData(), 0500);
        }
        const Status s = repo->checkWritable();
        if (mounted) {
            ::umount2(path.constData(), MNT_DETACH);
        } else {
            ::chmod(path.constData(), 0700);
        }
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Permission);
        const QString expected
            = QStringLiteral("The repository folder %1 is not writable by user ").arg(m_dir->path());
        QVERIFY2(s.error().message().startsWith(expected), qPrintable(s.error().message()));
        QVERIFY(s.error().message().endsWith(QLatin1String("Choose another folder or fix its permissions.")));
    }

    void freeSpace()
    {
        const Result<qint64> free = Repository::freeSpace(m_dir->path());
        VERIFY_OK(free);
        QVERIFY(*free > 0);
        const Result<qint64> missing = Repository::freeSpace(m_dir->filePath(QStringLiteral("none")));
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
    }

    void listVms()
    {
        const Repository repo = open();
        Result<QStringList> vms = repo.listVms();
        VERIFY_OK(vms);
        QVERIFY(vms->isEmpty());
        QDir root(repo.path());
        QVERIFY(root.mkdir(Uuid));
        QVERIFY(root.mkdir(OtherUuid));
        QVERIFY(root.mkdir(QStringLiteral("not-a-vm")));
        QVERIFY(root.mkdir(QLatin1Char('{') + Uuid + QLatin1Char('}')));
        QVERIFY(root.mkdir(Uuid.toUpper()));
        QVERIFY(writeFile(root.filePath(QStringLiteral("5a5a5a5a-0000-4000-8000-000000000000")), "file"));
        vms = repo.listVms();
        VERIFY_OK(vms);
        QCOMPARE(*vms, (QStringList {OtherUuid, Uuid}));
    }

    void vmRecord()
    {
        const Repository repo = open();
        Result<VmRecord> missing = repo.loadVm(Uuid);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);

        VmRecord record;
        record.uuid = Uuid;
        QVERIFY(record.noteName(
            QStringLiteral("test-web"), QDateTime(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::utc())));
        QVERIFY(!record.noteName(QStringLiteral("test-web")));
        QVERIFY(record.noteName(QStringLiteral("web")));
        QCOMPARE(record.currentName(), QStringLiteral("web"));
        record.retention
            = QJsonObject {{QStringLiteral("keepDaily"), 7}, {QStringLiteral("custom"), QJsonObject {}}};
        record.schedule = QJsonObject {{QStringLiteral("every"), QStringLiteral("1d")}};
        VERIFY_OK(repo.saveVm(record));
        QCOMPARE(modeOf(repo.vmDir(Uuid)), mode_t(0700));
        QCOMPARE(modeOf(repo.vmRecordPath(Uuid)), mode_t(0600));

        Result<VmRecord> loaded = repo.loadVm(Uuid);
        VERIFY_OK(loaded);
        QCOMPARE(*loaded, record);
        QCOMPARE(loaded->names.size(), 2);

        // Saving again replaces the file whole.
        record.schedule = {};
        VERIFY_OK(repo.saveVm(record));
        loaded = repo.loadVm(Uuid);
        VERIFY_OK(loaded);
        QVERIFY(loaded->schedule.isEmpty());
        QCOMPARE(QDir(repo.vmDir(Uuid)).entryList(QDir::Files | QDir::Hidden),
            QStringList {QStringLiteral("vm.json")});

        // A record in the wrong folder, or garbage, is damaged.
        QVERIFY(QDir(repo.path()).mkdir(OtherUuid));
        QVERIFY(QFile::copy(repo.vmRecordPath(Uuid), repo.vmRecordPath(OtherUuid)));
        QCOMPARE(repo.loadVm(OtherUuid).error().code(), ErrorCode::Damaged);
        QVERIFY(writeFile(repo.vmRecordPath(OtherUuid), "{"));
        QCOMPARE(repo.loadVm(OtherUuid).error().code(), ErrorCode::Damaged);

        record.uuid = QStringLiteral("../escape");
        QCOMPARE(repo.saveVm(record).error().code(), ErrorCode::Usage);
        QCOMPARE(repo.loadVm(QStringLiteral("..")).error().code(), ErrorCode::Usage);
    }

    void pointIds()
    {
        const Repository repo = open();
        const Result<RepositoryLock> lock
            = RepositoryLock::acquire(repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        const QDateTime when(QDate(2026, 11, 26), QTime(11, 15, 0, 250), QTimeZone(3600));
        QStringList ids;
        for (int i = 0; i < 11; ++i) {
            Result<QString> id = repo.createPointDir(Uuid, when.addMSecs(i * 10), *lock);
            VERIFY_OK(id);
            ids.append(*id);
        }
        QCOMPARE(ids.at(0), QStringLiteral("20261126T101500Z"));
        QCOMPARE(ids.at(1), QStringLiteral("20261126T101500Z-2"));
        QCOMPARE(ids.at(10), QStringLiteral("20261126T101500Z-11"));
        Result<QString> later = repo.createPointDir(Uuid, when.addSecs(1), *lock);
        Result<QString> earlier = repo.createPointDir(Uuid, when.addDays(-1), *lock);
        VERIFY_OK(later);
        VERIFY_OK(earlier);
        QCOMPARE(*later, QStringLiteral("20261126T101501Z"));
        QCOMPARE(modeOf(repo.pointDir(Uuid, *later)), mode_t(0700));

        const Result<QList<PointInfo>> points = repo.listPoints(Uuid);
        VERIFY_OK(points);
        QStringList listed;
        for (const PointInfo &p : *points) {
            listed.append(p.id);
            QCOMPARE(p.state, PointInfo::State::Incomplete);
            QVERIFY(!p.complete());
            QVERIFY(!p.manifest);
            QCOMPARE(p.dir, repo.pointDir(Uuid, p.id));
        }
        QCOMPARE(listed, QStringList {*earlier} + ids + QStringList {*later});
    }

    void concurrentPointIds()
    {
        // mkdir claims a name atomically: writers racing for one second get distinct ids.
        const Repository repo = open();
        const Result<RepositoryLock> lock
            = RepositoryLock::acquire(repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        const QDateTime when = QDateTime::currentDateTimeUtc();
        auto create = [&]() {
            QStringList ids;
            for (int i = 0; i < 25; ++i) {
                const Result<QString> id = repo.createPointDir(Uuid, when, *lock);
                ids.append(id.ok() ? *id : QStringLiteral("error: ") + id.error().toString());
            }
            return ids;
        };
        QFuture<QStringList> a = QtConcurrent::run(create);
        QFuture<QStringList> b = QtConcurrent::run(create);
        QStringList all = a.result() + b.result();
        QCOMPARE(all.size(), 50);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 50);
        for (const QString &id : std::as_const(all)) {
            QVERIFY2(PointId::isValid(id), qPrintable(id));
        }
    }

    void pointLifecycle()
    {
        const Repository repo = open();
        Result<RepositoryLock> lock
            = RepositoryLock::acquire(repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();

        // A committed point.
        const Result<QString> full = repo.createPointDir(Uuid, t0, *lock);
        VERIFY_OK(full);
        PointManifest manifest = manifestFor(Uuid, 4096);
        // The stored file is missing: refused.
        Status s = repo.commitPoint(Uuid, *full, manifest, *lock);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message().contains(QLatin1String("vda.raw")));
        // Wrong size: refused.
        QVERIFY(writeFile(repo.pointDir(Uuid, *full) + QStringLiteral("/vda.raw"), QByteArray(100, 'x')));
        QVERIFY(!repo.commitPoint(Uuid, *full, manifest, *lock).ok());
        QVERIFY(!QFile::exists(repo.manifestPath(Uuid, *full)));
        QVERIFY(writeFile(repo.pointDir(Uuid, *full) + QStringLiteral("/vda.raw"), QByteArray(4096, 'x')));
        // Invalid manifest: refused before anything is written.
        PointManifest invalid = manifest;
        invalid.disks[0].sha256 = QStringLiteral("nope");
        QVERIFY(!repo.commitPoint(Uuid, *full, invalid, *lock).ok());
        // Another VM's manifest: refused.
        PointManifest foreign = manifestFor(OtherUuid, 4096);
        QVERIFY(!repo.commitPoint(Uuid, *full, foreign, *lock).ok());
        VERIFY_OK(repo.commitPoint(Uuid, *full, manifest, *lock));
        QCOMPARE(modeOf(repo.manifestPath(Uuid, *full)), mode_t(0600));

        // An incremental child, an interrupted point and a damaged one.
        const Result<QString> child = repo.createPointDir(Uuid, t0.addSecs(60), *lock);
        VERIFY_OK(child);
        PointManifest inc = manifestFor(Uuid, 10);
        inc.kind = PointManifest::Kind::Incremental;
        inc.parentId = *full;
        inc.disks[0].backingFile = QStringLiteral("../") + *full + QStringLiteral("/vda.raw");
        QVERIFY(writeFile(repo.pointDir(Uuid, *child) + QStringLiteral("/vda.raw"), QByteArray(10, 'y')));
        VERIFY_OK(repo.commitPoint(Uuid, *child, inc, *lock));

        const Result<QString> partial = repo.createPointDir(Uuid, t0.addSecs(120), *lock);
        VERIFY_OK(partial);
        QVERIFY(writeFile(repo.pointDir(Uuid, *partial) + QStringLiteral("/vda.raw"), "half"));
        // An interrupted manifest write leaves only its temporary file: still incomplete.
        QVERIFY(writeFile(repo.pointDir(Uuid, *partial) + QStringLiteral("/.manifest.json.tmp-1-0"), "{"));

        const Result<QString> damaged = repo.createPointDir(Uuid, t0.addSecs(180), *lock);
        VERIFY_OK(damaged);
        QVERIFY(writeFile(repo.manifestPath(Uuid, *damaged), "{\"format\": 1"));

        Result<QList<PointInfo>> points = repo.listPoints(Uuid);
        VERIFY_OK(points);
        QCOMPARE(points->size(), 4);
        QCOMPARE(points->at(0).state, PointInfo::State::Complete);
        QCOMPARE(*points->at(0).manifest, manifest);
        QCOMPARE(points->at(1).state, PointInfo::State::Complete);
        QCOMPARE(points->at(1).manifest->parentId, *full);
        QCOMPARE(points->at(2).state, PointInfo::State::Incomplete);
        QCOMPARE(points->at(3).state, PointInfo::State::Damaged);
        QCOMPARE(points->at(3).manifestError.code(), ErrorCode::Damaged);
        QVERIFY(!points->at(3).manifest);

        const Result<PointInfo> one = repo.point(Uuid, *child);
        VERIFY_OK(one);
        QVERIFY(one->complete());
        QCOMPARE(repo.point(Uuid, QStringLiteral("20000101T000000Z")).error().code(), ErrorCode::NotFound);
        QCOMPARE(repo.point(Uuid, QStringLiteral("../x")).error().code(), ErrorCode::Usage);

        // Cleanup removes exactly the point without manifest.
        Result<QStringList> removed = repo.removeIncompletePoints(Uuid, *lock);
        VERIFY_OK(removed);
        QCOMPARE(*removed, QStringList {*partial});
        QVERIFY(!QFile::exists(repo.pointDir(Uuid, *partial)));
        QVERIFY(QFile::exists(repo.pointDir(Uuid, *damaged)));
        removed = repo.removeIncompletePoints(Uuid, *lock);
        VERIFY_OK(removed);
        QVERIFY(removed->isEmpty());

        // A parent cannot go while a child builds on it.
        s = repo.removePoint(Uuid, *full, *lock);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Conflict);
        QVERIFY(s.error().message().contains(*child));
        QVERIFY(QFile::exists(repo.manifestPath(Uuid, *full)));
        VERIFY_OK(repo.removePoint(Uuid, *child, *lock));
        VERIFY_OK(repo.removePoint(Uuid, *full, *lock));
        VERIFY_OK(repo.removePoint(Uuid, *damaged, *lock));
        QCOMPARE(repo.removePoint(Uuid, *full, *lock).error().code(), ErrorCode::NotFound);
        points = repo.listPoints(Uuid);
        VERIFY_OK(points);
        QVERIFY(points->isEmpty());
        // The VM folder keeps only its lock file.
        QCOMPARE(QDir(repo.vmDir(Uuid)).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList {QStringLiteral(".lock")});
    }

    void writesNeedTheRightLock()
    {
        const Repository repo = open();
        const Result<RepositoryLock> other
            = RepositoryLock::acquire(repo, OtherUuid, QStringLiteral("db"), QStringLiteral("backup"));
        VERIFY_OK(other);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(repo.createPointDir(Uuid, now, *other).error().code(), ErrorCode::Failed);
        QCOMPARE(repo.removeIncompletePoints(Uuid, *other).error().code(), ErrorCode::Failed);
        const RepositoryLock none;
        QCOMPARE(repo.createPointDir(OtherUuid, now, none).error().code(), ErrorCode::Failed);

        // A lock of the same VM in another repository does not count either.
        QTemporaryDir second;
        const Result<Repository> repo2
            = Repository::open(second.path(), Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo2);
        QCOMPARE(repo2->createPointDir(OtherUuid, now, *other).error().code(), ErrorCode::Failed);
        QVERIFY(!QFile::exists(repo2->vmDir(OtherUuid)));
    }

    void listPointsOfUnknownVm()
    {
        const Repository repo = open();
        const Result<QList<PointInfo>> points = repo.listPoints(Uuid);
        VERIFY_OK(points);
        QVERIFY(points->isEmpty());
        QCOMPARE(repo.listPoints(QStringLiteral("/etc")).error().code(), ErrorCode::Usage);
    }

    // The VMs with points that no connection defines: only complete points count, newest
    // first; a VM with nothing complete, or one that is defined, is left out; the name
    // comes from vm.json, else from the newest point.
    void removedVmsAreFound()
    {
        const Repository repo = open();
        const QString thirdUuid = QStringLiteral("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-2);
        QStringList ids;
        for (const QString &uuid : {Uuid, OtherUuid, thirdUuid}) {
            Result<RepositoryLock> lock
                = RepositoryLock::acquire(repo, uuid, QStringLiteral("web"), QStringLiteral("backup"));
            VERIFY_OK(lock);
            const int complete = uuid == OtherUuid ? 0 : 2;
            for (int i = 0; i < complete; ++i) {
                const Result<QString> id = repo.createPointDir(uuid, t0.addSecs(3600 * i), *lock);
                VERIFY_OK(id);
                PointManifest manifest = manifestFor(uuid, 16);
                manifest.created = t0.addSecs(3600 * i);
                manifest.domainName = i == 0 ? QStringLiteral("old-name") : QStringLiteral("web");
                QVERIFY(
                    writeFile(repo.pointDir(uuid, *id) + QStringLiteral("/vda.raw"), QByteArray(16, 'x')));
                VERIFY_OK(repo.commitPoint(uuid, *id, manifest, *lock));
                if (uuid == Uuid) {
                    ids.prepend(*id);
                }
            }
            VERIFY_OK(repo.createPointDir(uuid, t0.addSecs(7200), *lock)); // interrupted
        }
        VmRecord third;
        third.uuid = thirdUuid;
        QVERIFY(third.noteName(QStringLiteral("db")));
        VERIFY_OK(repo.saveVm(third));

        QList<RemovedVm> found = RemovedVm::find(repo, {});
        QCOMPARE(found.size(), 2); // OtherUuid has nothing complete
        QCOMPARE(found.at(0).name, QStringLiteral("db")); // sorted by name; from vm.json
        QCOMPARE(found.at(0).uuid, thirdUuid);
        QCOMPARE(found.at(1).name, QStringLiteral("web")); // the newest point's
        QCOMPARE(found.at(1).uuid, Uuid);
        QStringList listed;
        for (const PointInfo &p : std::as_const(found.at(1).points)) {
            QVERIFY(p.complete());
            listed << p.id;
        }
        QCOMPARE(listed, ids); // newest first, the interrupted one left out

        found = RemovedVm::find(repo, {thirdUuid});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().uuid, Uuid);
        QVERIFY(RemovedVm::find(repo, {Uuid, thirdUuid}).isEmpty());
    }

private:
    Repository open()
    {
        Result<Repository> repo = Repository::open(m_dir->path(), Repository::OpenMode::CreateIfMissing);
        if (!repo) {
            qFatal("cannot create a repository: %s", qPrintable(repo.error().toString()));
        }
        return *repo;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
