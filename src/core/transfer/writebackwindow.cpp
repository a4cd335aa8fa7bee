#include "writebackwindow.h"

#include <cerrno>

#include <fcntl.h>

namespace Rewind {

int WritebackWindow::advance(int fd, qint64 end)
{
    const qint64 complete = end / m_step * m_step;
    if (complete <= m_started) {
        return 0;
    }
    // Advice: on file systems without it the data still reaches the disk with the fsync.
    ::sync_file_range(fd, m_started, complete - m_started, SYNC_FILE_RANGE_WRITE);
    m_started = complete;
    const qint64 keep = qint64(m_window) * m_step;
    if (m_started - m_dropped <= keep) {
        return 0;
    }
    const qint64 upTo = m_started - keep;
    if (::sync_file_range(fd, m_dropped, upTo - m_dropped,
            SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)
        != 0) {
        const int err = errno;
        // Not a write error: the file system does not take part. The fsync covers it.
        if (err != EINVAL && err != ESPIPE && err != ENOSYS) {
            return err;
        }
    }
    ::posix_fadvise(fd, m_dropped, upTo - m_dropped, POSIX_FADV_DONTNEED);
    m_dropped = upTo;
    return 0;
}

} // namespace Rewind
