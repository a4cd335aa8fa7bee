#include "pointprotection.h"

#include "logging.h"
#include "repository/pointid.h"
#include "repository/repositorylock.h"

namespace Rewind {

Result<QString> PointProtection::resolvePoint(
    const Repository &repository, const QString &vmUuid, const QString &point)
{
    if (point == QLatin1String("latest")) {
        auto points = repository.listPoints(vmUuid);
        if (!points) {
            return points.error();
        }
        for (auto it = points->crbegin(); it != points->crend(); ++it) {
            if (it->complete()) {
                return it->id;
            }
        }
        return Error(ErrorCode::NotFound, tr("The VM has no complete backup point yet. Back it up first."));
    }
    if (!PointId::isValid(point)) {
        return Error(ErrorCode::Usage,
            tr("'%1' is not a point id. Give an id as listed by rewindctl points (like 20261126T101500Z), or "
               "\"latest\".")
                .arg(point));
    }
    auto info = repository.point(vmUuid, point);
    if (!info) {
        return info.error();
    }
    return point;
}

Result<PointManifest> PointProtection::setProtected(
    const Repository &repository, const QString &vmUuid, const QString &pointId, bool isProtected)
{
    auto before = repository.point(vmUuid, pointId);
    if (!before) {
        return before.error();
    }
    const QString vmName = before->manifest ? before->manifest->domainName : vmUuid;
    auto lock = RepositoryLock::acquire(
        repository, vmUuid, vmName, isProtected ? QStringLiteral("protect") : QStringLiteral("unprotect"));
    if (!lock) {
        return lock.error();
    }
    // Read again under the lock: a prune may have removed or rewritten the point meanwhile.
    auto point = repository.point(vmUuid, pointId);
    if (!point) {
        return point.error();
    }
    if (point->state == PointInfo::State::Incomplete) {
        return Error(ErrorCode::NotFound,
            tr("The point %1 is incomplete (an interrupted backup); it cannot be marked.").arg(pointId));
    }
    if (point->state == PointInfo::State::Damaged || !point->manifest) {
        return Error(ErrorCode::Damaged,
            tr("The manifest of point %1 cannot be read, so it cannot be marked. Check it with rewindctl "
               "verify.")
                .arg(pointId),
            point->manifestError.toString());
    }
    PointManifest manifest = *point->manifest;
    if (manifest.isProtected == isProtected) {
        return manifest;
    }
    manifest.isProtected = isProtected;
    if (Status s = repository.commitPoint(vmUuid, pointId, manifest, *lock); !s) {
        return s.error();
    }
    qCInfo(lcJobs) << "Point" << pointId << "of" << vmName
                   << (isProtected ? "marked golden" : "no longer golden");
    return manifest;
}

} // namespace Rewind
