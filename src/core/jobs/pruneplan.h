#pragma once

#include "policy/retentionpolicy.h"
#include "repository/pointinfo.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <utility>

namespace Rewind {

/// The verdict on one point of a prune, and what keeping it means for its chain.
struct PruneDecision
{
    QString id;
    QDateTime time; ///< the time retention placed the point by (manifest, else its id)
    bool keep = false;
    /// Why it is kept, as short untranslated tags that scripts may parse: the retention
    /// tags ("daily #3", "golden", "no-rules", "no-time", see RetentionReason), plus
    /// "damaged" (the manifest cannot be read: the point is never touched), "backs-damaged"
    /// (a damaged point's image is stored on top of it) and "broken-chain" (a kept point
    /// builds on it through an ancestor that is missing, so it cannot be merged away).
    /// Empty when the point is pruned.
    QStringList reasons;
    bool damaged = false;
    bool isProtected = false;
    PointManifest::Kind kind = PointManifest::Kind::Full;
    QString parentId;
    qint64 storedBytes = 0; ///< length of the point's stored files
    /// For a kept point stored as changes on pruned points: those points, newest first;
    /// their data is folded into this point before they go.
    QStringList absorbs;
    /// With absorbs: the point this one builds on afterwards; empty when it becomes full.
    QString newParentId;

    /// The reasons joined by ", ".
    QString reasonText() const { return reasons.join(QStringLiteral(", ")); }
};

/// How one stored disk image of a kept point absorbs its pruned ancestors.
struct PruneDiskMerge
{
    QString fileName; ///< the image, relative to the point's folder
    /// The images being folded in, relative to the point's folder ("../<id>/vda.qcow2"),
    /// newest first: what the merge reads besides the image itself.
    QStringList absorbedImages;
    /// The new backing image, relative to the point's folder ("../<id>/vda.qcow2"); empty
    /// when the pruned chain ends in a full image, which makes this image standalone.
    QString newBacking;
    /// The format of newBacking as its manifest records it; empty when that manifest
    /// cannot be read (the image is then probed).
    QString newBackingFormat;
};

/// One kept point whose images are rewritten so that it no longer needs pruned points.
struct PruneMerge
{
    QString pointId;
    PointManifest manifest; ///< the point's manifest before the merge
    QStringList absorbs; ///< pruned ancestors folded in, newest first
    QString newParentId; ///< empty: the point becomes a full point
    QList<PruneDiskMerge> disks;
};

/// What a prune does, decided from the manifests alone: which points go (the retention
/// policy's verdict; golden and damaged points always stay), and how kept points that are
/// stored as changes on top of pruned ones absorb them.
///
/// A kept incremental point C whose parent P goes is rebased: every pruned ancestor between
/// C and its nearest kept ancestor A is folded into C in one step, and C then builds on A.
/// When no ancestor is kept (the chain's full point goes too), C becomes a full point.
/// The work is ordered so that space is freed before it is needed and so that each step
/// leaves every remaining point restorable: first the pruned points no kept point builds
/// on are removed, then the merges run (oldest point first), then the absorbed points go.
/// Removal lists are newest first, so a point's incremental children always go before it.
struct PrunePlan
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::PrunePlan)

public:
    QList<PruneDecision> decisions; ///< one per complete or damaged point, chronological
    QStringList removeFirst; ///< pruned points nothing kept builds on, newest first
    QList<PruneMerge> merges; ///< chronological
    QStringList removeLast; ///< pruned points absorbed by the merges, newest first

    /// Every pruned point, chronological.
    QStringList removed() const;
    qint64 removedBytes() const;

    /// Plans the prune of points (a VM's points in chronological order, as
    /// Repository::listPoints gives them; incomplete ones are ignored) under policy, with
    /// periods read in zone. backsDamaged names points that damaged points' images are
    /// stored on (found by reading those images), which are kept. Fails with Damaged
    /// when the manifests of a chain contradict each other, naming the point.
    static Result<PrunePlan> build(const QList<PointInfo> &points, const RetentionPolicy &policy,
        const QTimeZone &zone, const QSet<QString> &backsDamaged = {});

    /// Plans the deletion of the points in remove, which the user chose, whatever the
    /// policy says; every other point is kept (tag "not-chosen") and kept points stored as
    /// changes on removed ones absorb them, as in a prune. Incomplete points may be chosen
    /// too (the caller holds the VM's lock). Refuses, naming the point, what would not
    /// delete exactly remove: an unknown id (NotFound), a golden point (Conflict: make it
    /// ordinary first), a point whose manifest cannot be read while other points build on
    /// it, or one a kept point reaches only through a missing point (Conflict).
    static Result<PrunePlan> buildRemoving(
        const QList<PointInfo> &points, const QSet<QString> &remove, const QSet<QString> &backsDamaged = {});

    /// Splits a stored backing path "../<point-id>/<file>" into the point id and the file
    /// name; nullopt for anything else (the only form Rewind writes, and the only one a
    /// prune may follow without leaving the VM's folder).
    static std::optional<std::pair<QString, QString>> parseBacking(const QString &backingFile);

private:
    /// The verdict on the complete points, in the order given: keep, and the reason tags.
    using Verdicts = QList<std::pair<bool, QStringList>>;
    /// Both builds: the decisions come from decide, the merges and the order from the chains.
    /// removeUnreadable: damaged or incomplete points that go (nothing builds on them).
    static Result<PrunePlan> buildWith(const QList<PointInfo> &points,
        const std::function<Verdicts(const QList<RetentionPoint> &)> &decide,
        const QSet<QString> &backsDamaged, const QSet<QString> &removeUnreadable);
};

} // namespace Rewind
