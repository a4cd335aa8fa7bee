// Tests of RetentionPolicy::evaluate(): borg prune's semantics (including the borg
// documentation's own worked example), golden points, the all-zero safety and time zones.
// The JSON form is tested in tst_retentionpolicyjson.cpp.
//
// Expected values are derived by hand from the rules documented in retentionpolicy.h:
// rules run in the order last, hourly, daily, weekly, monthly, yearly over the points
// sorted newest first; a rule keeps the newest point of each period unless an earlier
// rule already kept it (then the period is used up without counting); it stops after N;
// if it runs out of points first, it also keeps the oldest point ("[oldest]").

#include "policy/retentionpolicy.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::RetentionPolicy)
Q_DECLARE_METATYPE(Rewind::RetentionPoint)

namespace {

const QString IdFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

RetentionPoint pointAt(const QDateTime &time, bool golden = false)
{
    return RetentionPoint {time.toUTC().toString(IdFormat), time, golden};
}

/// Points from "yyyy-MM-dd HH:mm" texts (UTC); the text is the id.
QList<RetentionPoint> pointsAt(const QStringList &times, const QStringList &golden = {})
{
    QList<RetentionPoint> points;
    for (const QString &text : times) {
        const QDateTime parsed = QDateTime::fromString(text, IdFormat);
        Q_ASSERT(parsed.isValid());
        points.append(RetentionPoint {
            text, QDateTime(parsed.date(), parsed.time(), QTimeZone::utc()), golden.contains(text)});
    }
    return points;
}

/// One point an hour, oldest first.
QList<RetentionPoint> hourlyTimeline(const QDateTime &start, int hours)
{
    QList<RetentionPoint> points;
    points.reserve(hours);
    for (int i = 0; i < hours; ++i) {
        points.append(pointAt(start.addSecs(i * 3600LL)));
    }
    return points;
}

/// The 400-day timeline most tests use: hourly from 2023-01-01 00:00 (a Sunday, in ISO
/// week 2022-W52) to 2024-02-04 23:00 (a Sunday, the end of 2024-W05), 9,600 points.
QList<RetentionPoint> fourHundredDays()
{
    return hourlyTimeline(utc(2023, 1, 1), 400 * 24);
}

/// "id | reason" of every kept point, newest first.
QStringList kept(const QList<RetentionDecision> &decisions)
{
    QList<RetentionDecision> sorted = decisions;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const RetentionDecision &a, const RetentionDecision &b) { return a.time > b.time; });
    QStringList result;
    for (const RetentionDecision &decision : sorted) {
        if (decision.keep) {
            result.append(decision.id + QStringLiteral(" | ") + decision.reasonText());
        }
    }
    return result;
}

/// How many points each rule kept, then the totals: "daily=7 weekly=4 kept=11 pruned=9589".
QString counts(const QList<RetentionDecision> &decisions)
{
    QMap<QString, int> perTag;
    int keptCount = 0;
    for (const RetentionDecision &decision : decisions) {
        if (!decision.keep) {
            continue;
        }
        ++keptCount;
        for (RetentionReason reason : decision.reasons) {
            reason.number = 0;
            perTag[reason.toString().section(QLatin1Char(' '), 0, 0)] += 1;
        }
    }
    QStringList order;
    for (RetentionRule rule : {RetentionRule::Last, RetentionRule::Hourly, RetentionRule::Daily,
             RetentionRule::Weekly, RetentionRule::Monthly, RetentionRule::Yearly}) {
        order << RetentionReason::ruleName(rule)
              << RetentionReason::ruleName(rule) + QStringLiteral("[oldest]");
    }
    order << QStringLiteral("golden") << QStringLiteral("no-rules") << QStringLiteral("no-time");
    QStringList parts;
    for (const QString &tag : order) {
        if (perTag.value(tag) > 0) {
            parts.append(tag + QLatin1Char('=') + QString::number(perTag.value(tag)));
        }
    }
    parts.append(QStringLiteral("kept=%1").arg(keptCount));
    parts.append(QStringLiteral("pruned=%1").arg(decisions.size() - keptCount));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestRetentionPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void borgDocumentationExample();
    void generatedTimeline_data();
    void generatedTimeline();
    void combinedPolicyExactPoints();
    void irregularTimeline_data();
    void irregularTimeline();
    void sameSecondCountsOnceForKeepLast();
    void goldenPoints_data();
    void goldenPoints();
    void goldenPointsDoNotChangeTheRest_data();
    void goldenPointsDoNotChangeTheRest();
    void allZeroKeepsEverything_data();
    void allZeroKeepsEverything();
    void pointWithoutTimeIsKept();
    void negativeCountMeansNoLimit();
    void decisionsFollowInputOrder();
    void timeZones_data();
    void timeZones();
};

