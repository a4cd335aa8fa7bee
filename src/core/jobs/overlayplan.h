#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Rewind {

/// One disk taken off its image for a backup: the VM writes to overlayPath from the
/// snapshot until the overlay is merged back. Recorded in the journal before the
/// snapshot, so a killed job can always be traced back to the original images.
struct OverlayPlan
{
    QString target;
    QString originalPath;
    QString originalFormat;
    QString overlayPath;

    static QJsonArray toJson(const QList<OverlayPlan> &plans);
    static QList<OverlayPlan> fromJson(const QJsonArray &array);
};

} // namespace Rewind
