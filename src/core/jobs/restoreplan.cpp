#include "restoreplan.h"

#include <QFileInfo>
#include <QJsonObject>

namespace Rewind {

QString ImageSwap::stagedPathFor(const QString &path, const QString &pointId)
{
    // Not ending in ".qcow2": BackupOperation takes "*.rewind-*.qcow2" for its overlays.
    return path + QStringLiteral(".rewind-restore-") + pointId;
}

QString ImageSwap::safetyPathFor(const QString &path, const QString &pointId)
{
    return path + QStringLiteral(".rewind-safety-") + pointId;
}

QJsonArray ImageSwap::toJson(const QList<ImageSwap> &swaps)
{
    QJsonArray array;
    for (const auto &s : swaps) {
        array.append(QJsonObject {{QStringLiteral("target"), s.target}, {QStringLiteral("path"), s.path},
            {QStringLiteral("format"), s.format}, {QStringLiteral("staged"), s.staged},
            {QStringLiteral("safety"), s.safety}, {QStringLiteral("hadImage"), s.hadImage}});
    }
    return array;
}

QList<ImageSwap> ImageSwap::fromJson(const QJsonArray &array)
{
    QList<ImageSwap> swaps;
    for (const auto &v : array) {
        const QJsonObject o = v.toObject();
        ImageSwap s;
        s.target = o.value(QLatin1String("target")).toString();
        s.path = o.value(QLatin1String("path")).toString();
        s.format = o.value(QLatin1String("format")).toString();
        s.staged = o.value(QLatin1String("staged")).toString();
        s.safety = o.value(QLatin1String("safety")).toString();
        s.hadImage = o.value(QLatin1String("hadImage")).toBool(true);
        swaps.append(s);
    }
    return swaps;
}

namespace RestoreJournal {

QString fileSafeName(const QString &name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        safe += (c == QLatin1Char('/') || c.category() == QChar::Other_Control) ? QLatin1Char('_') : c;
    }
    while (safe.startsWith(QLatin1Char('.')) || safe.startsWith(QLatin1Char('-'))) {
        safe[0] = QLatin1Char('_');
    }
    return safe.isEmpty() ? QStringLiteral("vm") : safe;
}

QString partialPathFor(const QString &finalPath)
{
    const QFileInfo info(finalPath);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".rewind-partial");
}

} // namespace RestoreJournal

} // namespace Rewind
