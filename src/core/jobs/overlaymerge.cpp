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

// Active commit of one disk: start (unless a job from a killed run is already there),
// wait until it is READY, pivot.
Status commitActive(Libvirt::Domain domain, DomainEvents &events, const OverlayPlan &plan)
{
    auto job = domain.blockJobInfo(plan.target);
    if (!job) {
        return job.error();
    }
    if (!job->has_value()) {
        const Status started = domain.blockCommit(
            plan.target, VIR_DOMAIN_BLOCK_COMMIT_ACTIVE | VIR_DOMAIN_BLOCK_COMMIT_SHALLOW);
        if (!started) {
            return started;
        }
        faultPoint("committing");
    }
    // READY normally arrives within milliseconds for a small overlay; the overlay of a
    // busy guest can take longer, which is why there is no short limit here.
    const auto deadline = std::chrono::steady_clock::now() + 30min;
    while (std::chrono::steady_clock::now() < deadline) {
        const bool readyEvent = events.waitForBlockJob(plan.target, VIR_DOMAIN_BLOCK_JOB_READY, 100ms);
        auto info = domain.blockJobInfo(plan.target);
        if (!info) {
            return info.error();
        }
        if (!info->has_value()) {
            if (events.blockJobStatus(plan.target) == VIR_DOMAIN_BLOCK_JOB_FAILED) {
                return Error(
                    ErrorCode::Libvirt, tr("Merging the changes of disk %1 back failed.").arg(plan.target));
            }
            // Completed or pivoted already (a repeated merge).
            return {};
        }
        const bool caughtUp = (*info)->end > 0 && (*info)->cur == (*info)->end;
        if (readyEvent || caughtUp) {
            const Status pivot = domain.blockJobAbort(plan.target, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT);
            if (pivot) {
                return {};
            }
            // Caught up by the numbers but not yet READY in QEMU's eyes: wait and retry.
            qCDebug(lcJobs) << "pivot of" << plan.target << "not possible yet:" << pivot.error().toString();
        }
    }
    return Error(ErrorCode::Failed,
        tr("Merging the changes of disk %1 back did not finish in time.").arg(plan.target));
}

Status commitOffline(const OverlayPlan &plan)
{
    QProcess qemuImg;
    qemuImg.start(QStringLiteral("qemu-img"),
        {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
            plan.overlayPath});
    if (!qemuImg.waitForFinished(-1) || qemuImg.exitStatus() != QProcess::NormalExit
        || qemuImg.exitCode() != 0) {
        return Error(ErrorCode::Failed,
            tr("Could not merge the overlay %1 back into %2.").arg(plan.overlayPath, plan.originalPath),
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
    auto state = domain.state();
    if (!state) {
        return state.error();
    }
    const bool active = *state != DomainState::ShutOff && *state != DomainState::Crashed;
    DomainEvents events(conn, domain.handle());

    auto xml = domain.xmlDesc(active ? 0 : VIR_DOMAIN_XML_INACTIVE);
    if (!xml) {
        return xml.error();
    }
    auto disks = DomainXml::parseDisks(*xml);
    if (!disks) {
        return disks.error();
    }

    QHash<QString, QString> offlinePaths, offlineFormats;
    for (const auto &plan : plans) {
        const DiskInfo *disk = findDisk(*disks, plan.target);
        if (!disk || disk->path == plan.originalPath) {
            continue; // already back (or the disk is gone): nothing to merge
        }
        if (disk->path != plan.overlayPath) {
            return Error(ErrorCode::Conflict,
                tr("Disk %1 of '%2' now uses %3, which is neither its image nor Rewind's overlay; it was "
                   "changed by someone else. Check the VM's disks before backing it up again.")
                    .arg(plan.target, domain.name(), disk->path));
        }
        if (active) {
            qCInfo(lcJobs) << "Merging overlay of" << plan.target << "of" << domain.name()
                           << "back (active commit)";
            const Status s = commitActive(domain, events, plan);
            if (!s) {
                return s;
            }
        } else {
            qCInfo(lcJobs) << "Merging overlay of" << plan.target << "of" << domain.name()
                           << "back (offline)";
            const Status s = commitOffline(plan);
            if (!s) {
                return s;
            }
            offlinePaths.insert(plan.target, plan.originalPath);
            offlineFormats.insert(plan.target, plan.originalFormat);
        }
    }
    if (!offlinePaths.isEmpty()) {
        auto rewritten = DomainXml::rewriteDisks(*xml, offlinePaths, offlineFormats);
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
                if (flags != 0 && disk->path == plan.overlayPath) {
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
        const Status removed = removeOverlayFile(conn, plan.overlayPath);
        if (!removed) {
            qCWarning(lcJobs) << "Could not remove overlay" << plan.overlayPath << removed.error().toString();
            return removed;
        }
    }
    return {};
}

} // namespace Rewind
