#include "backuppreflight.h"

#include <QLocale>

namespace Rewind {

Result<BackupPlan> BackupPreflight::run(const Libvirt::Domain &domain, DomainInfo info, QString liveXml,
    const BackupRequest &request, const Repository &repository, const std::optional<Tracking> &tracking)
{
    BackupPlan plan;
    plan.domain = domain;
    plan.liveXml = std::move(liveXml);
    plan.info = std::move(info);
    const QString vm = plan.info.name;
    switch (plan.info.state) {
    case DomainState::Running:
    case DomainState::Blocked:
    case DomainState::Paused:
        break;
    case DomainState::ShutOff:
        plan.cold = true;
        break;
    default:
        return Error(ErrorCode::Unsupported,
            tr("'%1' is %2. Back it up while it runs or once it is shut off.")
                .arg(vm, domainStateText(plan.info.state).toLower()));
    }
    plan.method = plan.cold ? PointManifest::Method::Cold : request.method;
    if (plan.cold && request.method != PointManifest::Method::FullState) {
        plan.notes << tr("'%1' is shut off: its disks are copied as they are (a cold backup).").arg(vm);
    }
    for (const DiskInfo &d : std::as_const(plan.info.disks)) {
        if (d.device == QLatin1String("cdrom") || d.device == QLatin1String("floppy")) {
            plan.notes
                << tr("Disk %1 (%2) is skipped: removable media are not backed up.").arg(d.target, d.device);
            continue;
        }
        if (d.readOnly) {
            plan.notes << tr(
                "Disk %1 is skipped: it is read-only, so the VM cannot change it. Keep your own copy of "
                "%2.")
                              .arg(d.target, d.path);
            continue;
        }
        if (d.shareable) {
            return Error(ErrorCode::Unsupported,
                tr("Disk %1 of '%2' is shared with other VMs, so its content can change outside this VM and "
                   "no consistent backup is possible. Detach it or mark it read-only, then back up again.")
                    .arg(d.target, vm));
        }
        if (d.type != QLatin1String("file")) {
            return Error(ErrorCode::Unsupported,
                tr("Disk %1 of '%2' is a %3 disk (%4). Rewind backs up disks stored in image files only; "
                   "detach the disk or back it up with the tools of its storage.")
                    .arg(d.target, vm, d.type, d.path.isEmpty() ? tr("no file") : d.path));
        }
        if (d.format != QLatin1String("qcow2") && d.format != QLatin1String("raw")) {
            return Error(ErrorCode::Unsupported,
                tr("Disk %1 of '%2' is in %3 format; Rewind backs up qcow2 and raw "
                   "images. Convert it with qemu-img convert.")
                    .arg(d.target, vm, d.format.isEmpty() ? tr("an unknown") : d.format));
        }
        if (d.hasBackingStore) {
            const auto tracked = tracking ? std::find_if(tracking->disks.cbegin(), tracking->disks.cend(),
                                     [&](const OverlayPlan &p) { return p.target == d.target; })
                                          : QList<OverlayPlan>::const_iterator();
            if (tracking && tracked != tracking->disks.cend() && tracked->overlayPath == d.path
                && d.backingChain == QStringList {tracked->originalPath}) {
                plan.disks.append(
                    {d.target, tracked->originalPath, tracked->originalFormat, QString(), d.path});
                continue;
            }
            if (ChangeTracking::looksLikeOverlay(d.path)) {
                return Error(ErrorCode::Conflict,
                    tr("Disk %1 of '%2' runs on a chain of images on top of Rewind's overlay (%3). Merge it "
                       "with: virsh blockcommit '%2' %1 --active --pivot, then back up again.")
                        .arg(d.target, vm, d.path));
            }
            return Error(ErrorCode::Unsupported,
                tr("Disk %1 of '%2' has a backing chain (%3 sits on other images); Rewind backs up "
                   "single-file images. Flatten it first: virsh blockpull '%2' %1 --wait")
                    .arg(d.target, vm, d.path));
        }
        plan.disks.append({d.target, d.path, d.format, QString(), QString()});
    }
    if (plan.disks.isEmpty()) {
        return Error(ErrorCode::Unsupported, tr("'%1' has no disk that can be backed up.").arg(vm));
    }

    for (const auto &d : std::as_const(plan.disks)) {
        auto size = domain.blockInfo(d.target);
        if (!size) {
            return size.error();
        }
        plan.sizes.insert(d.target, *size);
        plan.totalBytes += size->allocation;
    }
    const bool withMemory = !plan.cold && plan.method == PointManifest::Method::FullState;
    const qint64 ramBytes = withMemory ? qint64(plan.info.memoryKiB) * 1024 : 0;
    plan.totalBytes += ramBytes;

    if (Status w = repository.checkWritable(); !w) {
        return w.error();
    }
    auto free = repository.freeSpace();
    if (!free) {
        return free.error();
    }
    // Counted as if the raw RAM image went to the point's folder, where it and its
    // compressed copy exist side by side for a moment (MemoryScratch usually puts it in
    // RAM instead, but decides that later, from the room there is then).
    const qint64 needed = plan.totalBytes + ramBytes / 2 + 16 * 1024 * 1024;
    if (*free < needed) {
        return Error(ErrorCode::NoSpace,
            tr("The repository %1 has %2 free, but a backup of '%3' needs about %4. Free some space or "
               "choose another repository.")
                .arg(repository.path(), QLocale().formattedDataSize(*free), vm,
                    QLocale().formattedDataSize(needed)));
    }
    return plan;
}

} // namespace Rewind
