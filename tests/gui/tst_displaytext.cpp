// DisplayText: the wording of times the tray shows for a long while (absolute, so that it
// stays true), of times to come in a table column (short), and of ages and durations
// (the English plural forms come from Rewind's translations, installed as the program does).

#include "displaytext.h"
#include "translations.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace Rewind;

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        Translations::install(); // the English plural forms
    }

    void moment_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("text");
        // Local times in the middle of May, away from daylight-saving changes.
        const QDate today(2026, 5, 13); // a Wednesday
        QTest::newRow("later today") << QDateTime(today, QTime(14, 0)) << QStringLiteral("today at 14:00");
        QTest::newRow("earlier today") << QDateTime(today, QTime(9, 30)) << QStringLiteral("today at 09:30");
        QTest::newRow("tomorrow") << QDateTime(today.addDays(1), QTime(2, 0))
                                  << QStringLiteral("tomorrow at 02:00");
        QTest::newRow("this week") << QDateTime(today.addDays(2), QTime(22, 30))
                                   << QStringLiteral("Friday at 22:30");
        QTest::newRow("six days on") << QDateTime(today.addDays(6), QTime(8, 0))
                                     << QStringLiteral("Tuesday at 08:00");
        QTest::newRow("a week on") << QDateTime(today.addDays(7), QTime(8, 0))
                                   << QLocale().toString(
                                          QDateTime(today.addDays(7), QTime(8, 0)), QLocale::ShortFormat);
        QTest::newRow("invalid") << QDateTime() << QString();
    }

    void moment()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 5, 13), QTime(12, 0));
        QCOMPARE(DisplayText::moment(when.toUTC(), now.toUTC()), text);
    }

    void untilTime_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("text");
        // Local times, as moment_data(); now is Wednesday 13 May 2026, 12:00.
        const QDate today(2026, 5, 13);
        QTest::newRow("now") << QDateTime(today, QTime(12, 0, 30)) << QStringLiteral("now");
        QTest::newRow("minutes") << QDateTime(today, QTime(12, 25)) << QStringLiteral("in 25 minutes");
        QTest::newRow("hours") << QDateTime(today, QTime(22, 15)) << QStringLiteral("in 10 hours");
        QTest::newRow("within a day, tomorrow")
            << QDateTime(today.addDays(1), QTime(2, 0)) << QStringLiteral("in 14 hours");
        QTest::newRow("tomorrow, a day out")
            << QDateTime(today.addDays(1), QTime(22, 15)) << QStringLiteral("tomorrow 22:15");
        QTest::newRow("this week") << QDateTime(today.addDays(2), QTime(22, 30))
                                   << QStringLiteral("Fri 22:30");
        QTest::newRow("six days on") << QDateTime(today.addDays(6), QTime(8, 0))
                                     << QStringLiteral("Tue 08:00");
        QTest::newRow("a week on") << QDateTime(today.addDays(7), QTime(8, 0))
                                   << QStringLiteral("20/05/2026");
    }

    void untilTime()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 5, 13), QTime(12, 0));
        QCOMPARE(DisplayText::untilTime(when.toUTC(), now.toUTC()), text);
    }

    void durationAndAge()
    {
        QCOMPARE(DisplayText::duration(45), QStringLiteral("45 s"));
        QCOMPARE(DisplayText::duration(3 * 60 + 10), QStringLiteral("3 min"));
        QCOMPARE(DisplayText::duration(80 * 60), QStringLiteral("1 h 20 min"));
        const QDateTime now(QDate(2026, 5, 13), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(DisplayText::age(now.addSecs(-10), now), QStringLiteral("just now"));
        QCOMPARE(DisplayText::untilTime(now.addSecs(30), now), QStringLiteral("now"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
