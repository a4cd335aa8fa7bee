// Tests of Schedule: next run, catch-up, overdue detection, DST changes in Europe/Berlin
// (2024: clocks go forward on Sun Mar 31 at 01:00 UTC, 02:00 CET -> 03:00 CEST, and back
// on Sun Oct 27 at 01:00 UTC, 03:00 CEST -> 02:00 CET), descriptions and the JSON form.
// Daily and weekly schedules always get an explicit zone so the tests do not depend on
// the machine's local time zone.

#include "policy/schedule.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::Schedule)

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
}

Schedule inZone(Schedule schedule, const char *zone)
{
    schedule.setTimeZone(QTimeZone(QByteArray(zone)));
    return schedule;
}

Schedule utcDaily(int hour, int minute)
{
    return inZone(Schedule::daily(QTime(hour, minute)), "UTC");
}

Schedule berlinDaily(int hour, int minute)
{
    return inZone(Schedule::daily(QTime(hour, minute)), "Europe/Berlin");
}

Schedule utcWeekly(const QList<Qt::DayOfWeek> &days, int hour, int minute)
{
    return inZone(Schedule::weekly(days, QTime(hour, minute)), "UTC");
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nextRun_data();
    void nextRun();
    void nextRunNeverInThePast_data();
    void nextRunNeverInThePast();
    void simulatedYear_data();
    void simulatedYear();
    void isOverdue_data();
    void isOverdue();
    void validate_data();
    void validate();
    void accessors();
    void describe_data();
    void describe();
    void describeHasNoSeconds_data();
    void describeHasNoSeconds();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
};

