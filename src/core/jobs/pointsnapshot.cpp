#include "pointsnapshot.h"

#include "jobs/domainevents.h"
#include "jobs/overlaymerge.h"
#include "jobs/snapshotxml.h"

#include <libvirt/libvirt.h>

#include <optional>

namespace Rewind {

Result<qint64> PointSnapshot::take(const Libvirt::ConnectHandle &conn, const BackupPlan &plan, bool live)
{
    const bool withMemory = plan.method == PointManifest::Method::FullState;
    // Every disk of the domain is named: the ones not backed up with an empty overlay
    // path, which SnapshotXml turns into snapshot='no'.
    QList<SnapshotXml::DiskSpec> specs;
    for (const DiskInfo &d : std::as_const(plan.info.disks)) {
        const auto it = std::find_if(plan.disks.cbegin(), plan.disks.cend(),
            [&](const OverlayPlan &p) { return p.target == d.target; });
        specs.append({d.target, it == plan.disks.cend() ? QString() : it->overlayPath});
    }
    const QString xml = SnapshotXml::build(QStringLiteral("rewind-") + plan.pointId,
        QStringLiteral("Rewind backup point"), specs, plan.memoryRaw);
    unsigned int flags = VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC | VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA;
    if (withMemory && live && plan.info.state != DomainState::Paused) {
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_LIVE;
    }
    if (!withMemory) {
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    }
    if (plan.method == PointManifest::Method::DiskOnlyQuiesced) {
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE;
    }

    // Only a snapshot with RAM pauses the guest (libvirt stops the vCPUs for the last
    // dirty pages); a disk-only one switches the overlays in one QEMU transaction without
    // a pause, so it does without the four RPCs that subscribing to the events costs.
    std::optional<DomainEvents> events;
    if (withMemory) {
        events.emplace(conn, plan.domain.handle());
    }
    Libvirt::Domain domain = plan.domain;
    const Status snap = domain.createSnapshotXml(xml, flags);
    if (snap) {
        return events ? std::max<qint64>(0, events->pauseMs()) : qint64(0);
    }

    Error e = snap.error();
    if (plan.method == PointManifest::Method::DiskOnlyQuiesced
        && (e.code() == ErrorCode::AgentUnavailable || e.detail().contains(QLatin1String("agent")))) {
        e = Error(ErrorCode::AgentUnavailable,
            tr("The guest agent of '%1' did not answer, so its file systems could not be frozen. "
               "Install and start qemu-guest-agent in the guest, or back up without --quiesce.")
                .arg(plan.info.name),
            e.detail(), e.libvirtCode());
    }
    // No-op unless libvirt left a new overlay in use.
    QList<OverlayPlan> leftovers = plan.disks;
    for (OverlayPlan &p : leftovers) {
        if (!p.trackedOverlay.isEmpty()) {
            p.originalPath = std::exchange(p.trackedOverlay, QString());
            p.originalFormat = QStringLiteral("qcow2");
        }
    }
    (void)OverlayMerge::run(conn, plan.domain, leftovers);
    return e;
}

} // namespace Rewind
