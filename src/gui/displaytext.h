#pragma once

#include "repository/pointinfo.h"
#include "repository/pointmanifest.h"

#include <QColor>
#include <QDateTime>
#include <QPalette>
#include <QString>

namespace Rewind {

/// How the desktop application words and colours recurring things (ages, sizes, methods),
/// in one place so the tree, the timeline, the table and the tray say them the same way.
namespace DisplayText {

/// "just now", "5 minutes ago", "3 hours ago", "2 days ago", or a date for older times.
QString age(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
/// "now", "in 5 minutes", "in 3 hours", "tomorrow 02:00", "Fri 22:30" within the week,
/// or a date farther out: short enough for a table column.
QString untilTime(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
/// An absolute time that stays true while it is shown (a tooltip, a menu): "today at
/// 14:00", "tomorrow at 02:00", "Friday at 22:30", or a date and time farther out.
QString moment(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
/// "45 s", "3 min", "1 h 20 min".
QString duration(qint64 seconds);
/// "120 MiB/s".
QString rate(double bytesPerSecond);
QString size(qint64 bytes);
/// A local date and time for tables and tooltips.
QString dateTime(const QDateTime &when);

QString methodText(PointManifest::Method method); ///< "Full state (disks + RAM)"
QString methodShortText(PointManifest::Method method); ///< "Full state"
QString kindText(PointManifest::Kind kind); ///< "Full", "Incremental"
QString pointStateText(PointInfo::State state); ///< "Complete", "Incomplete", "Damaged"

/// A colour for warnings and errors that reads on the palette's base, light or dark.
QColor negativeColor(const QPalette &palette);
/// A colour for "fine" states, readable on light and dark bases.
QColor positiveColor(const QPalette &palette);
/// The golden-point colour, readable on light and dark bases.
QColor goldenColor(const QPalette &palette);
bool isDark(const QPalette &palette);

} // namespace DisplayText

} // namespace Rewind
