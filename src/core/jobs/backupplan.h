#pragma once

#include "jobs/changetracking.h"
#include "jobs/memoryscratch.h"
#include "jobs/overlayplan.h"
#include "libvirt/domain.h"
#include "policy/chainpolicy.h"
#include "repository/pointmanifest.h"
#include "repository/repositorylock.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace Rewind {

/// What to back up and how.
struct BackupRequest
{
    QString domain; ///< name or UUID
    PointManifest::Method method
        = PointManifest::Method::FullState; ///< FullState, DiskOnly or DiskOnlyQuiesced
    /// Keep the guest running while its RAM is written (VIR_DOMAIN_SNAPSHOT_CREATE_LIVE):
    /// the pause shrinks to the final dirty pages, at the price of a longer write.
    bool live = true;
    /// A full point even when the VM's changes since its last point are tracked.
    bool forceFull = false;
};

/// Everything one backup point is made from, decided by BackupPreflight and filled in as
/// BackupOperation goes.
struct BackupPlan
{
    Libvirt::Domain domain;
    DomainInfo info;
    QString liveXml; ///< definition before the snapshot, naming the original images
    /// The same with passwords (VNC, SPICE; VIR_DOMAIN_XML_SECURE), kept in the point's
    /// domain.xml (owner-only) rather than the manifest: a removed VM defined again from a
    /// point without RAM needs them. Empty when libvirt does not give it to this user.
    QString secureXml;
    bool cold = false;
    PointManifest::Method method = PointManifest::Method::FullState;
    QList<OverlayPlan> disks; ///< the disks being backed up (overlayPath empty when cold)
    QHash<QString, Libvirt::Domain::BlockInfo> sizes;
    QStringList notes;
    RepositoryLock lock;
    QString pointId;
    QString pointDir;
    qint64 totalBytes = 0;
    qint64 pauseMs = 0;
    bool snapshotTaken = false;
    ChainStep chain; ///< parentId set: an incremental point on that point
    bool track = false; ///< leave the VM on the new overlays and record them
    /// Disks whose frozen overlay QEMU was still merging when the point was stored
    /// (recorded in the tracking, completed by the VM's next job: ChangeTracking::settle()).
    QStringList mergesRunning;

    bool incremental() const { return !chain.parentId.isEmpty(); }
    /// Where libvirt writes the RAM image of a full-state point (MemoryScratch); it is
    /// compressed into memory.zst and removed. Empty for other points.
    QString memoryRaw;
    std::shared_ptr<MemoryScratch::Claim> memoryScratch; ///< held while memoryRaw is in RAM
};

} // namespace Rewind