void TestSchedule::initTestCase()
{
    QVERIFY(QTimeZone(QByteArray("Europe/Berlin")).isValid());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestSchedule::nextRun_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QDateTime>("lastSuccess");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime never;

    QTest::newRow("off") << Schedule::off() << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11) << QDateTime();

    // Interval: anchored to the last success, in elapsed time.
    const Schedule hourly = Schedule::interval(60);
    QTest::newRow("interval: due later")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 10, 30) << utc(2024, 6, 1, 11);
    QTest::newRow("interval: due now")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11) << utc(2024, 6, 1, 11);
    QTest::newRow("interval: missed, catch up now")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 15, 17) << utc(2024, 6, 1, 15, 17);
    QTest::newRow("interval: never backed up, run now")
        << hourly << never << utc(2024, 6, 1, 10, 30) << utc(2024, 6, 1, 10, 30);
    QTest::newRow("interval: clock set back")
        << hourly << utc(2024, 6, 1, 12) << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11);
    // 00:30Z is 01:30 CET; 90 minutes later is 02:00Z = 04:00 CEST (the wall clock moved 2.5 h).
    QTest::newRow("interval: elapsed time over the spring change")
        << inZone(Schedule::interval(90), "Europe/Berlin") << utc(2024, 3, 31, 0, 30)
        << utc(2024, 3, 31, 0, 45) << utc(2024, 3, 31, 2);
    QTest::newRow("interval: two days")
        << Schedule::interval(2 * 24 * 60) << utc(2024, 6, 1, 10) << utc(2024, 6, 2) << utc(2024, 6, 3, 10);

    // Daily at 02:00 UTC.
    const Schedule daily = utcDaily(2, 0);
    QTest::newRow("daily: next day") << daily << utc(2024, 6, 1, 2, 0, 7) << utc(2024, 6, 1, 10)
                                     << utc(2024, 6, 2, 2);
    QTest::newRow("daily: later today")
        << daily << utc(2024, 5, 31, 2, 1) << utc(2024, 6, 1, 1) << utc(2024, 6, 1, 2);
    QTest::newRow("daily: a manual backup before the slot does not skip it")
        << daily << utc(2024, 6, 1, 1, 30) << utc(2024, 6, 1, 1, 45) << utc(2024, 6, 1, 2);
    QTest::newRow("daily: missed for days, catch up now once")
        << daily << utc(2024, 5, 28, 2) << utc(2024, 6, 1, 9, 12) << utc(2024, 6, 1, 9, 12);
    QTest::newRow("daily: just missed, catch up now")
        << daily << utc(2024, 5, 31, 2, 0, 5) << utc(2024, 6, 1, 2, 0, 30) << utc(2024, 6, 1, 2, 0, 30);
    QTest::newRow("daily: slot is now")
        << daily << utc(2024, 5, 31, 2, 0, 5) << utc(2024, 6, 1, 2) << utc(2024, 6, 1, 2);
    QTest::newRow("daily: never backed up, before the slot")
        << daily << never << utc(2024, 6, 1, 1) << utc(2024, 6, 1, 2);
    QTest::newRow("daily: never backed up, after the slot")
        << daily << never << utc(2024, 6, 1, 3) << utc(2024, 6, 2, 2);
    QTest::newRow("daily: never backed up, at the slot")
        << daily << never << utc(2024, 6, 1, 2) << utc(2024, 6, 1, 2);
    QTest::newRow("daily: clock set back")
        << daily << utc(2024, 6, 5, 2, 0, 5) << utc(2024, 6, 1, 10) << utc(2024, 6, 2, 2);
    QTest::newRow("daily: now given in another zone")
        << daily << utc(2024, 6, 1, 2, 0, 5)
        << utc(2024, 6, 1, 10).toTimeZone(QTimeZone(QByteArray("Asia/Tokyo"))) << utc(2024, 6, 2, 2);

    // Daily in Europe/Berlin across the spring change (2024-03-31).
    QTest::newRow("Berlin 02:30: the day before spring") << berlinDaily(2, 30) << utc(2024, 3, 29, 1, 30, 5)
                                                         << utc(2024, 3, 29, 12) << utc(2024, 3, 30, 1, 30);
    QTest::newRow("Berlin 02:30: skipped on the spring day, runs at the jump (03:00 CEST)")
        << berlinDaily(2, 30) << utc(2024, 3, 30, 1, 30, 5) << utc(2024, 3, 30, 12) << utc(2024, 3, 31, 1);
    QTest::newRow("Berlin 02:30: the day after spring")
        << berlinDaily(2, 30) << utc(2024, 3, 31, 1, 0, 5) << utc(2024, 3, 31, 8) << utc(2024, 4, 1, 0, 30);
    QTest::newRow("Berlin 02:00: the first skipped minute runs at the jump")
        << berlinDaily(2, 0) << utc(2024, 3, 30, 1, 0, 5) << utc(2024, 3, 30, 12) << utc(2024, 3, 31, 1);
    QTest::newRow("Berlin 03:00: the first minute after the jump")
        << berlinDaily(3, 0) << utc(2024, 3, 30, 2, 0, 5) << utc(2024, 3, 30, 12) << utc(2024, 3, 31, 1);
    QTest::newRow("Berlin 03:30 over spring: 23 hours later")
        << berlinDaily(3, 30) << utc(2024, 3, 30, 2, 30, 5) << utc(2024, 3, 30, 12)
        << utc(2024, 3, 31, 1, 30);
    QTest::newRow("Berlin 12:00 over spring")
        << berlinDaily(12, 0) << utc(2024, 3, 30, 11, 0, 5) << utc(2024, 3, 30, 12) << utc(2024, 3, 31, 10);
    QTest::newRow("Berlin 02:30: never backed up, on the spring day")
        << berlinDaily(2, 30) << never << utc(2024, 3, 31, 0, 10) << utc(2024, 3, 31, 1);

    // ... and the autumn change (2024-10-27): 02:30 happens twice, the run happens once.
    QTest::newRow("Berlin 02:30: the first 02:30 (CEST) of the autumn day") << berlinDaily(
        2, 30) << utc(2024, 10, 26, 0, 30, 5) << utc(2024, 10, 26, 12) << utc(2024, 10, 27, 0, 30);
    QTest::newRow("Berlin 02:30: no second run in the repeated hour") << berlinDaily(2,
        30) << utc(2024, 10, 27, 0, 30, 5) << utc(2024, 10, 27, 1, 35) << utc(2024, 10, 28, 1, 30);
    QTest::newRow("Berlin 02:30: missed during the first 02:30, catch up in the second") << berlinDaily(
        2, 30) << utc(2024, 10, 26, 0, 30, 5) << utc(2024, 10, 27, 1, 30) << utc(2024, 10, 27, 1, 30);
    QTest::newRow("Berlin 12:00 over autumn: 25 hours later")
        << berlinDaily(12, 0) << utc(2024, 10, 26, 10, 0, 5) << utc(2024, 10, 26, 12)
        << utc(2024, 10, 27, 11);
    QTest::newRow("Berlin 00:30: the previous UTC day in summer")
        << berlinDaily(0, 30) << utc(2024, 6, 1, 22, 30, 5) << utc(2024, 6, 2, 8) << utc(2024, 6, 2, 22, 30);

    // Weekly on Monday, Wednesday and Friday at 02:00 UTC. 2024-06-03 is a Monday.
    const Schedule mwf = utcWeekly({Qt::Monday, Qt::Wednesday, Qt::Friday}, 2, 0);
    QTest::newRow("weekly: Monday to Wednesday")
        << mwf << utc(2024, 6, 3, 2, 0, 5) << utc(2024, 6, 3, 10) << utc(2024, 6, 5, 2);
    QTest::newRow("weekly: Friday to Monday")
        << mwf << utc(2024, 6, 7, 2, 0, 5) << utc(2024, 6, 8) << utc(2024, 6, 10, 2);
    QTest::newRow("weekly: missed Wednesday, catch up now")
        << mwf << utc(2024, 6, 3, 2, 0, 5) << utc(2024, 6, 6, 9) << utc(2024, 6, 6, 9);
    const Schedule sunday = utcWeekly({Qt::Sunday}, 22, 0);
    QTest::newRow("weekly: one day a week")
        << sunday << utc(2024, 6, 2, 22, 0, 5) << utc(2024, 6, 3) << utc(2024, 6, 9, 22);
    QTest::newRow("weekly: never backed up") << sunday << never << utc(2024, 6, 3, 10) << utc(2024, 6, 9, 22);
    const Schedule berlinSunday = inZone(Schedule::weekly({Qt::Sunday}, QTime(2, 30)), "Europe/Berlin");
    QTest::newRow("weekly Berlin: Sunday 02:30 on the spring day")
        << berlinSunday << utc(2024, 3, 24, 1, 30, 5) << utc(2024, 3, 25) << utc(2024, 3, 31, 1);
    QTest::newRow("weekly Berlin: Sunday 02:30 on the autumn day")
        << berlinSunday << utc(2024, 10, 20, 0, 30, 5) << utc(2024, 10, 21) << utc(2024, 10, 27, 0, 30);

    // Invalid schedules and input never run.
    QTest::newRow("invalid: interval 0")
        << Schedule::interval(0) << utc(2024, 6, 1) << utc(2024, 6, 2) << QDateTime();
    QTest::newRow("invalid: weekly without days")
        << Schedule::weekly({}, QTime(2, 0)) << utc(2024, 6, 1) << utc(2024, 6, 2) << QDateTime();
    QTest::newRow("invalid: daily without time")
        << Schedule::daily(QTime()) << utc(2024, 6, 1) << utc(2024, 6, 2) << QDateTime();
    QTest::newRow("invalid: no now") << daily << utc(2024, 6, 1) << QDateTime() << QDateTime();
}

