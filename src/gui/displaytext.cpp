#include "displaytext.h"

#include <QCoreApplication>
#include <QLocale>

namespace Rewind::DisplayText {

namespace {
// A translation context lupdate understands for these free functions.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::DisplayText)
};
// A time to come as the local calendar sees it: its date and time of day, and how many
// days from today's date that is.
struct LocalDay
{
    LocalDay(const QDateTime &when, const QDateTime &now)
        : date(when.toLocalTime().date())
        , time(QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat))
        , days(now.toLocalTime().date().daysTo(date))
    { }

    QDate date;
    QString time;
    qint64 days;
};

} // namespace

QString age(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return Text::tr("never");
    }
    const qint64 secs = when.secsTo(now);
    if (secs < 60) {
        return Text::tr("just now");
    }
    if (secs < 3600) {
        return Text::tr("%n minute(s) ago", nullptr, int(secs / 60));
    }
    if (secs < 48 * 3600) {
        return Text::tr("%n hour(s) ago", nullptr, int(secs / 3600));
    }
    if (secs < 60 * 86400) {
        return Text::tr("%n day(s) ago", nullptr, int(secs / 86400));
    }
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString untilTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return {};
    }
    const qint64 secs = now.secsTo(when);
    if (secs < 60) {
        return Text::tr("now");
    }
    if (secs < 3600) {
        return Text::tr("in %n minute(s)", nullptr, int((secs + 59) / 60));
    }
    if (secs < 24 * 3600) {
        return Text::tr("in %n hour(s)", nullptr, int((secs + 1800) / 3600));
    }
    // Short enough for a table column: a full date and time ("30/11/2026 22:15") was
    // elided there, and the day it falls on says more than "in 30 hours".
    const LocalDay day(when, now);
    if (day.days == 1) {
        return Text::tr("tomorrow %1").arg(day.time);
    }
    if (day.days > 1 && day.days < 7) {
        return Text::tr("%1 %2").arg(QLocale().dayName(day.date.dayOfWeek(), QLocale::ShortFormat), day.time);
    }
    return QLocale().toString(day.date, QLocale::ShortFormat);
}

QString moment(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return {};
    }
    const LocalDay day(when, now);
    if (day.days == 0) {
        return Text::tr("today at %1").arg(day.time);
    }
    if (day.days == 1) {
        return Text::tr("tomorrow at %1").arg(day.time);
    }
    if (day.days > 1 && day.days < 7) {
        return Text::tr("%1 at %2").arg(QLocale().dayName(day.date.dayOfWeek()), day.time);
    }
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString duration(qint64 seconds)
{
    if (seconds < 0) {
        return {};
    }
    if (seconds < 60) {
        return Text::tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return Text::tr("%1 min").arg((seconds + 30) / 60);
    }
    return Text::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString rate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0) {
        return {};
    }
    return Text::tr("%1/s").arg(QLocale().formattedDataSize(qint64(bytesPerSecond)));
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString dateTime(const QDateTime &when)
{
    if (!when.isValid()) {
        return {};
    }
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString methodText(PointManifest::Method method)
{
    switch (method) {
    case PointManifest::Method::FullState:
        return Text::tr("Full state (disks + RAM)");
    case PointManifest::Method::DiskOnly:
        return Text::tr("Disks only (crash consistent)");
    case PointManifest::Method::DiskOnlyQuiesced:
        return Text::tr("Disks only, file systems frozen (guest agent)");
    case PointManifest::Method::Cold:
        return Text::tr("Cold copy (VM was shut off)");
    }
    return {};
}

QString methodShortText(PointManifest::Method method)
{
    switch (method) {
    case PointManifest::Method::FullState:
        return Text::tr("Full state");
    case PointManifest::Method::DiskOnly:
        return Text::tr("Disks only");
    case PointManifest::Method::DiskOnlyQuiesced:
        return Text::tr("Quiesced");
    case PointManifest::Method::Cold:
        return Text::tr("Cold");
    }
    return {};
}

QString kindText(PointManifest::Kind kind)
{
    return kind == PointManifest::Kind::Full ? Text::tr("Full") : Text::tr("Incremental");
}

QString pointStateText(PointInfo::State state)
{
    switch (state) {
    case PointInfo::State::Complete:
        return Text::tr("Complete");
    case PointInfo::State::Incomplete:
        return Text::tr("Incomplete");
    case PointInfo::State::Damaged:
        return Text::tr("Damaged");
    }
    return {};
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor negativeColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28);
}

QColor positiveColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x5c, 0xd6, 0x8a) : QColor(0x1e, 0x7d, 0x3c);
}

QColor goldenColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf5, 0xc2, 0x11) : QColor(0xc7, 0x92, 0x00);
}

} // namespace Rewind::DisplayText
