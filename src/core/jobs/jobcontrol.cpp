#include "jobcontrol.h"

#include <QCoreApplication>

namespace Rewind {

QString jobPhaseName(JobPhase phase)
{
    switch (phase) {
    case JobPhase::Preparing:
        return QStringLiteral("preparing");
    case JobPhase::Snapshot:
        return QStringLiteral("snapshot");
    case JobPhase::Copy:
        return QStringLiteral("copy");
    case JobPhase::Commit:
        return QStringLiteral("commit");
    case JobPhase::Finalize:
        return QStringLiteral("finalize");
    case JobPhase::Verify:
        return QStringLiteral("verify");
    case JobPhase::Restore:
        return QStringLiteral("restore");
    case JobPhase::Prune:
        return QStringLiteral("prune");
    case JobPhase::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

QString jobPhaseText(JobPhase phase)
{
    switch (phase) {
    case JobPhase::Preparing:
        return QCoreApplication::translate("Rewind", "Preparing");
    case JobPhase::Snapshot:
        return QCoreApplication::translate("Rewind", "Taking snapshot");
    case JobPhase::Copy:
        return QCoreApplication::translate("Rewind", "Copying");
    case JobPhase::Commit:
        return QCoreApplication::translate("Rewind", "Merging changes back");
    case JobPhase::Finalize:
        return QCoreApplication::translate("Rewind", "Finishing");
    case JobPhase::Verify:
        return QCoreApplication::translate("Rewind", "Verifying");
    case JobPhase::Restore:
        return QCoreApplication::translate("Rewind", "Restoring");
    case JobPhase::Prune:
        return QCoreApplication::translate("Rewind", "Pruning");
    case JobPhase::Delete:
        return QCoreApplication::translate("Rewind", "Deleting");
    }
    return {};
}

Error JobControl::cancelledError() const
{
    return Error(ErrorCode::Cancelled, QCoreApplication::translate("Rewind", "Cancelled."));
}

void JobControl::setPhase(JobPhase phase, const QString &detail)
{
    {
        std::lock_guard lock(m_mutex);
        m_phase = phase;
        m_detail = detail;
    }
    report(0, 0, true);
}

JobPhase JobControl::phase() const
{
    std::lock_guard lock(m_mutex);
    return m_phase;
}

void JobControl::report(qint64 done, qint64 total, bool force)
{
    if (!m_progress) {
        return;
    }
    JobPhase phase;
    QString detail;
    {
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (!force && done != total && now - m_lastReport < std::chrono::milliseconds(200)) {
            return;
        }
        m_lastReport = now;
        phase = m_phase;
        detail = m_detail;
    }
    m_progress(phase, done, total, detail);
}

std::function<void(qint64, qint64)> JobControl::subProgress(qint64 offset, qint64 phaseTotal)
{
    return [this, offset, phaseTotal](qint64 done, qint64) {
        report(offset + done, phaseTotal);
    };
}

} // namespace Rewind
