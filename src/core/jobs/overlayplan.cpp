#include "overlayplan.h"

#include <QJsonObject>

namespace Rewind {

QJsonArray OverlayPlan::toJson(const QList<OverlayPlan> &plans)
{
    QJsonArray array;
    for (const auto &p : plans) {
        QJsonObject o {{QStringLiteral("target"), p.target}, {QStringLiteral("originalPath"), p.originalPath},
            {QStringLiteral("originalFormat"), p.originalFormat},
            {QStringLiteral("overlayPath"), p.overlayPath}};
        if (!p.trackedOverlay.isEmpty()) {
            o.insert(QStringLiteral("trackedOverlay"), p.trackedOverlay);
        }
        array.append(o);
    }
    return array;
}

QList<OverlayPlan> OverlayPlan::fromJson(const QJsonArray &array)
{
    QList<OverlayPlan> plans;
    for (const auto &v : array) {
        const QJsonObject o = v.toObject();
        plans.append(
            {o.value(QLatin1String("target")).toString(), o.value(QLatin1String("originalPath")).toString(),
                o.value(QLatin1String("originalFormat")).toString(),
                o.value(QLatin1String("overlayPath")).toString(),
                o.value(QLatin1String("trackedOverlay")).toString()});
    }
    return plans;
}

} // namespace Rewind
