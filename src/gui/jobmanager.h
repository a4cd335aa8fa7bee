#pragma once

#include "jobs/job.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"

#include <QObject>

namespace Rewind {

class JobModel;

/// Owns the session's jobs: starts them, keeps them in a JobModel for the jobs panel, and
/// tells the rest of the application when one ends (the VM list and the timeline reload,
/// the notifier speaks). Finished jobs stay visible until dismissed, up to a limit.
class JobManager : public QObject
{
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    JobModel *model() const { return m_model; }
    void setRepository(const Repository &repository) { m_repository = repository; }
    Repository repository() const { return m_repository; }

    /// Starts a backup of the VM with uuid on the libvirt connection uri. Returns nullptr
    /// (and emits refused()) when no repository is set or a job already runs on the VM.
    Job *backup(const QString &uri, const QString &vmUuid, const QString &vmName,
        PointManifest::Method method, bool scheduled = false);
    /// Verifies one point (pointId) or all of a VM's points (empty pointId).
    Job *verify(
        const QString &vmUuid, const QString &vmName, const QString &pointId = {}, bool scheduled = false);
    /// Merges Rewind's overlay of a VM back into its images (ChangeTracking::untrack).
    Job *stopTracking(const QString &uri, const QString &vmUuid, const QString &vmName);
    /// Takes ownership of job, lists it and starts it.
    Job *start(Job *job);
    /// Starts a fresh copy of a finished job.
    Job *retry(Job *job);
    /// Removes a finished job from the list and deletes it.
    void dismiss(Job *job);
    /// Removes every finished job.
    void dismissFinished();
    /// The unfinished job on a VM, if any.
    Job *activeJob(const QString &vmUuid) const;
    bool wasScheduled(const Job *job) const;
    int maxFinishedJobs() const { return m_maxFinished; }

Q_SIGNALS:
    void jobStarted(Rewind::Job *job);
    void jobFinished(Rewind::Job *job);
    /// A job could not even be started; the message says why and what to do.
    void refused(const QString &message);

private:
    void onFinished(Job *job);
    void trimFinished();

    JobModel *m_model;
    Repository m_repository;
    QList<const Job *> m_scheduled;
    int m_maxFinished = 30;
};

} // namespace Rewind