void TestSchedule::nextRun()
{
    QFETCH(Schedule, schedule);
    QFETCH(QDateTime, lastSuccess);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expected);

    const QDateTime next = schedule.nextRun(lastSuccess, now);
    QCOMPARE(next.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(next.toUTC(), expected.toUTC());
        QCOMPARE(next.timeSpec(), Qt::UTC);
        QVERIFY(next >= now);
    }
}

void TestSchedule::nextRunNeverInThePast_data()
{
    QTest::addColumn<Schedule>("schedule");

    QTest::newRow("every 7 minutes") << Schedule::interval(7);
    QTest::newRow("every 25 hours") << Schedule::interval(25 * 60);
    QTest::newRow("daily 02:30 Berlin") << berlinDaily(2, 30);
    QTest::newRow("daily 23:59 Berlin") << berlinDaily(23, 59);
    QTest::newRow("weekly Tue, Sat 00:00 Berlin")
        << inZone(Schedule::weekly({Qt::Tuesday, Qt::Saturday}, QTime(0, 0)), "Europe/Berlin");
    QTest::newRow("daily 02:30 New York") << inZone(Schedule::daily(QTime(2, 30)), "America/New_York");
}

// Over a grid of (last success, now) pairs around both 2024 changes, the next run is
// valid, never before now, and never more than a week and a day after it.
void TestSchedule::nextRunNeverInThePast()
{
    QFETCH(Schedule, schedule);

    for (const QDateTime &centre : {utc(2024, 3, 31, 1), utc(2024, 10, 27, 1), utc(2024, 3, 10, 7)}) {
        for (int lastStep = -80; lastStep <= 80; lastStep += 7) {
            for (int nowStep = -20; nowStep <= 80; nowStep += 3) {
                const QDateTime last = centre.addSecs(lastStep * 1234LL);
                const QDateTime now = centre.addSecs(nowStep * 987LL);
                const QDateTime next = schedule.nextRun(last, now);
                QVERIFY(next.isValid());
                QVERIFY2(next >= now,
                    qPrintable(
                        next.toString(Qt::ISODate) + QLatin1String(" < ") + now.toString(Qt::ISODate)));
                QVERIFY(now.secsTo(next) <= 8 * 24 * 3600);
            }
        }
    }
}

