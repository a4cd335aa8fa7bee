#pragma once

#include "error.h"
#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "repository/repository.h"
#include "result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace Rewind {

/// What a finished job produced, for the UI and the log.
struct JobOutcome
{
    QString summary; ///< one sentence for people: "Point 20261126T101500Z stored (1.2 GiB)."
    QString pointId; ///< the point a backup created, if any
    QStringList notes; ///< things the user should know (skipped disks, repairs, points pruned)

    /// The summary, then the notes, joined by separator: what a finished job tells the
    /// user where it shows one text (the jobs list, a notification). Empty when both are.
    QString text(const QString &separator = QStringLiteral(" ")) const;
};

/// One unit of work the user started or the scheduler started (a backup, a verify...),
/// as the GUI sees it: a QObject on the GUI thread with a state, a phase, byte amounts, a
/// rate and an ETA, an Error when it failed, and cancel().
///
/// The work itself is a synchronous function (usually an Operation's run()) that start()
/// runs in Workers::jobPool() with a JobControl. The worker never touches this object:
/// its progress reports land in a small shared state and at most one queued call is in
/// flight at a time, so a fast worker cannot flood the event loop; the signals are then
/// rate-limited again to about five per second (phase and state changes always go out at
/// once). A job whose worker is still running may be deleted: the worker finishes on its
/// own and its result is dropped.
///
/// A job runs once. retry() in the UI means clone() + start().
class Job : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Backup, Restore, Verify, Prune };
    Q_ENUM(Kind)
    enum class State { Queued, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    using Work = std::function<Result<JobOutcome>(JobControl &control)>;

    Job(Kind kind, const QString &title, Work work, QObject *parent = nullptr);
    ~Job() override;

    /// Unique in the process, increasing in creation order.
    quint64 id() const { return m_id; }
    Kind kind() const { return m_kind; }
    QString title() const { return m_title; }
    /// The VM the job works on (empty for jobs that span VMs); for grouping and messages.
    QString vmUuid() const { return m_vmUuid; }
    QString vmName() const { return m_vmName; }
    void setVm(const QString &uuid, const QString &name);

    State state() const { return m_state; }
    bool isFinished() const;
    /// True once cancel() was called on a job that was still running.
    bool isCancelRequested() const { return m_cancelRequested; }
    JobPhase phase() const { return m_phase; }
    QString phaseDetail() const { return m_phaseDetail; }
    qint64 doneBytes() const { return m_done; }
    qint64 totalBytes() const { return m_total; }
    /// 0..100, or -1 while the amount is unknown (phases without byte counts).
    int percent() const;
    /// Bytes per second over the last few seconds of the current phase; 0 when unknown.
    double bytesPerSecond() const { return m_rate; }
    /// Seconds left in the current phase at the current rate; -1 when unknown.
    qint64 etaSeconds() const;
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime finishedAt() const { return m_finishedAt; }
    Error error() const { return m_error; }
    JobOutcome outcome() const { return m_outcome; }
    /// Timestamped lines: start, phases, notes, the error with its detail.
    QStringList log() const { return m_log; }

    /// A new, queued job that does the same work (for "Retry"). Subclasses with their own
    /// state override this.
    virtual Job *clone(QObject *parent = nullptr) const;

    static QString kindName(Kind kind); ///< "backup", stable
    static QString stateText(State state); ///< translated

public Q_SLOTS:
    /// Queues the work in Workers::jobPool(); the state becomes Running when a worker
    /// picks it up. Calling it again does nothing.
    void start();
    /// Asks the worker to stop at its next check; a queued job is cancelled at once.
    /// The state becomes Cancelled when the work returns ErrorCode::Cancelled (a backup
    /// first puts the VM back on its images) or Succeeded if it was already done.
    void cancel();

Q_SIGNALS:
    void stateChanged(Rewind::Job::State state);
    void phaseChanged();
    /// Amounts, rate or ETA changed; at most about five times a second.
    void progressChanged();
    void logChanged();
    /// Emitted once, after the last stateChanged().
    void finished();

protected:
    Work work() const { return m_work; }

private:
    struct Shared;
    void drain();
    void applyProgress(qint64 done, qint64 total);
    void emitProgressLimited();
    void onWorkDone();
    void setState(State state);
    void appendLog(const QString &line);

    const quint64 m_id;
    const Kind m_kind;
    const QString m_title;
    const Work m_work;
    std::shared_ptr<Shared> m_shared;
    QString m_vmUuid;
    QString m_vmName;
    State m_state = State::Queued;
    bool m_started = false;
    bool m_cancelRequested = false;
    JobPhase m_phase = JobPhase::Preparing;
    QString m_phaseDetail;
    qint64 m_done = 0;
    qint64 m_total = 0;
    double m_rate = 0;
    QList<std::pair<qint64, qint64>> m_samples; ///< (ms since phase start, done) for the rate
    QElapsedTimer m_phaseClock;
    QElapsedTimer m_lastEmit;
    QTimer m_emitTimer;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    Error m_error;
    JobOutcome m_outcome;
    QStringList m_log;
};

/// A backup of one VM: a BackupOperation with its own libvirt connection, opened inside
/// the worker (libvirt connections are thread-safe, but a private one keeps a long copy
/// from sharing an RPC channel with the inventory's listings).
class BackupJob : public Job
{
    Q_OBJECT
public:
    BackupJob(const QString &uri, const Repository &repository, const BackupRequest &request,
        const QString &vmName, QObject *parent = nullptr);

    QString uri() const { return m_uri; }
    Repository repository() const { return m_repository; }
    BackupRequest request() const { return m_request; }
    Job *clone(QObject *parent = nullptr) const override;

private:
    QString m_uri;
    Repository m_repository;
    BackupRequest m_request;
};

/// Re-reads stored points (VerifyOperation); fails with ErrorCode::Damaged when any point
/// does not match its manifest, naming the points and files.
class VerifyJob : public Job
{
    Q_OBJECT
public:
    /// vm: name or UUID, empty for every VM; pointId empty for all of the VM's points.
    VerifyJob(const Repository &repository, const QString &vm, const QString &pointId, const QString &vmName,
        QObject *parent = nullptr);
    Job *clone(QObject *parent = nullptr) const override;
    /// The point checked; empty when every point of the VM (or of every VM) is.
    QString pointId() const { return m_pointId; }

private:
    Repository m_repository;
    QString m_vm;
    QString m_pointId;
};

} // namespace Rewind
