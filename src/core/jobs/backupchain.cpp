#include "backupchain.h"

#include "logging.h"
#include "repository/vmrecord.h"

namespace Rewind {

Result<ChainStep> BackupChain::decide(const Libvirt::ConnectHandle &conn, const Repository &repository,
    const Libvirt::Domain &domain, const RepositoryLock &lock, const ChainPolicy &policy, bool forceFull,
    std::optional<Tracking> &tracking, QStringList *notes, JobControl *control, DomainInfo *current,
    QString *currentXml)
{
    const Status settled = ChangeTracking::settle(conn, repository, domain, tracking, control);
    if (!settled && settled.error().code() == ErrorCode::Cancelled) {
        return settled.error();
    }
    auto info = domain.info(currentXml);
    if (!info) {
        return info.error();
    }
    *current = *info;
    const bool running = info->state == DomainState::Running || info->state == DomainState::Blocked
        || info->state == DomainState::Paused;
    const ChainStep step = settled
        ? ChangeTracking::nextStep(repository, info->uuid, tracking, info->disks, running, forceFull, policy,
            QDateTime::currentDateTimeUtc())
        : ChainStep {{}, {},
            tr("the changes of the previous point could not be merged into the images (%1)")
                .arg(settled.error().message())};
    const bool stray = !tracking && !ChangeTracking::overlaysInUse(info->disks).isEmpty();
    if (!step.parentId.isEmpty() || (!tracking && !stray)) {
        return step;
    }
    if (Status s = ChangeTracking::stop(conn, repository, domain, lock, notes); !s) {
        return s.error().withContext(tr("Backup of '%1' failed: ").arg(info->name));
    }
    tracking.reset();
    auto reread = domain.info(currentXml);
    if (!reread) {
        return reread.error();
    }
    *current = *reread;
    *notes << (stray ? tr("'%1' ran on an overlay of Rewind's that this repository did not record (another "
                          "repository tracks its changes, or the record was lost). It was merged back, so "
                          "this point is full.")
                           .arg(info->name)
                     : tr("This point is full: %1.").arg(step.fullReason));
    return step;
}

void BackupChain::record(const Repository &repository, const BackupPlan &plan)
{
    if (!plan.track) {
        return;
    }
    Tracking tracking;
    tracking.pointId = plan.pointId;
    for (OverlayPlan d : plan.disks) {
        if (!plan.mergesRunning.contains(d.target)) {
            d.trackedOverlay.clear();
        }
        tracking.disks.append(d);
    }
    auto loaded = repository.loadVm(plan.info.uuid);
    VmRecord vm = loaded ? *loaded : VmRecord {plan.info.uuid, {}, {}, {}, {}, {}};
    ChangeTracking::store(vm, tracking);
    if (Status saved = repository.saveVm(vm); !saved) {
        qCWarning(lcJobs) << "Could not record the tracked overlays of" << plan.info.name
                          << saved.error().toString();
    }
}

} // namespace Rewind
