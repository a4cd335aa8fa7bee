#pragma once

#include "libvirt/handle.h"
#include "repository/pointmanifest.h"
#include "result.h"

#include <QHash>
#include <QString>

#include <functional>

namespace Rewind {

class JobControl;

/// The file work of a restore: writing a point's stored disk as a VM image somewhere,
/// finding out whether and how a folder can take it, and removing files again. Blocking;
/// workers only.
namespace RestoreFiles {

/// How files get into a folder.
enum class Access {
    Local, ///< this process creates them itself
    /// Only the libvirt daemon may write there (qemu:///system used by a normal user,
    /// /var/lib/libvirt/images): files travel through storage-volume streams.
    Libvirt,
};

/// Whether files can be created in dir, and how. access(W_OK) tells a folder the user
/// may not write (EACCES: Libvirt, for a non-root user) from one nobody may write
/// (EROFS: Permission); as root the mode bits say nothing, so a probe file is created
/// as well. NotFound when dir is not a folder.
Result<Access> directoryAccess(const QString &dir);

/// Checks that each folder's file system has room for the bytes planned for it (plus a
/// margin); folders on one file system are added up. NoSpace names the first that lacks.
Status checkSpace(const QHash<QString, qint64> &bytesPerDir, const QString &what);

/// Space a disk of the point takes once restored as a standalone image.
qint64 restoredSize(const PointManifest::Disk &disk);

/// What writeImage() writes.
struct ImageSpec
{
    QString pointDir; ///< the point's folder (incremental disks name backing files relative to it)
    PointManifest::Disk disk; ///< the stored disk
    QString destination; ///< must not exist; never overwritten
    QString format; ///< "qcow2" or "raw"
    Access access = Access::Local;
    QString scratchDir; ///< local folder for a conversion that is then streamed (Libvirt)
};

/// Where writeImage() converts an image for destination before the daemon streams it
/// (Access::Libvirt), without the partial suffix: restore journals record it so that
/// recovery can remove what a killed conversion left.
QString scratchPathFor(const QString &scratchDir, const QString &destination);

/// Writes the point's disk as a standalone image (no backing file) at destination:
/// a sparse copy when the stored file already is one in the wanted format, else
/// `qemu-img convert` (format change, or flattening an incremental chain) into a
/// partial file that is linked to its final name, so an existing file is never
/// replaced (Conflict). With Access::Libvirt the result is streamed by the daemon.
/// progress gets bytes done within this image. Cancel is honoured.
Status writeImage(const Libvirt::ConnectHandle &conn, const ImageSpec &spec, JobControl &control,
    const std::function<void(qint64 done)> &progress);

/// Gives `to` the owner, group and mode of `from` (best effort: only root may chown).
/// A restored image must be usable by whoever used the image it replaces (the qemu
/// user when libvirt's dynamic_ownership is off).
void copyOwnership(const QString &from, const QString &to);

/// Whether a name exists in the file system, without following a final symlink.
bool exists(const QString &path);

/// Removes a file; a missing one is fine. When this user may not (a daemon-owned
/// folder), libvirt removes it.
Status remove(const Libvirt::ConnectHandle &conn, const QString &path);

/// rename(2) with a user-facing error naming both paths.
Status renameFile(const QString &from, const QString &to);

} // namespace RestoreFiles
} // namespace Rewind
