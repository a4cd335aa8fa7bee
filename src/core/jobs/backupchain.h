#pragma once

#include "jobs/backupplan.h"
#include "jobs/changetracking.h"
#include "libvirt/domain.h"
#include "policy/chainpolicy.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

#include <optional>

namespace Rewind {

class JobControl;
class RepositoryLock;

/// The chain side of a backup point: before it, whether the point is an increment on the
/// VM's last point or full; after it, the tracking record that lets the next point be an
/// increment on this one. Runs in the backup's worker.
class BackupChain
{
    Q_DECLARE_TR_FUNCTIONS(BackupChain)

public:
    /// The chain step of the next point, once a merge the previous point left running has
    /// been completed (ChangeTracking::settle()). When tracking cannot go on, or the VM
    /// runs on an overlay of Rewind's that this repository did not record, the VM is put
    /// back on its own images first, tracking is reset and notes say why the point is
    /// full. Fails only when that cannot be done, or on cancel.
    ///
    /// *current and *currentXml are the domain as it is once the step is decided (read
    /// again when its disks were put back), which the preflight checks: a backup reads
    /// the domain's definition, state and persistence once.
    static Result<ChainStep> decide(const Libvirt::ConnectHandle &conn, const Repository &repository,
        const Libvirt::Domain &domain, const RepositoryLock &lock, const ChainPolicy &policy, bool forceFull,
        std::optional<Tracking> &tracking, QStringList *notes, JobControl *control, DomainInfo *current,
        QString *currentXml);

    /// Records the overlays the VM writes to after the point (when plan.track), with the
    /// frozen overlays QEMU is still merging (plan.mergesRunning). A record that cannot be
    /// saved only costs the next point its increment: that point finds an overlay without
    /// a record, merges it and is full.
    static void record(const Repository &repository, const BackupPlan &plan);
};

} // namespace Rewind
