#pragma once

#include "jobs/overlayplan.h"
#include "libvirt/domain.h"
#include "result.h"

namespace Rewind {

class JobControl;

/// Puts a domain back on its own images after a backup snapshot: the one step that must
/// run whatever else happened (success, failure, cancel, a killed process found later by
/// Recovery), because a VM left writing to a stray overlay is the failure users fear most.
///
/// Running domain: an active block commit of everything above the original image into
/// it (one overlay, or a tracked overlay with a new one on top), wait for READY (event,
/// with polling as a fallback), pivot, then check the live definition. Shut-off domain:
/// qemu-img commit down to the original, then the persistent definition is pointed back.
/// A domain shut down (or powered off) during its active commit is merged offline from
/// there on, as its job ended with it. A disk already back on its original image is left
/// alone, so the merge is idempotent and Recovery can repeat it after a crash at any
/// step. Overlay files are deleted only once no definition refers to them. Runs in a
/// worker.
class OverlayMerge
{
public:
    static Status run(const Libvirt::ConnectHandle &conn, const Libvirt::Domain &domain,
        const QList<OverlayPlan> &plans, JobControl *control = nullptr);

    /// Removes an overlay file no definition uses any more (missing is fine).
    static Status removeOverlayFile(const Libvirt::ConnectHandle &conn, const QString &path);
};

} // namespace Rewind
