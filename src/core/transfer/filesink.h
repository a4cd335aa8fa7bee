#pragma once

#include "bytesink.h"
#include "writebackwindow.h"

#include <QCoreApplication>
#include <QString>

namespace Rewind {

/// A ByteSink that writes a new sparse file: skipped ranges stay holes, the file is
/// created with mode 0600 (it holds a guest's data), and finish() makes it durable
/// (ftruncate to the logical size so trailing holes count, fsync the file and its
/// folder). What is written streams out to the disk while the copy goes on, with a
/// bounded part of it in the page cache (WritebackWindow). The file must not exist: a
/// sink never overwrites, so abort() (and the destructor of an unfinished sink) may
/// delete what it wrote without risk of deleting something it did not create. Not thread
/// safe; one transfer uses it at a time.
class FileSink final : public ByteSink
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

    /// Written through the page cache, in pieces of at most this size. With a window of
    /// 4 x 32 MiB under writeback a copy keeps several requests in flight, where direct
    /// I/O of one 8 MiB buffer at a time left the disk idle between them: 1 GiB from the
    /// page cache took 1.05-1.09 s against 1.28-1.54 s with O_DIRECT (development
    /// machine, ext4, kernel 6.18, alternating runs), and as whole 8 MiB writes 1.10-1.27 s.
    static constexpr qint64 WritePiece = 256 * 1024;

    int m_fd = -1;
    QString m_path;
    qint64 m_position = 0;
    WritebackWindow m_writeback {32 * 1024 * 1024, 4};
    bool m_created = false;
};

} // namespace Rewind
