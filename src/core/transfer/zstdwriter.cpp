#include "zstdwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace Rewind {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::ZstdWriter", text);
}

Error writeError(int err, const QString &path)
{
    if (err == ENOSPC || err == EDQUOT) {
        return Error::fromErrno(err,
            tr("The disk holding %1 is full. Free some space or choose another repository.")
                .arg(QFileInfo(path).absolutePath()));
    }
    return Error::fromErrno(err, tr("Could not write %1.").arg(path));
}
} // namespace

ZstdWriter::ZstdWriter() : m_ctx(ZSTD_createCCtx())
{
    m_outBuffer.resize(qsizetype(ZSTD_CStreamOutSize()));
}

ZstdWriter::~ZstdWriter()
{
    if (m_fd >= 0) {
        abort();
    }
    ZSTD_freeCCtx(m_ctx);
}

Status ZstdWriter::open(const QString &path, int level)
{
    m_path = path;
    m_fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        return writeError(errno, path);
    }
    ZSTD_CCtx_reset(m_ctx, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_checksumFlag, 1);
    // Two worker threads: the RAM image is what an incremental point waits for, and
    // with two the idle 256 MiB guest's image (100 MB) is stored in 0.24 s instead of
    // 0.29 s on two cores (bench_incremental). Each worker buffers a whole job, so the
    // jobs are small (4 MiB) to keep the peak memory bounded whatever the RAM size; more
    // workers would add memory for little on the few cores a workstation spares for a
    // backup. Silently single-threaded without zstd threads.
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_nbWorkers, 2);
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_jobSize, 4 * 1024 * 1024);
    m_hash = std::make_unique<Sha256>();
    m_in = m_out = 0;
    m_writeback.reset();
    return {};
}

Status ZstdWriter::writeOut(const char *data, size_t size)
{
    m_hash->addData(data, qint64(size));
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return writeError(errno, m_path);
        }
        data += n;
        size -= size_t(n);
        m_out += n;
    }
    // A RAM image of gigabytes neither piles up as dirty pages that the final fsync waits
    // for at once, nor pushes the host's useful page cache out.
    if (const int err = m_writeback.advance(m_fd, m_out); err != 0) {
        return writeError(err, m_path);
    }
    return {};
}

Status ZstdWriter::drain(ZSTD_EndDirective mode, ZSTD_inBuffer *input)
{
    for (;;) {
        ZSTD_outBuffer output {m_outBuffer.data(), size_t(m_outBuffer.size()), 0};
        const size_t remaining = ZSTD_compressStream2(m_ctx, &output, input, mode);
        if (ZSTD_isError(remaining)) {
            return Error(ErrorCode::Failed, tr("Compression failed."),
                QString::fromLatin1(ZSTD_getErrorName(remaining)));
        }
        if (output.pos > 0) {
            if (Status s = writeOut(m_outBuffer.constData(), output.pos); !s) {
                return s;
            }
        }
        const bool inputDone = !input || input->pos == input->size;
        if (mode == ZSTD_e_continue ? inputDone : remaining == 0) {
            return {};
        }
    }
}

Status ZstdWriter::write(const char *data, qint64 size)
{
    ZSTD_inBuffer input {data, size_t(size), 0};
    m_in += size;
    return drain(ZSTD_e_continue, &input);
}

Status ZstdWriter::writeZeros(qint64 size)
{
    static const QByteArray zeros(1 << 20, '\0');
    while (size > 0) {
        const qint64 n = std::min<qint64>(size, zeros.size());
        if (Status s = write(zeros.constData(), n); !s) {
            return s;
        }
        size -= n;
    }
    return {};
}

Status ZstdWriter::finish()
{
    ZSTD_inBuffer empty {nullptr, 0, 0};
    if (Status s = drain(ZSTD_e_end, &empty); !s) {
        abort();
        return s;
    }
    if (::fsync(m_fd) != 0) {
        const int err = errno;
        abort();
        return writeError(err, m_path);
    }
    ::close(m_fd);
    m_fd = -1;
    m_sha256 = m_hash->hexResult();
    return {};
}

void ZstdWriter::abort()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
        QFile::remove(m_path);
    }
}

Status zstdDecompressFile(const QString &source, const QString &destination, const std::atomic_bool *cancel,
    const std::function<void(qint64, qint64)> &progress)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::Io, tr("Could not read %1.").arg(source), in.errorString());
    }
    const int fd
        = ::open(QFile::encodeName(destination).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return writeError(errno, destination);
    }
    auto fail = [&](Error e) {
        ::close(fd);
        QFile::remove(destination);
        return e;
    };
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    QByteArray inBuf(qsizetype(ZSTD_DStreamInSize()), Qt::Uninitialized);
    QByteArray outBuf(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    const qint64 total = in.size();
    qint64 done = 0;
    size_t last = 0;
    for (;;) {
        if (cancel && cancel->load()) {
            ZSTD_freeDCtx(ctx);
            return fail(Error(ErrorCode::Cancelled, tr("Cancelled.")));
        }
        const qint64 n = in.read(inBuf.data(), inBuf.size());
        if (n < 0) {
            ZSTD_freeDCtx(ctx);
            return fail(Error(ErrorCode::Io, tr("Could not read %1.").arg(source), in.errorString()));
        }
        if (n == 0) {
            break;
        }
        done += n;
        ZSTD_inBuffer input {inBuf.constData(), size_t(n), 0};
        while (input.pos < input.size) {
            ZSTD_outBuffer output {outBuf.data(), size_t(outBuf.size()), 0};
            last = ZSTD_decompressStream(ctx, &output, &input);
            if (ZSTD_isError(last)) {
                ZSTD_freeDCtx(ctx);
                return fail(
                    Error(ErrorCode::Damaged, tr("The compressed memory image %1 is damaged.").arg(source),
                        QString::fromLatin1(ZSTD_getErrorName(last))));
            }
            const char *p = outBuf.constData();
            size_t left = output.pos;
            while (left > 0) {
                const ssize_t w = ::write(fd, p, left);
                if (w < 0) {
                    if (errno == EINTR) {
                        continue;
                    }
                    const int err = errno;
                    ZSTD_freeDCtx(ctx);
                    return fail(writeError(err, destination));
                }
                p += w;
                left -= size_t(w);
            }
        }
        if (progress) {
            progress(done, total);
        }
    }
    ZSTD_freeDCtx(ctx);
    if (last != 0) {
        return fail(
            Error(ErrorCode::Damaged, tr("The compressed memory image %1 is truncated.").arg(source)));
    }
    // No fsync: the restore hands this file to libvirt right away, which reads it through
    // the same page cache, and deletes it afterwards. Should the host crash before that,
    // the guest's process is gone too, and recovery removes the file; nothing ever reads
    // it after a reboot. On a large guest the fsync would cost seconds of a restore.
    if (::close(fd) != 0) {
        const int err = errno;
        QFile::remove(destination);
        return writeError(err, destination);
    }
    return {};
}

} // namespace Rewind