// borg's docs/misc/prune-example.txt: a backup on every day of 2015 except 2015-12-19,
// pruned with --keep-daily 14 --keep-monthly 6 --keep-yearly 1. The documented result:
// daily keeps Dec 31..20 and (skipping the missing 19th) Dec 18 and 17; monthly skips
// December (its newest backup is already kept by daily) and keeps Nov 30, Oct 31, Sep 30,
// Aug 31, Jul 31, Jun 30; yearly skips 2015 for the same reason, runs out of backups and
// keeps the oldest one, 2015-01-01.
void TestRetentionPolicy::borgDocumentationExample()
{
    QList<RetentionPoint> points;
    for (QDate day(2015, 1, 1); day.year() == 2015; day = day.addDays(1)) {
        if (day != QDate(2015, 12, 19)) {
            points.append(pointAt(QDateTime(day, QTime(12, 0), QTimeZone::utc())));
        }
    }
    QCOMPARE(points.size(), 364);

    const RetentionPolicy policy {.keepDaily = 14, .keepMonthly = 6, .keepYearly = 1};
    const QList<RetentionDecision> decisions = policy.evaluate(points, QTimeZone::utc());

    const QStringList expected = {
        QStringLiteral("2015-12-31 12:00 | daily #1"),
        QStringLiteral("2015-12-30 12:00 | daily #2"),
        QStringLiteral("2015-12-29 12:00 | daily #3"),
        QStringLiteral("2015-12-28 12:00 | daily #4"),
        QStringLiteral("2015-12-27 12:00 | daily #5"),
        QStringLiteral("2015-12-26 12:00 | daily #6"),
        QStringLiteral("2015-12-25 12:00 | daily #7"),
        QStringLiteral("2015-12-24 12:00 | daily #8"),
        QStringLiteral("2015-12-23 12:00 | daily #9"),
        QStringLiteral("2015-12-22 12:00 | daily #10"),
        QStringLiteral("2015-12-21 12:00 | daily #11"),
        QStringLiteral("2015-12-20 12:00 | daily #12"),
        QStringLiteral("2015-12-18 12:00 | daily #13"),
        QStringLiteral("2015-12-17 12:00 | daily #14"),
        QStringLiteral("2015-11-30 12:00 | monthly #1"),
        QStringLiteral("2015-10-31 12:00 | monthly #2"),
        QStringLiteral("2015-09-30 12:00 | monthly #3"),
        QStringLiteral("2015-08-31 12:00 | monthly #4"),
        QStringLiteral("2015-07-31 12:00 | monthly #5"),
        QStringLiteral("2015-06-30 12:00 | monthly #6"),
        QStringLiteral("2015-01-01 12:00 | yearly[oldest] #1"),
    };
    QCOMPARE(kept(decisions), expected);
    QCOMPARE(counts(decisions), QStringLiteral("daily=14 monthly=6 yearly[oldest]=1 kept=21 pruned=343"));
}