void TestSchedule::simulatedYear_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<int>("durationMinutes");
    QTest::addColumn<int>("expectedRuns");

    // 2024 is a leap year: 366 days; 53 Mondays (Jan 1 and Dec 30 are Mondays), 52 Wednesdays and Fridays.
    QTest::newRow("daily 02:30 Berlin") << berlinDaily(2, 30) << 10 << 366;
    QTest::newRow("daily 02:00 Berlin (skipped on Mar 31)") << berlinDaily(2, 0) << 10 << 366;
    QTest::newRow("daily 00:30 Berlin") << berlinDaily(0, 30) << 10 << 366;
    QTest::newRow("daily 02:30 New York")
        << inZone(Schedule::daily(QTime(2, 30)), "America/New_York") << 10 << 366;
    QTest::newRow("weekly Mon, Wed, Fri 02:30 Berlin")
        << inZone(Schedule::weekly({Qt::Monday, Qt::Wednesday, Qt::Friday}, QTime(2, 30)), "Europe/Berlin")
        << 10 << 157;
    // Interval: anchored to the success time, so with instant backups 366 * 24 hourly runs.
    QTest::newRow("every hour") << Schedule::interval(60) << 0 << 366 * 24;
}

// A scheduler that always runs on time, for all of 2024 local time: the right number of
// runs, at most one per local day for daily and weekly schedules, each at or after the
// chosen wall-clock time (later only on the spring day when the time does not exist).
void TestSchedule::simulatedYear()
{
    QFETCH(Schedule, schedule);
    QFETCH(int, durationMinutes);
    QFETCH(int, expectedRuns);

    const QTimeZone zone = schedule.timeZone().isValid() ? schedule.timeZone() : QTimeZone::utc();
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), zone);
    const QDateTime end(QDate(2025, 1, 1), QTime(0, 0), zone);
    // The last run of 2023 succeeded just before the year starts.
    QDateTime lastSuccess = start.addSecs(-60);
    QDateTime now = start;
    QDate previousDay;
    int runs = 0;
    while (true) {
        const QDateTime next = schedule.nextRun(lastSuccess, now);
        QVERIFY(next.isValid());
        QVERIFY(next > lastSuccess);
        if (next >= end) {
            break;
        }
        ++runs;
        if (schedule.kind() != Schedule::Kind::Interval) {
            const QDateTime local = next.toTimeZone(zone);
            QVERIFY2(local.date() != previousDay, qPrintable(local.toString(Qt::ISODate)));
            QVERIFY2(local.time() >= schedule.time(), qPrintable(local.toString(Qt::ISODate)));
            QVERIFY(schedule.runsOn(Qt::DayOfWeek(local.date().dayOfWeek()))
                || schedule.kind() == Schedule::Kind::Daily);
            previousDay = local.date();
        }
        now = next.addSecs(durationMinutes * 60LL);
        lastSuccess = now;
    }
    QCOMPARE(runs, expectedRuns);
}

