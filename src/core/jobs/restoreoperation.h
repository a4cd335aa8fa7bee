#pragma once

#include "jobs/restorerecovery.h"
#include "libvirt/handle.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

class JobControl;

/// What to restore, and where to.
struct RestoreRequest
{
    enum class Mode {
        /// the VM itself goes back to the point: disks, and RAM for full-state points; a VM
        /// removed from libvirt is defined again as it was (InPlaceRestore)
        InPlace,
        AsNewVm, ///< a new VM (new name, UUID, MACs) from the point, beside the original
        Export, ///< the point's disks as standalone images in a folder; no VM is touched
    };

    QString vm; ///< name (current or former) or UUID of the VM in the repository
    QString pointId; ///< a point id, or "latest" for the newest complete point
    Mode mode = Mode::InPlace;
    QString newName; ///< AsNewVm: the new VM's name
    /// AsNewVm: folder for the new images (empty: next to each original image);
    /// Export: the folder to export into (required).
    QString targetDir;
    QString exportFormat; ///< Export: "qcow2" or "raw"; empty keeps each disk's format
    bool force = false; ///< InPlace: consent to stop a VM that runs
    bool ignoreDamage = false; ///< restore a point that fails verification anyway
    bool keepSafetyCopy = false; ///< InPlace: keep the replaced images ("<image>.rewind-safety-<point>")
    /// Start the VM afterwards when the point has no RAM state (disk-only, cold). A
    /// full-state point always ends running.
    bool start = false;
};

struct RestoreOutcome
{
    RestoreRequest::Mode mode = RestoreRequest::Mode::InPlace;
    QString pointId;
    PointManifest::Method method = PointManifest::Method::FullState;
    QString domainName; ///< the restored VM (the new one for AsNewVm); empty for Export
    QString domainUuid;
    bool memoryRestored = false; ///< resumed at the moment of the point (RAM restored)
    bool running = false;
    bool redefined = false; ///< InPlace: the VM had been removed from libvirt and is defined again
    QStringList files; ///< images written (AsNewVm, Export) or restored (InPlace)
    QStringList safetyCopies; ///< InPlace with keepSafetyCopy: the replaced images
    QStringList notes; ///< things the user should know (repairs, renamed logs, a cold boot)
};

/// Brings a backup point back, on the calling (worker) thread, in one of three ways (see
/// RestoreRequest::Mode). Common to all: the point is found ("latest" allowed), the VM's
/// repository lock is taken (a prune cannot remove the point meanwhile), leftovers of
/// killed jobs are repaired, and folders are checked for space and writability before
/// anything is changed. Every stored file is checked against its checksum while the
/// images are written (RestoreContext::startVerify()), and a damaged point is refused
/// before the first step that cannot be taken back; a refused restore changes nothing.
///
/// In place (InPlaceRestore): the point's images are written next to the VM's images
/// while the VM still runs, then the VM is stopped (only with force), its images are
/// renamed aside as safety copies and the point's renamed into their place, and for
/// full-state points the RAM image is resumed with the disk paths rewritten; then the
/// persistent definition is pointed at the restored disks and the safety copies are
/// dropped (or kept). Any failure puts the VM's own images back. Every step is journalled
/// first, and RestoreRecovery finishes or undoes it after a crash: the VM ends on either
/// its own images or the restored ones, never on neither. A VM that libvirt no longer
/// defines is brought back this way too, defined again under its own identity (see
/// InPlaceRestore).
///
/// As a new VM (NewVmRestore) and export (PointExport) only create files, never replace
/// any, and remove what they created when they fail.
///
/// A VM started by someone else while it is restored in place is not restored under it:
/// its state is read again before its images are renamed (stopped then only with force)
/// and once more after, and a VM found running then has its own images put back.
///
/// REWIND_FAULT_STALL (tests): "restore-copying" (first bytes of an image written, VM
/// untouched), "restore-stopped" (VM stopped or found shut off, no image renamed yet),
/// "restore-moved-aside" (VM stopped, its images at their safety names, the
/// point's not yet in place), "restore-swapped" (point's images in place, RAM not yet
/// restored), "restore-defined" (as new: defined, not started).
class RestoreOperation
{
    Q_DECLARE_TR_FUNCTIONS(RestoreOperation)

public:
    RestoreOperation(
        Libvirt::ConnectHandle conn, Repository repository, RestoreRequest request, JobControl &control);
    Result<RestoreOutcome> run();

private:
    Libvirt::ConnectHandle m_conn;
    Repository m_repository;
    RestoreRequest m_request;
    JobControl &m_control;
};

} // namespace Rewind