void TestRetentionPolicy::generatedTimeline_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QString>("expectedCounts");

    // The 400-day hourly timeline (see fourHundredDays()).
    QTest::newRow("last 24") << RetentionPolicy {.keepLast = 24} << "last=24 kept=24 pruned=9576";
    QTest::newRow("hourly 48") << RetentionPolicy {.keepHourly = 48} << "hourly=48 kept=48 pruned=9552";
    QTest::newRow("daily 7") << RetentionPolicy {.keepDaily = 7} << "daily=7 kept=7 pruned=9593";
    // 400 days exist: all are kept, the walk runs out, and the oldest point (00:00 on the
    // first day, not the newest of its day) is kept by the fallback.
    QTest::newRow("daily 500") << RetentionPolicy {.keepDaily = 500}
                               << "daily=400 daily[oldest]=1 kept=401 pruned=9199";
    QTest::newRow("weekly 4") << RetentionPolicy {.keepWeekly = 4} << "weekly=4 kept=4 pruned=9596";
    // ISO weeks spanned: 2022-W52 (only 2023-01-01), 2023-W01..W52, 2024-W01..W05 = 58.
    QTest::newRow("weekly 60") << RetentionPolicy {.keepWeekly = 60}
                               << "weekly=58 weekly[oldest]=1 kept=59 pruned=9541";
    QTest::newRow("monthly 12") << RetentionPolicy {.keepMonthly = 12} << "monthly=12 kept=12 pruned=9588";
    // 14 months (2023-01 .. 2024-02) plus the oldest point.
    QTest::newRow("monthly 24") << RetentionPolicy {.keepMonthly = 24}
                                << "monthly=14 monthly[oldest]=1 kept=15 pruned=9585";
    QTest::newRow("yearly 3") << RetentionPolicy {.keepYearly = 3}
                              << "yearly=2 yearly[oldest]=1 kept=3 pruned=9597";
    // Every hour is its own period, so everything is kept; the oldest point is already kept.
    QTest::newRow("hourly 10000") << RetentionPolicy {.keepHourly = 10000}
                                  << "hourly=9600 kept=9600 pruned=0";
    // last 48 keeps all of Feb 4 and Feb 3; daily finds those days used up and keeps Feb 2..Jan 27.
    QTest::newRow("last 48, daily 7")
        << RetentionPolicy {.keepLast = 48, .keepDaily = 7} << "last=48 daily=7 kept=55 pruned=9545";
    // daily: Feb 4..Jan 29. weekly: W05 (Feb 4) used up; Jan 28, 21, 14, 7.
    // monthly: Feb and Jan used up (Feb 4, Jan 31 kept by daily); Dec 2023 .. Jul 2023.
    QTest::newRow("daily 7, weekly 4, monthly 6")
        << RetentionPolicy {.keepDaily = 7, .keepWeekly = 4, .keepMonthly = 6}
        << "daily=7 weekly=4 monthly=6 kept=17 pruned=9583";
    // See combinedPolicyExactPoints() for the derivation.
    QTest::newRow("all rules") << RetentionPolicy {.keepLast = 3,
        .keepHourly = 24,
        .keepDaily = 7,
        .keepWeekly = 4,
        .keepMonthly = 12,
        .keepYearly
        = 5} << "last=3 hourly=24 daily=7 weekly=4 monthly=11 monthly[oldest]=1 kept=50 pruned=9550";
}

void TestRetentionPolicy::generatedTimeline()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QString, expectedCounts);

    const QList<RetentionDecision> decisions = policy.evaluate(fourHundredDays(), QTimeZone::utc());
    QCOMPARE(decisions.size(), 9600);
    QCOMPARE(counts(decisions), expectedCounts);
}

