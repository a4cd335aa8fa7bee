#include "restorecontext.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "jobs/restoreplan.h"
#include "jobs/verifyoperation.h"
#include "repository/journal.h"

#include <future>

namespace Rewind {

struct RestoreContext::BackgroundVerify
{
    JobControl control; ///< its own: the check reports no progress and is stopped alone
    std::future<PointVerdict> verdict;
};

RestoreContext::RestoreContext(Libvirt::ConnectHandle c, Repository r, RestoreRequest q, JobControl &jc)
    : conn(std::move(c)), repository(std::move(r)), request(std::move(q)), control(jc)
{ }

RestoreContext::~RestoreContext()
{
    if (m_verify && m_verify->verdict.valid()) {
        m_verify->control.cancel();
        m_verify->verdict.wait();
    }
}

void RestoreContext::startVerify()
{
    m_verify = std::make_unique<BackgroundVerify>();
    m_verify->verdict = std::async(std::launch::async,
        [repository = repository, uuid = vmUuid, point = point, verifyControl = &m_verify->control] {
            // The check is usually ahead of the copy (hashing is faster than writing): it
            // leaves the pages it read for the copy, which drops them behind itself.
            return VerifyOperation::verifyPoint(repository, uuid, point, verifyControl, false);
        });
}

Status RestoreContext::finishVerify()
{
    if (!m_verify) {
        startVerify();
    }
    control.setPhase(JobPhase::Verify);
    using namespace std::chrono_literals;
    while (m_verify->verdict.wait_for(50ms) != std::future_status::ready) {
        if (control.isCancelled()) {
            m_verify->control.cancel();
        }
    }
    const PointVerdict verdict = m_verify->verdict.get();
    m_verify.reset();
    if (control.isCancelled()) {
        return control.cancelledError();
    }
    if (verdict.ok) {
        return {};
    }
    const QString problems = verdict.problems.join(QStringLiteral("; "));
    if (request.ignoreDamage) {
        notes << tr(
            "Point %1 is damaged (%2); it is restored anyway, as asked with --ignore-damage. Check the "
            "restored VM's data.")
                     .arg(point.id, problems);
        return {};
    }
    return Error(ErrorCode::Damaged,
        tr("Point %1 of '%2' is damaged: %3. Restore another point, or add --ignore-damage to restore "
           "what is there.")
            .arg(point.id, vmName, problems));
}

Result<Journal> RestoreContext::beginJournal(const QJsonObject &payload) const
{
    QJsonObject p = payload;
    p.insert(QLatin1String(RestoreJournal::PointId), point.id);
    return Journal::begin(repository, vmUuid, vmName, Journal::Kind::Restore, p);
}

QString RestoreContext::scratchDir() const
{
    return repository.vmDir(vmUuid);
}

QString RestoreContext::failurePrefix() const
{
    switch (request.mode) {
    case RestoreRequest::Mode::InPlace:
        return tr("Restore of '%1' failed: ").arg(vmName);
    case RestoreRequest::Mode::AsNewVm:
        return tr("Restore of '%1' as '%2' failed: ").arg(vmName, request.newName);
    case RestoreRequest::Mode::Export:
        return tr("Export of point %1 of '%2' failed: ").arg(point.id, vmName);
    }
    return {};
}

Status RestoreContext::writeImage(const RestoreFiles::ImageSpec &spec, qint64 done, qint64 total)
{
    static const bool stallInCopy = qgetenv("REWIND_FAULT_STALL") == "restore-copying";
    return RestoreFiles::writeImage(conn, spec, control, [&](qint64 n) {
        control.report(done + n, total);
        if (stallInCopy && n > 0) {
            faultPoint("restore-copying");
        }
    });
}

} // namespace Rewind
