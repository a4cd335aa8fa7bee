#pragma once

#include "libvirt/handle.h"

#include <QString>

#include <memory>

namespace Rewind::MemoryScratch {

/// Where libvirt writes the RAM image of a full-state point, before Rewind compresses it
/// into the point and deletes it.
///
/// Why not the point's folder: libvirt flushes the raw image to its disk (fdatasync)
/// before it lets the guest run again, so the guest's pause grows with the repository
/// disk's write speed. For the 256 MiB test guest (a ~100 MB image) the plain virsh
/// command paused the guest 72-80 ms with the image on the disk and 21-27 ms with it in
/// /dev/shm (six of each, alternating, same guest); on a slow external disk the pause
/// would be seconds. The raw image needs no durability of its own: a point is complete
/// only once its compressed copy is in the repository and fsynced, and a backup
/// interrupted before that is repaired without it.
///
/// The RAM-backed folder is used only for a local connection (the path is on the
/// daemon's host), when the image fits without pressing on the host's memory (see
/// fits()), and for one image at a time: concurrent backups each judging the room alone
/// could together take more than there is, so the others write to their points' folders.
/// Otherwise the image goes to the point's folder as before.

struct Room
{
    qint64 scratchFree = 0; ///< bytes free in the RAM-backed folder's file system
    qint64 memoryAvailable = 0; ///< the kernel's MemAvailable
};

/// True when the RAM image of a guest with guestBytes of RAM (at most that, plus device
/// state) fits in the RAM-backed folder and takes at most half of the memory the host
/// has available, so that the page cache and the guests keep theirs.
bool fits(qint64 guestBytes, const Room &room);

/// This user's folder in /dev/shm (created 0700 when missing), or an empty string when
/// /dev/shm is missing or not a RAM-backed file system.
QString directory();

/// The room directory() has now.
Room room(const QString &directory);

/// The folder held for one backup's RAM image (an exclusive flock on its lock file),
/// until this is destroyed or the process ends.
class Claim
{
public:
    explicit Claim(int fd) : m_fd(fd) { }
    ~Claim();
    Claim(const Claim &) = delete;
    Claim &operator=(const Claim &) = delete;

private:
    int m_fd;
};

struct Placement
{
    QString path; ///< where libvirt writes the raw image
    std::shared_ptr<Claim> claim; ///< set when path is in directory(): keep it until the image is gone
};

/// Where libvirt writes the raw RAM image of point pointId of VM vmUuid: in directory()
/// when the connection is local, no other backup of this user holds the folder and
/// fits() says so; else memory.save in pointDir.
Placement place(const Libvirt::ConnectHandle &conn, qint64 guestBytes, const QString &vmUuid,
    const QString &pointId, const QString &pointDir);

} // namespace Rewind::MemoryScratch
