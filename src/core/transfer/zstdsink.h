#pragma once

#include "transfer/bytesink.h"
#include "transfer/zstdwriter.h"

namespace Rewind {

/// A ByteSink that compresses into a .zst file (holes become compressed zeros), so the
/// same ExtentPump or stream download that copies disks can store a RAM image.
class ZstdSink : public ByteSink
{
public:
    Status open(const QString &path) { return m_writer.open(path); }
    Status write(const char *data, qint64 size) override { return m_writer.write(data, size); }
    Status skipHole(qint64 size) override { return m_writer.writeZeros(size); }
    Status finish(qint64) override { return m_writer.finish(); }
    void abort() override { m_writer.abort(); }

    const ZstdWriter &writer() const { return m_writer; }

private:
    ZstdWriter m_writer;
};

} // namespace Rewind
