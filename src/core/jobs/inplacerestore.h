#pragma once

#include "jobs/inplacepreflight.h"
#include "jobs/restoreoperation.h"

#include <QCoreApplication>

namespace Rewind {

class Journal;
struct RestoreContext;

/// Restores a VM in place (see RestoreOperation for the sequence and RestoreRecovery for
/// what happens after a crash).
///
/// A VM that libvirt no longer defines (deleted in virt-manager, virsh undefine) is
/// brought back the same way, as it was: under its own name and UUID, with its own MAC
/// addresses, on the image paths it had, and for a full-state point resumed from its RAM.
/// Why this is safe while a copy under the same identity (as a new VM) is not: nothing
/// else holds that UUID once the VM is gone, and a VM that now has its name, or uses one
/// of its image paths, is refused. An image still at one of those paths (virt-manager
/// keeps the disks unless told to delete them) is replaced only with force, like the
/// images of a VM that exists. The RAM is resumed first, which creates the VM as a
/// transient one, and its running definition is then made persistent: that definition
/// comes from the save image with its passwords (VIR_DOMAIN_XML_SECURE), which the
/// point's manifest, read without them, lacks. A point without RAM defines the VM from the
/// manifest's definition.
///
/// Why the point's images are written next to the VM's images before the VM is stopped,
/// rather than after its images were moved aside: the copy is the long step and the one
/// most likely to fail (a full disk, a damaged file, a cancel). Done first, it fails with
/// the VM still running untouched, and the VM is down only for the renames and the RAM
/// restore (well under a second for small guests). The space needed is the same either
/// way, as the safety copies exist until the end.
///
/// What is checked before anything is touched, and what the restore will write where, is
/// decided by InPlacePreflight.
class InPlaceRestore
{
    Q_DECLARE_TR_FUNCTIONS(InPlaceRestore)

public:
    explicit InPlaceRestore(RestoreContext &ctx);
    Result<RestoreOutcome> run();

private:
    Status stage(Journal &journal);
    /// A definition whose disks are the restored images (paths and formats of the plan's
    /// swaps), and whose UEFI variables file is the restored one.
    Result<QString> withRestoredDisks(const QString &xml) const;
    Status prepareMemory();
    /// Stops the VM where it runs (with force; the state is read again, as it may have
    /// been started since the preflight).
    Status stopVm(Journal &journal);
    Status swapImages(Journal &journal);
    Status resume();
    Status recreate();
    /// What a removed VM is defined from when no RAM is resumed.
    QString definitionToRecreate() const;
    Error rollback(Journal &journal, const Error &cause, bool vmTouched);
    bool stillRunning() const;

    RestoreContext &m_ctx;
    InPlacePlan m_plan;
    bool m_defined = false; ///< this restore defined the removed VM (undefined on failure)
    QString m_resumeXml; ///< dxml for the RAM restore: the saved definition, disks rewritten
};

} // namespace Rewind
