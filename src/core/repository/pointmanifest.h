#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Rewind {

/// What a backup point holds, as written to REPO/<vm-uuid>/<point-id>/manifest.json.
/// The manifest is written last, so its presence (and validity) is what makes a point
/// real; it carries everything needed to verify the stored files (sizes, SHA-256) and to
/// restore them without Rewind (domain XML, formats, backing files). fromJson() checks
/// every field and names the first bad one, because a restore must never act on a
/// manifest it only half understood.
struct PointManifest
{
    Q_DECLARE_TR_FUNCTIONS(PointManifest)

public:
    /// The newest manifest format this code writes and reads; a manifest with a higher
    /// format was written by a newer Rewind and is refused as Unsupported.
    static constexpr int CurrentFormat = 1;

    /// How the point was captured, which decides how it can be restored.
    enum class Method {
        FullState, ///< disks + RAM captured atomically: resumes where it was
        DiskOnly, ///< disks only, crash consistent: boots as after a power cut
        DiskOnlyQuiesced, ///< disks only, file systems frozen by the guest agent
        Cold, ///< the VM was shut off
    };

    enum class Kind {
        Full, ///< every disk stored completely
        Incremental, ///< disks stored as qcow2 deltas on top of parentId's images
    };

    enum class Compression {
        None,
        Zstd,
    };

    struct Disk
    {
        QString target; ///< the guest's device name, "vda"
        QString sourceFormat; ///< format of the VM's image, "qcow2" or "raw"
        QString originalPath; ///< where the VM's image was, for an in-place restore
        QString fileName; ///< stored file, relative to the point directory
        QString storedFormat; ///< format of the stored file
        qint64 virtualSize = 0; ///< the size the guest sees
        qint64 storedSize = 0; ///< length of the stored file (st_size): what sha256 covers
        qint64 allocatedSize = 0; ///< disk space the stored file takes (its data; holes excluded)
        QString sha256; ///< lower-case hex SHA-256 of the stored file's content
        QString backingFile; ///< incrementals: relative path of the backing image

        bool operator==(const Disk &) const = default;
    };

    struct Memory
    {
        QString fileName; ///< stored file, relative to the point directory
        qint64 rawSize = 0; ///< size of the libvirt save image before compression
        qint64 storedSize = 0; ///< length of the stored (compressed) file
        Compression compression = Compression::Zstd;
        QString sha256; ///< lower-case hex SHA-256 of the stored file

        bool operator==(const Memory &) const = default;
    };

    /// A UEFI VM's variables (boot entries, Secure Boot keys): the file libvirt names in
    /// <os><nvram>, stored as it was right after the capture. QEMU keeps the firmware's
    /// flash in the VM's RAM as well and writes back only what the guest changes, so RAM
    /// resumed over another version of this file would mix the two.
    struct Nvram
    {
        QString fileName; ///< stored file, relative to the point directory
        QString originalPath; ///< where the VM's file was
        qint64 storedSize = 0; ///< length of the stored file
        QString sha256; ///< lower-case hex SHA-256 of the stored file

        bool operator==(const Nvram &) const = default;
    };

    int format = CurrentFormat;
    QString domainName;
    QString domainUuid;
    QString domainXml; ///< the definition at capture time, restorable with virsh
    QDateTime created; ///< UTC, millisecond precision
    Method method = Method::FullState;
    Kind kind = Kind::Full;
    QString parentId; ///< incrementals: the point whose images the deltas sit on
    QList<Disk> disks;
    std::optional<Memory> memory; ///< present exactly for Method::FullState
    /// UEFI VMs whose variables file existed; older points have none (the key is new
    /// within format 1: a reader that does not know it ignores it).
    std::optional<Nvram> nvram;
    qint64 guestPauseMs = 0; ///< how long the guest was paused for the capture
    QString rewindVersion;
    bool isProtected = false; ///< a "golden" point that retention never removes
    QString notes; ///< the user's free text

    bool operator==(const PointManifest &) const = default;

    /// Length of the point's stored files together: disks, RAM image, UEFI variables.
    qint64 storedBytes() const;

    QJsonObject toJson() const;
    /// Indented JSON, so a person can read it with any tool.
    QByteArray toBytes() const;
    static Result<PointManifest> fromJson(const QJsonObject &json);
    static Result<PointManifest> fromBytes(const QByteArray &data);

    static QString methodName(Method method);
    static std::optional<Method> methodFromName(const QString &name);
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString compressionName(Compression compression);
    static std::optional<Compression> compressionFromName(const QString &name);
};

} // namespace Rewind
