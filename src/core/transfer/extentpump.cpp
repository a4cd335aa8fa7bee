#include "extentpump.h"

#include "bytesink.h"
#include "transferpipeline.h"

#include <QFile>

#include <optional>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind {

namespace {

// Calls the progress callback at most every 100 ms, and always for the last update.
class ProgressThrottle
{
public:
    ProgressThrottle(const TransferOptions &options, qint64 total)
        : m_callback(options.progress), m_total(total)
    { }

    void update(qint64 done)
    {
        if (!m_callback) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last >= Interval) {
            m_last = now;
            m_callback(done, m_total);
        }
    }

    void finish()
    {
        if (m_callback) {
            m_callback(m_total, m_total);
        }
    }

private:
    static constexpr std::chrono::milliseconds Interval {100};
    const std::function<void(qint64, qint64)> &m_callback;
    qint64 m_total;
    std::chrono::steady_clock::time_point m_last {};
};

class Pump
{
public:
    Pump(const QString &source, ByteSink *sink, const TransferOptions &options)
        : m_source(source)
        , m_options(options)
        , m_pipeline(sink,
              {options.hashSource, options.punchZeroBlocks, options.bufferSize, options.cancel,
                  options.rewriteHead})
    { }

    ~Pump()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }

    Result<TransferResult> run()
    {
        if (Status s = openSource(); !s) {
            return s.error();
        }
        if (Status s = m_pipeline.start(); !s) {
            return s.error();
        }

        m_progress.emplace(m_options, m_size);
        m_progress->update(0);

        qint64 pos = 0;
        bool sparse = true;
        while (pos < m_size) {
            qint64 dataStart = pos;
            qint64 dataEnd = m_size;
            if (sparse) {
                dataStart = ::lseek(m_fd, pos, SEEK_DATA);
                if (dataStart < 0 && errno == ENXIO) {
                    dataStart = m_size; // only a hole remains
                } else if (dataStart < 0 && (errno == EINVAL || errno == EOPNOTSUPP)) {
                    sparse = false; // the file system cannot tell: everything is data
                    dataStart = pos;
                } else if (dataStart < 0) {
                    return readError(errno);
                }
                dataStart = std::min(dataStart, m_size);
                if (sparse && dataStart < m_size) {
                    dataEnd = ::lseek(m_fd, dataStart, SEEK_HOLE);
                    if (dataEnd < 0) {
                        dataEnd = m_size;
                    }
                    dataEnd = std::min(dataEnd, m_size);
                }
            }
            if (dataStart > pos) {
                if (Status s = hole(pos, dataStart - pos); !s) {
                    return s.error();
                }
            }
            if (dataEnd > dataStart) {
                if (Status s = data(dataStart, dataEnd); !s) {
                    return s.error();
                }
            }
            pos = std::max(dataEnd, dataStart);
        }
        if (Status s = m_pipeline.finish(m_size); !s) {
            return s.error();
        }
        m_progress->finish();

        TransferResult result;
        result.logicalSize = m_size;
        result.bytesCopied = m_bytesCopied;
        result.bytesWritten = m_pipeline.bytesWritten();
        if (m_options.hashSource) {
            result.sha256 = m_pipeline.sha256();
        }
        return result;
    }

