#pragma once

#include "libvirt/handle.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

class RepositoryLock;

/// Finishes or undoes the jobs a killed process left behind, from their journals.
///
/// Backup journals: before the snapshot there is nothing to undo; after it, every disk
/// still on Rewind's overlay is merged back into its image (OverlayMerge, idempotent),
/// then the incomplete point is removed; a point whose manifest was committed stays.
/// Restore journals are handed to RestoreRecovery (see restoreoperation.h).
/// Runs at the start of the app and of every rewindctl command that uses a repository,
/// and before each backup of a VM. Worker thread only.
class Recovery
{
    Q_DECLARE_TR_FUNCTIONS(Recovery)

public:
    /// Recovers one VM's journals; the caller holds its lock. Returns one message per
    /// repair, for the user.
    static Result<QStringList> recoverVm(const Libvirt::ConnectHandle &conn, const Repository &repository,
        const QString &vmUuid, const RepositoryLock &lock);
    /// Every VM of the repository with journals; VMs whose lock is held by a running job
    /// are skipped. Failures are reported as messages, and the journal is kept for the
    /// next try.
    static QStringList recoverAll(const Libvirt::ConnectHandle &conn, const Repository &repository);
};

} // namespace Rewind
