#pragma once

// What the integration tests read about a tracked VM: its record in the repository and
// what `rewindctl list` shows of it.

#include "rewindctl.h"
#include "testguest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace RewindTest {

/// The first disk of the change-tracking record in repo's vm.json for the VM (empty when
/// there is none).
inline QJsonObject trackedDiskRecord(const QString &repo, const QString &vmUuid)
{
    QFile record(repo + QLatin1Char('/') + vmUuid + QStringLiteral("/vm.json"));
    if (!record.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(record.readAll())
        .object()
        .value(QLatin1String("tracking"))
        .toObject()
        .value(QLatin1String("disks"))
        .toArray()
        .first()
        .toObject();
}

/// The image `rewindctl list --json` names under the overlay of the VM's first disk (empty
/// when it shows the disk untracked).
inline QString trackedImageShown(const QString &vmUuid)
{
    const CtlResult list = runCtl(
        {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("list"), QStringLiteral("--json")});
    for (const auto &vm : list.json().array()) {
        if (vm.toObject().value(QLatin1String("uuid")).toString() == vmUuid) {
            return vm.toObject()
                .value(QLatin1String("disks"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("trackedImage"))
                .toString();
        }
    }
    return {};
}

} // namespace RewindTest
