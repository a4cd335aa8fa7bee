#pragma once

#include "jobs/restoreplan.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>

namespace Rewind {

struct RestoreContext;

/// What an in-place restore will do, decided before anything is touched.
struct InPlacePlan
{
    Libvirt::Domain domain; ///< the VM as libvirt has it; invalid for a removed one
    DomainInfo info; ///< its name, UUID and state (a removed VM: as it is defined again)
    bool wasActive = false;
    bool withMemory = false; ///< a full-state point: the RAM is resumed
    bool hadManagedSave = false;
    bool removed = false; ///< libvirt no longer defines the VM: it is defined again
    QStringList oldOverlays; ///< the removed VM's tracking overlays, left as they were
    QList<ImageSwap> swaps;
    QList<PointManifest::Disk> sources; ///< the stored file written for each of swaps
    QString memoryFile; ///< where the RAM image is decompressed (full-state points)
    qint64 totalBytes = 0; ///< what the restore writes, for its progress
};

/// The checks of an in-place restore before it touches anything, for a VM libvirt defines
/// (running only with force, a saved state discarded only with force, a transient one
/// only from a point with RAM) and for one it no longer defines (its name free, its image
/// and variables paths used by no other VM, files still there replaced only with force);
/// then, for every disk and the UEFI variables, where the point's file is written and the
/// VM's moved aside, whether Rewind may write there, and whether the space suffices.
/// Notes for the user (a disk that has moved, variables left as they are) go to the
/// context's notes. Blocking; worker threads only.
class InPlacePreflight
{
    Q_DECLARE_TR_FUNCTIONS(InPlacePreflight)

public:
    static Result<InPlacePlan> run(RestoreContext &ctx);

private:
    explicit InPlacePreflight(RestoreContext &ctx);
    Status existing(const Libvirt::Domain &domain);
    Status removed();
    /// The users of every image and variables file on the connection, by path.
    Result<QHash<QString, QString>> pathUsers() const;
    Status disks(QHash<QString, qint64> &space);
    /// The swap that puts back the point's UEFI variables, when it holds them and the
    /// folder of the VM's file can be written here (else said in a note).
    Status nvram(QHash<QString, qint64> &space);
    /// Where the point's file for path is written and the VM's file moved aside; refused
    /// when an earlier restore left files there.
    Result<ImageSwap> planSwap(const QString &target, const QString &path, const QString &format) const;
    void addSwap(const ImageSwap &swap, const PointManifest::Disk &source, QHash<QString, qint64> &space);

    RestoreContext &m_ctx;
    InPlacePlan m_plan;
};

} // namespace Rewind
