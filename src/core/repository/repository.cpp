#include "repository.h"

#include "filesystem.h"
#include "logging.h"
#include "mounttable.h"
#include "pointid.h"
#include "repositorylock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace Rewind {

namespace {

const QLatin1String MarkerName("rewind-repo.json");
const QLatin1String VmRecordName("vm.json");
const QLatin1String ManifestName("manifest.json");
const QLatin1String JournalDirName(".journal");
const QLatin1String LockName(".lock");

// The highest collision suffix tried; reaching it means something is creating points in
// a loop, and failing beats looping on.
constexpr int MaxPointsPerSecond = 10000;

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

// A repository is never created in the place of a drive that is not mounted: it would
// fill the file system below with backups that vanish from sight once the drive is back.
// Where there is no repository to open, this is also the better explanation.
Status checkDriveMounted(const QString &root)
{
    const MountTable mounts = MountTable::current();
    if (const QString dir = mounts.unmountedFstabMountPointFor(root); !dir.isEmpty()) {
        return Error(ErrorCode::NotFound,
            Repository::tr("%1 is on %2, a mount point in /etc/fstab that is not mounted now. Mount it, then "
                           "try again.")
                .arg(root, dir),
            QStringLiteral("not mounted: %1").arg(dir));
    }
    if (const QString dir = mounts.unmountedRemovableRootFor(root); !dir.isEmpty()) {
        return Error(ErrorCode::NotFound,
            Repository::tr("%1 is under %2, where removable drives are mounted, but no drive that holds it "
                           "is mounted now. Plug the drive in and mount it (open it in the file manager), "
                           "then try again.")
                .arg(root, dir),
            QStringLiteral("no drive mounted under %1").arg(dir));
    }
    return {};
}

// Entries that may sit in a folder chosen for a new repository without it being "in use":
// the root of a freshly formatted ext4 disk has lost+found.
bool isIgnorableInEmptyFolder(const QString &name)
{
    return name == QLatin1String("lost+found");
}

Result<QJsonObject> readMarker(const QString &path)
{
    Result<QByteArray> data = FileSystem::readSmallFile(path, 1024 * 1024);
    if (!data) {
        return data.error();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error(ErrorCode::Damaged,
            Repository::tr("The repository marker %1 is damaged (not valid JSON). Restore it from "
                           "another copy or recreate it.")
                .arg(path),
            parseError.errorString());
    }
    return doc.object();
}

// Makes sure the data of a file that is about to be referenced by a manifest is on disk,
// whoever wrote it (libvirt writes the memory image itself and does not sync it).
Status syncFile(const QString &path)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return Error::fromErrno(errno, Repository::tr("Could not open %1.").arg(path));
    }
    int err = 0;
    if (::fsync(fd) != 0 && errno != EINVAL) {
        err = errno;
    }
    ::close(fd);
    if (err) {
        return FileSystem::writeError(err, QFileInfo(path).absolutePath(), QFileInfo(path).fileName());
    }
    return {};
}

} // namespace

QString Repository::defaultLocation()
{
    if (::geteuid() == 0) {
        return QStringLiteral("/var/lib/rewind/repository");
    }
    // The XDG base directory spec says relative values are invalid and to be ignored.
    QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    if (dataHome.isEmpty() || !QDir::isAbsolutePath(dataHome)) {
        dataHome = QDir::homePath() + QLatin1String("/.local/share");
    }
    return QDir::cleanPath(dataHome + QLatin1String("/rewind/repository"));
}

