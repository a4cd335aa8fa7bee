#include "filesystem.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind::FileSystem {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("Rewind::FileSystem", text);
}

QString strError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

// Writes all of data, retrying on EINTR and short writes. Returns 0 or an errno.
int writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        data += n;
        size -= n;
    }
    return 0;
}

QString parentOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    static std::atomic<quint64> counter {0};
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    // pid + counter make the name unique among writers in this and other processes;
    // O_EXCL makes sure a stale file of a crashed writer is never reused blindly.
    const QString temp = dir + QLatin1String("/.") + info.fileName() + QLatin1String(".tmp-")
        + QString::number(::getpid()) + QLatin1Char('-') + QString::number(counter.fetch_add(1));
    const QByteArray tempName = QFile::encodeName(temp);

    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileMode);
    if (fd < 0) {
        return writeError(errno, dir, info.fileName());
    }
    int err = 0;
    if (::fchmod(fd, FileMode) != 0) {
        err = errno;
    }
    if (!err) {
        err = writeAll(fd, data.constData(), data.size());
    }
    if (!err && ::fsync(fd) != 0) {
        err = errno;
    }
    if (::close(fd) != 0 && !err) {
        err = errno;
    }
    if (!err && ::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        err = errno;
    }
    if (err) {
        ::unlink(tempName.constData());
        return writeError(err, dir, info.fileName());
    }
    return syncDirectory(dir);
}

Result<QByteArray> readSmallFile(const QString &path, qint64 maxSize)
{
    // POSIX calls rather than QFile: the errno decides between NotFound and Permission.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error::fromErrno(errno, translate("Could not read %1.").arg(path));
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return Error::fromErrno(err, translate("Could not read %1.").arg(path));
    }
    if (st.st_size > maxSize) {
        ::close(fd);
        return Error(ErrorCode::Damaged, translate("%1 is too large to be a Rewind metadata file.").arg(path),
            QStringLiteral("%1 bytes").arg(st.st_size));
    }
    QByteArray data;
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return Error::fromErrno(err, translate("Could not read %1.").arg(path));
        }
        if (n == 0) {
            break;
        }
        data.append(chunk, n);
        if (data.size() > maxSize) {
            ::close(fd);
            return Error(
                ErrorCode::Damaged, translate("%1 is too large to be a Rewind metadata file.").arg(path));
        }
    }
    ::close(fd);
    return data;
}

Status ensureDirectory(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    if (::mkdir(name.constData(), DirectoryMode) == 0) {
        // mkdir applies the umask; chmod does not, and the mode must not depend on it.
        if (::chmod(name.constData(), DirectoryMode) != 0) {
            return writeError(errno, parentOf(path), QFileInfo(path).fileName());
        }
        return {};
    }
    const int err = errno;
    struct stat st = {};
    if (err == EEXIST && ::stat(name.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            return {};
        }
        return Error(ErrorCode::Conflict,
            translate("%1 exists but is not a folder. Remove it or choose another folder.").arg(path));
    }
    if (err == ENOTDIR) {
        return Error(ErrorCode::Conflict,
            translate("%1 cannot be created because a part of its path is a file, not a folder.").arg(path),
            strError(err));
    }
    return writeError(err, parentOf(path), QFileInfo(path).fileName());
}

Status ensureDirectoryPath(const QString &path)
{
    const QString clean = QFileInfo(path).absoluteFilePath();
    struct stat st = {};
    if (::stat(QFile::encodeName(clean).constData(), &st) == 0 && S_ISDIR(st.st_mode)) {
        return {};
    }
    const QString parent = parentOf(clean);
    if (parent != clean) {
        if (Status s = ensureDirectoryPath(parent); !s) {
            return s;
        }
    }
    return ensureDirectory(clean);
}

Status createDirectoryExclusive(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    if (::mkdir(name.constData(), DirectoryMode) != 0) {
        const int err = errno;
        if (err == EEXIST) {
            return Error(ErrorCode::Conflict, translate("%1 already exists.").arg(path));
        }
        return writeError(err, parentOf(path), QFileInfo(path).fileName());
    }
    if (::chmod(name.constData(), DirectoryMode) != 0) {
        return writeError(errno, parentOf(path), QFileInfo(path).fileName());
    }
    return {};
}

Status syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return Error::fromErrno(errno, translate("Could not open the folder %1.").arg(path));
    }
    int err = 0;
    // EINVAL: the file system cannot sync directories (some FUSE ones); nothing to do.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        err = errno;
    }
    ::close(fd);
    if (err) {
        return writeError(err, path, QString());
    }
    return {};
}

Status removeTree(const QString &path)
{
    std::error_code ec;
    // remove_all removes symbolic links themselves and never what they point to.
    std::filesystem::remove_all(std::filesystem::path(QFile::encodeName(path).toStdString()), ec);
    if (ec) {
        return Error::fromErrno(ec.value(), translate("Could not remove %1.").arg(path));
    }
    return {};
}

QString currentUserName()
{
    const uid_t uid = ::geteuid();
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    QByteArray buffer(size > 0 ? size : 16384, Qt::Uninitialized);
    struct passwd pwd = {};
    struct passwd *result = nullptr;
    if (::getpwuid_r(uid, &pwd, buffer.data(), buffer.size(), &result) == 0 && result) {
        return QString::fromLocal8Bit(result->pw_name);
    }
    return QString::number(uid);
}

Error writeError(int err, const QString &folder, const QString &what)
{
    const QString detail = what.isEmpty() ? strError(err) : what + QLatin1String(": ") + strError(err);
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return Error(ErrorCode::NoSpace,
            translate("The disk holding %1 is full. Free some space there or choose another "
                      "repository folder.")
                .arg(folder),
            detail);
    case EACCES:
    case EPERM:
    case EROFS:
        return Error(ErrorCode::Permission,
            translate("The folder %1 is not writable by user %2. Choose another folder or fix its "
                      "permissions.")
                .arg(folder, currentUserName()),
            detail);
    default:
        return Error(ErrorCode::Io, translate("Writing into the folder %1 failed.").arg(folder), detail);
    }
}

} // namespace Rewind::FileSystem
