#include "repositorylock.h"

#include "filesystem.h"
#include "logging.h"
#include "repository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind {

namespace {

// What the holder wrote, for the message of the refused one. Best effort: the holder
// may be between truncating and writing, and then there is nothing to tell.
QString describeHolder(int fd)
{
    char buffer[4096];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
        return {};
    }
    const QJsonObject holder = QJsonDocument::fromJson(QByteArray(buffer, n)).object();
    const qint64 pid = holder.value(QLatin1String("pid")).toInteger();
    if (pid <= 0) {
        return {};
    }
    const QString kind = holder.value(QLatin1String("kind")).toString();
    const QDateTime since
        = QDateTime::fromString(holder.value(QLatin1String("since")).toString(), Qt::ISODateWithMs);
    QString text = kind.isEmpty() ? RepositoryLock::tr("process %1").arg(pid)
                                  : RepositoryLock::tr("%1 in process %2").arg(kind).arg(pid);
    if (since.isValid()) {
        text += QLatin1Char(' ')
            + RepositoryLock::tr("since %1")
                  .arg(QLocale().toString(since.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

} // namespace

RepositoryLock::~RepositoryLock()
{
    release();
}

RepositoryLock::RepositoryLock(RepositoryLock &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_repositoryPath(std::move(other.m_repositoryPath))
    , m_vmUuid(std::move(other.m_vmUuid))
    , m_jobKind(std::move(other.m_jobKind))
{ }

RepositoryLock &RepositoryLock::operator=(RepositoryLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_repositoryPath = std::move(other.m_repositoryPath);
        m_vmUuid = std::move(other.m_vmUuid);
        m_jobKind = std::move(other.m_jobKind);
    }
    return *this;
}

Result<RepositoryLock> RepositoryLock::acquire(
    const Repository &repository, const QString &vmUuid, const QString &vmName, const QString &jobKind)
{
    if (!repository.isValid() || !Repository::isValidVmUuid(vmUuid)) {
        return Error(ErrorCode::Usage, tr("Cannot lock VM '%1': invalid repository or VM id.").arg(vmName),
            QStringLiteral("uuid '%1'").arg(vmUuid));
    }
    // The repository can go away under a running application (its drive unplugged or
    // unmounted); every job that writes takes this lock first, so none writes on into
    // whatever is left at the path.
    if (::access(QFile::encodeName(repository.markerPath()).constData(), F_OK) != 0) {
        const int err = errno;
        return Error(ErrorCode::NotFound,
            tr("The repository at %1 is no longer there (%2 is missing). If it is on a drive, plug the drive "
               "in and mount it, then try again.")
                .arg(repository.path(), QFileInfo(repository.markerPath()).fileName()),
            QString::fromLocal8Bit(strerror(err)));
    }
    if (Status s = FileSystem::ensureDirectory(repository.vmDir(vmUuid)); !s) {
        return s.error();
    }
    const QString path = repository.lockFilePath(vmUuid);
    const int fd = ::open(
        QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, FileSystem::FileMode);
    if (fd < 0) {
        return FileSystem::writeError(errno, repository.vmDir(vmUuid), QStringLiteral(".lock"));
    }
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int err = errno;
        if (err == EWOULDBLOCK) {
            const QString holder = describeHolder(fd);
            ::close(fd);
            const QString message = holder.isEmpty()
                ? tr("Another Rewind job is already working on VM '%1'. Wait for it to finish.").arg(vmName)
                : tr("Another Rewind job is already working on VM '%1' (%2). Wait for it to finish.")
                      .arg(vmName, holder);
            return Error(ErrorCode::Busy, message, path);
        }
        ::close(fd);
        return Error::fromErrno(err, tr("Could not lock VM '%1' in the repository.").arg(vmName));
    }
    // Mode after the fact: the file may predate us, or have been created under a umask.
    ::fchmod(fd, FileSystem::FileMode);

    const QJsonObject holder {
        {QStringLiteral("pid"), static_cast<qint64>(::getpid())},
        {QStringLiteral("kind"), jobKind},
        {QStringLiteral("vmName"), vmName},
        {QStringLiteral("since"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    const QByteArray info = QJsonDocument(holder).toJson(QJsonDocument::Compact);
    // Failing to describe ourselves costs only a vaguer message for others: not an error.
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, info.constData(), info.size(), 0) != info.size()) {
        qCWarning(lcRepository) << "Could not write the lock holder into" << path << ":" << strerror(errno);
    }

    RepositoryLock lock;
    lock.m_fd = fd;
    lock.m_repositoryPath = repository.path();
    lock.m_vmUuid = vmUuid;
    lock.m_jobKind = jobKind;
    qCDebug(lcRepository) << "Locked VM" << vmUuid << "for" << jobKind;
    return lock;
}

void RepositoryLock::release()
{
    if (m_fd < 0) {
        return;
    }
    // Clear the holder first so nobody reads our pid after we are gone; closing the last
    // descriptor of the open file description releases the flock.
    if (::ftruncate(m_fd, 0) != 0) {
        qCDebug(lcRepository) << "Could not clear the lock holder:" << strerror(errno);
    }
    ::close(m_fd);
    m_fd = -1;
    qCDebug(lcRepository) << "Released the lock of VM" << m_vmUuid;
}

} // namespace Rewind
