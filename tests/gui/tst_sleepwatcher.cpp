// SleepWatcher: logind's PrepareForSleep on the system bus (a private dbus-daemon with a
// stand-in logind) becomes aboutToSleep() and resumed().

#include "guitestdata.h"
#include "sleepwatcher.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Rewind;

class TestSleepWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTestData::startPrivateSessionBus(m_bus);
        m_address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        if (!QDBusConnection::sessionBus().isConnected()) {
            QSKIP("dbus-daemon is not available");
        }
    }

    void cleanupTestCase()
    {
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void sleepAndWakeUp()
    {
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
        QVERIFY(logind.registerService(QStringLiteral("org.freedesktop.login1")));
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("watcher"));
        SleepWatcher watcher(bus);
        QVERIFY(watcher.isWatching());
        QSignalSpy sleeping(&watcher, &SleepWatcher::aboutToSleep);
        QSignalSpy resumed(&watcher, &SleepWatcher::resumed);

        QVERIFY(logind.send(prepareForSleep(true)));
        QTRY_COMPARE(sleeping.size(), 1);
        QCOMPARE(resumed.size(), 0);
        QVERIFY(logind.send(prepareForSleep(false)));
        QTRY_COMPARE(resumed.size(), 1);
        QCOMPARE(sleeping.size(), 1);

        // The same signal from anyone but logind is not believed.
        QDBusConnection other = QDBusConnection::connectToBus(m_address, QStringLiteral("other"));
        QVERIFY(other.send(prepareForSleep(false)));
        QTest::qWait(300);
        QCOMPARE(resumed.size(), 1);

        QDBusConnection::disconnectFromBus(QStringLiteral("other"));
        QDBusConnection::disconnectFromBus(QStringLiteral("watcher"));
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
    }

    void noBusNoSignals()
    {
        SleepWatcher watcher(QDBusConnection(QStringLiteral("not-connected")));
        QVERIFY(!watcher.isWatching());
    }

private:
    static QDBusMessage prepareForSleep(bool sleeping)
    {
        QDBusMessage m = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"));
        m << sleeping;
        return m;
    }

    QProcess m_bus;
    QString m_address;
};

QTEST_MAIN(TestSleepWatcher)
#include "tst_sleepwatcher.moc"
