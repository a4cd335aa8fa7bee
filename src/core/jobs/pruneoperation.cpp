#include "pruneoperation.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "jobs/prunerecovery.h"
#include "jobs/qemuimg.h"
#include "jobs/verifyoperation.h" // resolveVmUuid
#include "logging.h"
#include "repository/filesystem.h"
#include "repository/journal.h"
#include "repository/repositorylock.h"
#include "transfer/sha256file.h"
#include "transfer/sparsecopy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind {

namespace {

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

// Disk space the file takes; the measure for how much a merge reads and writes.
qint64 allocatedBytes(const QString &path)
{
    struct stat st = {};
    return ::stat(encoded(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : 0;
}

// qemu-img does not fsync what it writes; the manifest that will name the file must not
// reach the disk before the file does.
Status syncFile(const QString &path)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error::fromErrno(errno, PruneOperation::tr("Could not open %1.").arg(path));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return FileSystem::writeError(err, QFileInfo(path).absolutePath(), QFileInfo(path).fileName());
    }
    return {};
}

} // namespace

PruneOperation::PruneOperation(Repository repository, PruneRequest request, JobControl &control)
    : m_repository(std::move(repository)), m_request(std::move(request)), m_control(control)
{ }

JobPhase PruneOperation::phase() const
{
    return m_request.points.isEmpty() ? JobPhase::Prune : JobPhase::Delete;
}

Result<PruneOutcome> PruneOperation::run()
{
    m_control.setPhase(phase());
    auto uuid = resolveVmUuid(m_repository, m_request.vm);
    if (!uuid) {
        return uuid.error();
    }
    PruneOutcome outcome;
    outcome.vmUuid = *uuid;
    outcome.dryRun = m_request.dryRun;
    auto record = m_repository.loadVm(*uuid);
    if (!record && record.error().code() != ErrorCode::NotFound) {
        return record.error();
    }
    outcome.vmName = record && !record->currentName().isEmpty() ? record->currentName() : m_request.vm;
    if (record) {
        auto policy = RetentionPolicy::fromJson(record->retention);
        if (!policy) {
            return Error(ErrorCode::Damaged,
                tr("The retention policy stored for '%1' is invalid (%2). Set it again.")
                    .arg(outcome.vmName, policy.error().message()));
        }
        outcome.policy = *policy;
    }

    const bool chosen = !m_request.points.isEmpty();
    const QString failed = chosen ? tr("Deleting points of '%1' failed: ").arg(outcome.vmName)
                                  : tr("Pruning '%1' failed: ").arg(outcome.vmName);
    RepositoryLock lock;
    if (!m_request.dryRun) {
        auto acquired = RepositoryLock::acquire(
            m_repository, *uuid, outcome.vmName, chosen ? QStringLiteral("delete") : QStringLiteral("prune"));
        if (!acquired) {
            return acquired.error();
        }
        lock = std::move(*acquired);
        // An earlier prune killed half way is settled first, so the plan below sees the
        // repository as that prune left it.
        auto journals = Journal::list(m_repository, *uuid);
        if (!journals) {
            return journals.error();
        }
        for (Journal journal : std::as_const(*journals)) {
            if (journal.kind() != Journal::Kind::Prune) {
                return Error(ErrorCode::Conflict,
                    tr("An interrupted %1 of '%2' has not been repaired yet. Start Rewind or run any "
                       "rewindctl command to repair it, then try again.")
                        .arg(Journal::kindName(journal.kind()), outcome.vmName));
            }
            if (Status s = PruneRecovery::recover(m_repository, journal, lock, &outcome.notes); !s) {
                return s.error().withContext(failed);
            }
            (void)journal.clear();
        }
    }

    auto points = m_repository.listPoints(*uuid);
    if (!points) {
        return points.error();
    }
    auto plan = chosen
        ? PrunePlan::buildRemoving(*points, QSet<QString>(m_request.points.cbegin(), m_request.points.cend()),
            pointsBehindDamaged(*points))
        : PrunePlan::build(*points, outcome.policy, m_request.zone, pointsBehindDamaged(*points));
    if (!plan) {
        return plan.error().withContext(failed);
    }
    outcome.decisions = plan->decisions;
    outcome.removed = plan->removed();
    for (const PruneMerge &m : std::as_const(plan->merges)) {
        outcome.merged.append(m.pointId);
    }
    outcome.freedBytes = plan->removedBytes();
    if (m_request.dryRun || outcome.removed.isEmpty()) {
        return outcome;
    }
    if (Status s = execute(*uuid, *plan, lock, outcome); !s) {
        return s.error().withContext(failed);
    }
    // A kept point that took in removed data grew by it: the room freed is the removed
    // points' size less that growth (a dry run can only tell the former).
    for (const PruneDecision &d : std::as_const(plan->decisions)) {
        if (outcome.merged.contains(d.id)) {
            if (auto merged = m_repository.point(*uuid, d.id); merged && merged->manifest) {
                outcome.freedBytes -= merged->manifest->storedBytes() - d.storedBytes;
            }
        }
    }
    qCInfo(lcJobs) << (chosen ? "Deleted" : "Pruned") << outcome.removed.size() << "points of"
                   << outcome.vmName;
    return outcome;
}