void TestSchedule::isOverdue_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QDateTime>("lastSuccess");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<double>("graceFactor");
    QTest::addColumn<bool>("expected");

    // Every hour, last success 10:00: due 11:00; with grace 1.0 overdue after 12:00.
    const Schedule hourly = Schedule::interval(60);
    QTest::newRow("interval: within grace")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11, 30) << 1.0 << false;
    QTest::newRow("interval: at the end of grace")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 12) << 1.0 << false;
    QTest::newRow("interval: past grace")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 12, 1) << 1.0 << true;
    QTest::newRow("interval: grace 0, due")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11) << 0.0 << false;
    QTest::newRow("interval: grace 0, late")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11, 1) << 0.0 << true;
    QTest::newRow("interval: grace 0.5")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11, 31) << 0.5 << true;
    QTest::newRow("interval: negative grace counts as 0")
        << hourly << utc(2024, 6, 1, 10) << utc(2024, 6, 1, 11, 1) << -3.0 << true;

    // Daily 02:00 UTC, last success Jun 1 02:05: due Jun 2 02:00, overdue after Jun 3 02:00.
    const Schedule daily = utcDaily(2, 0);
    QTest::newRow("daily: one run missed")
        << daily << utc(2024, 6, 1, 2, 5) << utc(2024, 6, 2, 10) << 1.0 << false;
    QTest::newRow("daily: two runs missed")
        << daily << utc(2024, 6, 1, 2, 5) << utc(2024, 6, 3, 2, 1) << 1.0 << true;

    // Mon and Fri 02:00, last success Fri Jun 7: due Mon Jun 10, next Fri Jun 14 (4 days);
    // grace 0.5 = 2 days, overdue after Wed Jun 12 02:00.
    const Schedule monFri = utcWeekly({Qt::Monday, Qt::Friday}, 2, 0);
    QTest::newRow("weekly: within grace")
        << monFri << utc(2024, 6, 7, 2, 5) << utc(2024, 6, 12, 1) << 0.5 << false;
    QTest::newRow("weekly: past grace")
        << monFri << utc(2024, 6, 7, 2, 5) << utc(2024, 6, 12, 3) << 0.5 << true;

    // Berlin 12:00, last success Mar 29: due Mar 30 11:00Z, the next slot is Mar 31 10:00Z
    // (23 hours: the spring day), so with grace 1.0 overdue after Mar 31 10:00Z.
    QTest::newRow("Berlin: the 23-hour day, not yet")
        << berlinDaily(12, 0) << utc(2024, 3, 29, 11, 5) << utc(2024, 3, 31, 10) << 1.0 << false;
    QTest::newRow("Berlin: the 23-hour day, overdue")
        << berlinDaily(12, 0) << utc(2024, 3, 29, 11, 5) << utc(2024, 3, 31, 10, 1) << 1.0 << true;

    QTest::newRow("off") << Schedule::off() << utc(2020, 1, 1) << utc(2024, 6, 1) << 1.0 << false;
    QTest::newRow("never backed up") << daily << QDateTime() << utc(2024, 6, 1) << 1.0 << false;
    QTest::newRow("clock set back") << daily << utc(2024, 6, 9) << utc(2024, 6, 1) << 0.0 << false;
    QTest::newRow("invalid schedule")
        << Schedule::interval(-5) << utc(2020, 1, 1) << utc(2024, 6, 1) << 1.0 << false;
}

