#include "overlaymerge.h"

#include "jobs/backupoperation.h"
#include "jobs/domainevents.h"
#include "jobs/jobcontrol.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "transfer/libvirtfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <libvirt/libvirt.h>

#include <unistd.h>

namespace Rewind {

namespace {

using namespace std::chrono_literals;

QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::OverlayMerge", text);
}

const DiskInfo *findDisk(const QList<DiskInfo> &disks, const QString &target)
{
    for (const auto &d : disks) {
        if (d.target == target) {
            return &d;
        }
    }
    return nullptr;
}

// The image a running disk writes to now, from the live definition.
Result<QString> activePath(const Libvirt::Domain &domain, const QString &target)
{
    auto definition = domain.currentDefinition();
    if (!definition) {
        return definition.error();
    }
    const DiskInfo *disk = findDisk(definition->disks, target);
    return disk ? disk->path : QString();
}

// Merges everything above the original image of one running disk into it: an active
// commit down to the original (one job for one overlay or two), wait until READY, pivot.
// A job left by a killed run is waited for first: an active commit is pivoted like our
// own; an intermediate commit (ChangeTracking's) completes on its own, and whatever is
// still above the original afterwards is merged by a new active commit.
Status commitActive(Libvirt::Domain domain, DomainEvents &events, const OverlayPlan &plan)
{
    // READY normally arrives within milliseconds for a small overlay; the overlay of a
    // busy guest can take longer, which is why there is no short limit here.
    const auto deadline = std::chrono::steady_clock::now() + 30min;
    while (std::chrono::steady_clock::now() < deadline) {
        auto job = domain.blockJobInfo(plan.target);
        if (!job) {
            return job.error();
        }
        if (!job->has_value()) {
            auto path = activePath(domain, plan.target);
            if (!path) {
                return path.error();
            }
            if (*path == plan.originalPath || path->isEmpty()) {
                return {};
            }
            if (!plan.isOverlay(*path)) {
                return Error(ErrorCode::Conflict,
                    tr("Disk %1 of '%2' now uses %3, which is neither its image nor Rewind's overlay.")
                        .arg(plan.target, domain.name(), *path));
            }
            if (events.blockJobStatus(plan.target) == VIR_DOMAIN_BLOCK_JOB_FAILED) {
                return Error(
                    ErrorCode::Libvirt, tr("Merging the changes of disk %1 back failed.").arg(plan.target));
            }
            const Status started
                = domain.blockCommit(plan.target, VIR_DOMAIN_BLOCK_COMMIT_ACTIVE, plan.originalPath);
            if (!started) {
                return started;
            }
            faultPoint("committing");
            continue;
        }
        const bool readyEvent = events.waitForBlockJob(plan.target, VIR_DOMAIN_BLOCK_JOB_READY, 100ms);
        auto info = domain.blockJobInfo(plan.target);
        if (!info) {
            return info.error();
        }
        if (!info->has_value() || (*info)->type != VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT) {
            continue; // finished, or an intermediate commit still running
        }
        const bool caughtUp = (*info)->end > 0 && (*info)->cur == (*info)->end;
        if (readyEvent || caughtUp) {
            const Status pivot = domain.blockJobAbort(plan.target, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT);
            if (!pivot) {
                // Caught up by the numbers but not yet READY in QEMU's eyes: wait and retry.
                qCDebug(lcJobs) << "pivot of" << plan.target
                                << "not possible yet:" << pivot.error().toString();
            }
        }
    }
    return Error(ErrorCode::Failed,
        tr("Merging the changes of disk %1 back did not finish in time.").arg(plan.target));
}

// qemu-img commit of a shut-off disk's whole chain above the original image.
Status commitOffline(const OverlayPlan &plan, const QString &top)
{
    QProcess qemuImg;
    qemuImg.start(QStringLiteral("qemu-img"),
        {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
            QStringLiteral("-b"), plan.originalPath, top});
    if (!qemuImg.waitForFinished(-1) || qemuImg.exitStatus() != QProcess::NormalExit
        || qemuImg.exitCode() != 0) {
        return Error(ErrorCode::Failed,
            tr("Could not merge the overlay %1 back into %2.").arg(top, plan.originalPath),
            QString::fromLocal8Bit(qemuImg.readAllStandardError()));
    }
    return {};
}

} // namespace

Status OverlayMerge::removeOverlayFile(const Libvirt::ConnectHandle &conn, const QString &path)
{
    if (!QFile::exists(path)) {
        // Gone for sure when we can see into its folder; otherwise only libvirt knows.
        const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
        if (::access(dir.constData(), R_OK | X_OK) == 0) {
            return {};
        }
        return LibvirtFiles::removeIfExists(conn, path);
    }
    if (QFile::remove(path)) {
        return {};
    }
    // Not ours to delete (qemu:///system as a normal user): ask libvirt.
    return LibvirtFiles::removeIfExists(conn, path);
}

