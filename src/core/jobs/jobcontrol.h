#pragma once

#include "error.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

namespace Rewind {

/// The phases a job reports; the GUI shows them and the journal records them.
enum class JobPhase {
    Preparing,
    Snapshot,
    Copy,
    Commit,
    Finalize,
    Verify,
    Restore,
    Prune,
    Delete, ///< points the user chose, removed the way a prune removes them
};

QString jobPhaseName(JobPhase phase); ///< "snapshot", stable
QString jobPhaseText(JobPhase phase); ///< translated

/// The link between a job's worker and whoever watches it: a cancel flag the worker
/// polls between chunks, and a progress sink the worker calls. Thread-safe; the worker
/// owns no QObject. Progress reports are rate-limited here (about 5 per second, plus
/// every phase change and the final amount) so a fast copy cannot flood the GUI.
class JobControl
{
public:
    using ProgressFn = std::function<void(JobPhase phase, qint64 done, qint64 total, const QString &detail)>;

    JobControl() = default;
    explicit JobControl(ProgressFn progress) : m_progress(std::move(progress)) { }

    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load() || (m_external && m_external->load()); }
    /// Also honour a flag owned elsewhere (the CLI's SIGINT flag).
    void linkCancelFlag(const std::atomic_bool *flag) { m_external = flag; }
    const std::atomic_bool *cancelFlag() const { return &m_cancelled; }
    Error cancelledError() const;

    void setPhase(JobPhase phase, const QString &detail = {});
    JobPhase phase() const;
    /// done/total of the current phase; forced reports bypass the rate limit.
    void report(qint64 done, qint64 total, bool force = false);
    /// A progress function for a sub-step whose amounts are offset within the phase.
    std::function<void(qint64, qint64)> subProgress(qint64 offset, qint64 phaseTotal);

private:
    ProgressFn m_progress;
    std::atomic_bool m_cancelled {false};
    const std::atomic_bool *m_external = nullptr;
    mutable std::mutex m_mutex;
    JobPhase m_phase = JobPhase::Preparing;
    QString m_detail;
    std::chrono::steady_clock::time_point m_lastReport {};
};

} // namespace Rewind