// last 3 / hourly 24 / daily 7 / weekly 4 / monthly 12 / yearly 5 on the 400-day timeline:
// - last: the three newest points, Feb 4 23:00, 22:00, 21:00.
// - hourly: hours 23..21 of Feb 4 are used up by last; Feb 4 20:00..00:00 (21 points)
//   and Feb 3 23:00, 22:00, 21:00 make 24.
// - daily: Feb 4 and Feb 3 are used up (their 23:00 points are kept); Feb 2..Jan 27.
// - weekly: 2024-W05 (Feb 4) and W04 (Jan 28, kept by daily) are used up; Jan 21, Jan 14,
//   Jan 7 and Dec 31 2023 (2023-W52).
// - monthly: Feb 2024, Jan 2024 (Jan 31 by daily) and Dec 2023 (Dec 31 by weekly) are used
//   up; Nov 30 back to Jan 31 2023 make 11; the points run out, so the oldest point,
//   2023-01-01 00:00, is kept as monthly[oldest] #12.
// - yearly: 2024 and 2023 are used up (Feb 4 and Dec 31 are kept); the points run out,
//   and the oldest is already kept, so yearly keeps nothing.
void TestRetentionPolicy::combinedPolicyExactPoints()
{
    const RetentionPolicy policy {
        .keepLast = 3, .keepHourly = 24, .keepDaily = 7, .keepWeekly = 4, .keepMonthly = 12, .keepYearly = 5};
    QStringList expected = {
        QStringLiteral("2024-02-04 23:00 | last #1"),
        QStringLiteral("2024-02-04 22:00 | last #2"),
        QStringLiteral("2024-02-04 21:00 | last #3"),
    };
    for (int hour = 20; hour >= 0; --hour) {
        expected.append(QStringLiteral("2024-02-04 %1:00 | hourly #%2")
                            .arg(hour, 2, 10, QLatin1Char('0'))
                            .arg(21 - hour));
    }
    expected << QStringLiteral("2024-02-03 23:00 | hourly #22")
             << QStringLiteral("2024-02-03 22:00 | hourly #23")
             << QStringLiteral("2024-02-03 21:00 | hourly #24");
    expected << QStringLiteral("2024-02-02 23:00 | daily #1") << QStringLiteral("2024-02-01 23:00 | daily #2")
             << QStringLiteral("2024-01-31 23:00 | daily #3") << QStringLiteral("2024-01-30 23:00 | daily #4")
             << QStringLiteral("2024-01-29 23:00 | daily #5") << QStringLiteral("2024-01-28 23:00 | daily #6")
             << QStringLiteral("2024-01-27 23:00 | daily #7");
    expected << QStringLiteral("2024-01-21 23:00 | weekly #1")
             << QStringLiteral("2024-01-14 23:00 | weekly #2")
             << QStringLiteral("2024-01-07 23:00 | weekly #3")
             << QStringLiteral("2023-12-31 23:00 | weekly #4");
    expected << QStringLiteral("2023-11-30 23:00 | monthly #1")
             << QStringLiteral("2023-10-31 23:00 | monthly #2")
             << QStringLiteral("2023-09-30 23:00 | monthly #3")
             << QStringLiteral("2023-08-31 23:00 | monthly #4")
             << QStringLiteral("2023-07-31 23:00 | monthly #5")
             << QStringLiteral("2023-06-30 23:00 | monthly #6")
             << QStringLiteral("2023-05-31 23:00 | monthly #7")
             << QStringLiteral("2023-04-30 23:00 | monthly #8")
             << QStringLiteral("2023-03-31 23:00 | monthly #9")
             << QStringLiteral("2023-02-28 23:00 | monthly #10")
             << QStringLiteral("2023-01-31 23:00 | monthly #11")
             << QStringLiteral("2023-01-01 00:00 | monthly[oldest] #12");

    QCOMPARE(kept(policy.evaluate(fourHundredDays(), QTimeZone::utc())), expected);
}

