#pragma once

#include "bytesink.h"

#include <QCoreApplication>
#include <QString>

namespace Rewind {

/// A ByteSink that writes a new sparse file: skipped ranges stay holes, the file is
/// created with mode 0600 (it holds a guest's data), and finish() makes it durable
/// (ftruncate to the logical size so trailing holes count, fsync the file and its
/// folder). Aligned writes bypass the page cache (O_DIRECT) where the file system
/// allows it; the rest is written back early (sync_file_range) as it comes. The file must not exist: a sink
/// never overwrites, so abort() (and the destructor of an unfinished sink) may delete what it wrote without
/// risk of deleting something it did not create. Not thread safe; one transfer uses it at a time.
class FileSink : public ByteSink
{
    Q_DECLARE_TR_FUNCTIONS(FileSink)

public:
    FileSink() = default;
    ~FileSink() override;
    FileSink(const FileSink &) = delete;
    FileSink &operator=(const FileSink &) = delete;

    /// Creates path. Conflict when it exists; NoSpace/Permission naming its folder.
    Status open(const QString &path);
    QString path() const { return m_path; }
    bool isOpen() const { return m_fd >= 0; }

    Status write(const char *data, qint64 size) override;
    Status skipHole(qint64 size) override;
    Status finish(qint64 logicalSize) override;
    void abort() override;

private:
    Error failure(int err) const;
    /// Whether a write of size bytes from data at the current position may use O_DIRECT.
    bool directFits(const char *data, qint64 size) const;
    /// Writes through the page cache from now on.
    void stopDirect();

    int m_fd = -1;
    QString m_path;
    qint64 m_position = 0;
    static constexpr qint64 WritebackChunk = 32 * 1024 * 1024;
    qint64 m_unflushed = 0; ///< bytes written since the last writeback request
    qint64 m_flushedUpTo = 0;
    static constexpr qint64 DirectAlignment = 4096; ///< covers the logical block size of common disks
    bool m_direct = false; ///< the descriptor has O_DIRECT set
    bool m_created = false;
};

} // namespace Rewind
