// TimelineScale: the time axis maps instants to pixels for each zoom, and its ticks fall
// on local calendar boundaries, spaced so their labels fit, across a DST change too.

#include "guitestdata.h"
#include "timelinescale.h"

#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::TimelineScale::Zoom)

class TestTimelineScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Europe/Berlin, so the DST case below has a change to cross.
        qputenv("TZ", "Europe/Berlin");
        GuiTestData::initApplication();
    }

    void fitsOneSpanPerWidth_data()
    {
        QTest::addColumn<TimelineScale::Zoom>("zoom");
        QTest::addColumn<qint64>("span");
        QTest::newRow("day") << TimelineScale::Zoom::Day << qint64(86400);
        QTest::newRow("week") << TimelineScale::Zoom::Week << qint64(7 * 86400);
        QTest::newRow("month") << TimelineScale::Zoom::Month << qint64(31 * 86400);
        QTest::newRow("year") << TimelineScale::Zoom::Year << qint64(366 * 86400);
    }

    void fitsOneSpanPerWidth()
    {
        QFETCH(TimelineScale::Zoom, zoom);
        QFETCH(qint64, span);
        const QDateTime last(QDate(2026, 11, 26), QTime(10, 0), QTimeZone::utc());
        TimelineScale scale;
        // A short history: the content is one view wide and ends a little after the last point.
        scale.fit(zoom, 1000, last.addSecs(-60), last);
        QCOMPARE(scale.pixelsPerSecond(), 1000.0 / double(span));
        QVERIFY(scale.contentWidth() >= 999 && scale.contentWidth() <= 1001);
        QVERIFY(scale.end() > last);
        QVERIFY(scale.x(last) < scale.contentWidth() && scale.x(last) > scale.contentWidth() * 0.9);
        // A long history: content covers it all.
        scale.fit(zoom, 1000, last.addSecs(-10 * span), last);
        QVERIFY(scale.contentWidth() > 10000);
        QVERIFY(scale.x(last.addSecs(-10 * span)) > 0);
        // x and time are inverse (to the millisecond).
        const QDateTime t = last.addSecs(-3 * span / 2);
        QVERIFY(
            std::abs(scale.time(scale.x(t)).msecsTo(t)) <= 1 + qint64(1000 / scale.pixelsPerSecond() / 1000));
    }

    void ticksFallOnCalendarBoundaries()
    {
        const QDateTime last(QDate(2026, 11, 26), QTime(10, 0), QTimeZone::utc());
        TimelineScale scale;
        scale.fit(TimelineScale::Zoom::Day, 1200, last.addDays(-3), last);
        const auto ticks = scale.ticks(0, scale.contentWidth(), 90);
        QVERIFY(ticks.size() > 10);
        double previous = std::numeric_limits<double>::lowest(); // the first tick may sit left of 0
        bool sawMajor = false;
        for (const auto &tick : ticks) {
            const QDateTime local = tick.time.toLocalTime();
            QCOMPARE(local.time().minute(), 0);
            QVERIFY(tick.x > previous);
            QVERIFY(!tick.label.isEmpty());
            if (tick.major) {
                sawMajor = true;
                QCOMPARE(local.time(), QTime(0, 0)); // midnight, labelled with the date
            }
            previous = tick.x;
        }
        QVERIFY(sawMajor);
        // Labels fit: neighbouring ticks are at least the minimum spacing apart.
        for (int i = 1; i < ticks.size(); ++i) {
            QVERIFY(ticks.at(i).x - ticks.at(i - 1).x >= 89);
        }

        scale.fit(TimelineScale::Zoom::Year, 1200, last.addYears(-2), last);
        const auto months = scale.ticks(0, scale.contentWidth(), 60);
        for (const auto &tick : months) {
            QCOMPARE(tick.time.toLocalTime().date().day(), 1);
            QCOMPARE(tick.time.toLocalTime().time(), QTime(0, 0));
        }
    }

    void hourTicksAcrossDstStayOnFullHours()
    {
        // 29 March 2026: clocks in Berlin jump from 02:00 to 03:00.
        const QDateTime last(QDate(2026, 3, 29), QTime(12, 0), QTimeZone::utc());
        TimelineScale scale;
        scale.fit(TimelineScale::Zoom::Day, 4000, last.addDays(-1), last);
        const auto ticks = scale.ticks(0, scale.contentWidth(), 60);
        QVERIFY(ticks.size() > 20);
        for (int i = 0; i < ticks.size(); ++i) {
            QCOMPARE(ticks.at(i).time.toLocalTime().time().minute(), 0);
            if (i > 0) {
                QVERIFY(ticks.at(i).time > ticks.at(i - 1).time);
            }
        }
    }
};

QTEST_MAIN(TestTimelineScale)
#include "tst_timelinescale.moc"
