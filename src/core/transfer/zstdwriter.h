#pragma once

#include "result.h"
#include "transfer/sha256.h"
#include "transfer/writebackwindow.h"

#include <QString>

#include <zstd.h>

#include <atomic>
#include <functional>
#include <memory>

namespace Rewind {

/// Streams bytes into a zstd-compressed file, hashing the compressed output on the way
/// (the manifest's sha256 is of the stored file, so verify needs no decompression).
///
/// Why zstd for RAM images: a guest's RAM is mostly zero pages and repeated patterns, and
/// zstd level 3 with worker threads compresses faster than a disk writes while leaving a
/// file that `zstd -d` turns back into the libvirt save image, with no Rewind needed.
class ZstdWriter
{
public:
    ZstdWriter();
    ~ZstdWriter();
    ZstdWriter(const ZstdWriter &) = delete;
    ZstdWriter &operator=(const ZstdWriter &) = delete;

    /// Creates path (0600), replacing nothing: an existing file is an error.
    Status open(const QString &path, int level = 3);
    Status write(const char *data, qint64 size);
    /// Uncompressed zeros (holes of a sparse source), without a buffer of them.
    Status writeZeros(qint64 size);
    /// Flushes the frame, fsyncs and closes.
    Status finish();
    /// Closes and deletes the partial file (after a failure or cancel).
    void abort();

    qint64 inputBytes() const { return m_in; }
    qint64 outputBytes() const { return m_out; }
    QString sha256() const { return m_sha256; }
    QString path() const { return m_path; }

private:
    Status drain(ZSTD_EndDirective mode, ZSTD_inBuffer *input);
    Status writeOut(const char *data, size_t size);

    ZSTD_CCtx *m_ctx = nullptr;
    int m_fd = -1;
    QString m_path;
    QByteArray m_outBuffer;
    std::unique_ptr<Sha256> m_hash;
    qint64 m_in = 0;
    qint64 m_out = 0;
    WritebackWindow m_writeback {8 * 1024 * 1024, 1};
    QString m_sha256;
};

/// Decompresses a zstd file into path (0600), for restore: a scratch file that libvirt
/// reads back at once and that is deleted afterwards, so it is not fsynced.
Status zstdDecompressFile(const QString &source, const QString &destination,
    const std::atomic_bool *cancel = nullptr, const std::function<void(qint64, qint64)> &progress = {});

} // namespace Rewind
