#include "job.h"

#include "jobs/pruneoperation.h"
#include "jobs/verifyoperation.h"
#include "libvirt/domain.h"
#include "logging.h"
#include "repository/vmrecord.h"
#include "workers.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMutex>
#include <QPointer>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <optional>

namespace Rewind {

QString JobOutcome::text(const QString &separator) const
{
    QStringList parts = notes;
    if (!summary.isEmpty()) {
        parts.prepend(summary);
    }
    return parts.join(separator);
}

namespace {
std::atomic<quint64> nextJobId {1};
constexpr int EmitIntervalMs = 200; // ~5 progress signals per second
constexpr qint64 RateWindowMs = 4000;
} // namespace

/// What the worker and the Job share. The worker writes the latest progress here and
/// posts a drain() only when none is pending; the Job reads it on its own thread.
struct Job::Shared
{
    struct PhaseEvent
    {
        JobPhase phase;
        QString detail;
    };

    explicit Shared(Job *job) : target(job)
    {
        control = std::make_unique<JobControl>(
            [this](JobPhase phase, qint64 done, qint64 total, const QString &detail) {
                report(phase, done, total, detail);
            });
    }

    void post()
    {
        // Called with mutex held.
        if (posted || !target) {
            return;
        }
        posted = true;
        QMetaObject::invokeMethod(target, &Job::drain, Qt::QueuedConnection);
    }

    void report(JobPhase phase, qint64 done, qint64 total, const QString &detail)
    {
        QMutexLocker locker(&mutex);
        if (!havePhase || phase != lastPhase || detail != lastDetail) {
            phases.append({phase, detail});
            lastPhase = phase;
            lastDetail = detail;
            havePhase = true;
        }
        this->done = done;
        this->total = total;
        haveAmounts = true;
        post();
    }

    /// False when the job was abandoned before a worker picked it up.
    bool markStarted()
    {
        QMutexLocker locker(&mutex);
        if (abandoned) {
            return false;
        }
        started = everStarted = true;
        post();
        return true;
    }

    /// Gives the job up if no worker runs it yet; then none ever will.
    bool tryAbandon()
    {
        QMutexLocker locker(&mutex);
        if (everStarted) {
            return false;
        }
        abandoned = true;
        return true;
    }

    // The result goes the same way as progress, so it always arrives after the last
    // progress post and never synchronously: QFuture::then(context, ...) would call its
    // continuation inline (AutoConnection) when the future is already finished by the
    // time it is attached, which would emit finished() from inside start().
    void finish(Result<JobOutcome> r)
    {
        QMutexLocker locker(&mutex);
        result = std::move(r);
        if (target) {
            QMetaObject::invokeMethod(target, &Job::onWorkDone, Qt::QueuedConnection);
        }
    }

    std::unique_ptr<JobControl> control;
    QMutex mutex;
    Job *target; // cleared by ~Job under mutex
    bool posted = false;
    bool started = false; ///< a start not yet drained
    bool everStarted = false;
    bool abandoned = false;
    QList<PhaseEvent> phases;
    bool havePhase = false;
    JobPhase lastPhase = JobPhase::Preparing;
    QString lastDetail;
    qint64 done = 0;
    qint64 total = 0;
    bool haveAmounts = false;
    std::optional<Result<JobOutcome>> result;
};

Job::Job(Kind kind, const QString &title, Work work, QObject *parent)
    : QObject(parent)
    , m_id(nextJobId++)
    , m_kind(kind)
    , m_title(title)
    , m_work(std::move(work))
    , m_shared(std::make_shared<Shared>(this))
{
    m_emitTimer.setSingleShot(true);
    connect(&m_emitTimer, &QTimer::timeout, this, &Job::emitProgressLimited);
}

Job::~Job()
{
    QMutexLocker locker(&m_shared->mutex);
    m_shared->target = nullptr;
    // A running worker keeps m_shared alive and finishes on its own.
    if (m_started && !isFinished()) {
        m_shared->control->cancel();
    }
}

void Job::setVm(const QString &uuid, const QString &name)
{
    m_vmUuid = uuid;
    m_vmName = name;
}

bool Job::isFinished() const
{
    return m_state == State::Succeeded || m_state == State::Failed || m_state == State::Cancelled;
}

int Job::percent() const
{
    if (m_total <= 0) {
        return -1;
    }
    return int(std::clamp<qint64>(m_done * 100 / m_total, 0, 100));
}

qint64 Job::etaSeconds() const
{
    if (m_rate <= 0 || m_total <= 0 || m_done >= m_total || isFinished()) {
        return -1;
    }
    return qint64(double(m_total - m_done) / m_rate + 0.5);
}

Job *Job::clone(QObject *parent) const
{
    auto *job = new Job(m_kind, m_title, m_work, parent);
    job->setVm(m_vmUuid, m_vmName);
    return job;
}

QString Job::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Backup:
        return QStringLiteral("backup");
    case Kind::Restore:
        return QStringLiteral("restore");
    case Kind::Verify:
        return QStringLiteral("verify");
    case Kind::Prune:
        return QStringLiteral("prune");
    }
    return {};
}

