#include "prunerecovery.h"

#include "jobs/backupoperation.h"
#include "logging.h"
#include "repository/filesystem.h"
#include "repository/journal.h"
#include "repository/pointid.h"
#include "repository/repositorylock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>

namespace Rewind {

namespace {

const QLatin1String TempSuffix(".prune-tmp");

} // namespace

QString PruneRecovery::tempName(const QString &fileName)
{
    return QLatin1Char('.') + fileName + TempSuffix;
}

bool PruneRecovery::isTempName(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) && name.endsWith(TempSuffix) && !name.contains(QLatin1Char('/'));
}

Status PruneRecovery::removeIfPresent(const Repository &repository, const QString &uuid,
    const QString &pointId, const RepositoryLock &lock, const QSet<QString> &unreadableChosen)
{
    auto point = repository.point(uuid, pointId);
    if (!point) {
        return point.error().code() == ErrorCode::NotFound ? Status() : Status(point.error());
    }
    if (point->state == PointInfo::State::Damaged && !unreadableChosen.contains(pointId)) {
        // Never planned (damaged points are kept); something changed it since.
        return Error(ErrorCode::Damaged,
            tr("The point %1 was to be pruned, but its manifest can no longer be read; it "
               "was left alone. Check it with rewindctl verify.")
                .arg(pointId));
    }
    qCInfo(lcJobs) << "Pruning point" << pointId << "of VM" << uuid;
    return repository.removePoint(uuid, pointId, lock);
}

Status PruneRecovery::replaceImages(const Repository &repository, const QString &uuid, const QString &pointId,
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
        if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(file).constData()) != 0) {
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

QJsonArray PruneRecovery::toJson(const QList<Replacement> &files)
{
    QJsonArray arr;
    for (const Replacement &r : files) {
        arr.append(QJsonObject {{QStringLiteral("temp"), r.temp}, {QStringLiteral("file"), r.file}});
    }
    return arr;
}

bool PruneRecovery::isDeletion(const Journal &journal)
{
    return journal.payload().value(QLatin1String("delete")).toBool();
}

Status PruneRecovery::recover(
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

    if (state == PruneState::Merging) {
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
    if (state == PruneState::Replacing) {
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
    if (state == PruneState::Removing) {
        const QStringList ids = payload.value(QLatin1String("remove")).toVariant().toStringList();
        const QStringList unreadableList
            = payload.value(QLatin1String("unreadable")).toVariant().toStringList();
        const QSet<QString> unreadable(unreadableList.cbegin(), unreadableList.cend());
        for (const QString &id : ids) {
            if (!PointId::isValid(id)) {
                return damaged(QStringLiteral("remove"));
            }
            if (Status s = removeIfPresent(repository, uuid, id, lock, unreadable); !s) {
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

} // namespace Rewind
