// Tests PointId: the format of point directory names, their validation (they become
// paths) and their chronological order.

#include "repository/pointid.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace Rewind;

class TestPointId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromTime_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("id");

        const QDateTime utc(QDate(2026, 11, 26), QTime(10, 15, 0, 999), QTimeZone::utc());
        QTest::newRow("utc") << utc << 1 << "20261126T101500Z";
        QTest::newRow("second") << utc << 2 << "20261126T101500Z-2";
        QTest::newRow("eleventh") << utc << 11 << "20261126T101500Z-11";
        QTest::newRow("offset zone") << QDateTime(QDate(2026, 11, 26), QTime(0, 30), QTimeZone(3600)) << 1
                                     << "20261125T233000Z";
        QTest::newRow("zero is first") << utc << 0 << "20261126T101500Z";
    }

    void fromTime()
    {
        QFETCH(QDateTime, time);
        QFETCH(int, n);
        QFETCH(QString, id);
        QCOMPARE(PointId::fromTime(time, n), id);
        QVERIFY(PointId::isValid(id));
        QCOMPARE(PointId::sequence(id), std::max(n, 1));
        QCOMPARE(PointId::time(id), time.toUTC().addMSecs(-time.time().msec()));
    }

    void isValid_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");

        QTest::newRow("plain") << "20261126T101500Z" << true;
        QTest::newRow("suffix") << "20261126T101500Z-2" << true;
        QTest::newRow("big suffix") << "20261126T101500Z-123" << true;
        QTest::newRow("suffix one") << "20261126T101500Z-1" << false;
        QTest::newRow("suffix zero") << "20261126T101500Z-0" << false;
        QTest::newRow("leading zero") << "20261126T101500Z-02" << false;
        QTest::newRow("bad month") << "20261326T101500Z" << false;
        QTest::newRow("bad hour") << "20261126T251500Z" << false;
        QTest::newRow("no Z") << "20261126T101500" << false;
        QTest::newRow("partial") << "20261126T101500Z.partial" << false;
        QTest::newRow("traversal") << "../20261126T101500Z" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("journal") << ".journal" << false;
        QTest::newRow("trailing newline") << "20261126T101500Z\n" << false;
    }

    void isValid()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(PointId::isValid(id), valid);
    }

    void order()
    {
        const QStringList chronological = {
            QStringLiteral("20251231T235959Z"),
            QStringLiteral("20261126T101500Z"),
            QStringLiteral("20261126T101500Z-2"),
            QStringLiteral("20261126T101500Z-9"),
            QStringLiteral("20261126T101500Z-10"),
            QStringLiteral("20261126T101500Z-11"),
            QStringLiteral("20261126T101501Z"),
            QStringLiteral("20270101T000000Z"),
        };
        QStringList shuffled = chronological;
        std::reverse(shuffled.begin(), shuffled.end());
        std::swap(shuffled[1], shuffled[5]);
        std::sort(shuffled.begin(), shuffled.end(), PointId::lessThan);
        QCOMPARE(shuffled, chronological);
        QVERIFY(!PointId::lessThan(chronological.at(2), chronological.at(2)));
    }
};

QTEST_GUILESS_MAIN(TestPointId)
#include "tst_pointid.moc"
