#include "changetracking.h"

#include "jobs/backupoperation.h"
#include "jobs/domainevents.h"
#include "jobs/jobcontrol.h"
#include "jobs/overlaymerge.h"
#include "jobs/qemuimg.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "repository/pointid.h"
#include "repository/repositorylock.h"
#include "repository/vmrecord.h"
#include "transfer/sha256file.h"

#include <QFileInfo>
#include <QJsonArray>

#include <libvirt/libvirt.h>

#include <optional>

namespace Rewind {

namespace {

constexpr QLatin1String kOverlayInfix(".rewind-");
constexpr QLatin1String kOverlaySuffix(".qcow2");

} // namespace

QJsonObject Tracking::toJson() const
{
    return QJsonObject {
        {QStringLiteral("pointId"), pointId}, {QStringLiteral("disks"), OverlayPlan::toJson(disks)}};
}

std::optional<Tracking> Tracking::fromJson(const QJsonObject &json)
{
    if (json.isEmpty()) {
        return std::nullopt;
    }
    Tracking t;
    t.pointId = json.value(QLatin1String("pointId")).toString();
    t.disks = OverlayPlan::fromJson(json.value(QLatin1String("disks")).toArray());
    const bool usable = PointId::isValid(t.pointId) && !t.disks.isEmpty()
        && std::all_of(t.disks.cbegin(), t.disks.cend(), [](const OverlayPlan &d) {
               return !d.target.isEmpty() && !d.originalPath.isEmpty() && !d.overlayPath.isEmpty();
           });
    if (!usable) {
        qCWarning(lcJobs) << "Ignoring an unusable change-tracking record:" << json;
        return std::nullopt;
    }
    return t;
}

bool Tracking::mergePending() const
{
    return std::any_of(
        disks.cbegin(), disks.cend(), [](const OverlayPlan &d) { return !d.trackedOverlay.isEmpty(); });
}

QString ChangeTracking::overlayPathFor(const QString &original, const QString &pointId)
{
    return original + kOverlayInfix + pointId + kOverlaySuffix;
}

bool ChangeTracking::looksLikeOverlay(const QString &path)
{
    return path.contains(kOverlayInfix) && path.endsWith(kOverlaySuffix);
}

std::optional<Tracking> ChangeTracking::load(const VmRecord &record)
{
    return Tracking::fromJson(record.tracking);
}

void ChangeTracking::store(VmRecord &record, const std::optional<Tracking> &tracking)
{
    record.tracking = tracking ? tracking->toJson() : QJsonObject();
}

QList<OverlayPlan> ChangeTracking::overlaysInUse(const QList<DiskInfo> &disks)
{
    QList<OverlayPlan> plans;
    for (const DiskInfo &d : disks) {
        // Only IMAGE.rewind-POINT.qcow2 directly over IMAGE is ours to merge, or over a
        // frozen IMAGE.rewind-EARLIER.qcow2 while it is merged into IMAGE: anything else was
        // built by someone else, who has to take it apart.
        if (d.backingChain.isEmpty() || d.backingChain.size() > 2) {
            continue;
        }
        const QString image = d.backingChain.constLast();
        const auto ours = [&image](const QString &path) {
            return looksLikeOverlay(path) && path.startsWith(image + kOverlayInfix);
        };
        const QString frozen = d.backingChain.size() == 2 ? d.backingChain.constFirst() : QString();
        if (!ours(d.path) || (!frozen.isEmpty() && !ours(frozen))) {
            continue;
        }
        const QString format = d.backingFormats.value(d.backingChain.size() - 1);
        plans.append({d.target, image, format.isEmpty() ? QStringLiteral("qcow2") : format, d.path, frozen});
    }
    return plans;
}

ChainStep ChangeTracking::nextStep(const Repository &repository, const QString &vmUuid,
    const std::optional<Tracking> &tracking, const QList<DiskInfo> &disks, bool running, bool forceFull,
    const ChainPolicy &policy, const QDateTime &now)
{
    ChainStep step;
    auto full = [&](const QString &reason) {
        step.parentId.clear();
        step.parent.reset();
        step.fullReason = reason;
        return step;
    };
    if (!tracking) {
        return step;
    }
    if (forceFull) {
        return full(tr("a full point was asked for"));
    }
    if (!running) {
        return full(tr("the VM is shut off, and changes are tracked only while it runs"));
    }
    if (policy.maxIncrements == 0) {
        return full(tr("the chain policy asks for full points only"));
    }
    for (const DiskInfo &d : disks) {
        const bool backedUp = d.device == QLatin1String("disk") && !d.readOnly && !d.shareable
            && d.type == QLatin1String("file");
        const auto it = std::find_if(tracking->disks.cbegin(), tracking->disks.cend(),
            [&](const OverlayPlan &p) { return p.target == d.target; });
        if (it == tracking->disks.cend()) {
            if (backedUp) {
                return full(tr("disk %1 is new since the last point").arg(d.target));
            }
            continue;
        }
        if (d.path != it->overlayPath || d.backingChain != QStringList {it->originalPath}) {
            return full(tr("disk %1 was changed outside Rewind (it now uses %2)").arg(d.target, d.path));
        }
    }
    for (const OverlayPlan &p : tracking->disks) {
        if (std::none_of(
                disks.cbegin(), disks.cend(), [&](const DiskInfo &d) { return d.target == p.target; })) {
            return full(tr("disk %1 was removed from the VM").arg(p.target));
        }
    }

    auto parent = repository.point(vmUuid, tracking->pointId);
    if (!parent || !parent->complete()) {
        return full(tr("the point its changes build on (%1) is gone").arg(tracking->pointId));
    }
    QStringList parentTargets, trackedTargets;
    for (const auto &d : parent->manifest->disks) {
        parentTargets << d.target;
    }
    for (const auto &p : tracking->disks) {
        trackedTargets << p.target;
    }
    parentTargets.sort();
    trackedTargets.sort();
    if (parentTargets != trackedTargets) {
        return full(tr("point %1 holds other disks than the VM has now").arg(tracking->pointId));
    }

    // Walk down to the chain's full point: its age and the number of increments on it
    // decide with the chain policy.
    int increments = 0;
    PointManifest link = *parent->manifest;
    QString linkId = tracking->pointId;
    while (link.kind == PointManifest::Kind::Incremental) {
        ++increments;
        linkId = link.parentId;
        auto below = repository.point(vmUuid, link.parentId);
        if (!below || !below->complete()) {
            return full(tr("the chain below point %1 is incomplete").arg(tracking->pointId));
        }
        link = *below->manifest;
    }
    if (policy.needsFullPoint(increments, link.created, now)) {
        return full(tr("the chain since the full point %1 has reached the policy's limit (%2 increments, "
                       "started %3)")
                        .arg(linkId, QString::number(increments),
                            QLocale().toString(link.created.toLocalTime(), QLocale::ShortFormat)));
    }
    step.parentId = tracking->pointId;
    step.parent = *parent->manifest;
    return step;
}

Status ChangeTracking::stop(const Libvirt::ConnectHandle &conn, const Repository &repository,
    const Libvirt::Domain &domain, const RepositoryLock &lock, QStringList *messages)
{
    Q_UNUSED(lock); // held by the caller: nobody else touches the record or the overlays
    auto definition = domain.currentDefinition();
    if (!definition) {
        return definition.error();
    }
    auto record = repository.loadVm(domain.uuid());
    const std::optional<Tracking> recorded = record ? load(*record) : std::nullopt;

    QList<OverlayPlan> plans = overlaysInUse(definition->disks);
    QStringList leftAlone;
    for (const OverlayPlan &r : recorded ? recorded->disks : QList<OverlayPlan>()) {
        const auto known = std::find_if(
            plans.begin(), plans.end(), [&](const OverlayPlan &p) { return p.target == r.target; });
        if (known != plans.end()) {
            // A merge recorded as running may have ended since: its frozen overlay is no
            // longer in the chain, but its file is still to be deleted.
            if (known->trackedOverlay.isEmpty() && known->overlayPath == r.overlayPath) {
                known->trackedOverlay = r.trackedOverlay;
            }
            continue;
        }
        const auto disk = std::find_if(definition->disks.cbegin(), definition->disks.cend(),
            [&](const DiskInfo &d) { return d.target == r.target; });
        // Someone built on top of the overlay: OverlayMerge refuses and says what to do.
        if (disk != definition->disks.cend()
            && (r.isOverlay(disk->path) || disk->backingChain.contains(r.overlayPath))) {
            plans.append(r);
            continue;
        }
        // The disk was merged, restored by hand or removed: the record is stale. What is in
        // the overlay file is not Rewind's to throw away (gone already after a commit with
        // --delete; a folder we cannot look into says nothing, so the file is named then).
        const QFileInfo overlay(r.overlayPath);
        if (overlay.exists() || !QFileInfo(overlay.absolutePath()).isReadable()) {
            leftAlone << r.overlayPath;
        }
    }
    if (!leftAlone.isEmpty() && messages) {
        messages->append(
            tr("The disks of '%1' were changed outside Rewind, so its changes are no longer tracked. "
               "Not in use any more and left as they are: %2. Delete them once you no longer need "
               "them.")
                .arg(domain.name(), leftAlone.join(QStringLiteral(", "))));
    }
    if (!plans.isEmpty()) {
        qCInfo(lcJobs) << "Merging Rewind's overlays of" << domain.name() << "back into its images";
        if (Status merged = OverlayMerge::run(conn, domain, plans); !merged) {
            return merged;
        }
        if (messages) {
            messages->append(tr("'%1' runs on its own images again.").arg(domain.name()));
        }
    }
    return recorded ? forget(repository, domain.uuid()) : Status {};
}

Result<QStringList> ChangeTracking::untrack(
    const Libvirt::ConnectHandle &conn, const Repository &repository, const QString &domain)
{
    auto dom = Libvirt::Domain::lookup(conn, domain);
    if (!dom) {
        return dom.error();
    }
    auto lock = RepositoryLock::acquire(repository, dom->uuid(), dom->name(), QStringLiteral("untrack"));
    if (!lock) {
        return lock.error();
    }
    QStringList messages;
    if (Status s = stop(conn, repository, *dom, *lock, &messages); !s) {
        return s.error();
    }
    return messages;
}

Status ChangeTracking::startMergingFrozen(Libvirt::Domain domain, const QList<OverlayPlan> &plans)
{
    // REWIND_FAULT_MERGE_MIB_S=N holds the merge to N MiB/s, so that tests can see a point
    // completed while its merge still runs, and what the next job makes of that.
    static const unsigned long bandwidthMiB = qEnvironmentVariableIntValue("REWIND_FAULT_MERGE_MIB_S");
    for (const OverlayPlan &plan : plans) {
        if (plan.trackedOverlay.isEmpty()) {
            continue;
        }
        const Status started
            = domain.blockCommit(plan.target, 0, plan.originalPath, plan.trackedOverlay, bandwidthMiB);
        if (!started && !domain.hasStopped()) {
            return started;
        }
        // Stopped since the snapshot: the chain stays as it is, a merge for the VM's next
        // job (see finishMergingFrozen()).
    }
    faultPoint("committing");
    return {};
}

Result<QList<OverlayPlan>> ChangeTracking::finishMergingFrozen(const Libvirt::ConnectHandle &conn,
    Libvirt::Domain domain, const QList<OverlayPlan> &plans, Wait wait, JobControl *control)
{
    using namespace std::chrono_literals;
    if (control) {
        control->setPhase(JobPhase::Commit);
    }
    // Subscribed only once a wait is due (usually the merge ended long before: four
    // RPCs saved), and then the job is looked at again, so that a job that ends in
    // between wakes the wait instead of leaving it to its timeout.
    std::optional<DomainEvents> events;
    QList<OverlayPlan> running;
    for (const OverlayPlan &plan : plans) {
        if (plan.trackedOverlay.isEmpty()) {
            continue;
        }
        // The frozen overlay holds what the guest wrote since the last point: seconds for
        // an hour of office work, longer for a busy database, hence the generous limit.
        const auto deadline = std::chrono::steady_clock::now() + 30min;
        bool restarted = false;
        for (;;) {
            auto job = domain.blockJobInfo(plan.target);
            if (!job && wait == Wait::No && domain.hasStopped()) {
                // Shut down (or powered off) since the snapshot, and QEMU's job with it:
                // the chain is whole (a commit changes nothing above its base), the point
                // is not affected, and the merge is left to the VM's next job like one
                // still running (stop() merges a shut-off VM's chain offline).
                qCInfo(lcJobs) << domain.name() << "stopped before" << plan.trackedOverlay << "was merged";
                running.append(plan);
                break;
            }
            if (!job) {
                return job.error();
            }
            if (job->has_value()) {
                if (wait == Wait::No) {
                    running.append(plan);
                    break;
                }
                if (control && control->isCancelled()) {
                    // The chain stays as it was (data already copied down is the same
                    // data); whoever comes next merges it.
                    (void)domain.blockJobAbort(plan.target, 0);
                    return control->cancelledError();
                }
                if (std::chrono::steady_clock::now() > deadline) {
                    return Error(ErrorCode::Failed,
                        tr("Merging the previous changes of disk %1 into its image did not finish in time.")
                            .arg(plan.target));
                }
                if (!events) {
                    events.emplace(conn, domain.handle());
                    continue;
                }
                events->waitForBlockJob(plan.target, VIR_DOMAIN_BLOCK_JOB_COMPLETED, 100ms);
                continue;
            }
            // Trust but verify: the VM must now write to the new overlay directly on its image.
            auto definition = domain.currentDefinition();
            if (!definition) {
                return definition.error();
            }
            const QList<DiskInfo> *disks = &definition->disks;
            const auto disk = std::find_if(
                disks->cbegin(), disks->cend(), [&](const DiskInfo &d) { return d.target == plan.target; });
            const bool onOverlay = disk != disks->cend() && disk->path == plan.overlayPath;
            if (onOverlay && disk->backingChain == QStringList {plan.originalPath}) {
                if (Status removed = OverlayMerge::removeOverlayFile(conn, plan.trackedOverlay); !removed) {
                    return removed.error();
                }
                qCDebug(lcJobs) << "Merged" << plan.trackedOverlay << "into" << plan.originalPath;
                break;
            }
            // A merge that ended with the chain as it was: QEMU's job stopped with the VM
            // (shut down and started again since the point). The data is the same, so the
            // merge simply starts again.
            if (onOverlay && !restarted && wait == Wait::UntilMerged
                && disk->backingChain == QStringList({plan.trackedOverlay, plan.originalPath})) {
                qCInfo(lcJobs) << "Merging" << plan.trackedOverlay << "into" << plan.originalPath << "again";
                if (Status started = startMergingFrozen(domain, {plan}); !started) {
                    return started.error();
                }
                restarted = true;
                continue;
            }
            return Error(ErrorCode::Failed,
                tr("Merging the previous changes of disk %1 of '%2' into its image failed.")
                    .arg(plan.target, domain.name()),
                disk == disks->cend()
                    ? QStringLiteral("disk gone")
                    : disk->path + QStringLiteral(" <- ") + disk->backingChain.join(QStringLiteral(" <- ")));
        }
    }
    return running;
}

Status ChangeTracking::settle(const Libvirt::ConnectHandle &conn, const Repository &repository,
    Libvirt::Domain domain, std::optional<Tracking> &tracking, JobControl *control)
{
    if (!tracking || !tracking->mergePending()) {
        return {};
    }
    auto state = domain.state();
    if (!state) {
        return state.error();
    }
    if (*state != DomainState::Running && *state != DomainState::Blocked && *state != DomainState::Paused) {
        return {};
    }
    auto running = finishMergingFrozen(conn, domain, tracking->disks, Wait::UntilMerged, control);
    if (!running) {
        return running.error();
    }
    for (OverlayPlan &d : tracking->disks) {
        d.trackedOverlay.clear();
    }
    auto record = repository.loadVm(domain.uuid());
    if (!record) {
        return record.error();
    }
    store(*record, tracking);
    return repository.saveVm(*record);
}

Result<TransferResult> ChangeTracking::finishIncrement(
    const QString &increment, const QString &parentImage, const QString &parentFormat, JobControl *control)
{
    const Status rebased
        = QemuImg::run({QStringLiteral("rebase"), QStringLiteral("-q"), QStringLiteral("-u"),
                           QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-b"), parentImage,
                           QStringLiteral("-F"), parentFormat, increment},
            tr("Could not link the increment %1 to the previous point's image.").arg(increment), control);
    if (!rebased) {
        return rebased.error();
    }
    TransferOptions options;
    if (control) {
        options.cancel = control->cancelFlag();
    }
    return Sha256File::hash(increment, options);
}

Status ChangeTracking::forget(const Repository &repository, const QString &vmUuid)
{
    auto record = repository.loadVm(vmUuid);
    if (!record) {
        return record.error().code() == ErrorCode::NotFound ? Status {} : Status(record.error());
    }
    if (record->tracking.isEmpty()) {
        return {};
    }
    record->tracking = {};
    return repository.saveVm(*record);
}

} // namespace Rewind
