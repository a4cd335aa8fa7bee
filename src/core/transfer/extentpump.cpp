#include "extentpump.h"

#include "bytesink.h"
#include "serialworker.h"
#include "sha256.h"

#include <QFile>

#include <optional>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>

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

struct FreeDeleter
{
    void operator()(char *p) const { std::free(p); }
};

// All bytes zero? Checks the first 16 bytes, then compares the block with itself shifted
// by 16 (equal everywhere only if every byte equals the one 16 before it, i.e. zero):
// memcmp is vectorised, a byte loop is not.
bool isAllZero(const char *p, qint64 size)
{
    constexpr qint64 Head = 16;
    if (size <= Head) {
        return std::all_of(p, p + size, [](char c) { return c == 0; });
    }
    static const char zeros[Head] = {};
    return std::memcmp(p, zeros, Head) == 0
        && std::memcmp(p, p + Head, static_cast<size_t>(size - Head)) == 0;
}

class Pump
{
public:
    Pump(const QString &source, ByteSink *sink, const TransferOptions &options)
        : m_source(source), m_sink(sink), m_options(options)
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
        // Page-aligned, so that FileSink can write them with O_DIRECT.
        for (Slot &slot : m_slots) {
            void *memory = nullptr;
            if (::posix_memalign(&memory, 4096, static_cast<size_t>(m_bufferSize)) != 0) {
                return Error(ErrorCode::Failed, ExtentPump::tr("Out of memory for the copy buffer."));
            }
            slot.buffer.reset(static_cast<char *>(memory));
        }
        if (m_options.hashSource) {
            m_hasher.emplace();
        }
        if (m_sink) {
            m_storer.emplace();
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
        if (m_sink) {
            m_storer->waitForAll();
            if (Status s = storeStatus(); !s) {
                return s.error();
            }
            if (Status s = m_sink->finish(m_size); !s) {
                return s.error();
            }
        }
        m_progress->finish();

        TransferResult result;
        result.logicalSize = m_size;
        result.bytesCopied = m_bytesCopied;
        result.bytesWritten = m_bytesWritten;
        if (m_hasher) {
            m_hasher->waitForAll();
            result.sha256 = m_hash.hexResult();
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

    // The first failure of the store stage; read after waiting for the storer.
    Status storeStatus()
    {
        if (!m_storeFailed.load(std::memory_order_acquire)) {
            return {};
        }
        return m_storeError;
    }

    // Queues a call of the sink behind the ones before it. After a failure the stage
    // skips the rest: the sink's calls must not go on past a gap.
    void postStore(std::function<Status()> call)
    {
        m_storeTicket = m_storer->post([this, call = std::move(call)] {
            if (m_storeFailed.load(std::memory_order_relaxed)) {
                return;
            }
            if (Status s = call(); !s) {
                m_storeError = s;
                m_storeFailed.store(true, std::memory_order_release);
            }
        });
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
        if (m_sink) {
            postStore([this, length] { return m_sink->skipHole(length); });
        }
        // Hashing zeros is cheap but not free (a 100 GiB hole takes a minute): keep
        // honouring cancel and reporting progress while doing it, one piece at a time.
        const qint64 end = offset + length;
        while (offset < end) {
            if (cancelled()) {
                return cancelError();
            }
            const qint64 n = std::min(end - offset, HolePiece);
            if (m_hasher) {
                const quint64 previous = m_hashTicket;
                m_hashTicket = m_hasher->post([this, n] { m_hash.addZeros(n); });
                m_hasher->waitFor(previous);
            }
            offset += n;
            m_progress->update(offset);
        }
        return {};
    }

    // A pipeline of three stages: this thread reads into a ring of buffers, one worker
    // hashes them and another stores them (zero blocks found, bytes written), each in file
    // order. SHA-256 costs about as much CPU as the rest of a copy together, and the store
    // waits for the disk; with a few buffers between them, neither waits for the other's
    // slow moments, and the copy takes about as long as the slower stage alone.
    Status data(qint64 offset, qint64 end)
    {
        while (offset < end) {
            if (cancelled()) {
                return cancelError();
            }
            const qint64 want = std::min(end - offset, m_bufferSize);
            // The next buffer of the ring is free once both stages are done with it.
            Slot &slot = m_slots[m_next];
            m_next = (m_next + 1) % SlotCount;
            if (m_hasher) {
                m_hasher->waitFor(slot.hashTicket);
            }
            if (m_storer) {
                m_storer->waitFor(slot.storeTicket);
                if (Status s = storeStatus(); !s) {
                    return s;
                }
            }
            char *buffer = slot.buffer.get();
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
            if (offset == 0 && m_options.rewriteHead) {
                if (Status s = m_options.rewriteHead(buffer, got); !s) {
                    return s;
                }
            }
            if (m_options.dropSourceCache) {
                ::posix_fadvise(m_fd, offset, got, POSIX_FADV_DONTNEED);
            }
            if (m_hasher) {
                slot.hashTicket = m_hasher->post([this, buffer, got] { m_hash.addData(buffer, got); });
                m_hashTicket = slot.hashTicket;
            }
            if (m_storer) {
                postStore([this, buffer, offset, got] { return store(offset, buffer, got); });
                slot.storeTicket = m_storeTicket;
            }
            offset += got;
            m_progress->update(offset);
        }
        return {};
    }

    // Passes a buffer to the sink, as runs of data and runs of zero blocks (holes). Blocks
    // are aligned to absolute file offsets, so the holes fall on file system blocks.
    Status store(qint64 offset, const char *p, qint64 size)
    {
        if (!m_options.punchZeroBlocks) {
            m_bytesWritten += size;
            return m_sink->write(p, size);
        }
        qint64 runStart = 0;
        bool runIsZero = false;
        qint64 i = 0;
        while (i < size) {
            const qint64 blockEnd = std::min(size,
                (offset + i) / ExtentPump::ZeroBlockSize * ExtentPump::ZeroBlockSize
                    + ExtentPump::ZeroBlockSize - offset);
            const bool zero = isAllZero(p + i, blockEnd - i);
            if (i == 0) {
                runIsZero = zero;
            } else if (zero != runIsZero) {
                if (Status s = flushRun(p + runStart, i - runStart, runIsZero); !s) {
                    return s;
                }
                runStart = i;
                runIsZero = zero;
            }
            i = blockEnd;
        }
        return flushRun(p + runStart, size - runStart, runIsZero);
    }

    Status flushRun(const char *p, qint64 size, bool zero)
    {
        if (size <= 0) {
            return {};
        }
        if (zero) {
            return m_sink->skipHole(size);
        }
        m_bytesWritten += size;
        return m_sink->write(p, size);
    }

    const QString m_source;
    ByteSink *const m_sink;
    const TransferOptions &m_options;
    int m_fd = -1;
    qint64 m_size = 0;
    qint64 m_bytesCopied = 0;
    qint64 m_bytesWritten = 0;
    // Whole pages, so that the buffers stay aligned for O_DIRECT.
    const qint64 m_bufferSize = m_options.bufferSize > 0
        ? std::max<qint64>(4096, m_options.bufferSize / 4096 * 4096)
        : ExtentPump::BufferSize;
    // How much of a hole is hashed at a time, between looks at cancel and progress.
    static constexpr qint64 HolePiece = 8 * 1024 * 1024;

    struct Slot
    {
        std::unique_ptr<char, FreeDeleter> buffer;
        quint64 hashTicket = 0; ///< the hasher's task for what the buffer holds now
        quint64 storeTicket = 0; ///< the storer's task for it
    };
    static constexpr int SlotCount = ExtentPump::BufferCount;
    Slot m_slots[SlotCount];
    int m_next = 0;
    Sha256 m_hash;
    quint64 m_hashTicket = 0; ///< the hasher's last task
    quint64 m_storeTicket = 0; ///< the storer's last task
    std::atomic_bool m_storeFailed {false};
    Status m_storeError; ///< written by the storer before m_storeFailed is set
    // Declared after everything their tasks use, so they are destroyed (and joined) first,
    // also when a transfer stops early.
    std::optional<SerialWorker> m_hasher;
    std::optional<SerialWorker> m_storer;
    std::optional<ProgressThrottle> m_progress;
};

} // namespace

Result<TransferResult> ExtentPump::run(const QString &source, ByteSink *sink, const TransferOptions &options)
{
    Pump pump(source, sink, options);
    return pump.run();
}

} // namespace Rewind
