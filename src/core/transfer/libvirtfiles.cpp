#include "libvirtfiles.h"

#include "libvirt/threadcheck.h"
#include "logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamWriter>

#include <libvirt/libvirt.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind::LibvirtFiles {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::LibvirtFiles", text);
}

/// A volume, plus the transient pool made to reach it (destroyed with this object).
class Volume
{
public:
    Libvirt::StorageVolHandle vol;
    Libvirt::StoragePoolHandle pool;
    Libvirt::StoragePoolHandle transientPool;

    Volume() = default;
    Volume(Volume &&) = default;
    Volume &operator=(Volume &&) = default;
    ~Volume()
    {
        vol.reset();
        if (transientPool) {
            virStoragePoolDestroy(transientPool.get()); // transient: destroying removes it
        }
    }
};

QString poolXml(const QString &name, const QString &dir)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.writeStartElement(QStringLiteral("pool"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("dir"));
    w.writeTextElement(QStringLiteral("name"), name);
    w.writeStartElement(QStringLiteral("target"));
    w.writeTextElement(QStringLiteral("path"), dir);
    w.writeEndElement();
    w.writeEndElement();
    return xml;
}

// Refreshes every active pool whose folder is dir: a file created behind the pool's
// back (an overlay, a memory image) is only a volume after a refresh.
Libvirt::StoragePoolHandle refreshPoolsOf(const Libvirt::ConnectHandle &conn, const QString &dir)
{
    virStoragePoolPtr *pools = nullptr;
    const int n = virConnectListAllStoragePools(conn.get(), &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    Libvirt::StoragePoolHandle match;
    for (int i = 0; i < n; ++i) {
        Libvirt::StoragePoolHandle p(pools[i]);
        char *xml = virStoragePoolGetXMLDesc(p.get(), 0);
        const QString text = QString::fromUtf8(xml);
        free(xml);
        const QString needle = QStringLiteral("<path>") + dir.toHtmlEscaped() + QStringLiteral("</path>");
        if (text.contains(needle)) {
            virStoragePoolRefresh(p.get(), 0);
            match = p;
        }
    }
    free(pools);
    return match;
}

// The folder's pool: an active pool already covering it (refreshed), or a transient
// one made for this call.
Result<Volume> openPool(const Libvirt::ConnectHandle &conn, const QString &dir)
{
    REWIND_BLOCKING_CALL();
    Volume v;
    v.pool = refreshPoolsOf(conn, dir);
    if (v.pool) {
        return v;
    }
    const QString name
        = QStringLiteral("rewind-%1-%2")
              .arg(QString::fromLatin1(
                  QCryptographicHash::hash(dir.toUtf8(), QCryptographicHash::Sha1).toHex().left(12)))
              .arg(QCoreApplication::applicationPid());
    virStoragePoolPtr pool = virStoragePoolCreateXML(conn.get(), poolXml(name, dir).toUtf8().constData(), 0);
    if (!pool) {
        return Error::fromLibvirt(tr("libvirt could not open the folder %1 as a storage pool.").arg(dir));
    }
    v.transientPool = Libvirt::StoragePoolHandle(pool);
    v.pool = v.transientPool;
    return v;
}

Result<Volume> findVolume(const Libvirt::ConnectHandle &conn, const QString &path)
{
    auto v = openPool(conn, QFileInfo(path).absolutePath());
    if (!v) {
        return v.error();
    }
    virStorageVolPtr vol = virStorageVolLookupByPath(conn.get(), QFile::encodeName(path).constData());
    if (!vol) {
        const Error e = Error::fromLibvirt(tr("libvirt cannot find %1.").arg(path), ErrorCode::NotFound);
        return Error(ErrorCode::NotFound, e.message(), e.detail(), e.libvirtCode());
    }
    v->vol = Libvirt::StorageVolHandle(vol);
    return std::move(v.value());
}

struct RecvContext
{
    const DataFn *onData;
    const HoleFn *onHole;
    const std::atomic_bool *cancel;
    const ProgressFn *progress;
    qint64 total = 0;
    qint64 done = 0;
    Error error;
};

int recvData(virStreamPtr, const char *data, size_t n, void *opaque)
{
    auto *ctx = static_cast<RecvContext *>(opaque);
    if (ctx->cancel && ctx->cancel->load()) {
        ctx->error = Error(ErrorCode::Cancelled, tr("Cancelled."));
        return -1;
    }
    if (Status s = (*ctx->onData)(data, qint64(n)); !s) {
        ctx->error = s.error();
        return -1;
    }
    ctx->done += qint64(n);
    if (*ctx->progress) {
        (*ctx->progress)(ctx->done, ctx->total);
    }
    return int(n);
}

int recvHole(virStreamPtr, long long length, void *opaque)
{
    auto *ctx = static_cast<RecvContext *>(opaque);
    if (Status s = (*ctx->onHole)(length); !s) {
        ctx->error = s.error();
        return -1;
    }
    ctx->done += length;
    return 0;
}

} // namespace