Status OverlayMerge::run(const Libvirt::ConnectHandle &conn, const Libvirt::Domain &domain,
    const QList<OverlayPlan> &plans, JobControl *control)
{
    if (control) {
        control->setPhase(JobPhase::Commit);
    }
    auto definition = domain.currentDefinition();
    if (!definition) {
        return definition.error();
    }
    bool active = definition->active;
    DomainEvents events(conn, domain.handle());

    // What the definition says of the disk: the overlay to merge (nullptr: nothing to do,
    // as the disk is already back, or gone), or an error if someone else changed it.
    const auto overlayOf = [&domain, &definition](const OverlayPlan &plan) -> Result<const DiskInfo *> {
        const DiskInfo *disk = findDisk(definition->disks, plan.target);
        if (!disk || disk->path == plan.originalPath) {
            return nullptr;
        }
        if (!plan.isOverlay(disk->path)) {
            return Error(ErrorCode::Conflict,
                tr("Disk %1 of '%2' now uses %3, which is neither its image nor Rewind's overlay; it was "
                   "changed by someone else. Check the VM's disks before backing it up again.")
                    .arg(plan.target, domain.name(), disk->path));
        }
        return disk;
    };
    QHash<QString, QString> offlinePaths, offlineFormats;
    for (const auto &plan : plans) {
        auto found = overlayOf(plan);
        if (!found) {
            return found.error();
        }
        const DiskInfo *disk = *found;
        if (!disk) {
            continue;
        }
        if (active) {
            qCInfo(lcJobs) << "Merging overlay of" << plan.target << "of" << domain.name()
                           << "back (active commit)";
            const Status s = commitActive(domain, events, plan);
            if (s) {
                continue;
            }
            if (!domain.hasStopped()) {
                return s;
            }
            // Shut down (or powered off) meanwhile: QEMU's job ended with it. A commit
            // copies data down without changing the images above, so the chain is whole
            // and is merged offline from the definition the VM will start from.
            qCInfo(lcJobs) << domain.name() << "stopped during the merge; merging offline";
            definition = domain.currentDefinition();
            if (!definition) {
                return definition.error();
            }
            active = false;
            found = overlayOf(plan);
            if (!found) {
                return found.error();
            }
            disk = *found;
            if (!disk) {
                continue; // the pivot made it before the VM stopped
            }
        }
        qCInfo(lcJobs) << "Merging overlay of" << plan.target << "of" << domain.name() << "back (offline)";
        const Status s = commitOffline(plan, disk->path);
        if (!s) {
            return s;
        }
        offlinePaths.insert(plan.target, plan.originalPath);
        offlineFormats.insert(plan.target, plan.originalFormat);
    }
    if (!offlinePaths.isEmpty()) {
        auto rewritten = DomainXml::rewriteDisks(definition->xml, offlinePaths, offlineFormats);
        if (!rewritten) {
            return rewritten.error();
        }
        auto defined = Libvirt::Domain::defineXml(conn, *rewritten);
        if (!defined) {
            return defined.error();
        }
    }

    // Trust but verify: the live (and persistent) definition must name the originals.
    for (unsigned int flags : {0u, unsigned(VIR_DOMAIN_XML_INACTIVE)}) {
        auto after = domain.xmlDesc(flags);
        if (!after) {
            return after.error();
        }
        auto afterDisks = DomainXml::parseDisks(*after);
        if (!afterDisks) {
            return afterDisks.error();
        }
        for (const auto &plan : plans) {
            const DiskInfo *disk = findDisk(*afterDisks, plan.target);
            if (disk && disk->path != plan.originalPath) {
                if (flags == 0 && active) {
                    return Error(ErrorCode::Failed,
                        tr("Disk %1 of '%2' still uses %3 after the merge.")
                            .arg(plan.target, domain.name(), disk->path));
                }
                if (flags != 0 && plan.isOverlay(disk->path)) {
                    // Older libvirt may leave the persistent definition on the overlay
                    // after a pivot: point it back too.
                    auto fixed = DomainXml::rewriteDisks(
                        *after, {{plan.target, plan.originalPath}}, {{plan.target, plan.originalFormat}});
                    if (fixed) {
                        (void)Libvirt::Domain::defineXml(conn, *fixed);
                    }
                }
            }
        }
    }
    for (const auto &plan : plans) {
        for (const QString &overlay : {plan.overlayPath, plan.trackedOverlay}) {
            if (overlay.isEmpty()) {
                continue;
            }
            const Status removed = removeOverlayFile(conn, overlay);
            if (!removed) {
                qCWarning(lcJobs) << "Could not remove overlay" << overlay << removed.error().toString();
                return removed;
            }
        }
    }
    return {};
}

} // namespace Rewind
