#include "policy/schedule.h"

#include "policy/policyjson.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>

namespace Rewind {

namespace {

constexpr qint64 MSecsPerDay = 24 * 60 * 60 * 1000LL;

const QString KindKey = QStringLiteral("kind");
const QString IntervalKey = QStringLiteral("intervalMinutes");
const QString TimeKey = QStringLiteral("time");
const QString DaysKey = QStringLiteral("days");
const QString TimeZoneKey = QStringLiteral("timeZone");

// Stable JSON names, Monday first (index = Qt::DayOfWeek - 1).
const std::array<QString, 7> DayNames = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
    QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

QString kindName(Schedule::Kind kind)
{
    switch (kind) {
    case Schedule::Kind::Off:
        return QStringLiteral("off");
    case Schedule::Kind::Interval:
        return QStringLiteral("interval");
    case Schedule::Kind::Daily:
        return QStringLiteral("daily");
    case Schedule::Kind::Weekly:
        return QStringLiteral("weekly");
    }
    return {};
}

std::optional<Schedule::Kind> kindFromName(const QString &name)
{
    for (Schedule::Kind kind :
        {Schedule::Kind::Off, Schedule::Kind::Interval, Schedule::Kind::Daily, Schedule::Kind::Weekly}) {
        if (kindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QStringList keysOf(Schedule::Kind kind)
{
    switch (kind) {
    case Schedule::Kind::Off:
        return {KindKey, TimeZoneKey};
    case Schedule::Kind::Interval:
        return {KindKey, IntervalKey, TimeZoneKey};
    case Schedule::Kind::Daily:
        return {KindKey, TimeKey, TimeZoneKey};
    case Schedule::Kind::Weekly:
        return {KindKey, DaysKey, TimeKey, TimeZoneKey};
    }
    return {};
}

QDateTime utcFromMSecs(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc()).toUTC();
}

std::optional<QTime> parseTime(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (hour > 23 || minute > 59) {
        return std::nullopt;
    }
    return QTime(hour, minute);
}

} // namespace

Schedule Schedule::off()
{
    return Schedule();
}

Schedule Schedule::interval(int minutes)
{
    Schedule schedule;
    schedule.m_kind = Kind::Interval;
    schedule.m_intervalMinutes = minutes;
    return schedule;
}

Schedule Schedule::daily(QTime at)
{
    Schedule schedule;
    schedule.m_kind = Kind::Daily;
    schedule.m_time = at.isValid() ? QTime(at.hour(), at.minute()) : QTime();
    return schedule;
}

Schedule Schedule::weekly(const QList<Qt::DayOfWeek> &days, QTime at)
{
    Schedule schedule = daily(at);
    schedule.m_kind = Kind::Weekly;
    for (Qt::DayOfWeek day : days) {
        if (day >= Qt::Monday && day <= Qt::Sunday) {
            schedule.m_weekdays |= quint8(1u << (day - 1));
        }
    }
    return schedule;
}

QList<Qt::DayOfWeek> Schedule::weekdays() const
{
    QList<Qt::DayOfWeek> days;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (runsOn(Qt::DayOfWeek(day))) {
            days.append(Qt::DayOfWeek(day));
        }
    }
    return days;
}

bool Schedule::runsOn(Qt::DayOfWeek day) const
{
    return day >= Qt::Monday && day <= Qt::Sunday && (m_weekdays & (1u << (day - 1))) != 0;
}

Status Schedule::validate() const
{
    switch (m_kind) {
    case Kind::Off:
        break;
    case Kind::Interval:
        if (m_intervalMinutes < MinIntervalMinutes || m_intervalMinutes > MaxIntervalMinutes) {
            return Error(ErrorCode::Usage,
                tr("The interval must be from %1 to %2 minutes, not %3.")
                    .arg(MinIntervalMinutes)
                    .arg(MaxIntervalMinutes)
                    .arg(m_intervalMinutes));
        }
        break;
    case Kind::Weekly:
        if (m_weekdays == 0) {
            return Error(ErrorCode::Usage, tr("Choose at least one weekday for the weekly backup."));
        }
        [[fallthrough]];
    case Kind::Daily:
        if (!m_time.isValid()) {
            return Error(ErrorCode::Usage, tr("Choose the time of day at which the backup runs."));
        }
        break;
    }
    return Status::success();
}

QTimeZone Schedule::effectiveZone() const
{
    return m_timeZone.isValid() ? m_timeZone : QTimeZone::systemTimeZone();
}

QDateTime Schedule::slotOn(QDate date, const QTimeZone &zone) const
{
    // The wall-clock reading as if it were UTC: subtracting the zone's offset from it gives
    // the instant. The offsets that can apply are the one in force two days earlier and
    // those of the transitions within two days either side.
    const qint64 wall = QDateTime(date, m_time, QTimeZone::utc()).toMSecsSinceEpoch();
    const QDateTime windowStart = utcFromMSecs(wall - 2 * MSecsPerDay);
    const QTimeZone::OffsetDataList transitions = zone.hasTransitions()
        ? zone.transitions(windowStart, utcFromMSecs(wall + 2 * MSecsPerDay))
        : QTimeZone::OffsetDataList();
    QList<int> offsets {zone.offsetFromUtc(windowStart)};
    for (const QTimeZone::OffsetData &transition : transitions) {
        offsets.append(transition.offsetFromUtc);
    }

    // The wall clock shows the time at every instant whose offset matches; when it shows
    // it twice (the clock went back), the first one.
    std::optional<qint64> first;
    for (int offset : offsets) {
        const qint64 candidate = wall - offset * 1000LL;
        if (zone.offsetFromUtc(utcFromMSecs(candidate)) == offset && (!first || candidate < *first)) {
            first = candidate;
        }
    }
    if (first) {
        return utcFromMSecs(*first);
    }

    // The clock jumps over the time on this date: the jump is the first instant at which
    // it shows the time or later.
    for (const QTimeZone::OffsetData &transition : transitions) {
        const qint64 at = transition.atUtc.toMSecsSinceEpoch();
        const int before = zone.offsetFromUtc(utcFromMSecs(at - 1));
        if (at + before * 1000LL <= wall && wall < at + transition.offsetFromUtc * 1000LL) {
            return utcFromMSecs(at);
        }
    }
    return {};
}

QDateTime Schedule::firstSlotAfter(const QDateTime &after) const
{
    const QTimeZone zone = effectiveZone();
    const QDate start = after.toTimeZone(zone).date();
    // From the day before (a slot skipped at a jump over midnight belongs to it) to eight
    // days on (a weekly schedule with one weekday).
    for (int i = -1; i <= 8; ++i) {
        const QDate date = start.addDays(i);
        if (m_kind == Kind::Weekly && !runsOn(Qt::DayOfWeek(date.dayOfWeek()))) {
            continue;
        }
        const QDateTime slot = slotOn(date, zone);
        if (slot.isValid() && slot > after) {
            return slot;
        }
    }
    return {};
}

QDateTime Schedule::dueAfter(const QDateTime &base) const
{
    if (m_kind == Kind::Interval) {
        return base.toUTC().addSecs(m_intervalMinutes * 60LL);
    }
    return firstSlotAfter(base);
}

QDateTime Schedule::nextRun(const QDateTime &lastSuccess, const QDateTime &now) const
{
    if (m_kind == Kind::Off || !validate() || !now.isValid()) {
        return {};
    }
    const QDateTime nowUtc = now.toUTC();
    if (!lastSuccess.isValid()) {
        return m_kind == Kind::Interval ? nowUtc : firstSlotAfter(nowUtc.addMSecs(-1)).toUTC();
    }
    const QDateTime due = dueAfter(std::min(lastSuccess.toUTC(), nowUtc));
    if (!due.isValid()) {
        return {};
    }
    return std::max(due, nowUtc).toUTC();
}

bool Schedule::isOverdue(const QDateTime &lastSuccess, const QDateTime &now, double graceFactor) const
{
    if (m_kind == Kind::Off || !validate() || !lastSuccess.isValid() || !now.isValid()) {
        return false;
    }
    const QDateTime due = dueAfter(std::min(lastSuccess.toUTC(), now.toUTC()));
    const QDateTime following = due.isValid() ? dueAfter(due) : QDateTime();
    if (!following.isValid()) {
        return false;
    }
    const double grace = std::max(0.0, graceFactor) * double(due.msecsTo(following));
    return double(due.msecsTo(now)) > grace;
}

QString Schedule::describe() const
{
    if (!validate()) {
        return tr("Invalid schedule");
    }
    const QLocale locale;
    // Schedules are set to the minute; the C locale's short format still shows seconds.
    QString format = locale.timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    const QString at = locale.toString(m_time, format);
    QString text;
    switch (m_kind) {
    case Kind::Off:
        return tr("No scheduled backups");
    case Kind::Interval: {
        // English plurals in the source; translations use the %n forms.
        const int minutes = m_intervalMinutes;
        if (minutes % (24 * 60) == 0 && minutes > 24 * 60) {
            text = tr("Every %n days", nullptr, minutes / (24 * 60));
        } else if (minutes % 60 == 0) {
            text = minutes == 60 ? tr("Every hour") : tr("Every %n hours", nullptr, minutes / 60);
        } else {
            text = minutes == 1 ? tr("Every minute") : tr("Every %n minutes", nullptr, minutes);
        }
        break;
    }
    case Kind::Daily:
        text = tr("Every day at %1").arg(at);
        break;
    case Kind::Weekly: {
        const QList<Qt::DayOfWeek> days = weekdays();
        if (days.size() == 7) {
            text = tr("Every day at %1").arg(at);
            break;
        }
        QStringList names;
        for (Qt::DayOfWeek day : days) {
            names.append(locale.dayName(day, QLocale::LongFormat));
        }
        text = tr("Every %1 at %2", "weekdays, time").arg(locale.createSeparatedList(names), at);
        break;
    }
    }
    if (m_timeZone.isValid() && (m_kind == Kind::Daily || m_kind == Kind::Weekly)) {
        text = tr("%1 (%2)", "schedule, time zone").arg(text, QString::fromUtf8(m_timeZone.id()));
    }
    return text;
}

QJsonObject Schedule::toJson() const
{
    QJsonObject json {{KindKey, kindName(m_kind)}};
    switch (m_kind) {
    case Kind::Off:
        break;
    case Kind::Interval:
        json.insert(IntervalKey, m_intervalMinutes);
        break;
    case Kind::Weekly: {
        QJsonArray days;
        for (Qt::DayOfWeek day : weekdays()) {
            days.append(DayNames[day - 1]);
        }
        json.insert(DaysKey, days);
        [[fallthrough]];
    }
    case Kind::Daily:
        json.insert(TimeKey, m_time.toString(QStringLiteral("HH:mm")));
        break;
    }
    if (m_timeZone.isValid()) {
        json.insert(TimeZoneKey, QString::fromUtf8(m_timeZone.id()));
    }
    return json;
}

Result<Schedule> Schedule::fromJson(const QJsonObject &json)
{
    const QString context = tr("Schedule: ");
    const auto fail = [&context](const QString &message) {
        return Error(ErrorCode::Usage, message).withContext(context);
    };

    if (!json.contains(KindKey)) {
        return fail(
            tr("The setting \"kind\" is missing; use \"off\", \"interval\", \"daily\" or \"weekly\"."));
    }
    const std::optional<Kind> kind = kindFromName(json.value(KindKey).toString());
    if (!kind) {
        return fail(tr("\"kind\" must be \"off\", \"interval\", \"daily\" or \"weekly\", not %1.")
                        .arg(PolicyJson::describeValue(json.value(KindKey))));
    }
    const QStringList allowed = keysOf(*kind);
    for (const QString &key : keysOf(Kind::Weekly) + keysOf(Kind::Interval)) {
        if (json.contains(key) && !allowed.contains(key)) {
            return fail(
                tr("\"%1\" is not used when \"kind\" is \"%2\"; remove it.").arg(key, kindName(*kind)));
        }
    }
    if (const Status status = PolicyJson::checkKeys(json, allowed); !status) {
        return status.error().withContext(context);
    }

    Schedule schedule;
    schedule.m_kind = *kind;
    if (*kind == Kind::Interval) {
        const Result<qint64> minutes
            = PolicyJson::readInteger(json, IntervalKey, -1, MinIntervalMinutes, MaxIntervalMinutes);
        if (!minutes) {
            return minutes.error().withContext(context);
        }
        if (*minutes < 0) {
            return fail(tr("The setting \"%1\" is missing; give the minutes between backups, such as 60.")
                            .arg(IntervalKey));
        }
        schedule.m_intervalMinutes = int(*minutes);
    }
    if (*kind == Kind::Daily || *kind == Kind::Weekly) {
        const Result<QString> text = PolicyJson::readString(json, TimeKey);
        const std::optional<QTime> time = text ? parseTime(*text) : std::nullopt;
        if (!time) {
            return fail(tr("\"time\" must be a time of day on the 24-hour clock written as HH:MM, such as "
                           "\"02:30\", not %1.")
                            .arg(json.contains(TimeKey) ? PolicyJson::describeValue(json.value(TimeKey))
                                                        : tr("missing")));
        }
        schedule.m_time = *time;
    }
    if (*kind == Kind::Weekly) {
        const QString hint
            = tr("use a list of weekdays such as [\"mon\", \"thu\"]; the names are mon, tue, wed, "
                 "thu, fri, sat and sun.");
        const QJsonValue days = json.value(DaysKey);
        if (!days.isArray() || days.toArray().isEmpty()) {
            const QString found = days.isUndefined() ? tr("missing")
                : days.isArray()                     ? tr("an empty list")
                                                     : PolicyJson::describeValue(days);
            return fail(tr("\"days\" must name at least one weekday, not %1; %2").arg(found, hint));
        }
        for (const QJsonValue &day : days.toArray()) {
            const auto it = std::find(DayNames.begin(), DayNames.end(), day.toString());
            if (!day.isString() || it == DayNames.end()) {
                return fail(tr("\"days\" contains %1; %2").arg(PolicyJson::describeValue(day), hint));
            }
            schedule.m_weekdays |= quint8(1u << (it - DayNames.begin()));
        }
    }
    if (json.contains(TimeZoneKey)) {
        const QJsonValue value = json.value(TimeZoneKey);
        // QTimeZone("") is valid in Qt 6.4 (it is the system zone), so reject it explicitly.
        const QTimeZone zone(value.toString().toUtf8());
        if (!value.isString() || value.toString().isEmpty() || !zone.isValid()) {
            return fail(
                tr("\"timeZone\" must be a time zone name such as \"Europe/Berlin\", not %1; leave it "
                   "out to use the local time zone.")
                    .arg(PolicyJson::describeValue(value)));
        }
        schedule.m_timeZone = zone;
    }
    if (const Status status = schedule.validate(); !status) {
        return status.error().withContext(context);
    }
    return schedule;
}

} // namespace Rewind
