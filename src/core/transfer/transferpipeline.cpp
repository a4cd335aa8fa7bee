#include "transferpipeline.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace Rewind {

namespace {
// The ring's large buffers are backed by transparent huge pages where the kernel offers
// them on request (madvise mode, Debian's default): the first touch of 24 MiB in 4 KiB
// pages costs about 80 ms on a virtual machine, in 2 MiB pages next to nothing. Copies
// of 1 GiB with fsync, alternating builds: 1.26-1.46 s against 1.41-1.54 s from the
// disk, 1.19-1.32 s against 1.40-1.48 s from the page cache.
constexpr qint64 HugePage = 2 * 1024 * 1024;

// How much of a hole is hashed at a time: between pieces the producer sees cancel and
// the queue of zeros to hash stays short.
constexpr qint64 HolePiece = 8 * 1024 * 1024;

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

} // namespace

struct TransferPipeline::Slot
{
    std::unique_ptr<char, FreeDeleter> buffer;
    quint64 hashTicket = 0; ///< the hasher's task for what the buffer holds now
    quint64 storeTicket = 0; ///< the storer's task for it
};

TransferPipeline::TransferPipeline(ByteSink *sink, Options options)
    : m_sink(sink)
    , m_options(std::move(options))
    // Whole 4 KiB blocks, so that the zero blocks found in a buffer line up with the file's.
    , m_bufferSize(
          m_options.bufferSize > 0 ? std::max<qint64>(4096, m_options.bufferSize / 4096 * 4096) : BufferSize)
{ }

TransferPipeline::~TransferPipeline()
{
    stop();
}

void TransferPipeline::stop()
{
    m_storer.reset();
    m_hasher.reset();
}

Status TransferPipeline::start()
{
    m_slots = std::make_unique<Slot[]>(BufferCount);
    for (int i = 0; i < BufferCount; ++i) {
        void *memory = nullptr;
        const bool huge = m_bufferSize >= HugePage;
        if (::posix_memalign(&memory, huge ? HugePage : 4096, static_cast<size_t>(m_bufferSize)) != 0) {
            return Error(ErrorCode::Failed, tr("Out of memory for the copy buffer."));
        }
        if (huge) {
            (void)::madvise(memory, static_cast<size_t>(m_bufferSize) / HugePage * HugePage, MADV_HUGEPAGE);
        }
        m_slots[i].buffer.reset(static_cast<char *>(memory));
    }
    if (m_options.hash) {
        m_hasher.emplace();
    }
    if (m_sink) {
        m_storer.emplace();
    }
    return {};
}

Status TransferPipeline::storeStatus() const
{
    if (!m_storeFailed.load(std::memory_order_acquire)) {
        return {};
    }
    return m_storeError;
}

// Queues a call of the sink behind the ones before it. After a failure the stage skips
// the rest: the sink's calls must not go on past a gap.
void TransferPipeline::postStore(std::function<Status()> call)
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

Result<char *> TransferPipeline::acquire()
{
    Slot &slot = m_slots[m_next];
    if (m_hasher) {
        m_hasher->waitFor(slot.hashTicket);
    }
    if (m_storer) {
        m_storer->waitFor(slot.storeTicket);
    }
    if (Status s = storeStatus(); !s) {
        return s.error();
    }
    return slot.buffer.get();
}

Status TransferPipeline::submit(qint64 size)
{
    Slot &slot = m_slots[m_next];
    m_next = (m_next + 1) % BufferCount;
    char *buffer = slot.buffer.get();
    const qint64 offset = m_position;
    if (offset == 0 && m_options.rewriteHead) {
        if (Status s = m_options.rewriteHead(buffer, size); !s) {
            return s;
        }
    }
    if (m_hasher) {
        slot.hashTicket = m_hasher->post([this, buffer, size] { m_hash.addData(buffer, size); });
        m_hashTicket = slot.hashTicket;
    }
    if (m_storer) {
        postStore([this, buffer, offset, size] { return store(offset, buffer, size); });
        slot.storeTicket = m_storeTicket;
    }
    m_position += size;
    return storeStatus();
}

Status TransferPipeline::write(const char *data, qint64 size)
{
    while (size > 0) {
        if (!m_current) {
            auto buffer = acquire();
            if (!buffer) {
                return buffer.error();
            }
            m_current = *buffer;
            m_gathered = 0;
        }
        const qint64 n = std::min(size, m_bufferSize - m_gathered);
        std::memcpy(m_current + m_gathered, data, static_cast<size_t>(n));
        m_gathered += n;
        data += n;
        size -= n;
        if (m_gathered == m_bufferSize) {
            if (Status s = flushGathered(); !s) {
                return s;
            }
        }
    }
    return {};
}

Status TransferPipeline::flushGathered()
{
    if (!m_current) {
        return {};
    }
    m_current = nullptr;
    return submit(std::exchange(m_gathered, 0));
}

Status TransferPipeline::skipHole(qint64 size)
{
    if (Status s = flushGathered(); !s) {
        return s;
    }
    if (m_storer) {
        postStore([this, size] { return m_sink->skipHole(size); });
    }
    // Hashing zeros is cheap but not free (a 100 GiB hole takes a minute): in pieces, at
    // most a ring's worth queued, with a look at cancel in between.
    for (qint64 left = size; left > 0 && m_hasher;) {
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
            return Error(ErrorCode::Cancelled, tr("The transfer was cancelled."));
        }
        const qint64 n = std::min(left, HolePiece);
        m_hashTicket = m_hasher->post([this, n] { m_hash.addZeros(n); });
        if (m_hashTicket > quint64(BufferCount)) {
            m_hasher->waitFor(m_hashTicket - BufferCount);
        }
        left -= n;
    }
    m_position += size;
    return storeStatus();
}

Status TransferPipeline::finish(qint64 logicalSize)
{
    if (Status s = flushGathered(); !s) {
        return s;
    }
    if (m_hasher) {
        m_hasher->waitForAll();
    }
    if (!m_sink) {
        return {};
    }
    m_storer->waitForAll();
    if (Status s = storeStatus(); !s) {
        return s;
    }
    return m_sink->finish(logicalSize);
}

void TransferPipeline::abort()
{
    stop();
    if (m_sink) {
        m_sink->abort();
    }
}

QString TransferPipeline::sha256()
{
    return m_hash.hexResult();
}

// Passes a buffer to the sink, as runs of data and runs of zero blocks (holes). Blocks are
// aligned to absolute file offsets, so the holes fall on file system blocks.
Status TransferPipeline::store(qint64 offset, const char *p, qint64 size)
{
    if (!m_options.punchZeroBlocks) {
        m_bytesWritten += size;
        return m_sink->write(p, size);
    }
    qint64 runStart = 0;
    bool runIsZero = false;
    qint64 i = 0;
    while (i < size) {
        const qint64 blockEnd
            = std::min(size, (offset + i) / ZeroBlockSize * ZeroBlockSize + ZeroBlockSize - offset);
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

Status TransferPipeline::flushRun(const char *p, qint64 size, bool zero)
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

} // namespace Rewind
