#include "scheduler.h"

#include "guilogging.h"
#include "guisettings.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "vmmodel.h"

namespace Rewind {

namespace {
constexpr qint64 MaxSleepMs = 3600 * 1000; // re-check at least hourly
constexpr qint64 MinSleepMs = 1000;
} // namespace

Scheduler::Scheduler(VmModel *vms, JobManager *jobs, QObject *parent)
    : QObject(parent), m_vms(vms), m_jobs(jobs), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::check);
    // Coalesce bursts (500 summaries arriving, many jobs ending) into one check.
    m_replan.setSingleShot(true);
    m_replan.setInterval(200);
    connect(&m_replan, &QTimer::timeout, this, &Scheduler::check);
    m_resumeCheck.setSingleShot(true);
    connect(&m_resumeCheck, &QTimer::timeout, this, &Scheduler::check);
    connect(vms, &VmModel::summariesChanged, this, &Scheduler::replanSoon);
    connect(vms, &VmModel::vmCountChanged, this, &Scheduler::replanSoon);
    connect(jobs, &JobManager::jobFinished, this, &Scheduler::onJobFinished);
}

void Scheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_timer.stop();
        setPlan({}, {});
    } else {
        replanSoon();
    }
}

void Scheduler::setPlan(const QDateTime &next, const QString &vmName)
{
    if (next == m_nextBackup && vmName == m_nextBackupVmName) {
        return;
    }
    m_nextBackup = next;
    m_nextBackupVmName = vmName;
    Q_EMIT planChanged();
}

void Scheduler::resumed()
{
    if (m_enabled) {
        qCInfo(lcGui) << "The computer woke up; scheduled backups are checked in" << m_resumeDelay << "s";
        m_resumeCheck.start(m_resumeDelay * 1000);
    }
}

void Scheduler::replanSoon()
{
    if (m_enabled && !m_replan.isActive()) {
        m_replan.start();
    }
}

void Scheduler::check()
{
    if (!m_enabled) {
        return;
    }
    const QDateTime now = m_clock();
    QDateTime earliest;
    QString earliestName;
    QSet<QString> seen;
    const auto vms = m_vms->vms();
    for (const VmModel::VmRef &vm : vms) {
        if (seen.contains(vm.info.uuid)) {
            continue; // the same VM through a second connection
        }
        seen.insert(vm.info.uuid);
        const BackupSummary summary = m_vms->summary(vm.info.uuid);
        if (!summary.schedule) {
            continue;
        }
        QDateTime due = summary.nextRun(now);
        const QDateTime attempt = m_lastAttempt.value(vm.info.uuid);
        if (attempt.isValid() && attempt.addSecs(m_retryDelay) > due) {
            due = attempt.addSecs(m_retryDelay);
        }
        bool started = false;
        if (due <= now && !vm.stale && m_jobs->repository().isValid() && !m_jobs->activeJob(vm.info.uuid)) {
            m_lastAttempt.insert(vm.info.uuid, now);
            qCInfo(lcGui) << "Scheduled backup of" << vm.info.name << "is due";
            Job *job = m_jobs->backup(
                vm.uri, vm.info.uuid, vm.info.name, GuiSettings::backupMethod(vm.info.uuid), true);
            if (job) {
                Q_EMIT backupStarted(job);
            }
            due = now.addSecs(m_retryDelay);
            started = job != nullptr;
        }
        // Overdue is worth saying only when its backup is not under way: after two weeks
        // away the backups simply start, and a failure is notified on its own.
        if (!started && summary.isOverdue(now)) {
            Q_EMIT overdue(vm.info.uuid, vm.info.name, summary.lastSuccess);
        }
        if (!earliest.isValid() || due < earliest) {
            earliest = due;
            earliestName = vm.info.name;
        }
    }
    setPlan(earliest, earliestName);
    // Checks only when nothing else runs: backups come first, and a check reads every
    // stored byte of the VM, which a backup would compete with.
    const QDateTime verify = checkStoredPoints(now, m_jobs->model()->activeCount() == 0);
    if (verify.isValid() && (!earliest.isValid() || verify < earliest)) {
        earliest = verify;
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        return;
    }
    const qint64 ms = std::clamp(now.msecsTo(earliest), MinSleepMs, MaxSleepMs);
    m_timer.start(int(ms));
}

// Bit rot or a failing drive shows when a backup is read, which should not first happen
// when it is needed: the stored points of each VM are read back and checked once every
// verifyInterval, one VM at a time, oldest check first; those of VMs backed up by hand
// too, as a drive fails for them alike. Returns when the next one is due (invalid: none).
QDateTime Scheduler::checkStoredPoints(const QDateTime &now, bool idle)
{
    const Repository repository = m_jobs->repository();
    if (m_verifyIntervalDays <= 0 || !repository.isValid()) {
        return {};
    }
    QDateTime earliest;
    const VmModel::VmRef *next = nullptr;
    const auto vms = m_vms->vms();
    for (const VmModel::VmRef &vm : vms) {
        const BackupSummary summary = m_vms->summary(vm.info.uuid);
        if (summary.complete == 0 || !GuiSettings::weeklyCheck(vm.info.uuid)) {
            continue;
        }
        const QDateTime last = GuiSettings::lastVerified(repository.path(), vm.info.uuid);
        // Never checked: an interval after Rewind first saw the VM, not at once; what a
        // backup has just written was hashed as it was written.
        const QDateTime since = last.isValid() ? last : summary.knownSince;
        QDateTime due = since.isValid() ? since.addDays(m_verifyIntervalDays) : now;
        const QDateTime attempt = m_lastVerifyAttempt.value(vm.info.uuid);
        if (attempt.isValid() && attempt.addSecs(m_retryDelay) > due) {
            due = attempt.addSecs(m_retryDelay);
        }
        if (!earliest.isValid() || due < earliest) {
            earliest = due;
            next = &vm;
        }
    }
    if (!next || earliest > now || !idle) {
        return earliest.isValid() && earliest > now ? earliest : QDateTime();
    }
    m_lastVerifyAttempt.insert(next->info.uuid, now);
    qCInfo(lcGui) << "The stored backups of" << next->info.name << "are due for a check";
    if (Job *job = m_jobs->verify(next->info.uuid, next->info.name, QString(), true)) {
        Q_EMIT verifyStarted(job);
    }
    return {}; // the next check comes when this one ends
}

void Scheduler::onJobFinished(Job *job)
{
    const auto *verify = qobject_cast<const VerifyJob *>(job);
    const bool checked = job->state() == Job::State::Succeeded
        || (job->state() == Job::State::Failed && job->error().code() == ErrorCode::Damaged);
    // Every point was read, whatever it found (damage is notified on its own).
    if (verify && verify->pointId().isEmpty() && checked && !job->vmUuid().isEmpty()
        && m_jobs->repository().isValid()) {
        GuiSettings::setLastVerified(m_jobs->repository().path(), job->vmUuid(), m_clock());
    }
    replanSoon();
}

} // namespace Rewind