QString Job::stateText(State state)
{
    switch (state) {
    case State::Queued:
        return QCoreApplication::translate("Rewind::Job", "Waiting");
    case State::Running:
        return QCoreApplication::translate("Rewind::Job", "Running");
    case State::Succeeded:
        return QCoreApplication::translate("Rewind::Job", "Done");
    case State::Failed:
        return QCoreApplication::translate("Rewind::Job", "Failed");
    case State::Cancelled:
        return QCoreApplication::translate("Rewind::Job", "Cancelled");
    }
    return {};
}

void Job::start()
{
    if (m_started || isFinished()) {
        return;
    }
    m_started = true;
    appendLog(tr("Queued: %1").arg(m_title));
    std::shared_ptr<Shared> shared = m_shared;
    (void)QtConcurrent::run(Workers::jobPool(), [shared, work = m_work] {
        if (!shared->markStarted()) {
            return;
        }
        JobControl &control = *shared->control;
        if (control.isCancelled()) {
            shared->finish(control.cancelledError());
            return;
        }
        control.setPhase(JobPhase::Preparing);
        shared->finish(work(control));
    });
}

void Job::cancel()
{
    if (isFinished()) {
        return;
    }
    m_shared->control->cancel();
    if (m_state == State::Queued && (!m_started || m_shared->tryAbandon())) {
        // No worker runs it (nor ever will): the user sees the job end now. A worker
        // that already started is waited for like any running one.
        appendLog(tr("Cancelled before it started."));
        m_error = m_shared->control->cancelledError();
        m_finishedAt = QDateTime::currentDateTimeUtc();
        setState(State::Cancelled);
        Q_EMIT finished();
        return;
    }
    if (!m_cancelRequested) {
        m_cancelRequested = true;
        appendLog(tr("Cancel requested."));
        Q_EMIT progressChanged();
    }
}

void Job::drain()
{
    bool started;
    QList<Shared::PhaseEvent> phases;
    qint64 done = 0, total = 0;
    bool haveAmounts;
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->posted = false;
        started = std::exchange(m_shared->started, false);
        phases = std::exchange(m_shared->phases, {});
        haveAmounts = std::exchange(m_shared->haveAmounts, false);
        done = m_shared->done;
        total = m_shared->total;
    }
    if (isFinished()) {
        return;
    }
    if (started && m_state == State::Queued) {
        m_startedAt = QDateTime::currentDateTimeUtc();
        appendLog(tr("Started."));
        setState(State::Running);
    }
    for (const auto &p : std::as_const(phases)) {
        m_phase = p.phase;
        m_phaseDetail = p.detail;
        m_done = 0;
        m_total = 0;
        m_rate = 0;
        m_samples.clear();
        m_phaseClock.start();
        appendLog(p.detail.isEmpty() ? jobPhaseText(p.phase)
                                     : QStringLiteral("%1: %2").arg(jobPhaseText(p.phase), p.detail));
        Q_EMIT phaseChanged();
    }
    if (haveAmounts) {
        applyProgress(done, total);
    }
}

