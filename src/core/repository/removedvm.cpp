#include "removedvm.h"

#include "repository/pointid.h"

#include <algorithm>

namespace Rewind {

QDateTime RemovedVm::pointTime(const PointInfo &point)
{
    return point.manifest && point.manifest->created.isValid() ? point.manifest->created
                                                               : PointId::time(point.id);
}

QList<RemovedVm> RemovedVm::find(const Repository &repository, const QSet<QString> &knownUuids)
{
    QList<RemovedVm> out;
    const auto uuids = repository.listVms();
    for (const QString &uuid : uuids ? *uuids : QStringList()) {
        if (knownUuids.contains(uuid)) {
            continue;
        }
        const auto points = repository.listPoints(uuid);
        RemovedVm vm {uuid, {}, {}};
        for (const PointInfo &info : points ? *points : QList<PointInfo>()) {
            if (info.complete()) {
                vm.points.append(info);
            }
        }
        if (vm.points.isEmpty()) {
            continue;
        }
        std::sort(vm.points.begin(), vm.points.end(),
            [](const PointInfo &a, const PointInfo &b) { return pointTime(a) > pointTime(b); });
        const auto record = repository.loadVm(uuid);
        vm.name = record ? record->currentName() : QString();
        if (vm.name.isEmpty()) {
            const QString inPoint = vm.points.first().manifest->domainName;
            vm.name = inPoint.isEmpty() ? uuid : inPoint;
        }
        out.append(vm);
    }
    std::sort(out.begin(), out.end(), [](const RemovedVm &a, const RemovedVm &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return out;
}

} // namespace Rewind
