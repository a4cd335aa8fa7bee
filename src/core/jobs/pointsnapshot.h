#pragma once

#include "jobs/backupplan.h"
#include "libvirt/domain.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

/// The snapshot that starts a live point: one atomic libvirt snapshot that moves every
/// disk being backed up onto its new overlay and, for a full-state point, writes the RAM
/// image to plan.memoryRaw. libvirt keeps no metadata of it (NO_METADATA): the merges
/// that follow would leave that metadata naming files that are gone.
class PointSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(PointSnapshot)

public:
    /// Takes the snapshot and returns how long the guest was paused (ms; 0 when it was not,
    /// as for a disk-only point). live keeps the guest running while its RAM is written.
    /// On failure no new overlay is left in use: libvirt removes what it created (ATOMIC),
    /// and one it left anyway is merged back, while a tracked VM stays on the overlay it
    /// had so that its tracking goes on.
    static Result<qint64> take(const Libvirt::ConnectHandle &conn, const BackupPlan &plan, bool live);
};

} // namespace Rewind
