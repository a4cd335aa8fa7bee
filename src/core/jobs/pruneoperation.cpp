#include "pruneoperation.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "jobs/qemuimg.h"
#include "jobs/verifyoperation.h"
#include "logging.h"
#include "repository/filesystem.h"
#include "repository/journal.h"
#include "repository/pointid.h"
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

// Journal states; also the names REWIND_FAULT_STALL accepts.
const QString StateRemoving = QStringLiteral("removing");
const QString StateRemoved = QStringLiteral("removed");
const QString StateMerging = QStringLiteral("merging");
const QString StateReplacing = QStringLiteral("replacing");
const QString StateMerged = QStringLiteral("merged");

const QLatin1String TempSuffix(".prune-tmp");

// Hidden, so nothing that lists a point's files for the user picks it up, and in the
// point's own folder, so the relative backing path stays valid and the rename is atomic.
QString tempName(const QString &fileName)
{
    return QLatin1Char('.') + fileName + TempSuffix;
}

bool isTempName(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) && name.endsWith(TempSuffix) && !name.contains(QLatin1Char('/'));
}

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

// unreadableChosen: the user chose to delete these points although their manifests
// cannot be read (PrunePlan::buildRemoving); any other damaged point was never planned.
Status removeIfPresent(const Repository &repository, const QString &uuid, const QString &pointId,
    const RepositoryLock &lock, const QSet<QString> &unreadableChosen)
{
    auto point = repository.point(uuid, pointId);
    if (!point) {
        return point.error().code() == ErrorCode::NotFound ? Status() : Status(point.error());
    }
    if (point->state == PointInfo::State::Damaged && !unreadableChosen.contains(pointId)) {
        // Never planned (damaged points are kept); something changed it since.
        return Error(ErrorCode::Damaged,
            PruneOperation::tr("The point %1 was to be pruned, but its manifest can no longer be read; it "
                               "was left alone. Check it with rewindctl verify.")
                .arg(pointId));
    }
    qCInfo(lcJobs) << "Pruning point" << pointId << "of VM" << uuid;
    return repository.removePoint(uuid, pointId, lock);
}

struct Replacement
{
    QString temp;
    QString file;
};

// Renames the merged images over the old ones, then commits the manifest that describes
// them. Idempotent: a rename already done is skipped, so Recovery can repeat it.
Status replaceImages(const Repository &repository, const QString &uuid, const QString &pointId,
    const QList<Replacement> &files, const PointManifest &manifest, const RepositoryLock &lock,
    bool faultHook)
{
    const QString dir = repository.pointDir(uuid, pointId);
    bool first = true;
    for (const Replacement &r : files) {
        const QString temp = dir + QLatin1Char('/') + r.temp;
        const QString file = dir + QLatin1Char('/') + r.file;
        if (!QFileInfo::exists(temp)) {
            continue;
        }
        if (::rename(encoded(temp).constData(), encoded(file).constData()) != 0) {
            return FileSystem::writeError(errno, dir, r.file);
        }
        if (first && faultHook) {
            (void)FileSystem::syncDirectory(dir);
            faultPoint("replacing");
        }
        first = false;
    }
    if (Status s = FileSystem::syncDirectory(dir); !s) {
        return s;
    }
    return repository.commitPoint(uuid, pointId, manifest, lock);
}