void TestRetentionPolicy::irregularTimeline_data()
{
    QTest::addColumn<QStringList>("times");
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QStringList>("expected");

    const QStringList gappy = {"2024-03-01 08:00", "2024-03-01 20:00", "2024-03-05 09:00", "2024-03-20 10:00",
        "2024-03-20 11:00", "2024-04-02 07:00"};
    // Days with points: Apr 2, Mar 20 (newest 11:00), Mar 5, Mar 1; empty days do not count.
    QTest::newRow("gaps: daily 3") << gappy << RetentionPolicy {.keepDaily = 3}
                                   << QStringList {"2024-04-02 07:00 | daily #1",
                                          "2024-03-20 11:00 | daily #2", "2024-03-05 09:00 | daily #3"};
    // The input order does not matter.
    QStringList shuffled = gappy;
    std::reverse(shuffled.begin(), shuffled.end());
    std::swap(shuffled[1], shuffled[4]);
    QTest::newRow("gaps: daily 3, shuffled input")
        << shuffled << RetentionPolicy {.keepDaily = 3}
        << QStringList {
               "2024-04-02 07:00 | daily #1", "2024-03-20 11:00 | daily #2", "2024-03-05 09:00 | daily #3"};
    // Weeks: Apr 2 (W14), Mar 20 (W12), Mar 5 (W10) are used up by daily; Mar 1 20:00 (W09)
    // is weekly #1; the points run out with 1 < 2, so the oldest, Mar 1 08:00, is #2.
    QTest::newRow("gaps: daily 3, weekly 2")
        << gappy << RetentionPolicy {.keepDaily = 3, .keepWeekly = 2}
        << QStringList {"2024-04-02 07:00 | daily #1", "2024-03-20 11:00 | daily #2",
               "2024-03-05 09:00 | daily #3", "2024-03-01 20:00 | weekly #1",
               "2024-03-01 08:00 | weekly[oldest] #2"};
    // Hour 11 is used up by last; 10:55 is the newest of hour 10; 09:00 of hour 9.
    QTest::newRow("several per hour: last 1, hourly 2")
        << QStringList {"2024-05-01 09:00", "2024-05-01 10:05", "2024-05-01 10:35", "2024-05-01 10:55",
               "2024-05-01 11:10"}
        << RetentionPolicy {.keepLast = 1, .keepHourly = 2}
        << QStringList {
               "2024-05-01 11:10 | last #1", "2024-05-01 10:55 | hourly #1", "2024-05-01 09:00 | hourly #2"};
    // One day only: 18:00 is daily #1, then the points run out and the oldest is kept.
    QTest::newRow("oldest fallback within one period")
        << QStringList {"2024-05-01 08:00", "2024-05-01 18:00"} << RetentionPolicy {.keepDaily = 7}
        << QStringList {"2024-05-01 18:00 | daily #1", "2024-05-01 08:00 | daily[oldest] #2"};
    // The rule reaches its count, so there is no oldest fallback.
    QTest::newRow("no fallback when the count is reached")
        << QStringList {"2024-05-01 08:00", "2024-05-02 08:00", "2024-05-03 08:00"}
        << RetentionPolicy {.keepDaily = 2}
        << QStringList {"2024-05-03 08:00 | daily #1", "2024-05-02 08:00 | daily #2"};
    // ISO weeks: 2020-12-31, 2021-01-01 and 2021-01-03 are all in 2020-W53; 2021-01-04 opens 2021-W01.
    const QStringList newYear
        = {"2020-12-31 12:00", "2021-01-01 12:00", "2021-01-03 12:00", "2021-01-04 12:00"};
    QTest::newRow("ISO week-year: weekly 2")
        << newYear << RetentionPolicy {.keepWeekly = 2}
        << QStringList {"2021-01-04 12:00 | weekly #1", "2021-01-03 12:00 | weekly #2"};
    QTest::newRow("calendar year: yearly 2")
        << newYear << RetentionPolicy {.keepYearly = 2}
        << QStringList {"2021-01-04 12:00 | yearly #1", "2020-12-31 12:00 | yearly #2"};
    QTest::newRow("calendar month: monthly 2")
        << newYear << RetentionPolicy {.keepMonthly = 2}
        << QStringList {"2021-01-04 12:00 | monthly #1", "2020-12-31 12:00 | monthly #2"};
    // Months apart: daily reaches back as far as it must. Monthly finds 2024-01 and 2023-06
    // used up, keeps 2023-01-10, runs out, and the oldest is already kept.
    QTest::newRow("long gaps: daily 2, monthly 5")
        << QStringList {"2023-01-10 12:00", "2023-06-01 12:00", "2024-01-01 12:00"}
        << RetentionPolicy {.keepDaily = 2, .keepMonthly = 5}
        << QStringList {
               "2024-01-01 12:00 | daily #1", "2023-06-01 12:00 | daily #2", "2023-01-10 12:00 | monthly #1"};
    QTest::newRow("no points") << QStringList {} << RetentionPolicy {.keepLast = 5} << QStringList {};
    QTest::newRow("one point") << QStringList {"2024-05-01 08:00"} << RetentionPolicy {.keepYearly = 1}
                               << QStringList {"2024-05-01 08:00 | yearly #1"};
}

void TestRetentionPolicy::irregularTimeline()
{
    QFETCH(QStringList, times);
    QFETCH(RetentionPolicy, policy);
    QFETCH(QStringList, expected);

    QCOMPARE(kept(policy.evaluate(pointsAt(times), QTimeZone::utc())), expected);
}

