#pragma once

#include "result.h"

#include <QString>

#include <atomic>
#include <functional>

namespace Rewind {

/// How a transfer (SparseCopy, Sha256File, any ExtentPump) reports and can be stopped.
struct TransferOptions
{
    /// Called with the logical bytes processed so far (holes count: they are hashed) and
    /// the total, at most about ten times per second, and always once at the end with
    /// done == total. Called on the transfer's thread: a Job forwards it with a queued
    /// signal.
    std::function<void(qint64 done, qint64 total)> progress;
    /// Checked between blocks (a buffer or a piece of a hole apart, at most 8 MiB); when
    /// it becomes true the transfer stops with ErrorCode::Cancelled, and SparseCopy
    /// removes its partial output.
    const std::atomic_bool *cancel = nullptr;
    /// Store data blocks that hold only zeros as holes, so images stay sparse even when
    /// the source had its free space written with zeros.
    bool punchZeroBlocks = true;
    /// Drop the source's pages from the page cache once read (POSIX_FADV_DONTNEED): a
    /// backup reads each byte once, and should not push the host's useful cache out. Off
    /// for a reader that another one follows on the same file at the same time (a
    /// restore's check runs beside its copy), which would otherwise read it from the disk
    /// again.
    bool dropSourceCache = true;
    /// Hash what is read (TransferResult::sha256). Off where the sink keeps its own hash
    /// of what it stores (the compressed RAM image): a second SHA-256 of the raw data
    /// would only cost CPU the guest needs.
    bool hashSource = true;
    /// Called once with the first buffer read from offset 0 (up to bufferSize), before it is
    /// hashed or stored, to change it in place; a failure ends the transfer with that
    /// error. How an increment's qcow2 header gets its backing file in the same pass as
    /// the copy (Qcow2Header). Not called when the source does not begin with data.
    std::function<Status(char *data, qint64 size)> rewriteHead;
    /// Bytes an ExtentPump reads at a time, in each buffer of its ring; 0 to choose by the
    /// source's size (ExtentPump::bufferSizeFor). Smaller where the sink is slower than the
    /// disk anyway (compression), so that a copy beside it keeps the peak memory low.
    qint64 bufferSize = 0;
};

/// What a transfer did.
struct TransferResult
{
    qint64 logicalSize = 0; ///< size of the content, holes included
    qint64 bytesCopied = 0; ///< bytes read from the source's data extents
    qint64 bytesWritten = 0; ///< bytes written as data (zero blocks turned into holes excluded)
    QString sha256; ///< lower-case hex SHA-256 of the logical content, as sha256sum prints it
};

} // namespace Rewind