Status PruneOperation::execute(
    const QString &uuid, const PrunePlan &plan, const RepositoryLock &lock, PruneOutcome &outcome)
{
    m_stepsDone = 0;
    m_stepsTotal = int(plan.removeFirst.size() + plan.merges.size() + plan.removeLast.size());
    m_control.report(0, m_stepsTotal, true);
    // "delete" tells a repair that the next prune will not finish this job: the policy
    // may keep the points the user chose.
    auto journal = Journal::begin(m_repository, uuid, outcome.vmName, Journal::Kind::Prune,
        QJsonObject {{QStringLiteral("prune"), QJsonArray::fromStringList(outcome.removed)},
            {QStringLiteral("merge"), QJsonArray::fromStringList(outcome.merged)},
            {QStringLiteral("delete"), !m_request.points.isEmpty()}});
    if (!journal) {
        return journal.error();
    }
    // The damaged points a deletion was asked to remove, which removeIfPresent would
    // otherwise refuse as changed since they were planned.
    QSet<QString> unreadable;
    for (const PruneDecision &d : plan.decisions) {
        if (!d.keep && d.damaged) {
            unreadable.insert(d.id);
        }
    }
    if (Status s = removeBatch(*journal, uuid, plan.removeFirst, plan.merges.isEmpty(), unreadable, lock);
        !s) {
        return s;
    }
    for (const PruneMerge &m : plan.merges) {
        if (m_control.isCancelled()) {
            // Between steps every point is complete and restorable: nothing to undo.
            (void)journal->clear();
            return m_control.cancelledError();
        }
        if (Status s = merge(*journal, uuid, m, lock); !s) {
            return s;
        }
    }
    if (Status s = removeBatch(*journal, uuid, plan.removeLast, true, unreadable, lock); !s) {
        return s;
    }
    return journal->clear();
}

Status PruneOperation::removeBatch(Journal &journal, const QString &uuid, const QStringList &ids, bool last,
    const QSet<QString> &unreadable, const RepositoryLock &lock)
{
    if (ids.isEmpty()) {
        return {};
    }
    QStringList unreadableHere;
    for (const QString &id : ids) {
        if (unreadable.contains(id)) {
            unreadableHere.append(id);
        }
    }
    // Recorded before the first removal: a killed process's Recovery completes the batch.
    if (Status s = journal.advance(PruneState::Removing,
            {{QStringLiteral("remove"), QJsonArray::fromStringList(ids)}, {QStringLiteral("final"), last},
                {QStringLiteral("unreadable"), QJsonArray::fromStringList(unreadableHere)}});
        !s) {
        (void)journal.clear();
        return s;
    }
    bool first = true;
    for (const QString &id : ids) {
        if (Status s = PruneRecovery::removeIfPresent(m_repository, uuid, id, lock, unreadable); !s) {
            return Error(s.error().code(),
                tr("%1 Rewind finishes removing the points the next time it starts.")
                    .arg(s.error().message()),
                s.error().detail());
        }
        m_control.report(++m_stepsDone, m_stepsTotal, true);
        if (first) {
            faultPoint("removing");
            first = false;
        }
    }
    return journal.advance(PruneState::Removed,
        {{QStringLiteral("remove"), QJsonValue()}, {QStringLiteral("final"), QJsonValue()},
            {QStringLiteral("unreadable"), QJsonValue()}});
}

