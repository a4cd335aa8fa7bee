#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTime>
#include <QTimeZone>

namespace Rewind {

/// When the next scheduled backup of a VM runs: off, every N minutes, daily at HH:MM or
/// on chosen weekdays at HH:MM. A value type; nextRun() and isOverdue() are pure
/// functions of the schedule, the last successful backup and the current time, so the
/// scheduler keeps no state of its own beyond the last success.
///
/// Semantics:
/// - Interval: runs every N minutes of real (elapsed) time after the last successful
///   backup, whatever the wall clock does at DST changes. With no successful backup yet
///   the VM is due now: the first backup runs at once and later ones are anchored to it.
///   (Anchoring to "now + N" instead would move the run forward every time the scheduler
///   asks, so it would never come.)
/// - Daily / weekly: runs at the first scheduled slot after the last successful backup.
///   The slot of a day is the first instant of that local day at which the wall clock
///   shows HH:MM or later:
///   - when the clock jumps forward over HH:MM (02:30 on the last Sunday of March in
///     Europe/Berlin), the slot is the instant of the jump (03:00 CEST), as cron does;
///   - when the clock goes back and shows HH:MM twice (02:30 on the last Sunday of
///     October), the slot is the first of the two and there is no second run.
///   With no successful backup yet, the next slot at or after now.
/// - Catch-up: nextRun() is never in the past. If the slot was missed (the machine was
///   off or asleep, or the last backup failed), the next run is now, once; after that
///   backup succeeds the regular slots resume. Missed slots are not run one by one.
/// - A last success later than now (the clock was set back) is treated as now, so a
///   clock change never delays the next run by more than one period.
/// - Off, or an invalid schedule (see validate()), never runs: nextRun() returns an
///   invalid QDateTime and isOverdue() is false.
///
/// Daily and weekly times are read in timeZone(); an invalid zone, the default, means
/// the system's local time at the moment of evaluation.
class Schedule
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::Schedule)

public:
    enum class Kind { Off, Interval, Daily, Weekly };

    static constexpr int MinIntervalMinutes = 1;
    static constexpr int MaxIntervalMinutes = 366 * 24 * 60;

    /// Off.
    Schedule() = default;
    static Schedule off();
    /// Every `minutes` minutes.
    static Schedule interval(int minutes);
    /// Every day at `at` (seconds are dropped: schedules are to the minute).
    static Schedule daily(QTime at);
    /// On each of `days` at `at`.
    static Schedule weekly(const QList<Qt::DayOfWeek> &days, QTime at);

    Kind kind() const { return m_kind; }
    int intervalMinutes() const { return m_intervalMinutes; }
    QTime time() const { return m_time; }
    /// The chosen weekdays, Monday first (weekly only).
    QList<Qt::DayOfWeek> weekdays() const;
    bool runsOn(Qt::DayOfWeek day) const;
    QTimeZone timeZone() const { return m_timeZone; }
    void setTimeZone(const QTimeZone &zone) { m_timeZone = zone; }

    /// Fails with ErrorCode::Usage when the interval is out of range, the time is invalid
    /// or a weekly schedule has no weekday; the message says what to fix.
    Status validate() const;

    /// When the next backup should run, in UTC; never before now (see above).
    QDateTime nextRun(const QDateTime &lastSuccess, const QDateTime &now) const;
    /// True when now is later than the run that was due after lastSuccess by more than
    /// graceFactor periods. The period is the interval, or for daily and weekly schedules
    /// the time from that due slot to the slot after it (so 1.0 means "the following run
    /// was missed too"). A negative graceFactor counts as 0. False without a last success
    /// (there is nothing to measure from: pass the time the schedule was set up instead to
    /// get a warning for a VM that never had a backup), for Off and invalid schedules.
    bool isOverdue(const QDateTime &lastSuccess, const QDateTime &now, double graceFactor = 1.0) const;

    /// For people, translated: "Every 2 hours", "Every day at 02:30",
    /// "Every Monday and Thursday at 22:00 (Europe/Berlin)".
    QString describe() const;

    /// {"kind": "off"}, {"kind": "interval", "intervalMinutes": 90},
    /// {"kind": "daily", "time": "02:30"},
    /// {"kind": "weekly", "days": ["mon", "thu"], "time": "22:00"},
    /// each with an optional "timeZone": "Europe/Berlin" (IANA name; absent = local time).
    QJsonObject toJson() const;
    /// Fails with ErrorCode::Usage, naming the key and what to write, on a missing or
    /// unknown kind, keys the kind does not use, bad values and unknown time zones.
    static Result<Schedule> fromJson(const QJsonObject &json);

    bool operator==(const Schedule &other) const = default;

private:
    QTimeZone effectiveZone() const;
    /// The first instant of `date` (local in zone) at which the wall clock shows m_time or later.
    QDateTime slotOn(QDate date, const QTimeZone &zone) const;
    /// The first slot strictly after `after`.
    QDateTime firstSlotAfter(const QDateTime &after) const;
    /// The run that is due after a success at `base`.
    QDateTime dueAfter(const QDateTime &base) const;

    Kind m_kind = Kind::Off;
    int m_intervalMinutes = 0;
    QTime m_time;
    quint8 m_weekdays = 0; ///< bit (day - 1) for each Qt::DayOfWeek
    QTimeZone m_timeZone;
};

} // namespace Rewind
