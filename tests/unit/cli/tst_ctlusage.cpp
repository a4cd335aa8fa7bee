// Tests what rewindctl says when it is called wrongly: each mistake exits with the usage
// code (2) before anything is looked up, and says what to type instead.

#include "rewindctl.h"

#include "result.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using RewindTest::CtlResult;
using RewindTest::runCtl;

class TestCtlUsage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_repo;

    QStringList common() const
    {
        return {QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"),
            m_repo.path()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_repo.isValid()); }

    void noCommandPrintsTheHelp()
    {
        const CtlResult r = runCtl(common());
        QCOMPARE(r.exitCode, int(Rewind::ErrorCode::Usage));
        QVERIFY2(r.err.contains(QLatin1String("no command given")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QLatin1String("\n  restore VM POINT")), qPrintable(r.describe()));
    }

    void unknownCommandPointsToTheHelp()
    {
        const CtlResult r = runCtl(common() << QStringLiteral("frobnicate"));
        QCOMPARE(r.exitCode, int(Rewind::ErrorCode::Usage));
        QVERIFY2(r.err.contains(QLatin1String("unknown command 'frobnicate'"))
                && r.err.contains(QLatin1String("rewindctl --help")),
            qPrintable(r.describe()));
    }

    // The command's own lines of --help, indented as there: the description of a one-line
    // synopsis and the continuation lines of a longer one line up with each other.
    void wrongArgumentCountShowsTheCommandsUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("firstLine");
        QTest::addColumn<int>("lines");
        QTest::newRow("points, no VM")
            << QStringList {QStringLiteral("points")} << QStringLiteral("  points VM [--json]") << 1;
        QTest::newRow("protect, no point") << QStringList {QStringLiteral("protect"), QStringLiteral("web")}
                                           << QStringLiteral("  protect VM POINT") << 2;
        QTest::newRow("restore, three arguments") << QStringList {QStringLiteral("restore"),
            QStringLiteral("web"), QStringLiteral("latest"), QStringLiteral("extra")}
                                                  << QStringLiteral("  restore VM POINT [--force]") << 8;
    }
    void wrongArgumentCountShowsTheCommandsUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, firstLine);
        QFETCH(int, lines);
        const CtlResult r = runCtl(common() << args);
        QCOMPARE(r.exitCode, int(Rewind::ErrorCode::Usage));
        QStringList out = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(out.size() == lines + 2, qPrintable(r.describe()));
        QCOMPARE(out.takeFirst(),
            QStringLiteral("rewindctl: wrong number of arguments for '%1':").arg(args.first()));
        QCOMPARE(out.takeLast(), QStringLiteral("Try 'rewindctl --help'."));
        QVERIFY2(out.first().startsWith(firstLine), qPrintable(r.describe()));
        // Descriptions start in one column, on the synopsis line or on lines of their own.
        const QRegularExpression nonSpace(QStringLiteral("\\S"));
        QList<qsizetype> columns;
        for (const QString &line : std::as_const(out)) {
            const qsizetype text = line.indexOf(nonSpace);
            if (text >= 12) {
                columns << text; // a description's line
            } else if (const qsizetype gap = line.indexOf(QLatin1String("   "), text); gap >= 0) {
                columns << line.indexOf(nonSpace, gap);
            }
        }
        QVERIFY2(!columns.isEmpty(), qPrintable(r.describe()));
        for (qsizetype c : std::as_const(columns)) {
            QCOMPARE(c, columns.first());
        }
    }

    void optionOfAnotherCommandIsRefused()
    {
        const CtlResult r = runCtl(
            common() << QStringLiteral("points") << QStringLiteral("web") << QStringLiteral("--force"));
        QCOMPARE(r.exitCode, int(Rewind::ErrorCode::Usage));
        QVERIFY2(
            r.err.contains(QLatin1String("--force does not apply to 'points'")), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCtlUsage)
#include "tst_ctlusage.moc"