Status PruneOperation::merge(
    Journal &journal, const QString &uuid, const PruneMerge &merge, const RepositoryLock &lock)
{
    const QString dir = m_repository.pointDir(uuid, merge.pointId);
    QList<PruneRecovery::Replacement> files;
    for (const PruneDiskMerge &d : merge.disks) {
        files.append({PruneRecovery::tempName(d.fileName), d.fileName});
    }
    QJsonArray temps;
    for (const PruneRecovery::Replacement &r : std::as_const(files)) {
        temps.append(r.temp);
    }
    auto abandon = [&](const Error &error) {
        for (const PruneRecovery::Replacement &r : std::as_const(files)) {
            QFile::remove(dir + QLatin1Char('/') + r.temp);
        }
        // Every step before this merge is complete; this one changed nothing.
        (void)journal.clear();
        return error;
    };
    if (Status s = journal.advance(PruneState::Merging,
            {{QStringLiteral("point"), merge.pointId}, {QStringLiteral("temps"), temps}});
        !s) {
        return abandon(s.error());
    }
    m_control.setPhase(phase(),
        merge.newParentId.isEmpty() ? tr("making %1 a full point").arg(merge.pointId)
                                    : tr("merging into %1").arg(merge.pointId));
    qCInfo(lcJobs) << "Merging" << merge.absorbs << "into point" << merge.pointId << "new parent"
                   << merge.newParentId;

    PointManifest manifest = merge.manifest;
    for (const PruneDiskMerge &d : merge.disks) {
        const auto it = std::find_if(manifest.disks.begin(), manifest.disks.end(),
            [&](const PointManifest::Disk &disk) { return disk.fileName == d.fileName; });
        if (it == manifest.disks.end()) {
            return abandon(
                Error(ErrorCode::Failed, tr("Internal error: a merge names a disk the point lacks.")));
        }
        auto merged = mergeDisk(dir, *it, d);
        if (!merged) {
            return abandon(merged.error().withContext(tr("Merging into point %1: ").arg(merge.pointId)));
        }
        *it = *merged;
    }
    manifest.parentId = merge.newParentId;
    manifest.kind
        = merge.newParentId.isEmpty() ? PointManifest::Kind::Full : PointManifest::Kind::Incremental;
    faultPoint("merging");

    // From here on the new images are the truth: the journal holds everything needed to
    // put them in place, so a crash is rolled forward, never back.
    if (Status s = journal.advance(PruneState::Replacing,
            {{QStringLiteral("manifest"), manifest.toJson()},
                {QStringLiteral("files"), PruneRecovery::toJson(files)}});
        !s) {
        return abandon(s.error());
    }
    if (Status s
        = PruneRecovery::replaceImages(m_repository, uuid, merge.pointId, files, manifest, lock, true);
        !s) {
        return Error(s.error().code(),
            tr("Replacing the images of point %1 failed: %2 Rewind completes this the next time it starts.")
                .arg(merge.pointId, s.error().message()),
            s.error().detail());
    }
    (void)journal.advance(PruneState::Merged,
        {{QStringLiteral("point"), QJsonValue()}, {QStringLiteral("temps"), QJsonValue()},
            {QStringLiteral("manifest"), QJsonValue()}, {QStringLiteral("files"), QJsonValue()}});
    m_control.report(++m_stepsDone, m_stepsTotal, true);
    return {};
}