void Job::applyProgress(qint64 done, qint64 total)
{
    if (done == m_done && total == m_total) {
        return;
    }
    m_done = done;
    m_total = total;
    if (!m_phaseClock.isValid()) {
        m_phaseClock.start();
    }
    const qint64 now = m_phaseClock.elapsed();
    m_samples.append({now, done});
    while (m_samples.size() > 2 && now - m_samples.first().first > RateWindowMs) {
        m_samples.removeFirst();
    }
    const auto &first = m_samples.first();
    const qint64 dt = now - first.first;
    m_rate = dt >= 300 ? double(done - first.second) * 1000.0 / double(dt) : m_rate;
    if (m_rate < 0) {
        m_rate = 0;
    }
    if (!m_lastEmit.isValid() || m_lastEmit.elapsed() >= EmitIntervalMs) {
        emitProgressLimited();
    } else if (!m_emitTimer.isActive()) {
        m_emitTimer.start(int(EmitIntervalMs - m_lastEmit.elapsed()));
    }
}

void Job::emitProgressLimited()
{
    m_emitTimer.stop();
    m_lastEmit.start();
    Q_EMIT progressChanged();
}

void Job::onWorkDone()
{
    drain(); // the last amounts, in case their post is still queued
    std::optional<Result<JobOutcome>> taken;
    {
        QMutexLocker locker(&m_shared->mutex);
        taken = std::exchange(m_shared->result, std::nullopt);
    }
    if (isFinished() || !taken) {
        return; // cancelled while queued
    }
    const Result<JobOutcome> &result = *taken;
    if (m_state == State::Queued) {
        m_startedAt = QDateTime::currentDateTimeUtc();
    }
    m_finishedAt = QDateTime::currentDateTimeUtc();
    m_emitTimer.stop();
    m_rate = 0;
    State state;
    if (result) {
        m_outcome = result.value();
        for (const QString &note : std::as_const(m_outcome.notes)) {
            appendLog(note);
        }
        appendLog(m_outcome.summary.isEmpty() ? tr("Finished.") : m_outcome.summary);
        state = State::Succeeded;
    } else {
        m_error = result.error();
        if (m_error.code() == ErrorCode::Cancelled) {
            appendLog(tr("Cancelled: %1").arg(m_error.message()));
            state = State::Cancelled;
        } else {
            appendLog(tr("Failed: %1").arg(m_error.message()));
            if (!m_error.detail().isEmpty()) {
                appendLog(tr("Detail: %1").arg(m_error.detail()));
            }
            qCWarning(lcJobs) << "Job" << m_id << m_title << "failed:" << m_error.toString();
            state = State::Failed;
        }
    }
    Q_EMIT progressChanged();
    setState(state);
    Q_EMIT finished();
}

void Job::setState(State state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Job::appendLog(const QString &line)
{
    m_log.append(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) + QLatin1Char(' ') + line);
    Q_EMIT logChanged();
}

// ---- BackupJob ------------------------------------------------------------------------

