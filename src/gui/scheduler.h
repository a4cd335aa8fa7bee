#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Rewind {

class Job;
class JobManager;
class VmModel;

/// Runs the scheduled backups while the application runs: each VM whose vm.json holds a
/// schedule is backed up when Schedule::nextRun() (from its last good point) comes. One
/// single-shot QTimer aims at the earliest run; it is re-aimed whenever summaries change,
/// a job ends or an hour passes (clock changes), and a minute after the computer wakes up:
/// its timer does not count the time asleep, so without that a backup missed during the
/// night could wait until the hourly check.
///
/// Once a week, when no job runs, the stored points of each VM (scheduled or backed up
/// by hand, or deleted from libvirt since: its points may be the only copy of it left)
/// are read back and checked (a verify job, one VM at a time), so that damage is found
/// and notified before a restore needs them.
///
/// A failed scheduled backup is not retried at once (nextRun() would say "now" again):
/// the VM waits retryDelay first. VMs whose connection is down wait for it. A VM whose
/// schedule is overdue by more than a period, and whose backup does not start at that
/// check, is reported once per check (the Notifier throttles), which is the "no backup for
/// N days" warning.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(VmModel *vms, JobManager *jobs, QObject *parent = nullptr);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setRetryDelaySeconds(int seconds) { m_retryDelay = seconds; }
    void setResumeDelaySeconds(int seconds) { m_resumeDelay = seconds; }
    /// How often the stored points of a VM are checked; 0: never.
    void setVerifyIntervalDays(int days) { m_verifyIntervalDays = days; }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    /// When the next scheduled backup is due (invalid when none is scheduled).
    QDateTime nextBackup() const { return m_nextBackup; }
    /// The VM whose backup that is for.
    QString nextBackupVmName() const { return m_nextBackupVmName; }

public Q_SLOTS:
    /// Starts what is due now and re-aims the timer.
    void check();
    /// The computer woke up from sleep: check once the session and drives have settled.
    void resumed();

Q_SIGNALS:
    void backupStarted(Rewind::Job *job);
    void verifyStarted(Rewind::Job *job);
    void overdue(const QString &vmUuid, const QString &vmName, const QDateTime &lastSuccess);
    /// nextBackup() or nextBackupVmName() changed.
    void planChanged();

private:
    /// A VM with points that no connection defines (RemovedVm), as far as the weekly
    /// check needs it.
    struct RemovedRef
    {
        QString uuid;
        QString name;
        QDateTime newestPoint;

        bool operator==(const RemovedRef &) const = default;
    };

    void replanSoon();
    /// Reads which VMs of the repository are removed, in a worker (file I/O), then checks.
    void findRemoved();
    QDateTime checkStoredPoints(const QDateTime &now, bool idle);
    void onJobFinished(Rewind::Job *job);

    VmModel *m_vms;
    JobManager *m_jobs;
    QTimer m_timer;
    QTimer m_replan;
    QTimer m_resumeCheck;
    std::function<QDateTime()> m_clock;
    QHash<QString, QDateTime> m_lastAttempt;
    QHash<QString, QDateTime> m_lastVerifyAttempt;
    QList<RemovedRef> m_removed;
    QString m_removedRead; ///< the repository m_removed was read from
    bool m_findingRemoved = false;
    bool m_findAgain = false;
    void setPlan(const QDateTime &next, const QString &vmName);

    QDateTime m_nextBackup;
    QString m_nextBackupVmName;
    int m_retryDelay = 30 * 60;
    int m_resumeDelay = 60;
    int m_verifyIntervalDays = 7;
    bool m_enabled = true;
};

} // namespace Rewind
