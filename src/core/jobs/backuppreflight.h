#pragma once

#include "jobs/backupplan.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

/// The checks before a backup touches anything: the domain runs (or is paused, or is
/// shut off for a cold copy); each disk is a file-based qcow2 or raw image (removable
/// media and read-only disks are skipped with a note; shared, network and block disks
/// refused with what to do); a disk on a backing chain is accepted only as the overlay
/// Rewind tracks; the repository is writable and has room for the disks' data and the
/// RAM image. Blocking; worker threads only.
class BackupPreflight
{
    Q_DECLARE_TR_FUNCTIONS(BackupPreflight)

public:
    /// info and liveXml: the domain as just read (BackupChain::decide()).
    static Result<BackupPlan> run(const Libvirt::Domain &domain, DomainInfo info, QString liveXml,
        const BackupRequest &request, const Repository &repository, const std::optional<Tracking> &tracking);
};

} // namespace Rewind