Result<VolumeInfo> info(const Libvirt::ConnectHandle &conn, const QString &path)
{
    auto v = findVolume(conn, path);
    if (!v) {
        return v.error();
    }
    virStorageVolInfo i {};
    if (virStorageVolGetInfo(v->vol.get(), &i) < 0) {
        return Error::fromLibvirt(tr("libvirt could not read the size of %1.").arg(path));
    }
    return VolumeInfo {qint64(i.capacity), qint64(i.allocation)};
}

Result<qint64> download(const Libvirt::ConnectHandle &conn, const QString &path, const DataFn &onData,
    const HoleFn &onHole, const std::atomic_bool *cancel, const ProgressFn &progress)
{
    auto v = findVolume(conn, path);
    if (!v) {
        return v.error();
    }
    virStorageVolInfo i {};
    if (virStorageVolGetInfo(v->vol.get(), &i) < 0) {
        return Error::fromLibvirt(tr("libvirt could not read the size of %1.").arg(path));
    }
    Libvirt::StreamHandle stream(virStreamNew(conn.get(), 0));
    if (virStorageVolDownload(v->vol.get(), stream.get(), 0, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM) < 0) {
        return Error::fromLibvirt(tr("libvirt could not send %1.").arg(path));
    }
    RecvContext ctx {&onData, &onHole, cancel, &progress, qint64(i.capacity), 0, {}};
    if (virStreamSparseRecvAll(stream.get(), recvData, recvHole, &ctx) < 0) {
        const Error e = ctx.error.isError()
            ? ctx.error
            : Error::fromLibvirt(tr("Receiving %1 from libvirt failed.").arg(path));
        virStreamAbort(stream.get());
        return e;
    }
    if (virStreamFinish(stream.get()) < 0) {
        return Error::fromLibvirt(tr("Receiving %1 from libvirt failed.").arg(path));
    }
    return ctx.done;
}

namespace {

struct SendContext
{
    int fd = -1;
    qint64 size = 0;
    qint64 pos = 0;
    const std::atomic_bool *cancel;
    const ProgressFn *progress;
    Error error;
};

int sendData(virStreamPtr, char *data, size_t n, void *opaque)
{
    auto *ctx = static_cast<SendContext *>(opaque);
    if (ctx->cancel && ctx->cancel->load()) {
        ctx->error = Error(ErrorCode::Cancelled, tr("Cancelled."));
        return -1;
    }
    const ssize_t r = ::pread(ctx->fd, data, n, ctx->pos);
    if (r < 0) {
        ctx->error = Error::fromErrno(errno, tr("Could not read the file being sent."));
        return -1;
    }
    ctx->pos += r;
    if (*ctx->progress) {
        (*ctx->progress)(ctx->pos, ctx->size);
    }
    return int(r);
}

int sendHole(virStreamPtr, int *inData, long long *length, void *opaque)
{
    auto *ctx = static_cast<SendContext *>(opaque);
    if (ctx->pos >= ctx->size) {
        *inData = 0;
        *length = 0;
        return 0;
    }
    off_t data = ::lseek(ctx->fd, ctx->pos, SEEK_DATA);
    if (data < 0) {
        // No data after pos: the rest is a hole.
        *inData = 0;
        *length = ctx->size - ctx->pos;
        return 0;
    }
    if (data > ctx->pos) {
        *inData = 0;
        *length = data - ctx->pos;
        return 0;
    }
    off_t hole = ::lseek(ctx->fd, ctx->pos, SEEK_HOLE);
    if (hole < 0) {
        hole = ctx->size;
    }
    *inData = 1;
    *length = hole - ctx->pos;
    return 0;
}

int skipHole(virStreamPtr, long long length, void *opaque)
{
    auto *ctx = static_cast<SendContext *>(opaque);
    ctx->pos += length;
    return 0;
}

} // namespace