QJsonArray replacementsToJson(const QList<Replacement> &files)
{
    QJsonArray arr;
    for (const Replacement &r : files) {
        arr.append(QJsonObject {{QStringLiteral("temp"), r.temp}, {QStringLiteral("file"), r.file}});
    }
    return arr;
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
            if (Status s = recover(m_repository, journal, lock, &outcome.notes); !s) {
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
    if (Status s = journal.advance(StateRemoving,
            {{QStringLiteral("remove"), QJsonArray::fromStringList(ids)}, {QStringLiteral("final"), last},
                {QStringLiteral("unreadable"), QJsonArray::fromStringList(unreadableHere)}});
        !s) {
        (void)journal.clear();
        return s;
    }
    bool first = true;
    for (const QString &id : ids) {
        if (Status s = removeIfPresent(m_repository, uuid, id, lock, unreadable); !s) {
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
    return journal.advance(StateRemoved,
        {{QStringLiteral("remove"), QJsonValue()}, {QStringLiteral("final"), QJsonValue()},
            {QStringLiteral("unreadable"), QJsonValue()}});
}

Status PruneOperation::merge(
    Journal &journal, const QString &uuid, const PruneMerge &merge, const RepositoryLock &lock)
{
    const QString dir = m_repository.pointDir(uuid, merge.pointId);
    QList<Replacement> files;
    for (const PruneDiskMerge &d : merge.disks) {
        files.append({tempName(d.fileName), d.fileName});
    }
    QJsonArray temps;
    for (const Replacement &r : std::as_const(files)) {
        temps.append(r.temp);
    }
    auto abandon = [&](const Error &error) {
        for (const Replacement &r : std::as_const(files)) {
            QFile::remove(dir + QLatin1Char('/') + r.temp);
        }
        // Every step before this merge is complete; this one changed nothing.
        (void)journal.clear();
        return error;
    };
    if (Status s = journal.advance(
            StateMerging, {{QStringLiteral("point"), merge.pointId}, {QStringLiteral("temps"), temps}});
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
    if (Status s = journal.advance(StateReplacing,
            {{QStringLiteral("manifest"), manifest.toJson()},
                {QStringLiteral("files"), replacementsToJson(files)}});
        !s) {
        return abandon(s.error());
    }
    if (Status s = replaceImages(m_repository, uuid, merge.pointId, files, manifest, lock, true); !s) {
        return Error(s.error().code(),
            tr("Replacing the images of point %1 failed: %2 Rewind completes this the next time it starts.")
                .arg(merge.pointId, s.error().message()),
            s.error().detail());
    }
    (void)journal.advance(StateMerged,
        {{QStringLiteral("point"), QJsonValue()}, {QStringLiteral("temps"), QJsonValue()},
            {QStringLiteral("manifest"), QJsonValue()}, {QStringLiteral("files"), QJsonValue()}});
    m_control.report(++m_stepsDone, m_stepsTotal, true);
    return {};
}

Result<PointManifest::Disk> PruneOperation::mergeDisk(
    const QString &pointDir, const PointManifest::Disk &disk, const PruneDiskMerge &plan)
{
    const QString image = pointDir + QLatin1Char('/') + disk.fileName;
    const QString temp = pointDir + QLatin1Char('/') + tempName(disk.fileName);
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

bool PruneOperation::isDeletion(const Journal &journal)
{
    return journal.payload().value(QLatin1String("delete")).toBool();
}

Status PruneOperation::recover(
    const Repository &repository, const Journal &journal, const RepositoryLock &lock, QStringList *messages)
{
    const QJsonObject payload = journal.payload();
    const QString uuid = journal.vmUuid();
    const QString vm = journal.vmName();
    const QString state = journal.state();
    const QString pointId = payload.value(QLatin1String("point")).toString();
    const bool deletion = isDeletion(journal);
    auto damaged = [&](const QString &field) {
        return Error(ErrorCode::Damaged,
            (deletion
                    ? tr("The journal of an interrupted deletion of points of '%1' is damaged (field '%2'); "
                         "it was kept in %3. Check the points with rewindctl verify.")
                    : tr("The journal of an interrupted prune of '%1' is damaged (field '%2'); it was kept "
                         "in %3. Check the points with rewindctl verify."))
                .arg(vm, field, journal.filePath()));
    };
    // What is left to do. A prune plans anew from its policy the next time; a deletion
    // does not come back by itself, so its message names the points still there.
    auto rest = [&]() -> QString {
        if (!deletion) {
            return tr("The next prune finishes the job.");
        }
        QStringList left;
        for (const QString &id : payload.value(QLatin1String("prune")).toVariant().toStringList()) {
            if (PointId::isValid(id) && QFileInfo::exists(repository.pointDir(uuid, id))) {
                left.append(id);
            }
        }
        return left.isEmpty()
            ? QString()
            : tr("Not deleted yet: %1; delete them again to finish.").arg(left.join(QStringLiteral(", ")));
    };
    auto note = [&](const QString &text, const QString &more) {
        messages->append(more.isEmpty() ? text : text + QLatin1Char(' ') + more);
    };

    if (state == StateMerging) {
        if (!PointId::isValid(pointId)) {
            return damaged(QStringLiteral("point"));
        }
        for (const QJsonValue &t : payload.value(QLatin1String("temps")).toArray()) {
            if (isTempName(t.toString())) {
                QFile::remove(repository.pointDir(uuid, pointId) + QLatin1Char('/') + t.toString());
            }
        }
        note(deletion
                ? tr("Rolled back an interrupted deletion of points of '%1' (stopped while merging into "
                     "point %2): every point there is as before.")
                      .arg(vm, pointId)
                : tr("Rolled back an interrupted prune of '%1' (stopped while merging into point %2): "
                     "every point is as before.")
                      .arg(vm, pointId),
            rest());
        return {};
    }
    if (state == StateReplacing) {
        auto manifest = PointManifest::fromJson(payload.value(QLatin1String("manifest")).toObject());
        if (!PointId::isValid(pointId) || !manifest) {
            return damaged(QStringLiteral("manifest"));
        }
        QList<Replacement> files;
        for (const QJsonValue &v : payload.value(QLatin1String("files")).toArray()) {
            const Replacement r {v.toObject().value(QLatin1String("temp")).toString(),
                v.toObject().value(QLatin1String("file")).toString()};
            if (!isTempName(r.temp) || r.file.isEmpty() || r.file.contains(QLatin1Char('/'))) {
                return damaged(QStringLiteral("files"));
            }
            files.append(r);
        }
        if (Status s = replaceImages(repository, uuid, pointId, files, *manifest, lock, false); !s) {
            return s;
        }
        note(deletion
                ? tr("Completed an interrupted step of a deletion of points of '%1': point %2 now holds "
                     "the data of the points it was stored on.")
                      .arg(vm, pointId)
                : tr("Completed an interrupted prune step of '%1': point %2 now holds the data of the "
                     "points it was stored on.")
                      .arg(vm, pointId),
            rest());
        return {};
    }
    if (state == StateRemoving) {
        const QStringList ids = payload.value(QLatin1String("remove")).toVariant().toStringList();
        const QStringList unreadable = payload.value(QLatin1String("unreadable")).toVariant().toStringList();
        for (const QString &id : ids) {
            if (!PointId::isValid(id)) {
                return damaged(QStringLiteral("remove"));
            }
            if (Status s = removeIfPresent(
                    repository, uuid, id, lock, QSet<QString>(unreadable.cbegin(), unreadable.cend()));
                !s) {
                return s;
            }
        }
        const QString removed = ids.join(QStringLiteral(", "));
        note(deletion ? tr("Completed an interrupted deletion of points of '%1': removed points %2.")
                            .arg(vm, removed)
                      : tr("Completed an interrupted prune of '%1': removed points %2.").arg(vm, removed),
            payload.value(QLatin1String("final")).toBool() ? QString() : rest());
        return {};
    }
    // Killed between two steps: every point is complete, nothing is half done.
    note(deletion
            ? tr("An interrupted deletion of points of '%1' stopped between two steps; every point is "
                 "intact.")
                  .arg(vm)
            : tr("An interrupted prune of '%1' stopped between two steps; every point is intact.").arg(vm),
        rest());
    return {};
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
