#pragma once

#include "bytesink.h"
#include "result.h"
#include "serialworker.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Rewind {

/// The hash and store stages of every transfer, with a ring of buffers in front of them.
/// A producer (ExtentPump reading a file, a libvirt stream arriving) fills a buffer and
/// hands it over; one worker thread hashes the buffers and another passes them to the
/// sink, each in file order, and a buffer is filled again once both are done with it.
/// SHA-256 costs about as much CPU as the rest of a copy together and the store waits for
/// the disk; with a few buffers between the stages neither waits for the other's slow
/// moments, and a transfer takes about as long as its slowest stage alone.
///
/// Two ways in: acquire() + submit() let a producer read straight into the ring (no
/// copy), and the ByteSink face (write(), skipHole(), finish()) takes data in pieces of
/// any size, such as a stream's, and gathers them into whole buffers.
///
/// The SHA-256 is that of the logical content, holes hashed as zeros, so it equals
/// `sha256sum` of the result. With punchZeroBlocks, 4 KiB blocks of zeros inside the data
/// reach the sink as holes. The producer's calls must come from one thread. The sink's
/// write() and skipHole() calls come from the store worker, in file order; its finish()
/// comes from the producer's thread once the worker is done.
class TransferPipeline final : public ByteSink
{
    Q_DECLARE_TR_FUNCTIONS(TransferPipeline)

public:
    /// The ring: BufferCount buffers of BufferSize bytes (24 MiB in all). Large reads
    /// matter where the source is not in the page cache (after a full-state snapshot QEMU
    /// has dropped the image from it): a full-state point of a 1 GiB image took 2.4-2.7 s
    /// with 2 MiB buffers, 1.9 s with 4 MiB and 1.5-1.7 s with 8 MiB. Three are enough for
    /// the stages to drift apart by a buffer; more did not help, and the peak memory has a
    /// limit of 100 MiB in all.
    static constexpr qint64 BufferSize = 8 * 1024 * 1024;
    static constexpr int BufferCount = 3;
    static constexpr qint64 ZeroBlockSize = 4096;

    struct Options
    {
        bool hash = true; ///< compute sha256()
        bool punchZeroBlocks = true;
        qint64 bufferSize = 0; ///< bytes per buffer; 0 for BufferSize; whole pages
        /// Checked between the pieces of a hole (data is the producer's business).
        const std::atomic_bool *cancel = nullptr;
        /// Called once with the buffer that starts at offset 0, before it is hashed or
        /// stored, to change it in place (see TransferOptions::rewriteHead).
        std::function<Status(char *data, qint64 size)> rewriteHead;
    };

    /// sink may be null: the content is only hashed. The sink is not owned.
    TransferPipeline(ByteSink *sink, Options options);
    /// Stops both stages: queued work is dropped, the running piece finishes. The sink is
    /// neither finished nor aborted.
    ~TransferPipeline() override;

    /// Allocates the ring (page-aligned buffers).
    Status start();
    qint64 bufferSize() const { return m_bufferSize; }

    /// The next buffer of the ring, once both stages are done with what it held; fails
    /// with the store's error once the sink has failed.
    Result<char *> acquire();
    /// Hands over the buffer acquire() returned, holding the next size bytes of content.
    Status submit(qint64 size);

    Status write(const char *data, qint64 size) override;
    Status skipHole(qint64 size) override;
    /// Hands over what is gathered, waits for both stages, then finishes the sink.
    Status finish(qint64 logicalSize) override;
    /// Stops both stages, then aborts the sink.
    void abort() override;

    /// Lower-case hex SHA-256 of the content; after finish().
    QString sha256();
    /// Bytes the sink got as data (zero blocks turned into holes excluded); after finish().
    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    struct Slot;

    Status storeStatus() const;
    void postStore(std::function<Status()> call);
    Status store(qint64 offset, const char *p, qint64 size);
    Status flushRun(const char *p, qint64 size, bool zero);
    Status flushGathered();
    void stop();

    ByteSink *const m_sink;
    const Options m_options;
    const qint64 m_bufferSize;
    std::unique_ptr<Slot[]> m_slots;
    int m_next = 0;
    char *m_current = nullptr; ///< the buffer write() gathers into, if any
    qint64 m_gathered = 0; ///< bytes in m_current
    qint64 m_position = 0; ///< content handed over so far, holes included
    Sha256 m_hash;
    quint64 m_hashTicket = 0; ///< the hasher's last task
    quint64 m_storeTicket = 0; ///< the storer's last task
    std::atomic_bool m_storeFailed {false};
    Status m_storeError; ///< written by the storer before m_storeFailed is set
    qint64 m_bytesWritten = 0; ///< written by the storer
    // Declared after everything their tasks use, so they are destroyed (and joined) first.
    std::optional<SerialWorker> m_hasher;
    std::optional<SerialWorker> m_storer;
};

} // namespace Rewind
