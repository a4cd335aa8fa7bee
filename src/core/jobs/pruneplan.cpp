#include "pruneplan.h"

#include "repository/pointid.h"

#include <QHash>

#include <algorithm>

namespace Rewind {

namespace {

Error chainError(const QString &pointId, const QString &what)
{
    return Error(ErrorCode::Damaged,
        PrunePlan::tr(
            "The chain of point %1 is inconsistent (%2), so none of its points can be pruned safely. "
            "Run rewindctl verify on the VM and repair or remove the damaged points first.")
            .arg(pointId, what));
}

} // namespace

std::optional<std::pair<QString, QString>> PrunePlan::parseBacking(const QString &backingFile)
{
    const QStringList parts = backingFile.split(QLatin1Char('/'));
    if (parts.size() != 3 || parts.at(0) != QLatin1String("..") || !PointId::isValid(parts.at(1))
        || parts.at(2).isEmpty() || parts.at(2).startsWith(QLatin1Char('.'))) {
        return std::nullopt;
    }
    return std::pair {parts.at(1), parts.at(2)};
}

QStringList PrunePlan::removed() const
{
    QStringList ids;
    for (const PruneDecision &d : decisions) {
        if (!d.keep) {
            ids.append(d.id);
        }
    }
    return ids;
}

qint64 PrunePlan::removedBytes() const
{
    qint64 n = 0;
    for (const PruneDecision &d : decisions) {
        if (!d.keep) {
            n += d.storedBytes;
        }
    }
    return n;
}

Result<PrunePlan> PrunePlan::build(const QList<PointInfo> &points, const RetentionPolicy &policy,
    const QTimeZone &zone, const QSet<QString> &backsDamaged)
{
    const auto decide = [&](const QList<RetentionPoint> &candidates) {
        Verdicts verdicts;
        for (const RetentionDecision &v : policy.evaluate(candidates, zone)) {
            QStringList tags;
            for (const RetentionReason &r : v.reasons) {
                tags << r.toString();
            }
            verdicts.append({v.keep, tags});
        }
        return verdicts;
    };
    return buildWith(points, decide, backsDamaged, {});
}

Result<PrunePlan> PrunePlan::buildRemoving(
    const QList<PointInfo> &points, const QSet<QString> &remove, const QSet<QString> &backsDamaged)
{
    QSet<QString> parents; // points that a readable manifest builds on
    for (const PointInfo &p : points) {
        if (p.manifest && p.manifest->kind == PointManifest::Kind::Incremental) {
            parents.insert(p.manifest->parentId);
        }
    }
    QSet<QString> removeUnreadable;
    for (const QString &id : remove) {
        const auto it
            = std::find_if(points.cbegin(), points.cend(), [&](const PointInfo &p) { return p.id == id; });
        if (it == points.cend()) {
            return Error(ErrorCode::NotFound, tr("There is no point %1.").arg(id));
        }
        if (it->manifest && it->manifest->isProtected) {
            return Error(ErrorCode::Conflict,
                tr("Point %1 is golden, which protects it from deletion. Make it an ordinary point first "
                   "(rewindctl unprotect, or uncheck Golden in its menu), then delete it.")
                    .arg(id));
        }
        // An incomplete point is the leftover of an interrupted backup (the caller holds the
        // VM's lock, so none is writing it) and nothing builds on it; a damaged one may
        // have points stored on top of it.
        if (!it->complete() || !it->manifest) {
            if (parents.contains(id) || backsDamaged.contains(id)) {
                return Error(ErrorCode::Conflict,
                    tr("Point %1 cannot be deleted: its manifest cannot be read, so the changes of the later "
                       "points stored on top of it cannot be merged. Delete those points first.")
                        .arg(id));
            }
            removeUnreadable.insert(id);
        }
    }
    const auto decide = [&](const QList<RetentionPoint> &candidates) {
        Verdicts verdicts;
        for (const RetentionPoint &c : candidates) {
            const bool keep = !remove.contains(c.id);
            verdicts.append({keep, keep ? QStringList {QStringLiteral("not-chosen")} : QStringList {}});
        }
        return verdicts;
    };
    auto plan = buildWith(points, decide, backsDamaged, removeUnreadable);
    if (!plan) {
        return plan;
    }
    for (const PruneDecision &d : std::as_const(plan->decisions)) {
        if (d.keep && remove.contains(d.id)) {
            return Error(ErrorCode::Conflict,
                d.reasons.contains(QLatin1String("backs-damaged"))
                    ? tr("Point %1 cannot be deleted: the images of a damaged point are stored on top of it. "
                         "Delete the damaged point first.")
                          .arg(d.id)
                    : tr("Point %1 cannot be deleted: a later point builds on it through a point that is "
                         "missing, so its data cannot be merged into that later point.")
                          .arg(d.id));
        }
    }
    return plan;
}

Result<PrunePlan> PrunePlan::buildWith(const QList<PointInfo> &points,
    const std::function<Verdicts(const QList<RetentionPoint> &)> &decide, const QSet<QString> &backsDamaged,
    const QSet<QString> &removeUnreadable)
{
    PrunePlan plan;
    QHash<QString, const PointManifest *> manifests;
    QHash<QString, qsizetype> slotOf; // decision index by id
    QSet<QString> existing;
    QList<RetentionPoint> candidates;
    QList<qsizetype> candidateSlots;
    for (const PointInfo &p : points) {
        existing.insert(p.id);
        PruneDecision d;
        d.id = p.id;
        if (p.state == PointInfo::State::Incomplete) {
            // A leftover (Recovery removes it) or a backup still being written: no verdict,
            // unless the user chose to delete it.
            if (removeUnreadable.contains(p.id)) {
                d.time = PointId::time(p.id);
                plan.decisions.append(d);
            }
            continue;
        }
        slotOf.insert(p.id, plan.decisions.size());
        if (!p.complete() || !p.manifest) {
            // Once complete, now unreadable: never deleted on a guess about what it holds.
            d.time = PointId::time(p.id);
            d.damaged = true;
            d.keep = !removeUnreadable.contains(p.id);
            if (d.keep) {
                d.reasons << QStringLiteral("damaged");
            }
            plan.decisions.append(d);
            continue;
        }
        const PointManifest &m = *p.manifest;
        manifests.insert(p.id, &m);
        d.time = m.created.isValid() ? m.created : PointId::time(p.id);
        d.isProtected = m.isProtected;
        d.kind = m.kind;
        d.parentId = m.parentId;
        d.storedBytes = m.storedBytes();
        candidateSlots.append(plan.decisions.size());
        candidates.append({d.id, d.time, d.isProtected});
        plan.decisions.append(d);
    }

    const Verdicts verdicts = decide(candidates);
    QSet<QString> pruned;
    for (qsizetype i = 0; i < verdicts.size(); ++i) {
        PruneDecision &d = plan.decisions[candidateSlots.at(i)];
        d.keep = verdicts.at(i).first;
        d.reasons << verdicts.at(i).second;
        if (!d.keep && backsDamaged.contains(d.id)) {
            d.keep = true;
            d.reasons << QStringLiteral("backs-damaged");
        }
        if (!d.keep) {
            pruned.insert(d.id);
        }
    }

    auto parentOf = [&](const QString &id) {
        const PointManifest *m = manifests.value(id);
        return m && m->kind == PointManifest::Kind::Incremental ? m->parentId : QString();
    };
    // The pruned ancestors of a kept point up to its nearest kept one, newest first.
    auto prunedAncestors = [&](const QString &id, QString *end) -> Result<QStringList> {
        QStringList chain;
        QString p = parentOf(id);
        while (pruned.contains(p)) {
            if (chain.contains(p)) {
                return chainError(id, tr("its parents form a loop"));
            }
            chain << p;
            p = parentOf(p);
        }
        *end = p;
        return chain;
    };

    // A kept point whose pruned ancestors lead to a point that no longer exists cannot be
    // merged (the data to fold in is gone), and deleting them would not help it: keep them.
    for (qsizetype i = 0; i < plan.decisions.size(); ++i) {
        if (!plan.decisions.at(i).keep || plan.decisions.at(i).damaged) {
            continue;
        }
        QString end;
        auto chain = prunedAncestors(plan.decisions.at(i).id, &end);
        if (!chain) {
            return chain.error();
        }
        if (!chain->isEmpty() && !end.isEmpty() && !existing.contains(end)) {
            for (const QString &id : std::as_const(*chain)) {
                PruneDecision &kept = plan.decisions[slotOf.value(id)];
                kept.keep = true;
                kept.reasons << QStringLiteral("broken-chain");
                pruned.remove(id);
            }
        }
    }

    QSet<QString> absorbed;
    for (PruneDecision &d : plan.decisions) {
        if (!d.keep || d.damaged) {
            continue;
        }
        const PointManifest &m = *manifests.value(d.id);
        PruneMerge merge;
        auto chain = prunedAncestors(d.id, &merge.newParentId);
        if (!chain) {
            return chain.error();
        }
        merge.absorbs = *chain;
        for (const PointManifest::Disk &disk : m.disks) {
            if (disk.backingFile.isEmpty()) {
                continue;
            }
            auto link = parseBacking(disk.backingFile);
            if (!link) {
                return chainError(
                    d.id, tr("disk %1 names its backing image '%2'").arg(disk.target, disk.backingFile));
            }
            if (merge.absorbs.isEmpty()) {
                if (pruned.contains(link->first)) {
                    return chainError(d.id,
                        tr("disk %1 builds on %2, the manifest does not").arg(disk.target, link->first));
                }
                continue;
            }
            if (disk.storedFormat != QLatin1String("qcow2")) {
                return chainError(d.id,
                    tr("disk %1 has a backing image but is stored as %2")
                        .arg(disk.target, disk.storedFormat));
            }
            // Follow the images themselves: they, not the manifests' parent ids, are what
            // the merge reads, so both must tell the same story.
            PruneDiskMerge dm;
            dm.fileName = disk.fileName;
            QString point = link->first;
            QString file = link->second;
            QString backing = disk.backingFile;
            QStringList visited;
            while (pruned.contains(point) && visited.size() <= merge.absorbs.size()) {
                visited << point;
                dm.absorbedImages << QStringLiteral("../%1/%2").arg(point, file);
                const QList<PointManifest::Disk> &ancestorDisks = manifests.value(point)->disks;
                const auto it = std::find_if(ancestorDisks.cbegin(), ancestorDisks.cend(),
                    [&](const PointManifest::Disk &a) { return a.fileName == file; });
                if (it == ancestorDisks.cend()) {
                    return chainError(d.id, tr("point %1 does not store %2").arg(point, file));
                }
                if (it->backingFile.isEmpty()) {
                    point.clear();
                    backing.clear();
                    break;
                }
                auto next = parseBacking(it->backingFile);
                if (!next) {
                    return chainError(
                        d.id, tr("point %1 names its backing image '%2'").arg(point, it->backingFile));
                }
                backing = it->backingFile;
                point = next->first;
                file = next->second;
            }
            if (visited != merge.absorbs || point != merge.newParentId) {
                return chainError(d.id,
                    tr("the images of disk %1 and the manifests name different parents").arg(disk.target));
            }
            dm.newBacking = backing;
            if (const PointManifest *target = manifests.value(point)) {
                for (const PointManifest::Disk &t : target->disks) {
                    if (t.fileName == file) {
                        dm.newBackingFormat = t.storedFormat;
                    }
                }
            }
            merge.disks.append(dm);
        }
        if (merge.absorbs.isEmpty()) {
            continue;
        }
        merge.pointId = d.id;
        merge.manifest = m;
        d.absorbs = merge.absorbs;
        d.newParentId = merge.newParentId;
        for (const QString &id : std::as_const(merge.absorbs)) {
            absorbed.insert(id);
        }
        plan.merges.append(merge);
    }

    for (auto it = plan.decisions.crbegin(); it != plan.decisions.crend(); ++it) {
        if (!it->keep) {
            (absorbed.contains(it->id) ? plan.removeLast : plan.removeFirst).append(it->id);
        }
    }
    return plan;
}

} // namespace Rewind