namespace {

// After each backup the application makes, the points the VM's retention rules no longer
// keep go, as Proxmox VE and Kup do it; the rules are the user's, set in Backup Settings
// or with `rewindctl policy`. Without rules nothing is removed. The new point is stored
// by then, so a prune that fails does not fail the backup: it leaves everything as it
// was (PruneOperation is journalled) and says so in a note.
QStringList applyRetention(const Repository &repository, const QString &vmUuid, JobControl &control)
{
    // Only the retention rules matter here: a schedule that cannot be read must not stop
    // them (PruneOperation reads them again, under the VM's lock).
    const auto record = repository.loadVm(vmUuid);
    if (!record && record.error().code() == ErrorCode::NotFound) {
        return {};
    }
    const auto rules
        = record ? RetentionPolicy::fromJson(record->retention) : Result<RetentionPolicy>(record.error());
    if (!rules) {
        return {QCoreApplication::translate("Rewind::Job", "Retention was not applied: %1")
                    .arg(rules.error().message())};
    }
    if (rules->keepsEverything()) {
        return {};
    }
    PruneRequest request;
    request.vm = vmUuid;
    PruneOperation prune(repository, request, control);
    const auto pruned = prune.run();
    if (!pruned) {
        return {QCoreApplication::translate("Rewind::Job", "Retention was not applied: %1")
                    .arg(pruned.error().message())};
    }
    QStringList notes = pruned->notes;
    if (!pruned->removed.isEmpty()) {
        notes << QCoreApplication::translate("Rewind::Job", "Retention removed %n older point(s) (%1 freed).",
            nullptr, int(pruned->removed.size()))
                     .arg(QLocale().formattedDataSize(pruned->freedBytes));
    }
    return notes;
}

Result<JobOutcome> runBackup(
    const QString &uri, const Repository &repository, const BackupRequest &request, JobControl &control)
{
    auto conn = Libvirt::openConnection(uri);
    if (!conn) {
        return conn.error();
    }
    if (control.isCancelled()) {
        return control.cancelledError();
    }
    BackupOperation op(*conn, repository, request, control);
    auto outcome = op.run();
    if (!outcome) {
        return outcome.error();
    }
    const qint64 stored = outcome->manifest.storedBytes();
    JobOutcome out;
    out.pointId = outcome->pointId;
    out.notes = outcome->notes + applyRetention(repository, outcome->manifest.domainUuid, control);
    out.summary
        = QCoreApplication::translate("Rewind::Job", "Point %1 of '%2' stored (%3).")
              .arg(outcome->pointId, outcome->manifest.domainName, QLocale().formattedDataSize(stored));
    return out;
}

} // namespace

BackupJob::BackupJob(const QString &uri, const Repository &repository, const BackupRequest &request,
    const QString &vmName, QObject *parent)
    : Job(
        Kind::Backup, tr("Back up '%1'").arg(vmName.isEmpty() ? request.domain : vmName),
        [uri, repository, request](
            JobControl &control) { return runBackup(uri, repository, request, control); },
        parent)
    , m_uri(uri)
    , m_repository(repository)
    , m_request(request)
{ }

Job *BackupJob::clone(QObject *parent) const
{
    auto *job = new BackupJob(m_uri, m_repository, m_request, vmName(), parent);
    job->setVm(vmUuid(), vmName());
    return job;
}

// ---- VerifyJob ------------------------------------------------------------------------

namespace {

Result<JobOutcome> runVerify(
    const Repository &repository, const QString &vm, const QString &pointId, JobControl &control)
{
    VerifyOperation op(repository, vm, pointId, control);
    auto verdicts = op.run();
    if (!verdicts) {
        return verdicts.error();
    }
    QStringList problems;
    int ok = 0;
    for (const PointVerdict &v : std::as_const(*verdicts)) {
        if (v.ok) {
            ++ok;
            continue;
        }
        for (const QString &p : v.problems) {
            problems.append(QStringLiteral("%1 %2: %3").arg(v.vmName, v.pointId, p));
        }
    }
    if (!problems.isEmpty()) {
        return Error(ErrorCode::Damaged,
            QCoreApplication::translate("Rewind::Job",
                "%n point(s) do not match what was stored. Keep them for forensics, and make a new "
                "backup so a good point exists.",
                nullptr, int(verdicts->size()) - ok),
            problems.join(QLatin1Char('\n')));
    }
    JobOutcome out;
    out.summary
        = QCoreApplication::translate("Rewind::Job", "%n point(s) verified, all intact.", nullptr, ok);
    return out;
}

} // namespace

VerifyJob::VerifyJob(const Repository &repository, const QString &vm, const QString &pointId,
    const QString &vmName, QObject *parent)
    : Job(
        Kind::Verify,
        pointId.isEmpty() ? tr("Verify backups of '%1'").arg(vmName.isEmpty() ? vm : vmName)
                          : tr("Verify point %1 of '%2'").arg(pointId, vmName.isEmpty() ? vm : vmName),
        [repository, vm, pointId](
            JobControl &control) { return runVerify(repository, vm, pointId, control); },
        parent)
    , m_repository(repository)
    , m_vm(vm)
    , m_pointId(pointId)
{ }

Job *VerifyJob::clone(QObject *parent) const
{
    auto *job = new VerifyJob(m_repository, m_vm, m_pointId, vmName(), parent);
    job->setVm(vmUuid(), vmName());
    return job;
}

} // namespace Rewind
