// SleepInhibitor: logind's Inhibit lock on sleep and shutdown, held while Rewind's jobs
// run, against a private dbus-daemon with a stand-in logind that hands out real file
// descriptors (the write ends of pipes): a lock is released when the stand-in's read end
// sees the last copy of its write end closed, exactly as logind notices it.

#include "desktopapp.h"
#include "guitestdata.h"
#include "jobmanager.h"
#include "jobs/job.h"
#include "sleepinhibitor.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QGuiApplication>
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

using namespace Rewind;

namespace {

class StandInLogind : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")
public:
    struct Lock
    {
        QString what, who, why, mode;
        int readEnd = -1;
    };

    ~StandInLogind() override
    {
        for (const Lock &lock : std::as_const(locks)) {
            ::close(lock.readEnd);
        }
    }

    /// Whether the lock's holder still has it: the pipe's read end hangs up once every
    /// copy of the write end is closed.
    bool isOpen(int i) const
    {
        pollfd p {locks.at(i).readEnd, POLLIN, 0};
        return ::poll(&p, 1, 0) == 0;
    }

    /// Answers the calls kept back while replies were held.
    void answerHeld()
    {
        for (const QDBusMessage &call : std::as_const(held)) {
            QDBusConnection::connectToBus(address, QStringLiteral("logind")).send(grant(call));
        }
        held.clear();
    }

    QList<Lock> locks;
    QList<QDBusMessage> held;
    QString address;
    bool refuse = false;
    bool holdReplies = false;
    int calls = 0;

public Q_SLOTS:
    QDBusUnixFileDescriptor Inhibit(
        const QString &what, const QString &who, const QString &why, const QString &mode)
    {
        ++calls;
        if (refuse) {
            sendErrorReply(QDBusError::AccessDenied, QStringLiteral("Permission denied"));
            return {};
        }
        if (holdReplies) {
            setDelayedReply(true);
            held.append(message());
            return {};
        }
        return lockFor(what, who, why, mode);
    }

private:
    QDBusMessage grant(const QDBusMessage &call)
    {
        const QList<QVariant> args = call.arguments();
        const QDBusUnixFileDescriptor fd = lockFor(
            args.at(0).toString(), args.at(1).toString(), args.at(2).toString(), args.at(3).toString());
        return call.createReply(QVariant::fromValue(fd));
    }

    QDBusUnixFileDescriptor lockFor(
        const QString &what, const QString &who, const QString &why, const QString &mode)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            return {};
        }
        locks.append({what, who, why, mode, fds[0]});
        QDBusUnixFileDescriptor lock(fds[1]); // a copy goes into the reply
        ::close(fds[1]);
        return lock;
    }
};

} // namespace

class TestSleepInhibitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTestData::initApplication();
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Rewind"));
        GuiTestData::startPrivateSessionBus(m_bus);
        m_address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        // The desktop application asks the system bus; here it is the private one. Set
        // before QtDBus starts, which is when it reads the buses' addresses.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        if (!QDBusConnection::sessionBus().isConnected()) {
            QSKIP("dbus-daemon is not available");
        }
    }

    void cleanupTestCase()
    {
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void init()
    {
        m_logind = std::make_unique<StandInLogind>();
        m_logind->address = m_address;
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
        QVERIFY(logind.registerService(QStringLiteral("org.freedesktop.login1")));
        QVERIFY(logind.registerObject(
            QStringLiteral("/org/freedesktop/login1"), m_logind.get(), QDBusConnection::ExportAllSlots));
    }

    void cleanup()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("inhibitor"));
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
        m_logind.reset();
    }

    void holdsWhileAReasonIsSet()
    {
        SleepInhibitor inhibitor(inhibitorBus());
        QSignalSpy held(&inhibitor, &SleepInhibitor::heldChanged);
        inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_VERIFY(inhibitor.isHeld());
        QCOMPARE(held.size(), 1);
        QCOMPARE(m_logind->locks.size(), 1);
        const StandInLogind::Lock lock = m_logind->locks.first();
        QCOMPARE(lock.what, QStringLiteral("sleep:shutdown"));
        QCOMPARE(lock.who, QStringLiteral("Rewind"));
        QCOMPARE(lock.why, QStringLiteral("Running: Back up 'web'"));
        QCOMPARE(lock.mode, QStringLiteral("block"));
        QVERIFY(m_logind->isOpen(0));

        // The same reason again asks for nothing.
        inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
        QTest::qWait(100);
        QCOMPARE(m_logind->calls, 1);

        inhibitor.setReason({});
        QVERIFY(!inhibitor.isHeld());
        QCOMPARE(held.size(), 2);
        QCOMPARE(held.last().first().toBool(), false);
        QTRY_VERIFY(!m_logind->isOpen(0));
    }

    void aNewReasonIsHeldBeforeTheOldOneGoes()
    {
        SleepInhibitor inhibitor(inhibitorBus());
        inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_VERIFY(inhibitor.isHeld());

        m_logind->holdReplies = true;
        inhibitor.setReason(QStringLiteral("Running: Back up 'web' and 1 more"));
        QTRY_COMPARE(m_logind->held.size(), 1);
        // Until logind answers, the first lock stands: no moment without one.
        QVERIFY(inhibitor.isHeld());
        QVERIFY(m_logind->isOpen(0));

        m_logind->answerHeld();
        QTRY_COMPARE(m_logind->locks.size(), 2);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QVERIFY(m_logind->isOpen(1));
        QCOMPARE(m_logind->locks.at(1).why, QStringLiteral("Running: Back up 'web' and 1 more"));
        QVERIFY(inhibitor.isHeld());
    }

    void aLockGrantedAfterTheJobsEndedIsLetGo()
    {
        SleepInhibitor inhibitor(inhibitorBus());
        QSignalSpy held(&inhibitor, &SleepInhibitor::heldChanged);
        m_logind->holdReplies = true;
        inhibitor.setReason(QStringLiteral("Running: Verify 'web'"));
        QTRY_COMPARE(m_logind->held.size(), 1);
        inhibitor.setReason({});

        m_logind->answerHeld();
        QTRY_COMPARE(m_logind->locks.size(), 1);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QVERIFY(!inhibitor.isHeld());
        QCOMPARE(held.size(), 0);
    }

    void aRefusalHoldsNothing()
    {
        SleepInhibitor inhibitor(inhibitorBus());
        QSignalSpy held(&inhibitor, &SleepInhibitor::heldChanged);
        m_logind->refuse = true;
        inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_COMPARE(m_logind->calls, 1);
        QTest::qWait(200); // the refusal's way back
        QVERIFY(!inhibitor.isHeld());
        QCOMPARE(held.size(), 0);

        // The next reason asks again, and a grant then holds.
        m_logind->refuse = false;
        inhibitor.setReason(QStringLiteral("Running: Back up 'db'"));
        QTRY_VERIFY(inhibitor.isHeld());
        QCOMPARE(m_logind->calls, 2);
    }

    void withoutABusNothingIsAsked()
    {
        SleepInhibitor inhibitor(QDBusConnection(QStringLiteral("not-connected")));
        inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
        QCOMPARE(inhibitor.reason(), QStringLiteral("Running: Back up 'web'"));
        QTest::qWait(100);
        QVERIFY(!inhibitor.isHeld());
        QCOMPARE(m_logind->calls, 0);
    }

    void theApplicationHoldsWhileAJobRuns()
    {
        DesktopOptions options;
        options.uris = {QStringLiteral("test:///default")};
        options.tray = false;
        DesktopApp app(options);
        app.start();
        QVERIFY(!app.sleepInhibitor()->isHeld());

        QSemaphore finish;
        auto *job = new Job(Job::Kind::Backup, QStringLiteral("Back up 'web'"),
            [&finish](JobControl &) -> Result<JobOutcome> {
                finish.acquire();
                return JobOutcome {};
            });
        app.jobManager()->start(job);
        QTRY_VERIFY(app.sleepInhibitor()->isHeld());
        QCOMPARE(m_logind->locks.size(), 1);
        QCOMPARE(m_logind->locks.first().why, QStringLiteral("Running: Back up 'web'"));
        QCOMPARE(m_logind->locks.first().what, QStringLiteral("sleep:shutdown"));
        QVERIFY(m_logind->isOpen(0));

        finish.release();
        QTRY_COMPARE(job->state(), Job::State::Succeeded);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QVERIFY(!app.sleepInhibitor()->isHeld());
    }

private:
    QDBusConnection inhibitorBus() const
    {
        return QDBusConnection::connectToBus(m_address, QStringLiteral("inhibitor"));
    }

    QProcess m_bus;
    QString m_address;
    std::unique_ptr<StandInLogind> m_logind;
};

QTEST_MAIN(TestSleepInhibitor)
#include "tst_sleepinhibitor.moc"
