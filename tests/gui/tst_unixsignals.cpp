// UnixSignals: SIGTERM (the session ending) becomes a Qt signal on the GUI thread, after
// which a second one would end the process at once; the rewind program quits cleanly on it.

#include "guitestdata.h"
#include "unixsignals.h"

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Rewind;

namespace {

bool hasDefaultAction(int signal)
{
    struct sigaction current = {};
    sigaction(signal, nullptr, &current);
    return current.sa_handler == SIG_DFL;
}

} // namespace

class TestUnixSignals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void signalArrivesOnTheEventLoop()
    {
        UnixSignals watcher;
        QVERIFY(!hasDefaultAction(SIGTERM));
        QVERIFY(!hasDefaultAction(SIGINT));
        QSignalSpy received(&watcher, &UnixSignals::received);
        QCOMPARE(::raise(SIGTERM), 0);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().first().toInt(), int(SIGTERM));
        // A second one would not be caught: the process would end at once.
        QVERIFY(hasDefaultAction(SIGTERM));
        QVERIFY(hasDefaultAction(SIGINT));
    }

    void handlersGoWithTheWatcher()
    {
        {
            UnixSignals watcher;
            QVERIFY(!hasDefaultAction(SIGHUP));
        }
        QVERIFY(hasDefaultAction(SIGHUP));
    }

    // Logging out sends SIGTERM: the program quits through its event loop (exit code 0),
    // not killed by the signal.
    void programQuitsCleanly()
    {
        const QString program = GuiTestData::programPath();
        if (!QFileInfo(program).isExecutable()) {
            QSKIP("the rewind program is not built");
        }
        QTemporaryDir home;
        QProcessEnvironment env = GuiTestData::programEnvironment(home.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(program,
            {QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"),
                home.filePath(QStringLiteral("repo")), QStringLiteral("--no-tray")});
        QVERIFY(app.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += app.readAllStandardError()).contains("Repository:"), 20000);
        app.terminate();
        QVERIFY(app.waitForFinished(20000));
        said += app.readAllStandardError();
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(said.contains("Received signal 15"), said.constData());
    }
};

QTEST_MAIN(TestUnixSignals)
#include "tst_unixsignals.moc"
