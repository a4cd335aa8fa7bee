#include "backupsummary.h"

namespace Rewind {

QDateTime BackupSummary::nextRun(const QDateTime &now) const
{
    return schedule ? schedule->nextRun(lastSuccess, now) : QDateTime();
}

bool BackupSummary::isOverdue(const QDateTime &now) const
{
    if (!schedule) {
        return false;
    }
    return schedule->isOverdue(lastSuccess.isValid() ? lastSuccess : knownSince, now);
}

BackupSummary BackupSummary::load(const Repository &repository, const QString &vmUuid)
{
    BackupSummary summary;
    if (!repository.isValid() || !Repository::isValidVmUuid(vmUuid)) {
        return summary;
    }
    auto points = repository.listPoints(vmUuid);
    if (points) {
        for (const PointInfo &p : std::as_const(*points)) {
            ++summary.points;
            switch (p.state) {
            case PointInfo::State::Incomplete:
                ++summary.incomplete;
                continue;
            case PointInfo::State::Damaged:
                ++summary.damaged;
                continue;
            case PointInfo::State::Complete:
                break;
            }
            ++summary.complete;
            const PointManifest &m = *p.manifest;
            summary.golden += m.isProtected ? 1 : 0;
            summary.storedBytes += m.storedBytes();
            if (!summary.lastSuccess.isValid() || m.created > summary.lastSuccess) {
                summary.lastSuccess = m.created;
                summary.lastMethod = m.method;
            }
        }
    }
    auto record = repository.loadVm(vmUuid);
    if (record) {
        if (!record->names.isEmpty()) {
            summary.knownSince = record->names.first().since;
        }
        if (!record->schedule.isEmpty()) {
            auto schedule = Schedule::fromJson(record->schedule);
            if (!schedule) {
                summary.scheduleError = schedule.error().message();
            } else if (schedule->kind() != Schedule::Kind::Off) {
                summary.schedule = *schedule;
            }
        }
    }
    return summary;
}

QHash<QString, BackupSummary> BackupSummary::loadMany(
    const Repository &repository, const QStringList &vmUuids)
{
    QHash<QString, BackupSummary> out;
    for (const QString &uuid : vmUuids) {
        out.insert(uuid, load(repository, uuid));
    }
    return out;
}

} // namespace Rewind