Result<Repository> Repository::open(const QString &path, OpenMode mode)
{
    if (path.isEmpty()) {
        return Error(ErrorCode::Usage, tr("No repository folder was given."));
    }
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const bool create = mode == OpenMode::CreateIfMissing;

    struct stat st = {};
    if (::stat(encoded(root).constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT && create) {
            if (Status s = checkDriveMounted(root); !s) {
                return s.error();
            }
            if (Status s = FileSystem::ensureDirectoryPath(root); !s) {
                return s.error();
            }
        } else if (err == ENOENT) {
            if (Status s = checkDriveMounted(root); !s) {
                return s.error();
            }
            return Error(ErrorCode::NotFound,
                tr("There is no Rewind repository at %1. If it is on a drive, plug the drive in and "
                   "mount it; else choose the folder of an existing repository, or create a new one.")
                    .arg(root));
        } else if (err == ENOTDIR) {
            return Error(ErrorCode::Conflict,
                tr("%1 cannot be a repository folder: a part of its path is a file.").arg(root));
        } else {
            return Error::fromErrno(err, tr("Could not open the repository folder %1.").arg(root));
        }
    } else if (!S_ISDIR(st.st_mode)) {
        return Error(ErrorCode::Conflict,
            tr("%1 is a file, not a folder. Choose a folder for the repository.").arg(root));
    }

    const QString marker = root + QLatin1Char('/') + MarkerName;
    if (::access(encoded(marker).constData(), F_OK) != 0) {
        if (!create) {
            if (Status s = checkDriveMounted(root); !s) {
                return s.error();
            }
            return Error(ErrorCode::NotFound,
                tr("%1 is not a Rewind repository (%2 is missing). If it is on a drive, plug the drive "
                   "in and mount it; else choose the folder of an existing repository, or create a new "
                   "one.")
                    .arg(root, MarkerName));
        }
        QStringList entries
            = QDir(root).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        entries.removeIf(isIgnorableInEmptyFolder);
        // An empty folder is what a mount point looks like while its drive is away.
        if (Status s = checkDriveMounted(root); !s) {
            return s.error();
        }
        if (!entries.isEmpty()) {
            return Error(ErrorCode::Conflict,
                tr("The folder %1 is not empty and holds no Rewind repository. Choose an empty "
                   "folder for a new repository.")
                    .arg(root),
                QStringLiteral("found %1").arg(entries.mid(0, 5).join(QLatin1String(", "))));
        }
        // The repository will hold everything the guests hold: private to its owner.
        if (::chmod(encoded(root).constData(), FileSystem::DirectoryMode) != 0) {
            return FileSystem::writeError(errno, root, QString());
        }
        const QJsonObject json {
            {QStringLiteral("format"), CurrentFormat},
            {QStringLiteral("createdBy"), QStringLiteral("Rewind " REWIND_VERSION)},
            {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        };
        if (Status s = FileSystem::writeFileAtomically(marker, QJsonDocument(json).toJson()); !s) {
            return s.error();
        }
        qCInfo(lcRepository) << "Initialised a new repository at" << root;
    }

    Result<QJsonObject> json = readMarker(marker);
    if (!json) {
        return json.error();
    }
    const QJsonValue format = json->value(QLatin1String("format"));
    if (!format.isDouble() || format.toDouble() < 1 || format.toDouble() != format.toInt()) {
        return Error(ErrorCode::Damaged,
            tr("The repository marker %1 is damaged (no valid format number).").arg(marker));
    }
    if (format.toInt() > CurrentFormat) {
        return Error(ErrorCode::Unsupported,
            tr("The repository at %1 has format %2, which this version of Rewind (%3) cannot "
               "use. Update Rewind or choose another folder.")
                .arg(root)
                .arg(format.toInt())
                .arg(QStringLiteral(REWIND_VERSION)),
            json->value(QLatin1String("createdBy")).toString());
    }

    Repository repo;
    repo.m_path = root;
    repo.m_format = format.toInt();
    repo.m_createdBy = json->value(QLatin1String("createdBy")).toString();
    repo.m_created
        = QDateTime::fromString(json->value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    return repo;
}

Status Repository::checkWritable() const
{
    static std::atomic<quint64> counter {0};
    const QString probe = m_path + QLatin1String("/.rewind-write-test-") + QString::number(::getpid())
        + QLatin1Char('-') + QString::number(counter.fetch_add(1));
    const int fd
        = ::open(encoded(probe).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileSystem::FileMode);
    if (fd < 0) {
        const int err = errno;
        if (err == EACCES || err == EPERM || err == EROFS) {
            return Error(ErrorCode::Permission,
                tr("The repository folder %1 is not writable by user %2. Choose another folder or "
                   "fix its permissions.")
                    .arg(m_path, FileSystem::currentUserName()),
                QString::fromLocal8Bit(strerror(err)));
        }
        return FileSystem::writeError(err, m_path, QString());
    }
    ::close(fd);
    ::unlink(encoded(probe).constData());
    return {};
}

Result<qint64> Repository::freeSpace(const QString &path)
{
    struct statvfs vfs = {};
    if (::statvfs(encoded(path).constData(), &vfs) != 0) {
        return Error::fromErrno(errno, tr("Could not find out the free space of %1.").arg(path));
    }
    return static_cast<qint64>(vfs.f_bavail) * static_cast<qint64>(vfs.f_frsize);
}

bool Repository::isValidVmUuid(const QString &uuid)
{
    const QUuid parsed = QUuid::fromString(uuid);
    return !parsed.isNull() && parsed.toString(QUuid::WithoutBraces) == uuid;
}

QString Repository::markerPath() const
{
    return m_path + QLatin1Char('/') + MarkerName;
}

QString Repository::vmDir(const QString &uuid) const
{
    return m_path + QLatin1Char('/') + uuid;
}

QString Repository::vmRecordPath(const QString &uuid) const
{
    return vmDir(uuid) + QLatin1Char('/') + VmRecordName;
}

QString Repository::journalDir(const QString &uuid) const
{
    return vmDir(uuid) + QLatin1Char('/') + JournalDirName;
}

QString Repository::lockFilePath(const QString &uuid) const
{
    return vmDir(uuid) + QLatin1Char('/') + LockName;
}

QString Repository::pointDir(const QString &uuid, const QString &pointId) const
{
    return vmDir(uuid) + QLatin1Char('/') + pointId;
}

QString Repository::manifestPath(const QString &uuid, const QString &pointId) const
{
    return pointDir(uuid, pointId) + QLatin1Char('/') + ManifestName;
}

Result<QStringList> Repository::listVms() const
{
    QDir dir(m_path);
    if (!dir.exists()) {
        return Error(ErrorCode::NotFound, tr("The repository folder %1 has disappeared.").arg(m_path));
    }
    QStringList vms = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    vms.removeIf([](const QString &name) { return !isValidVmUuid(name); });
    return vms;
}

Result<VmRecord> Repository::loadVm(const QString &uuid) const
{
    if (!isValidVmUuid(uuid)) {
        return Error(ErrorCode::Usage, tr("'%1' is not a VM id.").arg(uuid));
    }
    Result<QByteArray> data = FileSystem::readSmallFile(vmRecordPath(uuid));
    if (!data) {
        return data.error();
    }
    Result<VmRecord> record = VmRecord::fromBytes(*data);
    if (!record) {
        return record.error().withContext(vmRecordPath(uuid) + QLatin1String(": "));
    }
    if (record->uuid != uuid) {
        return Error(
            ErrorCode::Damaged, tr("%1 belongs to another VM (%2).").arg(vmRecordPath(uuid), record->uuid));
    }
    return record;
}

Status Repository::saveVm(const VmRecord &record) const
{
    if (!isValidVmUuid(record.uuid)) {
        return Error(ErrorCode::Usage, tr("'%1' is not a VM id.").arg(record.uuid));
    }
    if (Status s = FileSystem::ensureDirectory(vmDir(record.uuid)); !s) {
        return s;
    }
    return FileSystem::writeFileAtomically(vmRecordPath(record.uuid), record.toBytes());
}

PointInfo Repository::readPoint(const QString &uuid, const QString &pointId) const
{
    PointInfo info;
    info.id = pointId;
    info.dir = pointDir(uuid, pointId);
    const QString manifest = manifestPath(uuid, pointId);
    if (::access(encoded(manifest).constData(), F_OK) != 0 && errno == ENOENT) {
        info.state = PointInfo::State::Incomplete;
        return info;
    }
    Result<QByteArray> data = FileSystem::readSmallFile(manifest);
    Result<PointManifest> parsed
        = data ? PointManifest::fromBytes(*data) : Result<PointManifest>(data.error());
    if (parsed && parsed->domainUuid.compare(uuid, Qt::CaseInsensitive) != 0) {
        parsed = Error(
            ErrorCode::Damaged, tr("The manifest belongs to another VM (%1).").arg(parsed->domainUuid));
    }
    if (!parsed) {
        info.state = PointInfo::State::Damaged;
        info.manifestError = parsed.error().withContext(tr("Point %1: ").arg(pointId));
        return info;
    }
    info.state = PointInfo::State::Complete;
    info.manifest = std::move(parsed).value();
    return info;
}

Result<QList<PointInfo>> Repository::listPoints(const QString &uuid) const
{
    if (!isValidVmUuid(uuid)) {
        return Error(ErrorCode::Usage, tr("'%1' is not a VM id.").arg(uuid));
    }
    QDir dir(vmDir(uuid));
    if (!dir.exists()) {
        return QList<PointInfo> {};
    }
    QStringList ids = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    ids.removeIf([](const QString &name) { return !PointId::isValid(name); });
    std::sort(ids.begin(), ids.end(), PointId::lessThan);
    QList<PointInfo> points;
    points.reserve(ids.size());
    for (const QString &id : std::as_const(ids)) {
        points.append(readPoint(uuid, id));
    }
    return points;
}

Result<PointInfo> Repository::point(const QString &uuid, const QString &pointId) const
{
    if (!isValidVmUuid(uuid) || !PointId::isValid(pointId)) {
        return Error(ErrorCode::Usage, tr("'%1/%2' is not a point id.").arg(uuid, pointId));
    }
    struct stat st = {};
    if (::stat(encoded(pointDir(uuid, pointId)).constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        return Error(ErrorCode::NotFound, tr("The point %1 does not exist in the repository.").arg(pointId));
    }
    return readPoint(uuid, pointId);
}

Status Repository::checkLock(const QString &uuid, const RepositoryLock &lock) const
{
    if (!isValidVmUuid(uuid)) {
        return Error(ErrorCode::Usage, tr("'%1' is not a VM id.").arg(uuid));
    }
    if (!lock.isLocked() || lock.vmUuid() != uuid || lock.repositoryPath() != m_path) {
        // A programming error, not a user's: say so plainly in the log.
        return Error(ErrorCode::Failed,
            tr("Internal error: the repository was changed without holding its lock."),
            QStringLiteral("lock for '%1' in '%2', expected '%3' in '%4'")
                .arg(lock.vmUuid(), lock.repositoryPath(), uuid, m_path));
    }
    return {};
}

Result<QString> Repository::createPointDir(
    const QString &uuid, const QDateTime &when, const RepositoryLock &lock) const
{
    if (Status s = checkLock(uuid, lock); !s) {
        return s.error();
    }
    if (!when.isValid()) {
        return Error(ErrorCode::Usage, tr("Internal error: a point needs a valid time."));
    }
    if (Status s = FileSystem::ensureDirectory(vmDir(uuid)); !s) {
        return s.error();
    }
    // mkdir claims a name atomically: no check-then-create race, even with other writers.
    for (int n = 1; n <= MaxPointsPerSecond; ++n) {
        const QString id = PointId::fromTime(when, n);
        Status created = FileSystem::createDirectoryExclusive(pointDir(uuid, id));
        if (created) {
            if (Status s = FileSystem::syncDirectory(vmDir(uuid)); !s) {
                return s.error();
            }
            qCDebug(lcRepository) << "Created point directory" << pointDir(uuid, id);
            return id;
        }
        if (created.error().code() != ErrorCode::Conflict) {
            return created.error();
        }
    }
    return Error(ErrorCode::Conflict, tr("Too many points were created in the same second."));
}

Status Repository::commitPoint(const QString &uuid, const QString &pointId, const PointManifest &manifest,
    const RepositoryLock &lock) const
{
    if (Status s = checkLock(uuid, lock); !s) {
        return s;
    }
    if (!PointId::isValid(pointId)) {
        return Error(ErrorCode::Usage, tr("'%1' is not a point id.").arg(pointId));
    }
    if (manifest.domainUuid.compare(uuid, Qt::CaseInsensitive) != 0) {
        return Error(ErrorCode::Failed, tr("Internal error: the manifest belongs to another VM."),
            QStringLiteral("manifest uuid %1, point of %2").arg(manifest.domainUuid, uuid));
    }
    // Never write a manifest that would not read back: it would turn into a damaged point.
    const QJsonObject json = manifest.toJson();
    if (Result<PointManifest> check = PointManifest::fromJson(json); !check) {
        return check.error().withContext(tr("Internal error: refusing to write an invalid manifest. "));
    }

    const QString dir = pointDir(uuid, pointId);
    struct Stored
    {
        QString fileName;
        qint64 size;
    };
    QList<Stored> files;
    for (const PointManifest::Disk &disk : manifest.disks) {
        files.append({disk.fileName, disk.storedSize});
    }
    if (manifest.memory) {
        files.append({manifest.memory->fileName, manifest.memory->storedSize});
    }
    if (manifest.nvram) {
        files.append({manifest.nvram->fileName, manifest.nvram->storedSize});
    }
    for (const Stored &file : std::as_const(files)) {
        const QString path = dir + QLatin1Char('/') + file.fileName;
        struct stat st = {};
        if (::lstat(encoded(path).constData(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != file.size) {
            return Error(ErrorCode::Failed,
                tr("The point %1 cannot be committed: its file %2 is missing or does not have the "
                   "size the manifest records.")
                    .arg(pointId, file.fileName),
                QStringLiteral("expected %1 bytes, found %2").arg(file.size).arg(st.st_size));
        }
        if (Status s = syncFile(path); !s) {
            return s;
        }
    }

    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (Status s = FileSystem::writeFileAtomically(manifestPath(uuid, pointId), bytes); !s) {
        return s;
    }
    if (Status s = FileSystem::syncDirectory(vmDir(uuid)); !s) {
        return s;
    }
    qCInfo(lcRepository) << "Committed point" << pointId << "of VM" << uuid;
    return {};
}

Status Repository::removePoint(const QString &uuid, const QString &pointId, const RepositoryLock &lock) const
{
    if (Status s = checkLock(uuid, lock); !s) {
        return s;
    }
    Result<QList<PointInfo>> points = listPoints(uuid);
    if (!points) {
        return points.error();
    }
    const auto self
        = std::find_if(points->cbegin(), points->cend(), [&](const PointInfo &p) { return p.id == pointId; });
    if (self == points->cend()) {
        return Error(ErrorCode::NotFound, tr("The point %1 does not exist in the repository.").arg(pointId));
    }
    QStringList children;
    for (const PointInfo &p : std::as_const(*points)) {
        if (p.manifest && p.manifest->kind == PointManifest::Kind::Incremental
            && p.manifest->parentId == pointId) {
            children.append(p.id);
        }
    }
    if (!children.isEmpty()) {
        return Error(ErrorCode::Conflict,
            tr("The point %1 cannot be removed: the incremental points %2 are stored as changes "
               "on top of it.")
                .arg(pointId, children.join(QLatin1String(", "))));
    }

    const QString manifest = manifestPath(uuid, pointId);
    if (::unlink(encoded(manifest).constData()) != 0 && errno != ENOENT) {
        return FileSystem::writeError(errno, self->dir, QStringLiteral("manifest.json"));
    }
    if (Status s = FileSystem::syncDirectory(self->dir); !s) {
        return s;
    }
    if (Status s = FileSystem::removeTree(self->dir); !s) {
        return s;
    }
    qCInfo(lcRepository) << "Removed point" << pointId << "of VM" << uuid;
    return FileSystem::syncDirectory(vmDir(uuid));
}

Result<QStringList> Repository::removeIncompletePoints(const QString &uuid, const RepositoryLock &lock) const
{
    if (Status s = checkLock(uuid, lock); !s) {
        return s.error();
    }
    Result<QList<PointInfo>> points = listPoints(uuid);
    if (!points) {
        return points.error();
    }
    QStringList removed;
    for (const PointInfo &p : std::as_const(*points)) {
        if (p.state != PointInfo::State::Incomplete) {
            continue;
        }
        if (Status s = FileSystem::removeTree(p.dir); !s) {
            return s.error();
        }
        qCInfo(lcRepository) << "Removed the incomplete point" << p.id << "of VM" << uuid;
        removed.append(p.id);
    }
    if (!removed.isEmpty()) {
        if (Status s = FileSystem::syncDirectory(vmDir(uuid)); !s) {
            return s.error();
        }
    }
    return removed;
}

} // namespace Rewind