// keep-last is borg's keep-secondly: two points in the same second are one period, and only
// the newer one (by milliseconds) is kept for it.
void TestRetentionPolicy::sameSecondCountsOnceForKeepLast()
{
    const QDateTime base = utc(2024, 5, 1, 10);
    const QList<RetentionPoint> points = {{QStringLiteral("a"), base, false},
        {QStringLiteral("b"), base.addMSecs(500), false}, {QStringLiteral("c"), base.addSecs(-3600), false}};
    const QList<RetentionDecision> decisions
        = RetentionPolicy {.keepLast = 2}.evaluate(points, QTimeZone::utc());
    QCOMPARE(decisions.at(0).keep, false);
    QCOMPARE(decisions.at(1).reasonText(), QStringLiteral("last #1"));
    QCOMPARE(decisions.at(2).reasonText(), QStringLiteral("last #2"));
}

void TestRetentionPolicy::goldenPoints_data()
{
    QTest::addColumn<QStringList>("times");
    QTest::addColumn<QStringList>("golden");
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QStringList>("expected");

    // The golden newest point does not use up a keep-last slot.
    QTest::newRow("golden newest, last 2")
        << QStringList {"2024-05-01 10:00", "2024-05-01 11:00", "2024-05-01 12:00", "2024-05-01 13:00"}
        << QStringList {"2024-05-01 13:00"} << RetentionPolicy {.keepLast = 2}
        << QStringList {
               "2024-05-01 13:00 | golden", "2024-05-01 12:00 | last #1", "2024-05-01 11:00 | last #2"};
    // Golden points do not fill their day: each day's newest non-golden point is kept.
    QTest::newRow("golden does not fill its day")
        << QStringList {"2024-05-01 10:00", "2024-05-01 23:00", "2024-05-02 09:00", "2024-05-02 23:00"}
        << QStringList {"2024-05-01 23:00", "2024-05-02 23:00"} << RetentionPolicy {.keepDaily = 2}
        << QStringList {"2024-05-02 23:00 | golden", "2024-05-02 09:00 | daily #1",
               "2024-05-01 23:00 | golden", "2024-05-01 10:00 | daily #2"};
    // A golden oldest point: the fallback keeps the oldest non-golden point.
    QTest::newRow("golden oldest") << QStringList {"2024-05-01 08:00", "2024-05-01 12:00", "2024-05-01 18:00"}
                                   << QStringList {"2024-05-01 08:00"} << RetentionPolicy {.keepDaily = 3}
                                   << QStringList {"2024-05-01 18:00 | daily #1",
                                          "2024-05-01 12:00 | daily[oldest] #2", "2024-05-01 08:00 | golden"};
    QTest::newRow("only golden points")
        << QStringList {"2024-05-01 08:00", "2024-05-02 08:00"}
        << QStringList {"2024-05-01 08:00", "2024-05-02 08:00"} << RetentionPolicy {.keepLast = 1}
        << QStringList {"2024-05-02 08:00 | golden", "2024-05-01 08:00 | golden"};
    QTest::newRow("golden with the all-zero policy")
        << QStringList {"2024-05-01 08:00", "2024-05-02 08:00"} << QStringList {"2024-05-01 08:00"}
        << RetentionPolicy {} << QStringList {"2024-05-02 08:00 | no-rules", "2024-05-01 08:00 | golden"};
}

void TestRetentionPolicy::goldenPoints()
{
    QFETCH(QStringList, times);
    QFETCH(QStringList, golden);
    QFETCH(RetentionPolicy, policy);
    QFETCH(QStringList, expected);

    QCOMPARE(kept(policy.evaluate(pointsAt(times, golden), QTimeZone::utc())), expected);
}

void TestRetentionPolicy::goldenPointsDoNotChangeTheRest_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<int>("goldenEvery");

    const RetentionPolicy all {
        .keepLast = 3, .keepHourly = 24, .keepDaily = 7, .keepWeekly = 4, .keepMonthly = 12, .keepYearly = 5};
    QTest::newRow("all rules, every 37th golden") << all << 37;
    QTest::newRow("all rules, every 24th golden (the same hour daily)") << all << 24;
    QTest::newRow("daily 30, every 5th golden") << RetentionPolicy {.keepDaily = 30} << 5;
    QTest::newRow("last 100, every 2nd golden") << RetentionPolicy {.keepLast = 100} << 2;
    QTest::newRow("weekly 60 (runs out), every 11th golden") << RetentionPolicy {.keepWeekly = 60} << 11;
}

