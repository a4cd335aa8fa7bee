#pragma once

#include "jobs/overlayplan.h"
#include "libvirt/domain.h"
#include "policy/chainpolicy.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"
#include "result.h"
#include "transfer/transferoptions.h"

#include <QCoreApplication>

#include <optional>

namespace Rewind {

class JobControl;
class RepositoryLock;
struct VmRecord;

/// How Rewind knows what a VM wrote since its last point: rotating external overlays.
///
/// After a point, the VM keeps running on a qcow2 overlay on top of its own image. The
/// next point's atomic snapshot puts a new overlay on top; the previous one is then
/// frozen and holds exactly the writes between the two points. It is copied into the
/// repository as the new point's increment (its backing file rewritten to the previous
/// point's image), then merged into the VM's image by an intermediate block commit, so
/// the VM runs on image <- new overlay again. This is the manual procedure's own chain
/// (snapshot-create-as + blockcommit), and it needs nothing beyond the libvirt calls the
/// full backup already makes.
///
/// Why not libvirt checkpoints with persistent dirty bitmaps (what virtnbdbackup and
/// Proxmox use)? Reading a bitmap needs an NBD export and an NBD client library on top,
/// the checkpoint must be taken in the same atomic step as the RAM image, and raw images
/// cannot hold bitmaps at all; overlays work for raw and qcow2 images alike, and an
/// increment is a plain qcow2 file any qemu-img reads. The price is that the VM runs on
/// an overlay between points: rewindctl list/the GUI show it, `rewindctl untrack` (and
/// restore in place) merges it back, and a chain changed by someone else is detected
/// before the next point, which is then a full one.
///
/// The record lives in the repository's vm.json (VmRecord::tracking): the point the
/// overlays build on and, per disk, the VM's own image and the overlay over it.
///
/// An increment is complete once its files and manifest are stored; QEMU's merge of the
/// frozen overlay may still be running then. It walks the whole virtual disk whatever
/// changed (about 100 ms for 2 GiB on two cores, more than the copy of a small
/// increment), so a point does not wait for it: a merge still running is recorded as the
/// disk's trackedOverlay, and the VM's next job (settle(), or stop()) completes it before
/// it looks at the chain. Until then the VM runs on image <- frozen <- overlay, a chain
/// QEMU keeps consistent at every step of the merge.
struct Tracking
{
    QString pointId; ///< the point whose images the overlays' content builds on
    /// overlayPath: the overlay the VM writes to now; trackedOverlay: the frozen overlay
    /// below it whose merge into originalPath was still running when pointId was stored
    QList<OverlayPlan> disks;

    bool mergePending() const;

    QJsonObject toJson() const;
    /// std::nullopt for an empty object (no tracking) or one that cannot be used.
    static std::optional<Tracking> fromJson(const QJsonObject &json);
};

/// What the next point of a VM is: an increment on parentId, or a full point and why.
struct ChainStep
{
    QString parentId; ///< empty: a full point
    std::optional<PointManifest> parent;
    QString fullReason; ///< for the user, when tracking existed but cannot go on
};

class ChangeTracking
{
    Q_DECLARE_TR_FUNCTIONS(ChangeTracking)

public:
    /// The overlay file a point creates next to an image: IMAGE.rewind-POINT.qcow2.
    static QString overlayPathFor(const QString &original, const QString &pointId);
    static bool looksLikeOverlay(const QString &path);

    static std::optional<Tracking> load(const VmRecord &record);
    static void store(VmRecord &record, const std::optional<Tracking> &tracking);

    /// The disks of a domain that run on one of Rewind's overlays directly over their own
    /// image, or over a frozen overlay of Rewind's whose merge runs (trackedOverlay set),
    /// whether the repository recorded them or not (a record can be lost with its
    /// repository): what stop() merges.
    static QList<OverlayPlan> overlaysInUse(const QList<DiskInfo> &disks);

    /// Decides whether the next point can be an increment on the tracked point: the VM
    /// must run (or be paused) on exactly the recorded overlays, every disk to back up must
    /// be tracked, the parent point must be complete with the same disks, and the chain
    /// policy must not ask for a full point. disks: the domain's disks now.
    static ChainStep nextStep(const Repository &repository, const QString &vmUuid,
        const std::optional<Tracking> &tracking, const QList<DiskInfo> &disks, bool running, bool forceFull,
        const ChainPolicy &policy, const QDateTime &now);

    /// Puts the VM back on its own images: merges every overlay of Rewind's it runs on
    /// (running: active commit and pivot; shut off: qemu-img commit) and clears the
    /// record. The next point is full. Idempotent, so a killed stop is simply repeated.
    /// The caller holds the VM's lock. Appends a message for the user when it merged.
    static Status stop(const Libvirt::ConnectHandle &conn, const Repository &repository,
        const Libvirt::Domain &domain, const RepositoryLock &lock, QStringList *messages);

    /// Completes the merges a previous point left running (Tracking::mergePending) before
    /// the VM's next point: waits for QEMU's job, starts it again when it stopped with the
    /// VM (shut down and started since), checks the chain, deletes the frozen overlays and
    /// records the VM as running on one overlay again. Nothing to do for a shut-off VM:
    /// its next point is full, and stop() merges its whole chain. On failure the record is
    /// left as it was, and the caller falls back to stop() and a full point.
    static Status settle(const Libvirt::ConnectHandle &conn, const Repository &repository,
        Libvirt::Domain domain, std::optional<Tracking> &tracking, JobControl *control);

    /// After an incremental point's snapshot: starts merging each disk's frozen
    /// trackedOverlay into its image with an intermediate block commit (the VM keeps
    /// writing to overlayPath, which then sits directly on the image). QEMU runs the
    /// merge while Rewind copies the frozen overlay: both only read it. A VM that stopped
    /// since the snapshot starts no merge, and that is no error.
    static Status startMergingFrozen(Libvirt::Domain domain, const QList<OverlayPlan> &plans);

    enum class Wait {
        UntilMerged, ///< wait for each merge to end
        No ///< finish the merges that ended, leave the others running
    };
    /// Finishes the merges startMergingFrozen() began: checks the live chain and deletes
    /// each frozen overlay once QEMU's job ended. A merge that stopped with its chain
    /// unchanged (the VM was restarted) is started once more. Call it only once the frozen
    /// overlays are copied. Returns the plans whose merge still runs (Wait::No), or waits
    /// for the VM's next job because the VM stopped meanwhile (Wait::No as well).
    static Result<QList<OverlayPlan>> finishMergingFrozen(const Libvirt::ConnectHandle &conn,
        Libvirt::Domain domain, const QList<OverlayPlan> &plans, Wait wait, JobControl *control);

    /// Makes a copied overlay a point's increment: its backing file becomes parentImage
    /// (relative to the increment's folder, so the repository can move) in parentFormat,
    /// then the finished file is hashed. For increments that came through a libvirt
    /// stream; a local copy rewrites the header as it copies (Qcow2Header) instead.
    static Result<TransferResult> finishIncrement(const QString &increment, const QString &parentImage,
        const QString &parentFormat, JobControl *control);

    /// stop() for the domain named (name or UUID), under its lock: what `rewindctl untrack`
    /// and the main window's Stop Tracking Changes run. Returns stop()'s messages (none
    /// when the VM already ran on its own images).
    static Result<QStringList> untrack(
        const Libvirt::ConnectHandle &conn, const Repository &repository, const QString &domain);

    /// Clears the record only (the overlays were merged by someone else, or by
    /// OverlayMerge in a rollback or a recovery).
    static Status forget(const Repository &repository, const QString &vmUuid);
};

} // namespace Rewind
