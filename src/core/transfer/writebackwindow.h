#pragma once

#include <QtGlobal>

namespace Rewind {

/// Streams a file that is being written sequentially (holes skipped) out to the disk
/// while it is written, with a bounded amount of it in the page cache.
///
/// Every step of the file is handed to the kernel's writeback as soon as it is complete
/// (sync_file_range WRITE, which does not wait), so the disk works beside the copy with
/// several steps in flight, and the final fsync has little left to do. Once more than
/// window steps are under writeback, the oldest is waited for and dropped from the page
/// cache: a copy of many gigabytes neither piles up dirty pages nor pushes the host's
/// useful page cache out, and the copy never gets more than window steps ahead of the
/// disk.
///
/// The wait reports a write error that the kernel met for that range. It must not be
/// ignored: the kernel reports each writeback error once per open file, and an error
/// handed to this wait is no longer reported by the fsync that follows.
class WritebackWindow
{
public:
    WritebackWindow(qint64 step, int window) : m_step(step), m_window(window) { }

    /// fd's content is complete up to end (bytes written or skipped as holes).
    /// Returns 0, or the errno of a failed writeback.
    int advance(int fd, qint64 end);
    /// For the next file.
    void reset() { m_started = m_dropped = 0; }

private:
    const qint64 m_step;
    const int m_window;
    qint64 m_started = 0; ///< writeback has been started for [0, m_started)
    qint64 m_dropped = 0; ///< [0, m_dropped) is on the disk and out of the page cache
};

} // namespace Rewind
