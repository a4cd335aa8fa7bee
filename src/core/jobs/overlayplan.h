#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Rewind {

/// One disk taken off its image for a backup: the VM writes to overlayPath from the
/// snapshot until the overlay is merged back. Recorded in the journal before the
/// snapshot, so a killed job can always be traced back to the original images.
///
/// With change tracking (see ChangeTracking) the VM already ran on trackedOverlay, an
/// overlay on the original image, when the snapshot put overlayPath on top of it; the
/// chain is then original <- trackedOverlay <- overlayPath until trackedOverlay is
/// merged into the original.
struct OverlayPlan
{
    QString target;
    QString originalPath;
    QString originalFormat;
    QString overlayPath;
    QString trackedOverlay; ///< empty unless the disk was tracked before this snapshot

    /// Whether path is one of the overlays this plan puts between the VM and its image.
    bool isOverlay(const QString &path) const
    {
        return !path.isEmpty() && (path == overlayPath || path == trackedOverlay);
    }

    static QJsonArray toJson(const QList<OverlayPlan> &plans);
    static QList<OverlayPlan> fromJson(const QJsonArray &array);
};

} // namespace Rewind
