#include "qcow2header.h"

#include <QByteArray>
#include <QList>

#include <cstring>

namespace Rewind {

namespace {

// The qcow2 format, docs/interop/qcow2.txt in QEMU: big-endian fields at fixed offsets.
constexpr quint32 kMagic = 0x514649fb; // "QFI\xfb"
constexpr qint64 kBackingOffsetField = 8; // u64: where the backing file name is
constexpr qint64 kBackingSizeField = 16; // u32: its length, no terminating zero
constexpr qint64 kClusterBitsField = 20;
constexpr qint64 kHeaderLengthField = 100; // u32, version 3 only
constexpr qint64 kVersion2HeaderLength = 72;
constexpr quint32 kExtEnd = 0;
constexpr quint32 kExtBackingFormat = 0xe2792aca;
constexpr quint32 kExtEncryption = 0x0537be77;
constexpr quint32 kExtDataFile = 0x44415441;
// QEMU refuses longer backing file names.
constexpr qint64 kMaxBackingName = 1023;

quint32 be32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | quint32(u[3]);
}

void putBe32(QByteArray &out, qint64 at, quint32 v)
{
    for (int i = 0; i < 4; ++i) {
        out[at + i] = char(v >> (24 - 8 * i));
    }
}

void putBe64(QByteArray &out, qint64 at, quint64 v)
{
    putBe32(out, at, quint32(v >> 32));
    putBe32(out, at + 4, quint32(v));
}

struct Extension
{
    quint32 type;
    QByteArray data;
};

qint64 align8(qint64 n)
{
    return (n + 7) / 8 * 8;
}

void appendExtension(QByteArray &out, const Extension &e)
{
    const qint64 at = out.size();
    out.resize(at + 8 + align8(e.data.size()), '\0');
    putBe32(out, at, e.type);
    putBe32(out, at + 4, quint32(e.data.size()));
    std::memcpy(out.data() + at + 8, e.data.constData(), size_t(e.data.size()));
}

} // namespace

Status Qcow2Header::setBackingFile(
    char *head, qint64 size, const QString &backingFile, const QString &backingFormat)
{
    const auto unusable = [](const QString &why) {
        return Error(ErrorCode::Unsupported, tr("The image header could not be updated: %1").arg(why));
    };
    if (size < kVersion2HeaderLength || be32(head) != kMagic) {
        return unusable(tr("it is not a qcow2 image."));
    }
    const quint32 version = be32(head + 4);
    if (version != 2 && version != 3) {
        return unusable(tr("qcow2 version %1 is not supported.").arg(version));
    }
    const quint32 clusterBits = be32(head + kClusterBitsField);
    if (clusterBits < 9 || clusterBits > 21) {
        return unusable(tr("its cluster size is invalid."));
    }
    const qint64 clusterSize = qint64(1) << clusterBits;
    if (size < clusterSize) {
        return unusable(tr("less than its first cluster was read."));
    }
    const qint64 headerLength
        = version == 3 ? qint64(be32(head + kHeaderLengthField)) : kVersion2HeaderLength;
    if (headerLength < kVersion2HeaderLength || headerLength % 8 != 0 || headerLength > clusterSize) {
        return unusable(tr("its header length is invalid."));
    }

    QList<Extension> kept;
    qint64 at = headerLength;
    for (;;) {
        if (at + 8 > clusterSize) {
            return unusable(tr("its header extensions do not end."));
        }
        const quint32 type = be32(head + at);
        const qint64 length = be32(head + at + 4);
        if (type == kExtEnd) {
            break;
        }
        if (at + 8 + length > clusterSize) {
            return unusable(tr("a header extension is longer than the header cluster."));
        }
        if (type == kExtDataFile || type == kExtEncryption) {
            return unusable(tr("images with an external data file or encryption are not supported."));
        }
        if (type != kExtBackingFormat) {
            kept.append({type, QByteArray(head + at + 8, length)});
        }
        at += 8 + align8(length);
    }

    const QByteArray name = backingFile.toUtf8();
    if (name.size() > kMaxBackingName) {
        return unusable(tr("the backing file name is too long."));
    }
    QByteArray cluster(head, headerLength);
    if (!name.isEmpty() && !backingFormat.isEmpty()) {
        appendExtension(cluster, {kExtBackingFormat, backingFormat.toUtf8()});
    }
    for (const Extension &e : std::as_const(kept)) {
        appendExtension(cluster, e);
    }
    cluster.append(8, '\0'); // end of the extensions
    const qint64 nameOffset = name.isEmpty() ? 0 : cluster.size();
    cluster.append(name);
    if (cluster.size() > clusterSize) {
        return unusable(tr("the backing file name does not fit into the header cluster."));
    }
    putBe64(cluster, kBackingOffsetField, quint64(nameOffset));
    putBe32(cluster, kBackingSizeField, quint32(name.size()));
    cluster.resize(clusterSize, '\0');
    std::memcpy(head, cluster.constData(), size_t(clusterSize));
    return {};
}

} // namespace Rewind
