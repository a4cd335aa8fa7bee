#pragma once

#include "repository/pointinfo.h"
#include "repository/repository.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Rewind {

/// A VM with backups in the repository that no libvirt connection defines any more
/// (deleted in virt-manager, lost with a reinstalled host): the VM list cannot show it,
/// but its points can bring it back (as it was, see InPlaceRestore).
struct RemovedVm
{
    QString uuid;
    QString name; ///< its last name in vm.json, else the newest point's, else the UUID
    QList<PointInfo> points; ///< its complete points, newest first

    /// When a point was taken: its manifest's time, else the one its id says.
    static QDateTime pointTime(const PointInfo &point);

    /// Reads the repository (blocking file I/O: workers and rewindctl only). knownUuids:
    /// the VMs the connections define. A VM without a complete point has nothing to
    /// restore and is left out. Sorted by name.
    static QList<RemovedVm> find(const Repository &repository, const QSet<QString> &knownUuids);
};

} // namespace Rewind
