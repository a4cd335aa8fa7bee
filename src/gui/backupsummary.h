#pragma once

#include "policy/schedule.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Rewind {

/// What the VM list shows about one VM's backups: how many points, the newest good one,
/// problems, and the schedule stored in vm.json. Built from the repository by load(),
/// which reads every manifest of the VM and so must run in a worker.
struct BackupSummary
{
    int points = 0; ///< every point folder, complete or not
    int complete = 0;
    int incomplete = 0;
    int damaged = 0;
    int golden = 0;
    qint64 storedBytes = 0;
    QDateTime lastSuccess; ///< capture time of the newest complete point (UTC)
    PointManifest::Method lastMethod = PointManifest::Method::FullState;
    /// Set when vm.json holds a valid schedule that is not Off.
    std::optional<Schedule> schedule;
    /// When Rewind first saw the VM (vm.json's first name): the reference for "overdue"
    /// when there is no backup at all.
    QDateTime knownSince;
    QString scheduleError; ///< vm.json's schedule could not be read: what is wrong

    bool operator==(const BackupSummary &) const = default;

    /// When the next scheduled backup runs; invalid without a schedule.
    QDateTime nextRun(const QDateTime &now) const;
    /// The schedule has missed its run by more than a period (Schedule::isOverdue),
    /// measured from the last good point, or from knownSince when there is none.
    bool isOverdue(const QDateTime &now) const;

    /// Reads one VM's points and record (blocking file I/O: workers only).
    static BackupSummary load(const Repository &repository, const QString &vmUuid);
    static QHash<QString, BackupSummary> loadMany(const Repository &repository, const QStringList &vmUuids);
};

} // namespace Rewind
