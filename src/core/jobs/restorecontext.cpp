#include "restorecontext.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "jobs/restoreplan.h"
#include "jobs/verifyoperation.h"
#include "repository/journal.h"

namespace Rewind {

Status RestoreContext::verifyPoint()
{
    control.setPhase(JobPhase::Verify);
    const PointVerdict verdict = VerifyOperation::verifyPoint(repository, vmUuid, point, &control);
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
        tr("Point %1 of '%2' is damaged: %3. Nothing was changed. Restore another point, or add "
           "--ignore-damage to restore what is there.")
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
