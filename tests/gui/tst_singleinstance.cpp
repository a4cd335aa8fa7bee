// One Rewind per session: the first start owns the bus name, a later one finds it taken and
// brings up the first one's window. In process with two bus connections, and with the
// program itself started twice (a private session bus for both).

#include "guitestdata.h"
#include "singleinstance.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTestData::startPrivateSessionBus(m_bus);
        if (!QDBusConnection::sessionBus().isConnected()) {
            QSKIP("dbus-daemon is not available");
        }
    }

    void cleanupTestCase()
    {
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void secondStartShowsTheFirst()
    {
        const QString address = QString::fromLocal8Bit(qgetenv("DBUS_SESSION_BUS_ADDRESS"));
        QDBusConnection busA = QDBusConnection::connectToBus(address, QStringLiteral("a"));
        QDBusConnection busB = QDBusConnection::connectToBus(address, QStringLiteral("b"));
        {
            SingleInstance first(busA);
            SingleInstance second(busB);
            QCOMPARE(first.claim(), SingleInstance::Claim::First);
            QCOMPARE(second.claim(), SingleInstance::Claim::Taken);

            QSignalSpy shown(&first, &SingleInstance::showRequested);
            QDBusPendingCallWatcher answer(second.showOther());
            QTRY_VERIFY(answer.isFinished());
            QVERIFY2(!answer.isError(), qPrintable(answer.error().message()));
            QCOMPARE(shown.size(), 1);
        }
        // The first one is gone (its name with it): the next start is the first again.
        busA = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("a"));
        QTRY_VERIFY(!busB.interface()->isServiceRegistered(SingleInstance::ServiceName).value());
        {
            SingleInstance third(busB);
            QCOMPARE(third.claim(), SingleInstance::Claim::First);
        }
        busB = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("b"));
        // The bus drops the name of a closed connection a moment later; the next test
        // starts the program, which must not find it still taken.
        QTRY_VERIFY(!QDBusConnection::sessionBus()
                         .interface()
                         ->isServiceRegistered(SingleInstance::ServiceName)
                         .value());
    }

    void noBusRunsAlone()
    {
        SingleInstance alone(QDBusConnection(QStringLiteral("not-connected")));
        QCOMPARE(alone.claim(), SingleInstance::Claim::NoBus);
    }

    // The program: a second `rewind` exits at once and the first one stays; a second one
    // started hidden (at login) says nothing is shown.
    void programStartsOnce()
    {
        const QString program = GuiTestData::programPath();
        if (!QFileInfo(program).isExecutable()) {
            QSKIP("the rewind program is not built");
        }
        QTemporaryDir home;
        const QProcessEnvironment env = GuiTestData::programEnvironment(home.path());
        const QStringList args {QStringLiteral("--connect"), QStringLiteral("test:///default"),
            QStringLiteral("--repo"), home.filePath(QStringLiteral("repo"))};

        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QVERIFY(!bus->isServiceRegistered(SingleInstance::ServiceName).value());
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(program, args);
        QVERIFY(first.waitForStarted());
        // Its own claim, not any other connection's.
        QTRY_COMPARE_WITH_TIMEOUT(
            qint64(bus->servicePid(SingleInstance::ServiceName).value()), first.processId(), 20000);

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(program, {QStringLiteral("--repo"), home.path()});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        const QString said = QString::fromLocal8Bit(second.readAllStandardError());
        QVERIFY2(said.contains(QLatin1String("already running; its window is shown")), qPrintable(said));
        QVERIFY2(
            said.contains(QLatin1String("options given apply only when Rewind starts")), qPrintable(said));
        QByteArray firstSaid;
        QTRY_VERIFY_WITH_TIMEOUT((firstSaid += first.readAllStandardError())
                                     .contains("Another start of Rewind asked for the window"),
            10000);

        QProcess third;
        third.setProcessEnvironment(env);
        third.start(program, {QStringLiteral("--hidden"), QStringLiteral("--repo"), home.path()});
        QVERIFY(third.waitForFinished(20000));
        QCOMPARE(third.exitCode(), 0);
        const QString thirdSaid = QString::fromLocal8Bit(third.readAllStandardError());
        QVERIFY2(thirdSaid.contains(QLatin1String("Rewind is already running.")), qPrintable(thirdSaid));
        QCOMPARE(first.state(), QProcess::Running);

        first.terminate();
        const bool ended = first.waitForFinished(20000);
        QVERIFY2(ended, QByteArray(firstSaid + first.readAllStandardError()).constData());

        // The name's owner does not answer (here: it has no such object): said, in a
        // message box too, as a start from the menu has no terminal.
        QDBusConnection squatter = QDBusConnection::connectToBus(
            qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("squatter"));
        QTRY_VERIFY(squatter.registerService(SingleInstance::ServiceName));
        QProcess stuck;
        stuck.setProcessEnvironment(env);
        stuck.start(program, {});
        QByteArray stuckSaid;
        QTRY_VERIFY_WITH_TIMEOUT(
            (stuckSaid += stuck.readAllStandardError()).contains("does not answer"), 20000);
        stuck.kill(); // its message box waits for a click
        stuck.waitForFinished();
        squatter.unregisterService(SingleInstance::ServiceName);
        QDBusConnection::disconnectFromBus(QStringLiteral("squatter"));
    }

private:
    QProcess m_bus;
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