private:
    Status openSource()
    {
        m_fd = ::open(QFile::encodeName(m_source).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) {
            return Error::fromErrno(errno, ExtentPump::tr("Could not open %1 for reading.").arg(m_source));
        }
        struct stat st = {};
        if (::fstat(m_fd, &st) != 0) {
            return readError(errno);
        }
        if (S_ISREG(st.st_mode)) {
            m_size = st.st_size;
        } else if (S_ISBLK(st.st_mode)) {
            m_size = ::lseek(m_fd, 0, SEEK_END);
            if (m_size < 0) {
                return readError(errno);
            }
        } else {
            return Error(ErrorCode::Unsupported,
                ExtentPump::tr("%1 is neither a file nor a block device and cannot be copied.")
                    .arg(m_source));
        }
        // Larger read-ahead; advice only, so its failure does not matter.
        ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
        return {};
    }

    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }

    Error cancelError() const
    {
        return Error(ErrorCode::Cancelled, ExtentPump::tr("The transfer of %1 was cancelled.").arg(m_source));
    }

    Error readError(int err) const
    {
        return Error::fromErrno(err, ExtentPump::tr("Could not read %1.").arg(m_source));
    }

    Status hole(qint64 offset, qint64 length)
    {
        // In pieces, so that cancel and progress keep working through a 100 GiB hole.
        const qint64 end = offset + length;
        while (offset < end) {
            if (cancelled()) {
                return cancelError();
            }
            const qint64 n = std::min(end - offset, HolePiece);
            if (Status s = m_pipeline.skipHole(n); !s) {
                return s;
            }
            offset += n;
            m_progress->update(offset);
        }
        return {};
    }

    // Reads straight into the pipeline's ring; its workers hash and store (see
    // TransferPipeline).
    Status data(qint64 offset, qint64 end)
    {
        m_droppedTo = std::max(m_droppedTo, offset);
        while (offset < end) {
            if (cancelled()) {
                return cancelError();
            }
            const qint64 want = std::min(end - offset, m_pipeline.bufferSize());
            auto acquired = m_pipeline.acquire();
            if (!acquired) {
                return acquired.error();
            }
            char *buffer = *acquired;
            qint64 got = 0;
            while (got < want) {
                const ssize_t n = ::pread(m_fd, buffer + got, static_cast<size_t>(want - got), offset + got);
                if (n < 0 && errno == EINTR) {
                    continue;
                }
                if (n < 0) {
                    return readError(errno);
                }
                if (n == 0) {
                    return Error(ErrorCode::Io,
                        ExtentPump::tr("%1 became shorter while it was being copied.").arg(m_source),
                        QStringLiteral("end of file at %1, expected %2").arg(offset + got).arg(m_size));
                }
                got += n;
            }
            m_bytesCopied += got;
            if (m_options.dropSourceCache) {
                dropCache(offset + got, offset + got == end);
            }
            if (Status s = m_pipeline.submit(got); !s) {
                return s;
            }
            offset += got;
            m_progress->update(offset);
        }
        return {};
    }

    // Drops what has been read from the page cache, in pieces that end on DropAlignment
    // (or at the end of the extent): the page cache holds a file in folios of up to 2 MiB,
    // and POSIX_FADV_DONTNEED leaves a folio its range covers only in part, so dropping
    // each 1 MiB buffer as it is read would drop nothing.
    void dropCache(qint64 readTo, bool endOfExtent)
    {
        const qint64 to = endOfExtent ? readTo : readTo / DropAlignment * DropAlignment;
        if (to > m_droppedTo) {
            ::posix_fadvise(m_fd, m_droppedTo, to - m_droppedTo, POSIX_FADV_DONTNEED);
            m_droppedTo = to;
        }
    }

    const QString m_source;
    const TransferOptions &m_options;
    int m_fd = -1;
    qint64 m_size = 0;
    qint64 m_bytesCopied = 0;
    // How much of a hole is passed on at a time, between looks at cancel and progress.
    static constexpr qint64 HolePiece = 8 * 1024 * 1024;
    static constexpr qint64 DropAlignment = 8 * 1024 * 1024;
    qint64 m_droppedTo = 0; ///< the page cache was dropped up to here
    TransferPipeline m_pipeline;
    std::optional<ProgressThrottle> m_progress;
};

} // namespace

qint64 ExtentPump::bufferSizeFor(qint64 sourceSize)
{
    return sourceSize <= SmallSource ? SmallBuffer : TransferPipeline::BufferSize;
}

Result<TransferResult> ExtentPump::run(const QString &source, ByteSink *sink, const TransferOptions &options)
{
    TransferOptions chosen = options;
    struct stat st = {};
    if (chosen.bufferSize <= 0 && ::stat(QFile::encodeName(source).constData(), &st) == 0
        && S_ISREG(st.st_mode)) {
        chosen.bufferSize = bufferSizeFor(st.st_size);
    }
    Pump pump(source, sink, chosen);
    return pump.run();
}

} // namespace Rewind