void TestSchedule::isOverdue()
{
    QFETCH(Schedule, schedule);
    QFETCH(QDateTime, lastSuccess);
    QFETCH(QDateTime, now);
    QFETCH(double, graceFactor);
    QFETCH(bool, expected);

    QCOMPARE(schedule.isOverdue(lastSuccess, now, graceFactor), expected);
}

void TestSchedule::validate_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QString>("message");

    QTest::newRow("off") << Schedule::off() << QString();
    QTest::newRow("interval 1") << Schedule::interval(1) << QString();
    QTest::newRow("interval max") << Schedule::interval(Schedule::MaxIntervalMinutes) << QString();
    QTest::newRow("interval 0") << Schedule::interval(0)
                                << "The interval must be from 1 to 527040 minutes, not 0.";
    QTest::newRow("interval too long") << Schedule::interval(Schedule::MaxIntervalMinutes + 1)
                                       << "The interval must be from 1 to 527040 minutes, not 527041.";
    QTest::newRow("daily without time")
        << Schedule::daily(QTime()) << "Choose the time of day at which the backup runs.";
    QTest::newRow("weekly without days")
        << Schedule::weekly({}, QTime(2, 0)) << "Choose at least one weekday for the weekly backup.";
}

void TestSchedule::validate()
{
    QFETCH(Schedule, schedule);
    QFETCH(QString, message);

    const Status status = schedule.validate();
    QCOMPARE(status.ok(), message.isEmpty());
    if (!status) {
        QCOMPARE(status.error().code(), ErrorCode::Usage);
        QCOMPARE(status.error().message(), message);
    }
}

void TestSchedule::accessors()
{
    const Schedule weekly = Schedule::weekly({Qt::Friday, Qt::Monday, Qt::Friday}, QTime(22, 15, 42));
    QCOMPARE(weekly.kind(), Schedule::Kind::Weekly);
    QCOMPARE(weekly.weekdays(), (QList<Qt::DayOfWeek> {Qt::Monday, Qt::Friday}));
    QVERIFY(weekly.runsOn(Qt::Friday));
    QVERIFY(!weekly.runsOn(Qt::Sunday));
    QCOMPARE(weekly.time(), QTime(22, 15)); // to the minute
    QVERIFY(!weekly.timeZone().isValid()); // local time
    QCOMPARE(Schedule(), Schedule::off());
    QCOMPARE(Schedule::interval(90).intervalMinutes(), 90);
}

void TestSchedule::describe_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QString>("expected");

    QTest::newRow("off") << Schedule::off() << "No scheduled backups";
    QTest::newRow("1 minute") << Schedule::interval(1) << "Every minute";
    QTest::newRow("45 minutes") << Schedule::interval(45) << "Every 45 minutes";
    QTest::newRow("90 minutes") << Schedule::interval(90) << "Every 90 minutes";
    QTest::newRow("1 hour") << Schedule::interval(60) << "Every hour";
    QTest::newRow("6 hours") << Schedule::interval(360) << "Every 6 hours";
    QTest::newRow("24 hours") << Schedule::interval(1440) << "Every 24 hours";
    QTest::newRow("2 days") << Schedule::interval(2880) << "Every 2 days";
    QTest::newRow("daily") << Schedule::daily(QTime(2, 30)) << "Every day at 02:30";
    QTest::newRow("weekly, two days")
        << Schedule::weekly({Qt::Thursday, Qt::Monday}, QTime(22, 0)) << "Every Monday and Thursday at 22:00";
    QTest::newRow("weekly, three days") << Schedule::weekly({Qt::Monday, Qt::Wednesday, Qt::Friday},
        QTime(2, 0)) << "Every Monday, Wednesday and Friday at 02:00";
    QTest::newRow("weekly, one day") << Schedule::weekly({Qt::Sunday}, QTime(23, 45))
                                     << "Every Sunday at 23:45";
    QTest::newRow("weekly, every day") << Schedule::weekly(
        {Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday, Qt::Friday, Qt::Saturday, Qt::Sunday},
        QTime(2, 0)) << "Every day at 02:00";
    QTest::newRow("daily with a zone") << berlinDaily(2, 30) << "Every day at 02:30 (Europe/Berlin)";
    QTest::newRow("interval with a zone")
        << inZone(Schedule::interval(120), "Europe/Berlin") << "Every 2 hours";
    QTest::newRow("invalid") << Schedule::interval(0) << "Invalid schedule";
}