// The rules must keep exactly what they would keep if the golden points did not exist.
void TestRetentionPolicy::goldenPointsDoNotChangeTheRest()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(int, goldenEvery);

    QList<RetentionPoint> withGolden = fourHundredDays();
    QList<RetentionPoint> withoutGolden;
    for (qsizetype i = 0; i < withGolden.size(); ++i) {
        withGolden[i].isProtected = i % goldenEvery == 0; // the oldest point, too
        if (!withGolden[i].isProtected) {
            withoutGolden.append(withGolden[i]);
        }
    }
    QVERIFY(withGolden.first().isProtected);

    const QList<RetentionDecision> all = policy.evaluate(withGolden, QTimeZone::utc());
    const QList<RetentionDecision> reference = policy.evaluate(withoutGolden, QTimeZone::utc());
    QList<RetentionDecision> nonGolden;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (withGolden.at(i).isProtected) {
            QVERIFY(all.at(i).keep);
            QCOMPARE(all.at(i).reasonText(), QStringLiteral("golden"));
        } else {
            nonGolden.append(all.at(i));
        }
    }
    QCOMPARE(kept(nonGolden), kept(reference));
}

void TestRetentionPolicy::allZeroKeepsEverything_data()
{
    QTest::addColumn<QList<RetentionPoint>>("points");

    QTest::newRow("no points") << QList<RetentionPoint> {};
    QTest::newRow("one point") << QList<RetentionPoint> {pointAt(utc(2024, 5, 1))};
    QTest::newRow("400 days") << fourHundredDays();
    QTest::newRow("with a point without time")
        << QList<RetentionPoint> {pointAt(utc(2024, 5, 1)), RetentionPoint {QStringLiteral("x"), {}, false}};
}

void TestRetentionPolicy::allZeroKeepsEverything()
{
    QFETCH(QList<RetentionPoint>, points);

    const Result<RetentionPolicy> fromEmptyJson = RetentionPolicy::fromJson(QJsonObject());
    QVERIFY(fromEmptyJson);
    for (const RetentionPolicy &policy : {RetentionPolicy {}, *fromEmptyJson}) {
        QVERIFY(policy.keepsEverything());
        const QList<RetentionDecision> decisions = policy.evaluate(points, QTimeZone::utc());
        QCOMPARE(decisions.size(), points.size());
        for (const RetentionDecision &decision : decisions) {
            QVERIFY(decision.keep);
            QCOMPARE(decision.reasonText(), QStringLiteral("no-rules"));
        }
    }
    QVERIFY(!RetentionPolicy {.keepYearly = 1}.keepsEverything());
}

void TestRetentionPolicy::pointWithoutTimeIsKept()
{
    QList<RetentionPoint> points = pointsAt({"2024-05-01 08:00", "2024-05-02 08:00"});
    points.insert(1, RetentionPoint {QStringLiteral("broken"), QDateTime(), false});
    const QList<RetentionDecision> decisions
        = RetentionPolicy {.keepLast = 1}.evaluate(points, QTimeZone::utc());
    QCOMPARE(decisions.at(0).keep, false);
    QCOMPARE(decisions.at(1).reasonText(), QStringLiteral("no-time"));
    QCOMPARE(decisions.at(2).reasonText(), QStringLiteral("last #1"));
}

// As in borg, a negative count has no limit: every period is kept, and no oldest fallback.
void TestRetentionPolicy::negativeCountMeansNoLimit()
{
    const QList<RetentionDecision> decisions = RetentionPolicy {.keepDaily = -1}.evaluate(
        hourlyTimeline(utc(2024, 5, 1), 10 * 24), QTimeZone::utc());
    QCOMPARE(counts(decisions), QStringLiteral("daily=10 kept=10 pruned=230"));
}

