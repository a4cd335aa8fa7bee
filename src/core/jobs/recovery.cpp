#include "recovery.h"

#include "jobs/changetracking.h"
#include "jobs/overlaymerge.h"
#include "jobs/overlayplan.h"
#include "jobs/prunerecovery.h"
#include "jobs/restorerecovery.h"
#include "libvirt/domain.h"
#include "logging.h"
#include "repository/journal.h"
#include "repository/repositorylock.h"
#include "transfer/libvirtfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace Rewind {

namespace {

Status recoverBackup(const Libvirt::ConnectHandle &conn, const Repository &repository, const Journal &journal,
    const RepositoryLock &lock, QStringList *messages)
{
    const QJsonObject payload = journal.payload();
    const QString pointId = payload.value(QLatin1String("pointId")).toString();
    const QList<OverlayPlan> plans
        = OverlayPlan::fromJson(payload.value(QLatin1String("overlays")).toArray());
    QStringList done;

    auto domain = Libvirt::Domain::lookup(conn, journal.vmUuid());
    if (domain) {
        const Status merged = OverlayMerge::run(conn, *domain, plans);
        if (!merged) {
            return merged;
        }
        // Whatever the point was, the VM is on its own images now: its next point is full.
        if (Status forgotten = ChangeTracking::forget(repository, journal.vmUuid()); !forgotten) {
            return forgotten;
        }
    } else if (domain.error().code() == ErrorCode::NotFound) {
        // The VM is gone; its overlays hold nothing anyone can use, but keep the data:
        // merging offline is cheap and harmless.
        for (const auto &p : plans) {
            if (!p.overlayPath.isEmpty() && QFileInfo::exists(p.overlayPath)) {
                qCWarning(lcJobs) << "VM" << journal.vmName() << "vanished; leaving overlay" << p.overlayPath;
            }
        }
    } else {
        return domain.error();
    }

    // A raw RAM image outside the point's folder (MemoryScratch) takes the host's memory
    // until it is deleted.
    const QString memoryRaw = payload.value(QLatin1String("memoryRaw")).toString();
    if (!memoryRaw.isEmpty() && QFileInfo::exists(memoryRaw)) {
        (void)LibvirtFiles::remove(conn, memoryRaw);
        done << Recovery::tr("its RAM image deleted");
    }
    if (!pointId.isEmpty()) {
        auto point = repository.point(journal.vmUuid(), pointId);
        if (point && !point->complete() && point->state == PointInfo::State::Incomplete) {
            const Status removed = repository.removePoint(journal.vmUuid(), pointId, lock);
            if (!removed) {
                return removed;
            }
            done << Recovery::tr("incomplete point %1 removed").arg(pointId);
        }
    }
    messages->append(
        Recovery::tr("Repaired an interrupted backup of '%1' (started %2, stopped at step '%3'): disks "
                     "back on their own images%4.")
            .arg(journal.vmName(), QLocale().toString(journal.started().toLocalTime(), QLocale::ShortFormat),
                journal.state(),
                done.isEmpty() ? QString() : QStringLiteral("; ") + done.join(QStringLiteral("; "))));
    return {};
}

} // namespace

Result<QStringList> Recovery::recoverVm(const Libvirt::ConnectHandle &conn, const Repository &repository,
    const QString &vmUuid, const RepositoryLock &lock)
{
    auto journals = Journal::list(repository, vmUuid);
    if (!journals) {
        return journals.error();
    }
    QStringList messages;
    for (Journal journal : std::as_const(*journals)) {
        if (journal.isOwnerAlive() && journal.pid() != QCoreApplication::applicationPid()) {
            // Cannot happen while we hold the lock, unless the pid was reused; the lock
            // is the authority, so recover anyway but say so in the log.
            qCInfo(lcJobs) << "Journal" << journal.jobId() << "names live pid" << journal.pid()
                           << "; lock is ours";
        }
        if (journal.kind() == Journal::Kind::Prune) {
            // Needs no libvirt: a prune only touches the repository.
            const Status s = PruneRecovery::recover(repository, journal, lock, &messages);
            if (!s) {
                return s.error().withContext(PruneRecovery::isDeletion(journal)
                        ? tr("Repairing an interrupted deletion of points of '%1' failed: ")
                              .arg(journal.vmName())
                        : tr("Repairing an interrupted prune of '%1' failed: ").arg(journal.vmName()));
            }
            (void)journal.clear();
            continue;
        }
        if (journal.kind() == Journal::Kind::Restore) {
            const Status s = RestoreRecovery::recover(conn, repository, journal, &messages);
            if (!s) {
                return s.error().withContext(
                    tr("Repairing an interrupted restore of '%1' failed: ").arg(journal.vmName()));
            }
            (void)journal.clear();
            continue;
        }
        if (journal.kind() != Journal::Kind::Backup) {
            // Kept as it is: only backup journals are written by this version.
            messages << tr("A journal of an unknown job (%1) on '%2' was left alone.")
                            .arg(Journal::kindName(journal.kind()), journal.vmName());
            continue;
        }
        const Status s = recoverBackup(conn, repository, journal, lock, &messages);
        if (!s) {
            return s.error().withContext(
                tr("Repairing an interrupted job on '%1' failed: ").arg(journal.vmName()));
        }
        (void)journal.clear();
    }
    // Folders of points nobody journals any more (a crash before the journal existed).
    auto stray = repository.removeIncompletePoints(vmUuid, lock);
    if (stray && !stray->isEmpty()) {
        messages << tr("Removed incomplete backup points: %1.").arg(stray->join(QStringLiteral(", ")));
    }
    for (const auto &m : std::as_const(messages)) {
        qCInfo(lcJobs).noquote() << m;
    }
    return messages;
}

QStringList Recovery::recoverAll(const Libvirt::ConnectHandle &conn, const Repository &repository)
{
    QStringList messages;
    auto vms = repository.listVms();
    if (!vms) {
        return {vms.error().message()};
    }
    for (const QString &uuid : std::as_const(*vms)) {
        auto journals = Journal::list(repository, uuid);
        if (!journals || journals->isEmpty()) {
            continue;
        }
        auto lock = RepositoryLock::acquire(
            repository, uuid, journals->first().vmName(), QStringLiteral("recovery"));
        if (!lock) {
            continue; // a job is running on it: its journal is live
        }
        auto r = recoverVm(conn, repository, uuid, *lock);
        if (r) {
            messages += *r;
        } else {
            messages << r.error().message();
        }
    }
    return messages;
}

} // namespace Rewind
