#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Rewind {

/// Which folders are mount points: those /etc/fstab names and those mounted now.
///
/// A backup repository often lives on a drive of its own. When that drive is not mounted,
/// its mount point is an empty folder of the root file system (or no folder at all, for
/// the drives a desktop mounts under /media and /run/media), and creating a repository
/// there would fill the root file system with backups that vanish from sight once the
/// drive is mounted again. Repository::open asks both questions below before it creates
/// anything.
class MountTable
{
public:
    /// /etc/fstab ($REWIND_FSTAB instead, for tests) and /proc/self/mountinfo. A table
    /// that cannot be read counts as empty: the check then finds nothing.
    static MountTable current();
    /// fstab: lines of fstab(5); mountinfo: lines of proc(5)'s mountinfo.
    static MountTable fromText(const QByteArray &fstab, const QByteArray &mountinfo);

    /// The deepest mount point of fstab at or above path, when it is not mounted now;
    /// else an empty string.
    QString unmountedFstabMountPointFor(const QString &path) const;
    /// For a path under /media or /run/media, where the desktop mounts removable drives
    /// in folders that exist only while they are mounted: that folder ("/media" or
    /// "/run/media") when nothing mounted below it holds path; else an empty string.
    QString unmountedRemovableRootFor(const QString &path) const;

    QStringList fstabMountPoints() const { return m_fstab; }
    QStringList mountedPoints() const { return m_mounted; }

private:
    QStringList m_fstab;
    QStringList m_mounted;
};

} // namespace Rewind