void TestSchedule::describe()
{
    QFETCH(Schedule, schedule);
    QFETCH(QString, expected);

    QCOMPARE(schedule.describe(), expected);
}

void TestSchedule::describeHasNoSeconds_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("C") << QLocale::c() << "Every day at 22:15";
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << "Every day at 22:15";
}

void TestSchedule::describeHasNoSeconds()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    const QLocale before;
    QLocale::setDefault(locale);
    const QString text = Schedule::daily(QTime(22, 15)).describe();
    QLocale::setDefault(before);
    QCOMPARE(text, expected);
}

void TestSchedule::jsonRoundTrip_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("off") << Schedule::off() << QByteArray(R"({"kind":"off"})");
    QTest::newRow("interval") << Schedule::interval(90)
                              << QByteArray(R"({"intervalMinutes":90,"kind":"interval"})");
    QTest::newRow("daily") << Schedule::daily(QTime(2, 30))
                           << QByteArray(R"({"kind":"daily","time":"02:30"})");
    QTest::newRow("weekly") << Schedule::weekly({Qt::Thursday, Qt::Monday}, QTime(22, 0))
                            << QByteArray(R"({"days":["mon","thu"],"kind":"weekly","time":"22:00"})");
    QTest::newRow("daily in Berlin") << berlinDaily(
        0, 5) << QByteArray(R"({"kind":"daily","time":"00:05","timeZone":"Europe/Berlin"})");
    QTest::newRow("weekly in UTC") << utcWeekly({Qt::Sunday}, 23,
        59) << QByteArray(R"({"days":["sun"],"kind":"weekly","time":"23:59","timeZone":"UTC"})");
}

void TestSchedule::jsonRoundTrip()
{
    QFETCH(Schedule, schedule);
    QFETCH(QByteArray, json);

    QCOMPARE(QJsonDocument(schedule.toJson()).toJson(QJsonDocument::Compact), json);
    const Result<Schedule> parsed = Schedule::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QCOMPARE(*parsed, schedule);
}

