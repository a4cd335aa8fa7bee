#pragma once

#include "libvirt/handle.h"
#include "result.h"

#include <atomic>
#include <functional>

namespace Rewind {

/// Files reached through libvirt's storage API instead of the local file system.
///
/// Why: with qemu:///system used by a normal user, images and memory files belong to
/// root or the qemu user, and with qemu+ssh:// they are on another host. The daemon can
/// still read and write them, as storage volumes: a file is found as a volume of an
/// existing pool, or of a transient "dir" pool Rewind creates on its folder for the
/// duration of the call (and destroys afterwards; nothing persistent is left behind).
/// Transfers use sparse streams, so holes cross the wire as lengths, not zeros.
/// Everything here blocks; workers only.
namespace LibvirtFiles {

using DataFn = std::function<Status(const char *data, qint64 size)>;
using HoleFn = std::function<Status(qint64 length)>;
using ProgressFn = std::function<void(qint64 done, qint64 total)>;

struct VolumeInfo
{
    qint64 capacity = 0; ///< logical size
    qint64 allocation = 0; ///< bytes allocated on the host
};

/// Size of the file at path as the daemon sees it (NotFound when it is not there).
Result<VolumeInfo> info(const Libvirt::ConnectHandle &conn, const QString &path);

/// Streams the whole file at path; data and holes arrive in order. Returns the logical
/// size received.
Result<qint64> download(const Libvirt::ConnectHandle &conn, const QString &path, const DataFn &onData,
    const HoleFn &onHole, const std::atomic_bool *cancel, const ProgressFn &progress = {});

/// Creates the file at remotePath (which must not exist) as a raw volume of
/// localFile's size and streams localFile into it, holes as holes.
Status upload(const Libvirt::ConnectHandle &conn, const QString &localFile, const QString &remotePath,
    const std::atomic_bool *cancel, const ProgressFn &progress = {});

/// Deletes the file at path through the daemon; a missing file is not an error.
Status removeIfExists(const Libvirt::ConnectHandle &conn, const QString &path);

/// Deletes the file at path here, or through the daemon when this user may not (a file in
/// a folder of the daemon's, conn set); a missing file is not an error.
Status remove(const Libvirt::ConnectHandle &conn, const QString &path);

} // namespace LibvirtFiles
} // namespace Rewind