void TestRetentionPolicy::decisionsFollowInputOrder()
{
    const RetentionPolicy policy {
        .keepLast = 3, .keepHourly = 24, .keepDaily = 7, .keepWeekly = 4, .keepMonthly = 12};
    const QList<RetentionPoint> ordered = fourHundredDays();
    QList<RetentionPoint> shuffled = ordered;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(20240501));

    const QList<RetentionDecision> decisions = policy.evaluate(shuffled, QTimeZone::utc());
    QCOMPARE(decisions.size(), shuffled.size());
    for (qsizetype i = 0; i < shuffled.size(); ++i) {
        QCOMPARE(decisions.at(i).id, shuffled.at(i).id);
        QCOMPARE(decisions.at(i).time, shuffled.at(i).time);
    }
    QCOMPARE(kept(decisions), kept(policy.evaluate(ordered, QTimeZone::utc())));
}

void TestRetentionPolicy::timeZones_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QStringList>("times");
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QStringList>("expected");

    // 21:00Z and 22:30Z on Jun 1 are one UTC day, but 23:00 on Jun 1 and 00:30 on Jun 2 in Berlin (CEST).
    const QStringList aroundMidnight = {"2023-05-30 12:00", "2023-06-01 21:00", "2023-06-01 22:30"};
    QTest::newRow("daily, UTC") << QByteArray("UTC") << aroundMidnight << RetentionPolicy {.keepDaily = 2}
                                << QStringList {"2023-06-01 22:30 | daily #1", "2023-05-30 12:00 | daily #2"};
    QTest::newRow("daily, Berlin") << QByteArray("Europe/Berlin") << aroundMidnight
                                   << RetentionPolicy {.keepDaily = 2}
                                   << QStringList {
                                          "2023-06-01 22:30 | daily #1", "2023-06-01 21:00 | daily #2"};

    // 2023-10-29 in Berlin: 00:30Z is 02:30 CEST, 01:30Z is 02:30 CET (the repeated hour).
    // Hourly periods are wall-clock hours, as in borg: both are hour "02" of Oct 29.
    const QStringList repeatedHour = {"2023-10-28 23:30", "2023-10-29 00:30", "2023-10-29 01:30"};
    QTest::newRow("hourly, repeated hour, Berlin")
        << QByteArray("Europe/Berlin") << repeatedHour << RetentionPolicy {.keepHourly = 2}
        << QStringList {"2023-10-29 01:30 | hourly #1", "2023-10-28 23:30 | hourly #2"};
    QTest::newRow("hourly, repeated hour, UTC")
        << QByteArray("UTC") << repeatedHour << RetentionPolicy {.keepHourly = 2}
        << QStringList {"2023-10-29 01:30 | hourly #1", "2023-10-29 00:30 | hourly #2"};
    // keep-last uses instants, so the two 02:30 points are distinct.
    QTest::newRow("last, repeated hour, Berlin")
        << QByteArray("Europe/Berlin") << repeatedHour << RetentionPolicy {.keepLast = 2}
        << QStringList {"2023-10-29 01:30 | last #1", "2023-10-29 00:30 | last #2"};

    // 2023-06-04 22:30Z is Monday 00:30 in Berlin (2023-W23); 21:00Z is Sunday 23:00 (W22).
    const QStringList aroundMonday = {"2023-06-03 12:00", "2023-06-04 21:00", "2023-06-04 22:30"};
    QTest::newRow("weekly, Berlin") << QByteArray("Europe/Berlin") << aroundMonday
                                    << RetentionPolicy {.keepWeekly = 2}
                                    << QStringList {
                                           "2023-06-04 22:30 | weekly #1", "2023-06-04 21:00 | weekly #2"};
    // In UTC all three are in W22: one weekly point, then the oldest fallback.
    QTest::newRow("weekly, UTC") << QByteArray("UTC") << aroundMonday << RetentionPolicy {.keepWeekly = 2}
                                 << QStringList {"2023-06-04 22:30 | weekly #1",
                                        "2023-06-03 12:00 | weekly[oldest] #2"};
}

void TestRetentionPolicy::timeZones()
{
    QFETCH(QByteArray, zone);
    QFETCH(QStringList, times);
    QFETCH(RetentionPolicy, policy);
    QFETCH(QStringList, expected);

    const QTimeZone timeZone(zone);
    QVERIFY2(timeZone.isValid(), zone.constData());
    QCOMPARE(kept(policy.evaluate(pointsAt(times), timeZone)), expected);
}

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "tst_retentionpolicy.moc"