void TestSchedule::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QString days
        = R"(use a list of weekdays such as ["mon", "thu"]; the names are mon, tue, wed, thu, )"
          R"(fri, sat and sun.)";
    QTest::newRow("no kind") << QByteArray(
        "{}") << R"(Schedule: The setting "kind" is missing; use "off", "interval", "daily" or "weekly".)";
    QTest::newRow("unknown kind")
        << QByteArray(R"({"kind": "hourly"})")
        << R"(Schedule: "kind" must be "off", "interval", "daily" or "weekly", not "hourly".)";
    QTest::newRow("kind not text") << QByteArray(
        R"({"kind": 3})") << R"(Schedule: "kind" must be "off", "interval", "daily" or "weekly", not 3.)";
    QTest::newRow("interval without minutes")
        << QByteArray(R"({"kind": "interval"})")
        << R"(Schedule: The setting "intervalMinutes" is missing; give the minutes between backups, such as 60.)";
    QTest::newRow("interval 0") << QByteArray(R"({"kind": "interval", "intervalMinutes": 0})")
                                << R"(Schedule: "intervalMinutes" must be 1 or more, not 0.)";
    QTest::newRow("interval negative") << QByteArray(R"({"kind": "interval", "intervalMinutes": -5})")
                                       << R"(Schedule: "intervalMinutes" must be 1 or more, not -5.)";
    QTest::newRow("interval as text")
        << QByteArray(R"({"kind": "interval", "intervalMinutes": "60"})")
        << R"(Schedule: "intervalMinutes" must be a whole number such as 1, not "60".)";
    QTest::newRow("interval too long")
        << QByteArray(R"({"kind": "interval", "intervalMinutes": 600000})")
        << R"(Schedule: "intervalMinutes" must be at most 527040, not 600000.)";
    QTest::newRow("daily without time")
        << QByteArray(R"({"kind": "daily"})")
        << R"(Schedule: "time" must be a time of day on the 24-hour clock written )"
           R"(as HH:MM, such as "02:30", not missing.)";
    QTest::newRow("daily at 25:00")
        << QByteArray(R"({"kind": "daily", "time": "25:00"})")
        << R"(Schedule: "time" must be a time of day on the 24-hour clock written )"
           R"(as HH:MM, such as "02:30", not "25:00".)";
    QTest::newRow("daily at 2:30pm")
        << QByteArray(R"({"kind": "daily", "time": "2:30pm"})")
        << R"(Schedule: "time" must be a time of day on the 24-hour clock written )"
           R"(as HH:MM, such as "02:30", not "2:30pm".)";
    QTest::newRow("daily time as number") << QByteArray(R"({"kind": "daily", "time": 230})")
                                          << R"(Schedule: "time" must be a time of day on the 24-hour clock )"
                                             R"(written as HH:MM, such as "02:30", not 230.)";
    QTest::newRow("weekly without days")
        << QByteArray(R"({"kind": "weekly", "time": "02:00"})")
        << QString(R"(Schedule: "days" must name at least one weekday, not missing; )" + days);
    QTest::newRow("weekly, empty days")
        << QByteArray(R"({"kind": "weekly", "days": [], "time": "02:00"})")
        << QString(R"(Schedule: "days" must name at least one weekday, not an )"
                   R"(empty list; )"
               + days);
    QTest::newRow("weekly, days as text")
        << QByteArray(R"({"kind": "weekly", "days": "mon", "time": "02:00"})")
        << QString(R"(Schedule: "days" must name at least one weekday, not "mon"; )" + days);
    QTest::newRow("weekly, long day name")
        << QByteArray(R"({"kind": "weekly", "days": ["mon", "thursday"], "time": "02:00"})")
        << QString(R"(Schedule: "days" contains "thursday"; )" + days);
    QTest::newRow("days with daily") << QByteArray(R"({"kind": "daily", "days": ["mon"], "time": "02:00"})")
                                     << R"(Schedule: "days" is not used when "kind" is "daily"; remove it.)";
    QTest::newRow("minutes with off")
        << QByteArray(R"({"kind": "off", "intervalMinutes": 5})")
        << R"(Schedule: "intervalMinutes" is not used when "kind" is "off"; remove it.)";
    QTest::newRow("misspelt key")
        << QByteArray(R"({"kind": "daily", "time": "02:00", "tme": "x"})")
        << R"(Schedule: Unknown setting "tme"; check its spelling. Valid settings are )"
           R"("kind", "time", "timeZone".)";
    QTest::newRow("unknown zone")
        << QByteArray(R"({"kind": "daily", "time": "02:00", "timeZone": "Mars/Olympus"})")
        << R"(Schedule: "timeZone" must be a time zone name such as "Europe/Berlin", not "Mars/Olympus"; leave )"
           R"(it out to use the local time zone.)";
    QTest::newRow("empty zone")
        << QByteArray(R"({"kind": "daily", "time": "02:00", "timeZone": ""})")
        << R"(Schedule: "timeZone" must be a time zone name such as "Europe/Berlin", )"
           R"(not ""; leave it out to use the local time zone.)";
    QTest::newRow("zone as number")
        << QByteArray(R"({"kind": "daily", "time": "02:00", "timeZone": 1})")
        << R"(Schedule: "timeZone" must be a time zone name such as "Europe/Berlin", )"
           R"(not 1; leave it out to use the local time zone.)";
}

void TestSchedule::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const Result<Schedule> parsed = Schedule::fromJson(document.object());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), ErrorCode::Usage);
    QCOMPARE(parsed.error().message(), message);
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
