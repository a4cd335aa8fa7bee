#include "filesink.h"

#include "logging.h"
#include "repository/filesystem.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind {

FileSink::~FileSink()
{
    if (m_created) {
        abort();
    }
}

Status FileSink::open(const QString &path)
{
    if (m_fd >= 0 || m_created) {
        return Error(ErrorCode::Failed, tr("Internal error: the file sink is already in use."), path);
    }
    m_path = QFileInfo(path).absoluteFilePath();
    const QByteArray name = QFile::encodeName(m_path);
    m_fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileSystem::FileMode);
    if (m_fd < 0) {
        const int err = errno;
        if (err == EEXIST) {
            return Error(ErrorCode::Conflict,
                tr("%1 exists already; Rewind never overwrites a stored file.").arg(m_path));
        }
        return failure(err);
    }
    m_created = true;
    m_position = 0;
    m_writeback.reset();
    // The mode must not depend on the umask of whoever started us.
    if (::fchmod(m_fd, FileSystem::FileMode) != 0) {
        const Error e = failure(errno);
        abort();
        return e;
    }
    return {};
}

Status FileSink::write(const char *data, qint64 size)
{
    while (size > 0) {
        // pwrite at our own position: skipped ranges are never written, so they stay holes.
        const ssize_t n = ::pwrite(m_fd, data, static_cast<size_t>(std::min(size, WritePiece)), m_position);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return failure(errno);
        }
        data += n;
        size -= n;
        m_position += n;
    }
    if (const int err = m_writeback.advance(m_fd, m_position); err != 0) {
        return failure(err);
    }
    return {};
}

Status FileSink::skipHole(qint64 size)
{
    m_position += size;
    return {};
}

Status FileSink::finish(qint64 logicalSize)
{
    if (m_fd < 0) {
        return Error(ErrorCode::Failed, tr("Internal error: the file sink is not open."), m_path);
    }
    // Extends the file over trailing holes, which no write reached.
    if (::ftruncate(m_fd, logicalSize) != 0) {
        return failure(errno);
    }
    // A copy is only done when it is on disk: the manifest that names it comes next.
    if (::fsync(m_fd) != 0) {
        return failure(errno);
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        return failure(errno);
    }
    if (Status s = FileSystem::syncDirectory(QFileInfo(m_path).absolutePath()); !s) {
        return s;
    }
    m_created = false; // finished: the file is the caller's now
    return {};
}

void FileSink::abort()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_created) {
        if (::unlink(QFile::encodeName(m_path).constData()) != 0 && errno != ENOENT) {
            qCWarning(lcRepository) << "Could not remove the partial file" << m_path << ":"
                                    << strerror(errno);
        }
        m_created = false;
    }
}

Error FileSink::failure(int err) const
{
    const QFileInfo info(m_path);
    return FileSystem::writeError(err, info.absolutePath(), info.fileName());
}

} // namespace Rewind
