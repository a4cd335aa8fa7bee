#pragma once

#include "result.h"

namespace Rewind {

/// Where the bytes of a transfer go. ExtentPump reads a source by its data extents and
/// hashes it once; the sink decides what the bytes become: a sparse file (FileSink), and
/// later a libvirt stream or a zstd compressor, without copying the read/hash/progress
/// loop for each.
///
/// Calls come in file order: write() and skipHole() advance the position, finish() is
/// called once at the end with the logical size, abort() instead of finish() on any
/// failure or cancel. They come from one thread at a time, though not always the same
/// one (ExtentPump writes from a thread of its own), so a sink needs no locking but must
/// not rely on thread-local state. Errors are returned as Status with user messages that name the
/// destination.
class ByteSink
{
public:
    virtual ~ByteSink() = default;

    /// Appends data at the current position.
    virtual Status write(const char *data, qint64 size) = 0;
    /// Advances the position by size bytes of zeros. A sparse destination leaves a hole;
    /// a sink that cannot must write the zeros itself.
    virtual Status skipHole(qint64 size) = 0;
    /// Completes the output: its size is logicalSize, and it is durable on return.
    virtual Status finish(qint64 logicalSize) = 0;
    /// Discards the partial output. Must be safe to call at any time, and more than once.
    virtual void abort() = 0;
};

} // namespace Rewind
