#include "pruneplan.h"

#include "repository/pointid.h"

#include <QHash>

#include <algorithm>

namespace Rewind {

namespace {

qint64 storedBytes(const PointManifest &m)
{
    qint64 n = m.memory ? m.memory->storedSize : 0;
    for (const auto &d : m.disks) {
        n += d.storedSize;
    }
    return n;
}

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
    PrunePlan plan;
    QHash<QString, const PointManifest *> manifests;
    QHash<QString, qsizetype> slotOf; // decision index by id
    QSet<QString> existing;
    QList<RetentionPoint> candidates;
    QList<qsizetype> candidateSlots;
    for (const PointInfo &p : points) {
        existing.insert(p.id);
        if (p.state == PointInfo::State::Incomplete) {
            continue; // a leftover (Recovery removes it) or a backup still being written
        }
        PruneDecision d;
        d.id = p.id;
        slotOf.insert(p.id, plan.decisions.size());
        if (!p.complete() || !p.manifest) {
            // Once complete, now unreadable: never deleted on a guess about what it holds.
            d.time = PointId::time(p.id);
            d.keep = true;
            d.damaged = true;
            d.reasons << QStringLiteral("damaged");
            plan.decisions.append(d);
            continue;
        }
        const PointManifest &m = *p.manifest;
        manifests.insert(p.id, &m);
        d.time = m.created.isValid() ? m.created : PointId::time(p.id);
        d.isProtected = m.isProtected;
        d.kind = m.kind;
        d.parentId = m.parentId;
        d.storedBytes = storedBytes(m);
        candidateSlots.append(plan.decisions.size());
        candidates.append({d.id, d.time, d.isProtected});
        plan.decisions.append(d);
    }

    const QList<RetentionDecision> verdicts = policy.evaluate(candidates, zone);
    QSet<QString> pruned;
    for (qsizetype i = 0; i < verdicts.size(); ++i) {
        PruneDecision &d = plan.decisions[candidateSlots.at(i)];
        d.keep = verdicts.at(i).keep;
        for (const RetentionReason &r : verdicts.at(i).reasons) {
            d.reasons << r.toString();
        }
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