Status upload(const Libvirt::ConnectHandle &conn, const QString &localFile, const QString &remotePath,
    const std::atomic_bool *cancel, const ProgressFn &progress)
{
    REWIND_BLOCKING_CALL();
    const int fd = ::open(QFile::encodeName(localFile).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error::fromErrno(errno, tr("Could not read %1.").arg(localFile));
    }
    struct stat st
    {
    };
    ::fstat(fd, &st);
    auto closeFd = qScopeGuard([fd] { ::close(fd); });

    auto opened = openPool(conn, QFileInfo(remotePath).absolutePath());
    if (!opened) {
        return opened.error();
    }
    Volume &v = *opened;
    if (virStorageVolPtr existing
        = virStorageVolLookupByPath(conn.get(), QFile::encodeName(remotePath).constData())) {
        virStorageVolFree(existing);
        return Error(ErrorCode::Conflict, tr("%1 already exists.").arg(remotePath));
    }
    QString xml;
    {
        QXmlStreamWriter w(&xml);
        w.writeStartElement(QStringLiteral("volume"));
        w.writeTextElement(QStringLiteral("name"), QFileInfo(remotePath).fileName());
        w.writeTextElement(QStringLiteral("capacity"), QString::number(st.st_size));
        w.writeTextElement(QStringLiteral("allocation"), QStringLiteral("0"));
        w.writeStartElement(QStringLiteral("target"));
        w.writeEmptyElement(QStringLiteral("format"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("raw"));
        w.writeEndElement();
        w.writeEndElement();
    }
    virStorageVolPtr vol = virStorageVolCreateXML(v.pool.get(), xml.toUtf8().constData(), 0);
    if (!vol) {
        return Error::fromLibvirt(tr("libvirt could not create %1.").arg(remotePath));
    }
    v.vol = Libvirt::StorageVolHandle(vol);
    Libvirt::StreamHandle stream(virStreamNew(conn.get(), 0));
    if (virStorageVolUpload(v.vol.get(), stream.get(), 0, 0, VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM) < 0) {
        const Error e = Error::fromLibvirt(tr("libvirt could not receive %1.").arg(remotePath));
        virStorageVolDelete(v.vol.get(), 0);
        return e;
    }
    SendContext ctx {fd, qint64(st.st_size), 0, cancel, &progress, {}};
    if (virStreamSparseSendAll(stream.get(), sendData, sendHole, skipHole, &ctx) < 0
        || virStreamFinish(stream.get()) < 0) {
        virStreamAbort(stream.get());
        const Error e
            = ctx.error.isError() ? ctx.error : Error::fromLibvirt(tr("Sending %1 failed.").arg(remotePath));
        virStorageVolDelete(v.vol.get(), 0);
        return e;
    }
    return {};
}

Status remove(const Libvirt::ConnectHandle &conn, const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) == 0 || errno == ENOENT) {
        return {};
    }
    const int err = errno;
    if ((err == EACCES || err == EPERM) && conn) {
        return removeIfExists(conn, path);
    }
    return Error::fromErrno(err, tr("Could not remove %1.").arg(path));
}

Status removeIfExists(const Libvirt::ConnectHandle &conn, const QString &path)
{
    auto v = findVolume(conn, path);
    if (!v) {
        return v.error().code() == ErrorCode::NotFound ? Status() : Status(v.error());
    }
    if (virStorageVolDelete(v->vol.get(), 0) < 0) {
        return Error::fromLibvirt(tr("libvirt could not delete %1.").arg(path));
    }
    return {};
}

} // namespace Rewind::LibvirtFiles
