#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Rewind {

/// One disk of an in-place restore, as recorded in the restore's journal before any file
/// is touched, so that a killed restore can always be traced back to the VM's own image.
///
/// The point's image is first written next to the VM's image (staged), while the VM
/// still runs on its own; only then is the VM stopped and the two renamed: path ->
/// safety, staged -> path. Renames within one folder are atomic, so after a crash each
/// of the three names holds either a whole image or nothing, and RestoreRecovery can
/// tell from which names exist how far the swap got.
struct ImageSwap
{
    /// The target of the swap that puts back a UEFI VM's variables file (no disk is
    /// called so): the same staged write, renames and recovery as an image.
    static constexpr QLatin1String NvramTarget {"nvram"};

    QString target; ///< "vda", or NvramTarget
    QString path; ///< the VM's image, where the point's image ends up
    QString format; ///< format of the restored image ("qcow2", "raw")
    QString staged; ///< the point's image, written before the VM is stopped
    QString safety; ///< where the VM's own image is moved aside
    bool hadImage = true; ///< whether there was an image at path to move aside

    static QString stagedPathFor(const QString &path, const QString &pointId);
    static QString safetyPathFor(const QString &path, const QString &pointId);

    static QJsonArray toJson(const QList<ImageSwap> &swaps);
    static QList<ImageSwap> fromJson(const QJsonArray &array);
};

/// The journal's names for what a restore does, shared by RestoreOperation, which writes
/// them, and RestoreRecovery, which acts on them after a crash.
namespace RestoreJournal {

// Payload keys.
inline constexpr auto Mode = "mode"; ///< one of the mode values below
inline constexpr auto PointId = "pointId";
inline constexpr auto Swaps = "swaps"; ///< in place: ImageSwap array
inline constexpr auto MemoryFile = "memoryFile"; ///< in place: decompressed RAM image
inline constexpr auto KeepSafety = "keepSafetyCopy";
inline constexpr auto Recreate = "recreate"; ///< in place: the VM was removed and is defined again
inline constexpr auto Files = "files"; ///< as new / export: the images being created
inline constexpr auto Created = "created"; ///< as new / export: the ones already complete
inline constexpr auto Scratch = "scratch"; ///< local temporary files (conversions)
inline constexpr auto NewName = "newName";
inline constexpr auto NewUuid = "newUuid"; ///< as new: set once the new VM is defined

// Modes.
inline constexpr auto InPlace = "in-place";
inline constexpr auto AsNew = "as-new";
inline constexpr auto Export = "export";

// States, in the order they are reached. In place: the VM runs on its own images up to
// Stopping; from Swapping to Restoring its own images sit at their safety names; from
// Restored on, the point's state is what the VM has.
inline constexpr auto Copying = "copying";
inline constexpr auto Stopping = "stopping";
inline constexpr auto Swapping = "swapping";
inline constexpr auto Restoring = "restoring";
inline constexpr auto Restored = "restored";
inline constexpr auto Defined = "defined"; ///< as new: the new VM exists with whole images

/// A file name derived from a VM name: the name may hold any character, a file name
/// may not hold '/' and should not start with '.' or '-'.
QString fileSafeName(const QString &name);

/// Where a conversion writes before the result is linked to its final name (never
/// overwriting): next to it, so link() stays within one file system.
QString partialPathFor(const QString &finalPath);

} // namespace RestoreJournal

} // namespace Rewind
