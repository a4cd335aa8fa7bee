#include "jobmanager.h"

#include "guilogging.h"
#include "jobmodel.h"
#include "jobs/changetracking.h"
#include "jobs/jobcontrol.h"
#include "libvirt/domain.h"

namespace Rewind {

JobManager::JobManager(QObject *parent) : QObject(parent), m_model(new JobModel(this))
{ }

JobManager::~JobManager()
{
    // Jobs are children; their destructors cancel running workers.
    const auto jobs = m_model->jobs();
    for (Job *job : jobs) {
        disconnect(job, nullptr, this, nullptr);
    }
}

Job *JobManager::backup(const QString &uri, const QString &vmUuid, const QString &vmName,
    PointManifest::Method method, bool scheduled)
{
    if (!m_repository.isValid()) {
        Q_EMIT refused(tr("Choose a backup repository first (File > Choose Repository)."));
        return nullptr;
    }
    if (Job *running = activeJob(vmUuid)) {
        Q_EMIT refused(
            tr("'%1' is busy: %2. Wait for it to finish or cancel it.").arg(vmName, running->title()));
        return nullptr;
    }
    BackupRequest request;
    request.domain = vmUuid.isEmpty() ? vmName : vmUuid;
    request.method = method;
    auto *job = new BackupJob(uri, m_repository, request, vmName);
    job->setVm(vmUuid, vmName);
    if (scheduled) {
        m_scheduled.append(job);
    }
    return start(job);
}

Job *JobManager::verify(const QString &vmUuid, const QString &vmName, const QString &pointId, bool scheduled)
{
    if (!m_repository.isValid()) {
        Q_EMIT refused(tr("Choose a backup repository first (File > Choose Repository)."));
        return nullptr;
    }
    auto *job = new VerifyJob(m_repository, vmUuid, pointId, vmName);
    job->setVm(vmUuid, vmName);
    if (scheduled) {
        m_scheduled.append(job);
    }
    return start(job);
}

Job *JobManager::stopTracking(const QString &uri, const QString &vmUuid, const QString &vmName)
{
    if (!m_repository.isValid()) {
        Q_EMIT refused(tr("Choose a backup repository first (File > Choose Repository)."));
        return nullptr;
    }
    const Repository repository = m_repository;
    auto work = [uri, repository, vmUuid, vmName](JobControl &control) -> Result<JobOutcome> {
        control.setPhase(JobPhase::Commit);
        auto conn = Libvirt::openConnection(uri);
        if (!conn) {
            return conn.error();
        }
        auto messages = ChangeTracking::untrack(*conn, repository, vmUuid);
        if (!messages) {
            return messages.error();
        }
        JobOutcome out;
        out.summary = messages->isEmpty()
            ? QCoreApplication::translate("Rewind::JobManager", "'%1' already runs on its own images.")
                  .arg(vmName)
            : QCoreApplication::translate("Rewind::JobManager",
                "'%1' runs on its own images again; its next backup point is a full one.")
                  .arg(vmName);
        return out;
    };
    auto *job = new Job(Job::Kind::Backup, tr("Stop tracking the changes of '%1'").arg(vmName), work);
    job->setVm(vmUuid, vmName);
    return start(job);
}

Job *JobManager::start(Job *job)
{
    job->setParent(this);
    connect(job, &Job::finished, this, [this, job] { onFinished(job); });
    m_model->addJob(job);
    qCInfo(lcGui) << "Starting job" << job->id() << job->title();
    job->start();
    Q_EMIT jobStarted(job);
    trimFinished();
    return job;
}

Job *JobManager::retry(Job *job)
{
    if (!job || !job->isFinished()) {
        return nullptr;
    }
    if (!job->vmUuid().isEmpty() && activeJob(job->vmUuid())) {
        Q_EMIT refused(tr("'%1' is busy; try again when its current job has finished.").arg(job->vmName()));
        return nullptr;
    }
    Job *again = job->clone();
    dismiss(job);
    return start(again);
}

void JobManager::dismiss(Job *job)
{
    if (!job || !job->isFinished()) {
        return;
    }
    m_model->removeJob(job);
    m_scheduled.removeAll(job);
    job->deleteLater();
}

void JobManager::dismissFinished()
{
    const auto jobs = m_model->jobs();
    for (Job *job : jobs) {
        if (job->isFinished()) {
            dismiss(job);
        }
    }
}

Job *JobManager::activeJob(const QString &vmUuid) const
{
    if (vmUuid.isEmpty()) {
        return nullptr;
    }
    const auto jobs = m_model->jobs();
    for (Job *job : jobs) {
        if (!job->isFinished() && job->vmUuid() == vmUuid) {
            return job;
        }
    }
    return nullptr;
}

bool JobManager::wasScheduled(const Job *job) const
{
    return m_scheduled.contains(job);
}

void JobManager::onFinished(Job *job)
{
    qCInfo(lcGui) << "Job" << job->id() << job->title() << "ended:" << Job::stateText(job->state());
    Q_EMIT jobFinished(job);
    trimFinished();
}

void JobManager::trimFinished()
{
    const auto jobs = m_model->jobs(); // newest first
    int finished = 0;
    for (Job *job : jobs) {
        if (job->isFinished() && ++finished > m_maxFinished) {
            dismiss(job);
        }
    }
}

} // namespace Rewind
