#include "scheduler.h"

#include "async.h"
#include "guilogging.h"
#include "guisettings.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "repository/removedvm.h"
#include "vmmodel.h"

#include <QThreadPool>

#include <utility>

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
    connect(vms, &VmModel::vmCountChanged, this, &Scheduler::findRemoved);
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
    if (m_removedRead != repository.path()) {
        findRemoved(); // checks again once read
    }
    QDateTime earliest;
    QString nextUuid;
    QString nextName;
    QSet<QString> seen;
    // Never checked: an interval after Rewind first saw the VM (a removed one: after its
    // newest point), not at once; what a backup has just written was hashed as it was
    // written.
    const auto consider = [&](const QString &uuid, const QString &name, const QDateTime &firstSeen) {
        if (seen.contains(uuid) || !GuiSettings::weeklyCheck(uuid)) {
            return;
        }
        seen.insert(uuid);
        const QDateTime last = GuiSettings::lastVerified(repository.path(), uuid);
        const QDateTime since = last.isValid() ? last : firstSeen;
        QDateTime due = since.isValid() ? since.addDays(m_verifyIntervalDays) : now;
        const QDateTime attempt = m_lastVerifyAttempt.value(uuid);
        if (attempt.isValid() && attempt.addSecs(m_retryDelay) > due) {
            due = attempt.addSecs(m_retryDelay);
        }
        if (!earliest.isValid() || due < earliest) {
            earliest = due;
            nextUuid = uuid;
            nextName = name;
        }
    };
    const auto vms = m_vms->vms();
    for (const VmModel::VmRef &vm : vms) {
        const BackupSummary summary = m_vms->summary(vm.info.uuid);
        if (summary.complete > 0) {
            consider(vm.info.uuid, vm.info.name, summary.knownSince);
        }
    }
    if (m_removedRead == repository.path()) {
        for (const RemovedRef &vm : std::as_const(m_removed)) {
            consider(vm.uuid, vm.name, vm.newestPoint);
        }
    }
    if (nextUuid.isEmpty() || earliest > now || !idle) {
        return earliest.isValid() && earliest > now ? earliest : QDateTime();
    }
    m_lastVerifyAttempt.insert(nextUuid, now);
    qCInfo(lcGui) << "The stored backups of" << nextName << "are due for a check";
    if (Job *job = m_jobs->verify(nextUuid, nextName, QString(), true)) {
        Q_EMIT verifyStarted(job);
    }
    return {}; // the next check comes when this one ends
}

void Scheduler::findRemoved()
{
    const Repository repository = m_jobs->repository();
    if (!repository.isValid()) {
        return;
    }
    if (m_findingRemoved) {
        m_findAgain = true; // what is known changed while the last read ran
        return;
    }
    m_findingRemoved = true;
    QSet<QString> known;
    for (const VmModel::VmRef &vm : m_vms->vms()) {
        known.insert(vm.info.uuid);
    }
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, known] {
            QList<RemovedRef> found;
            for (const RemovedVm &vm : RemovedVm::find(repository, known)) {
                found.append({vm.uuid, vm.name, RemovedVm::pointTime(vm.points.first())});
            }
            return found;
        },
        [this, path = repository.path()](const QList<RemovedRef> &found) {
            m_findingRemoved = false;
            // Checked again only when there is something new to consider.
            const bool changed = found != m_removed;
            m_removed = found;
            m_removedRead = path;
            if (std::exchange(m_findAgain, false)) {
                findRemoved();
            }
            if (changed) {
                replanSoon();
            }
        });
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
    if (job->kind() != Job::Kind::Verify) {
        findRemoved(); // a restore may have brought one back, a delete removed its last point
    }
    replanSoon();
}

} // namespace Rewind
