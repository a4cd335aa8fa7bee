#include "restoreoperation.h"

#include "jobs/inplacerestore.h"
#include "jobs/jobcontrol.h"
#include "jobs/newvmrestore.h"
#include "jobs/pointexport.h"
#include "jobs/recovery.h"
#include "jobs/restorecontext.h"
#include "jobs/verifyoperation.h"
#include "logging.h"

namespace Rewind {

namespace {

// "latest" is the newest point that can be restored at all: complete. A newer point
// whose manifest is damaged is not skipped silently, though: the user is told.
Result<PointInfo> findPoint(const Repository &repository, const QString &uuid, const QString &vmName,
    const QString &pointId, QStringList *notes)
{
    auto points = repository.listPoints(uuid);
    if (!points) {
        return points.error();
    }
    if (pointId == QLatin1String("latest")) {
        for (auto it = points->crbegin(); it != points->crend(); ++it) {
            if (it->complete()) {
                return *it;
            }
            if (it->state == PointInfo::State::Damaged) {
                notes->append(RestoreOperation::tr("Point %1 was skipped: its manifest cannot be read (%2).")
                                  .arg(it->id, it->manifestError.message()));
            }
        }
        return Error(ErrorCode::NotFound,
            RestoreOperation::tr("'%1' has no complete backup point in %2. Back it up first.")
                .arg(vmName, repository.path()));
    }
    for (const PointInfo &p : std::as_const(*points)) {
        if (p.id != pointId) {
            continue;
        }
        switch (p.state) {
        case PointInfo::State::Complete:
            return p;
        case PointInfo::State::Incomplete:
            return Error(ErrorCode::NotFound,
                RestoreOperation::tr("Point %1 of '%2' is incomplete (an interrupted backup) and cannot be "
                                     "restored. 'rewindctl points %3' lists the complete ones.")
                    .arg(pointId, vmName, vmName));
        case PointInfo::State::Damaged:
            return Error(ErrorCode::Damaged,
                RestoreOperation::tr("The manifest of point %1 of '%2' cannot be read (%3), so Rewind does "
                                     "not know what the point holds. Restore another point.")
                    .arg(pointId, vmName, p.manifestError.message()),
                p.manifestError.detail());
        }
    }
    return Error(ErrorCode::NotFound,
        RestoreOperation::tr("'%1' has no point %2. 'rewindctl points %3' lists its points.")
            .arg(vmName, pointId, vmName));
}

} // namespace

RestoreOperation::RestoreOperation(
    Libvirt::ConnectHandle conn, Repository repository, RestoreRequest request, JobControl &control)
    : m_conn(std::move(conn))
    , m_repository(std::move(repository))
    , m_request(std::move(request))
    , m_control(control)
{ }

Result<RestoreOutcome> RestoreOperation::run()
{
    m_control.setPhase(JobPhase::Preparing);
    RestoreContext ctx(m_conn, m_repository, m_request, m_control);
    auto uuid = resolveVmUuid(m_repository, m_request.vm);
    if (!uuid) {
        return uuid.error();
    }
    ctx.vmUuid = *uuid;
    auto record = m_repository.loadVm(ctx.vmUuid);
    ctx.vmName = record && !record->currentName().isEmpty() ? record->currentName() : m_request.vm;

    auto lock = RepositoryLock::acquire(m_repository, ctx.vmUuid, ctx.vmName, QStringLiteral("restore"));
    if (!lock) {
        return lock.error();
    }
    ctx.lock = std::move(*lock);
    // Leftovers of a killed job on this VM are repaired before anything new starts.
    auto repaired = Recovery::recoverVm(m_conn, m_repository, ctx.vmUuid, ctx.lock);
    if (!repaired) {
        return repaired.error();
    }
    ctx.notes += *repaired;

    auto point = findPoint(m_repository, ctx.vmUuid, ctx.vmName, m_request.pointId, &ctx.notes);
    if (!point) {
        return point.error();
    }
    ctx.point = *point;
    ctx.manifest = *point->manifest;
    ctx.vmName = ctx.manifest.domainName.isEmpty() ? ctx.vmName : ctx.manifest.domainName;
    if (ctx.manifest.disks.isEmpty()) {
        return Error(ErrorCode::Damaged, tr("Point %1 of '%2' holds no disk.").arg(ctx.point.id, ctx.vmName));
    }
    qCInfo(lcJobs) << "Restoring point" << ctx.point.id << "of" << ctx.vmName << "mode"
                   << int(m_request.mode);

    Result<RestoreOutcome> outcome = Error(ErrorCode::Failed, {});
    switch (m_request.mode) {
    case RestoreRequest::Mode::InPlace:
        outcome = InPlaceRestore(ctx).run();
        break;
    case RestoreRequest::Mode::AsNewVm:
        outcome = NewVmRestore(ctx).run();
        break;
    case RestoreRequest::Mode::Export:
        outcome = PointExport(ctx).run();
        break;
    }
    if (!outcome) {
        const Error &e = outcome.error();
        qCInfo(lcJobs).noquote() << e.toString();
        return e.withContext(ctx.failurePrefix());
    }
    outcome->mode = m_request.mode;
    outcome->pointId = ctx.point.id;
    outcome->method = ctx.manifest.method;
    outcome->notes = ctx.notes + outcome->notes;
    return outcome;
}

} // namespace Rewind
