#pragma once

#include "result.h"
#include "transferoptions.h"

#include <QCoreApplication>
#include <QString>

namespace Rewind {

class ByteSink;

/// The one read/hash/progress/cancel loop of every local transfer. It walks the source's
/// data extents with SEEK_DATA/SEEK_HOLE, so holes are neither read nor written, and
/// reads the data with pread straight into a TransferPipeline's ring of buffers rather
/// than using copy_file_range, because every byte has to pass through the hash anyway.
/// The pipeline's workers hash and store while the next buffer is read. The sink is
/// called from one thread at a time, in file order, but not from the caller's.
///
/// The SHA-256 is that of the logical content: holes are hashed as zeros, so the result
/// equals `sha256sum SOURCE` and a later verify needs no knowledge of where the holes were.
/// With punchZeroBlocks, 4 KiB blocks of zeros inside data extents are passed to the sink
/// as holes as well.
///
/// Sources may be regular files or block devices (read as all data). Runs on the calling
/// thread; blocking, so call it from a worker.
class ExtentPump
{
    Q_DECLARE_TR_FUNCTIONS(ExtentPump)

public:
    /// Reads source and feeds its content to sink (which may be null: hash only). On
    /// failure or cancel the sink is NOT aborted here; the owner of the sink does that,
    /// as only it knows what "discard" means for its destination. The sink's finish()
    /// is called on success.
    static Result<TransferResult> run(const QString &source, ByteSink *sink, const TransferOptions &options);

    /// The size of each buffer of the ring for a source of sourceSize bytes, where
    /// TransferOptions::bufferSize leaves it open. A source of up to SmallSource bytes (an
    /// increment, a domain XML) is read in SmallBuffer pieces: every page of the ring is
    /// touched once, and a first touch is not cheap (about 3 us per 4 KiB page on a
    /// virtual machine that hands free memory back to its host, so 73 ms for the 24 MiB
    /// of large buffers, more than half of what a 20 MiB increment's copy took), while
    /// large reads gain nothing on a file that small. Copies with fsync of one file in the
    /// page cache and out of it, by buffer size: 21 MB in 38 ms with 256 KiB, 48 ms with
    /// 1 MiB, 125 ms with 8 MiB; 200 MB in 255-300 ms with 256 KiB and 320-370 ms with
    /// 8 MiB; 1 GiB in 1.39-1.44 s with 256 KiB and 1.30-1.37 s with 8 MiB. Larger sources
    /// keep TransferPipeline::BufferSize, which their reads from the disk need (see there).
    static qint64 bufferSizeFor(qint64 sourceSize);
    static constexpr qint64 SmallSource = 256 * 1024 * 1024;
    static constexpr qint64 SmallBuffer = 256 * 1024;
};

} // namespace Rewind
