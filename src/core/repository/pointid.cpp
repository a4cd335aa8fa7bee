#include "pointid.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace Rewind {

namespace {

const QString &timeFormat()
{
    static const QString format = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
    return format;
}

const QRegularExpression &idPattern()
{
    // The suffix starts at 2: the first point of a second has none. Anchored for real:
    // "$" would also match before a trailing newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{8}T\\d{6}Z)(?:-([2-9]|[1-9]\\d{1,5}))?")));
    return pattern;
}

} // namespace

QString PointId::fromTime(const QDateTime &time, int n)
{
    const QString base = time.toUTC().toString(timeFormat());
    if (n <= 1) {
        return base;
    }
    return base + QLatin1Char('-') + QString::number(n);
}

bool PointId::isValid(const QString &id)
{
    const QRegularExpressionMatch match = idPattern().match(id);
    return match.hasMatch() && time(id).isValid();
}

QDateTime PointId::time(const QString &id)
{
    // Date and time are parsed apart and joined as UTC: parsing the whole string would
    // go through local time, where a daylight saving gap can make a valid id invalid.
    if (id.size() < 16 || id.at(8) != QLatin1Char('T') || id.at(15) != QLatin1Char('Z')) {
        return {};
    }
    const QDate date = QDate::fromString(id.left(8), QStringLiteral("yyyyMMdd"));
    const QTime clock = QTime::fromString(id.mid(9, 6), QStringLiteral("HHmmss"));
    if (!date.isValid() || !clock.isValid()) {
        return {};
    }
    return QDateTime(date, clock, QTimeZone::utc());
}

int PointId::sequence(const QString &id)
{
    const QRegularExpressionMatch match = idPattern().match(id);
    if (!match.hasMatch() || match.captured(2).isEmpty()) {
        return 1;
    }
    return match.captured(2).toInt();
}

bool PointId::lessThan(const QString &a, const QString &b)
{
    const int byTime = a.left(16).compare(b.left(16));
    if (byTime != 0) {
        return byTime < 0;
    }
    const int sa = sequence(a);
    const int sb = sequence(b);
    if (sa != sb) {
        return sa < sb;
    }
    return a < b;
}

} // namespace Rewind
