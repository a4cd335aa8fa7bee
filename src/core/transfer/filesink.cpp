#include "filesink.h"

#include "logging.h"
#include "repository/filesystem.h"

#include <QFile>
#include <QFileInfo>

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
    // The mode must not depend on the umask of whoever started us.
    if (::fchmod(m_fd, FileSystem::FileMode) != 0) {
        const Error e = failure(errno);
        abort();
        return e;
    }
    // Direct I/O where the file system has it: the copy is not read again soon, so it
    // should neither push the host's useful page cache out nor leave gigabytes of dirty
    // pages for the kernel to write back (the CPU time of that writeback and the final
    // fsync are gone as well). Set after creating, because an open() with O_DIRECT that
    // the file system refuses would still have created the file.
    const int flags = ::fcntl(m_fd, F_GETFL);
    m_direct = flags >= 0 && ::fcntl(m_fd, F_SETFL, flags | O_DIRECT) == 0;
    return {};
}

bool FileSink::directFits(const char *data, qint64 size) const
{
    constexpr quintptr Mask = DirectAlignment - 1;
    return ((reinterpret_cast<quintptr>(data) | quintptr(size) | quintptr(m_position)) & Mask) == 0;
}

void FileSink::stopDirect()
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0) {
        ::fcntl(m_fd, F_SETFL, flags & ~O_DIRECT);
    }
    m_direct = false;
}

Status FileSink::write(const char *data, qint64 size)
{
    // Direct I/O needs block-aligned memory, offset and length. ExtentPump's buffers and
    // runs are, except at the end of a file; whatever is not goes through the page cache
    // from then on (also when the file system refuses an aligned write after all).
    if (m_direct && !directFits(data, size)) {
        stopDirect();
    }
    while (size > 0) {
        // pwrite at our own position: skipped ranges are never written, so they stay holes.
        const ssize_t n = ::pwrite(m_fd, data, static_cast<size_t>(size), m_position);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EINVAL && m_direct) {
                stopDirect();
                continue;
            }
            return failure(errno);
        }
        data += n;
        size -= n;
        m_position += n;
        if (!m_direct) {
            m_unflushed += n;
        }
        if (m_direct && size > 0 && !directFits(data, size)) {
            stopDirect(); // a short write left the rest unaligned
        }
    }
    // Start writing back what is written so far without waiting for it: the disk works
    // while the copy goes on, and the fsync in finish() has little left to do. Advice
    // only; on file systems without it finish() does all the work.
    if (m_unflushed >= WritebackChunk) {
        ::sync_file_range(m_fd, m_flushedUpTo, m_position - m_flushedUpTo, SYNC_FILE_RANGE_WRITE);
        m_flushedUpTo = m_position;
        m_unflushed = 0;
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