Result<PointManifest::Disk> PruneOperation::mergeDisk(
    const QString &pointDir, const PointManifest::Disk &disk, const PruneDiskMerge &plan)
{
    const QString image = pointDir + QLatin1Char('/') + disk.fileName;
    const QString temp = pointDir + QLatin1Char('/') + PruneRecovery::tempName(disk.fileName);
    QFile::remove(temp); // a leftover of an attempt whose journal was lost

    // The merged image holds at most the image plus everything it absorbs.
    qint64 needed = allocatedBytes(image) + 16 * 1024 * 1024;
    for (const QString &absorbed : plan.absorbedImages) {
        needed += allocatedBytes(pointDir + QLatin1Char('/') + absorbed);
    }
    auto free = Repository::freeSpace(pointDir);
    if (!free) {
        return free.error();
    }
    if (*free < needed) {
        return Error(ErrorCode::NoSpace,
            tr("Merging disk %1 needs about %2 of free space in %3, but only %4 is free. Free some space, or "
               "keep more points so that fewer need merging.")
                .arg(disk.target, QLocale().formattedDataSize(needed), pointDir,
                    QLocale().formattedDataSize(*free)));
    }

    TransferOptions options;
    options.cancel = m_control.cancelFlag();
    if (plan.newBacking.isEmpty()) {
        // The chain ends in a pruned full image: write the point's whole view standalone.
        const Status s = QemuImg::run(
            {QStringLiteral("convert"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                QStringLiteral("-O"), QStringLiteral("qcow2"), image, temp},
            tr("Could not write disk %1 as a full image.").arg(disk.target), &m_control);
        if (!s) {
            return s.error();
        }
    } else {
        // A copy rebased in safe mode: qemu-img copies into it every cluster in which the
        // old chain and the new backing differ, which is exactly the absorbed data.
        auto copied = SparseCopy::copy(image, temp, options);
        if (!copied) {
            return copied.error();
        }
        QString format = plan.newBackingFormat;
        if (format.isEmpty()) {
            auto info = QemuImg::info(pointDir + QLatin1Char('/') + plan.newBacking);
            if (!info) {
                return info.error();
            }
            format = info->value(QLatin1String("format")).toString();
        }
        const Status s = QemuImg::run(
            {QStringLiteral("rebase"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                QStringLiteral("-b"), plan.newBacking, QStringLiteral("-F"), format, temp},
            tr("Could not fold the pruned points into disk %1.").arg(disk.target), &m_control);
        if (!s) {
            return s.error();
        }
    }
    // Trust, but verify: the guest must see exactly what it saw before.
    if (Status s
        = QemuImg::compare(image, QStringLiteral("qcow2"), temp, QStringLiteral("qcow2"), &m_control);
        !s) {
        return s.error();
    }
    if (!QFile::setPermissions(temp, QFile::ReadOwner | QFile::WriteOwner)) {
        return Error(ErrorCode::Permission, tr("Could not restrict the permissions of %1.").arg(temp));
    }
    if (Status s = syncFile(temp); !s) {
        return s.error();
    }
    auto hashed = Sha256File::hash(temp, options);
    if (!hashed) {
        return hashed.error();
    }
    PointManifest::Disk out = disk;
    out.backingFile = plan.newBacking;
    out.sha256 = hashed->sha256;
    out.storedSize = QFileInfo(temp).size();
    out.allocatedSize = hashed->bytesCopied;
    return out;
}

QSet<QString> PruneOperation::pointsBehindDamaged(const QList<PointInfo> &points)
{
    QSet<QString> behind;
    for (const PointInfo &p : points) {
        if (p.state != PointInfo::State::Damaged) {
            continue;
        }
        const QString vmDir = QFileInfo(p.dir).absolutePath();
        const QStringList images = QDir(p.dir).entryList({QStringLiteral("*.qcow2")}, QDir::Files);
        for (const QString &image : images) {
            QString path = p.dir + QLatin1Char('/') + image;
            // Bounded: a chain cannot be longer than the VM has points (a loop would be).
            for (qsizetype depth = 0; depth < points.size(); ++depth) {
                auto info = QemuImg::info(path);
                if (!info) {
                    break;
                }
                const auto link
                    = PrunePlan::parseBacking(info->value(QLatin1String("backing-filename")).toString());
                if (!link) {
                    break;
                }
                behind.insert(link->first);
                path = vmDir + QLatin1Char('/') + link->first + QLatin1Char('/') + link->second;
            }
        }
    }
    return behind;
}

} // namespace Rewind
