#pragma once

#include "jobs/pruneplan.h"
#include "policy/retentionpolicy.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>

namespace Rewind {

class JobControl;
enum class JobPhase;
class Journal;
class RepositoryLock;

/// What to prune.
struct PruneRequest
{
    QString vm; ///< name (any the repository remembers) or UUID
    bool dryRun = false; ///< decide and report only; change nothing, take no lock
    /// Retention periods (days, weeks...) are read in this zone; invalid means the
    /// system's local time, which is what the user means by "one a day".
    QTimeZone zone;
    /// Not empty: delete exactly these points (ids), which the user chose, instead of what
    /// the policy leaves out (see PrunePlan::buildRemoving). Later points stored as changes
    /// on them absorb them first, so they stay restorable.
    QStringList points;
};

struct PruneOutcome
{
    QString vmUuid;
    QString vmName;
    RetentionPolicy policy;
    bool dryRun = false;
    QList<PruneDecision> decisions; ///< every complete or damaged point, chronological
    QStringList removed; ///< pruned points (dry run: to be pruned), chronological
    QStringList merged; ///< kept points that absorbed pruned ones (dry run: would)
    qint64 freedBytes = 0; ///< stored bytes removed, less what merged points grew by (dry run: removed only)
    QStringList notes; ///< repairs of an earlier interrupted prune, for the user
};

/// Removes a VM's points that its retention policy (vm.json) no longer keeps, or the
/// points the user chose to delete (PruneRequest::points), on the calling (worker) thread. No policy, or an
/// all-zero one, keeps everything; golden points and points whose manifest cannot be read are never removed.
/// See PrunePlan for the decisions and for how kept incremental points absorb pruned ancestors.
///
/// Journalled (Journal::Kind::Prune), each state written before the step it names:
///
///   intent -> removing(points nothing builds on) -> removed
///     -> merging(point C: new images written to temporary names, compared with the old)
///     -> replacing(new manifest recorded; images renamed over the old; manifest committed)
///     -> merged -> ... -> removing(the absorbed points) -> removed -> clear
///
/// A process killed at any step leaves every kept point restorable; PruneRecovery then
/// rolls the journal back or forward (the next Rewind command does, or the next prune).
///
/// REWIND_FAULT_STALL (tests): "merging" stalls after a merge wrote its images,
/// "replacing" after the first image was renamed over the old one, "removing" after the
/// first point of a batch was removed.
class PruneOperation
{
    Q_DECLARE_TR_FUNCTIONS(PruneOperation)

public:
    PruneOperation(Repository repository, PruneRequest request, JobControl &control);
    Result<PruneOutcome> run();

    /// The points damaged points' images are stored on, found by following those images'
    /// backing files (their manifests cannot tell): PrunePlan keeps them.
    static QSet<QString> pointsBehindDamaged(const QList<PointInfo> &points);

private:
    /// What the job shows it is doing: pruning, or deleting the points the user chose.
    JobPhase phase() const;
    Status execute(
        const QString &uuid, const PrunePlan &plan, const RepositoryLock &lock, PruneOutcome &outcome);
    Status removeBatch(Journal &journal, const QString &uuid, const QStringList &ids, bool last,
        const QSet<QString> &unreadable, const RepositoryLock &lock);
    Status merge(Journal &journal, const QString &uuid, const PruneMerge &merge, const RepositoryLock &lock);
    Result<PointManifest::Disk> mergeDisk(
        const QString &pointDir, const PointManifest::Disk &disk, const PruneDiskMerge &plan);

    Repository m_repository;
    PruneRequest m_request;
    JobControl &m_control;
    int m_stepsDone = 0;
    int m_stepsTotal = 0;
};

} // namespace Rewind
