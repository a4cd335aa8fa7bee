// SleepInhibitor: logind's lock on sleep and shutdown and the desktop's Inhibit portal,
// held while Rewind's jobs run, against a private dbus-daemon with stand-ins for both.
// The stand-in logind hands out real file descriptors (the write ends of pipes): a lock
// is released when the stand-in's read end sees the last copy of its write end closed,
// exactly as logind notices it. The stand-in portal exports a request object per
// inhibition, which ends when its Close() is called, as the portal's do.

#include "desktopapp.h"
#include "guitestdata.h"
#include "jobmanager.h"
#include "jobs/job.h"
#include "sleepinhibitor.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
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

class StandInPortalRequest : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Request")
public:
    bool closed = false;

public Q_SLOTS:
    void Close() { closed = true; }
};

class StandInPortal : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Inhibit")
public:
    struct Inhibition
    {
        QString window;
        uint flags = 0;
        QVariantMap options;
        std::unique_ptr<StandInPortalRequest> request;
    };

    bool isOpen(int i) const { return !inhibitions.at(size_t(i))->request->closed; }

    /// Answers the calls kept back while replies were held.
    void answerHeld()
    {
        for (const QDBusMessage &call : std::as_const(held)) {
            const QList<QVariant> args = call.arguments();
            const QDBusObjectPath path
                = add(args.at(0).toString(), args.at(1).toUInt(), qdbus_cast<QVariantMap>(args.at(2)));
            bus().send(call.createReply(QVariant::fromValue(path)));
        }
        held.clear();
    }

    std::vector<std::unique_ptr<Inhibition>> inhibitions;
    QList<QDBusMessage> held;
    QString address;
    bool holdReplies = false;

public Q_SLOTS:
    QDBusObjectPath Inhibit(const QString &window, uint flags, const QVariantMap &options)
    {
        if (holdReplies) {
            setDelayedReply(true);
            held.append(message());
            return {};
        }
        return add(window, flags, options);
    }

private:
    QDBusConnection bus() const { return QDBusConnection::connectToBus(address, QStringLiteral("portal")); }

    QDBusObjectPath add(const QString &window, uint flags, const QVariantMap &options)
    {
        auto inhibition = std::make_unique<Inhibition>();
        inhibition->window = window;
        inhibition->flags = flags;
        inhibition->options = options;
        inhibition->request = std::make_unique<StandInPortalRequest>();
        const QString path
            = QStringLiteral("/org/freedesktop/portal/desktop/request/%1").arg(inhibitions.size());
        bus().registerObject(path, inhibition->request.get(), QDBusConnection::ExportAllSlots);
        inhibitions.push_back(std::move(inhibition));
        return QDBusObjectPath(path);
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
        m_portal = std::make_unique<StandInPortal>();
        m_portal->address = m_address;
        QDBusConnection portal = QDBusConnection::connectToBus(m_address, QStringLiteral("portal"));
        QVERIFY(portal.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        QVERIFY(portal.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), m_portal.get(),
            QDBusConnection::ExportAllSlots));
    }

    void cleanup()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("inhibitor"));
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
        QDBusConnection::disconnectFromBus(QStringLiteral("portal"));
        m_logind.reset();
        m_portal.reset();
    }

    void holdsWhileAReasonIsSet()
    {
        const auto inhibitor = makeInhibitor();
        QSignalSpy held(inhibitor.get(), &SleepInhibitor::logindLockChanged);
        QSignalSpy inhibited(inhibitor.get(), &SleepInhibitor::portalInhibitionChanged);
        inhibitor->setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_VERIFY(inhibitor->holdsLogindLock());
        QTRY_VERIFY(inhibitor->holdsPortalInhibition());
        QCOMPARE(held.size(), 1);
        QCOMPARE(inhibited.size(), 1);

        QCOMPARE(m_logind->locks.size(), 1);
        const StandInLogind::Lock lock = m_logind->locks.first();
        QCOMPARE(lock.what, QStringLiteral("sleep:shutdown"));
        QCOMPARE(lock.who, QStringLiteral("Rewind"));
        QCOMPARE(lock.why, QStringLiteral("Running: Back up 'web'"));
        QCOMPARE(lock.mode, QStringLiteral("block"));
        QVERIFY(m_logind->isOpen(0));

        QCOMPARE(m_portal->inhibitions.size(), size_t(1));
        const StandInPortal::Inhibition &inhibition = *m_portal->inhibitions.front();
        QCOMPARE(inhibition.window, QString());
        QCOMPARE(inhibition.flags, 1u | 4u); // log-out and suspend
        QCOMPARE(inhibition.options.value(QStringLiteral("reason")).toString(),
            QStringLiteral("Running: Back up 'web'"));
        QVERIFY(m_portal->isOpen(0));

        // The same reason again asks for nothing.
        inhibitor->setReason(QStringLiteral("Running: Back up 'web'"));
        QTest::qWait(100);
        QCOMPARE(m_logind->calls, 1);
        QCOMPARE(m_portal->inhibitions.size(), size_t(1));

        inhibitor->setReason({});
        QVERIFY(!inhibitor->holdsLogindLock());
        QVERIFY(!inhibitor->holdsPortalInhibition());
        QCOMPARE(held.size(), 2);
        QCOMPARE(held.last().first().toBool(), false);
        QCOMPARE(inhibited.size(), 2);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QTRY_VERIFY(!m_portal->isOpen(0));
    }

    void aNewReasonIsHeldBeforeTheOldOneGoes()
    {
        const auto inhibitor = makeInhibitor();
        inhibitor->setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_VERIFY(inhibitor->holdsLogindLock());
        QTRY_VERIFY(inhibitor->holdsPortalInhibition());

        m_logind->holdReplies = true;
        m_portal->holdReplies = true;
        inhibitor->setReason(QStringLiteral("Running: Back up 'web' and 1 more"));
        QTRY_COMPARE(m_logind->held.size(), 1);
        QTRY_COMPARE(m_portal->held.size(), 1);
        // Until the answers come, the first ones stand: no moment without them.
        QVERIFY(inhibitor->holdsLogindLock());
        QVERIFY(inhibitor->holdsPortalInhibition());
        QTest::qWait(100);
        QVERIFY(m_logind->isOpen(0));
        QVERIFY(m_portal->isOpen(0));

        m_logind->answerHeld();
        m_portal->answerHeld();
        QTRY_COMPARE(m_logind->locks.size(), 2);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QVERIFY(m_logind->isOpen(1));
        QCOMPARE(m_logind->locks.at(1).why, QStringLiteral("Running: Back up 'web' and 1 more"));
        QTRY_COMPARE(m_portal->inhibitions.size(), size_t(2));
        QTRY_VERIFY(!m_portal->isOpen(0));
        QVERIFY(m_portal->isOpen(1));
        QCOMPARE(m_portal->inhibitions.at(1)->options.value(QStringLiteral("reason")).toString(),
            QStringLiteral("Running: Back up 'web' and 1 more"));
        QVERIFY(inhibitor->holdsLogindLock());
        QVERIFY(inhibitor->holdsPortalInhibition());
    }

    void aLockGrantedAfterTheJobsEndedIsLetGo()
    {
        const auto inhibitor = makeInhibitor();
        QSignalSpy held(inhibitor.get(), &SleepInhibitor::logindLockChanged);
        QSignalSpy inhibited(inhibitor.get(), &SleepInhibitor::portalInhibitionChanged);
        m_logind->holdReplies = true;
        m_portal->holdReplies = true;
        inhibitor->setReason(QStringLiteral("Running: Verify 'web'"));
        QTRY_COMPARE(m_logind->held.size(), 1);
        QTRY_COMPARE(m_portal->held.size(), 1);
        inhibitor->setReason({});

        m_logind->answerHeld();
        m_portal->answerHeld();
        QTRY_COMPARE(m_logind->locks.size(), 1);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QTRY_COMPARE(m_portal->inhibitions.size(), size_t(1));
        QTRY_VERIFY(!m_portal->isOpen(0));
        QVERIFY(!inhibitor->holdsLogindLock());
        QVERIFY(!inhibitor->holdsPortalInhibition());
        QCOMPARE(held.size(), 0);
        QCOMPARE(inhibited.size(), 0);
    }

    void aRefusalHoldsNothing()
    {
        const auto inhibitor = makeInhibitor();
        QSignalSpy held(inhibitor.get(), &SleepInhibitor::logindLockChanged);
        m_logind->refuse = true;
        inhibitor->setReason(QStringLiteral("Running: Back up 'web'"));
        QTRY_COMPARE(m_logind->calls, 1);
        // The portal is asked on its own, and a refusal there changes nothing here.
        QTRY_VERIFY(inhibitor->holdsPortalInhibition());
        QTest::qWait(200); // the refusal's way back
        QVERIFY(!inhibitor->holdsLogindLock());
        QCOMPARE(held.size(), 0);

        // The next reason asks again, and a grant then holds.
        m_logind->refuse = false;
        inhibitor->setReason(QStringLiteral("Running: Back up 'db'"));
        QTRY_VERIFY(inhibitor->holdsLogindLock());
        QCOMPARE(m_logind->calls, 2);
    }

    void withoutTheServicesNothingIsHeld()
    {
        {
            SleepInhibitor inhibitor(QDBusConnection(QStringLiteral("not-connected")),
                QDBusConnection(QStringLiteral("not-connected")));
            inhibitor.setReason(QStringLiteral("Running: Back up 'web'"));
            QCOMPARE(inhibitor.reason(), QStringLiteral("Running: Back up 'web'"));
            QTest::qWait(100);
            QVERIFY(!inhibitor.holdsLogindLock());
            QVERIFY(!inhibitor.holdsPortalInhibition());
            QCOMPARE(m_logind->calls, 0);
            QCOMPARE(m_portal->inhibitions.size(), size_t(0));
        }
        // A bus without logind or a portal: the calls fail, nothing is held.
        cleanup();
        const auto inhibitor = makeInhibitor();
        inhibitor->setReason(QStringLiteral("Running: Back up 'web'"));
        QTest::qWait(300);
        QVERIFY(!inhibitor->holdsLogindLock());
        QVERIFY(!inhibitor->holdsPortalInhibition());
        init();
    }

    void theApplicationHoldsWhileAJobRuns()
    {
        DesktopOptions options;
        options.uris = {QStringLiteral("test:///default")};
        options.tray = false;
        DesktopApp app(options);
        app.start();
        QVERIFY(!app.sleepInhibitor()->holdsLogindLock());
        QVERIFY(!app.sleepInhibitor()->holdsPortalInhibition());

        QSemaphore finish;
        auto *job = new Job(Job::Kind::Backup, QStringLiteral("Back up 'web'"),
            [&finish](JobControl &) -> Result<JobOutcome> {
                finish.acquire();
                return JobOutcome {};
            });
        app.jobManager()->start(job);
        QTRY_VERIFY(app.sleepInhibitor()->holdsLogindLock());
        QTRY_VERIFY(app.sleepInhibitor()->holdsPortalInhibition());
        QCOMPARE(m_logind->locks.size(), 1);
        QCOMPARE(m_logind->locks.first().why, QStringLiteral("Running: Back up 'web'"));
        QCOMPARE(m_logind->locks.first().what, QStringLiteral("sleep:shutdown"));
        QVERIFY(m_logind->isOpen(0));
        QCOMPARE(m_portal->inhibitions.size(), size_t(1));
        QCOMPARE(m_portal->inhibitions.front()->options.value(QStringLiteral("reason")).toString(),
            QStringLiteral("Running: Back up 'web'"));
        QVERIFY(m_portal->isOpen(0));

        finish.release();
        QTRY_COMPARE(job->state(), Job::State::Succeeded);
        QTRY_VERIFY(!m_logind->isOpen(0));
        QTRY_VERIFY(!m_portal->isOpen(0));
        QVERIFY(!app.sleepInhibitor()->holdsLogindLock());
        QVERIFY(!app.sleepInhibitor()->holdsPortalInhibition());
    }

private:
    QDBusConnection inhibitorBus() const
    {
        return QDBusConnection::connectToBus(m_address, QStringLiteral("inhibitor"));
    }

    // Both buses are the private one.
    std::unique_ptr<SleepInhibitor> makeInhibitor() const
    {
        return std::make_unique<SleepInhibitor>(inhibitorBus(), inhibitorBus());
    }

    QProcess m_bus;
    QString m_address;
    std::unique_ptr<StandInLogind> m_logind;
    std::unique_ptr<StandInPortal> m_portal;
};

QTEST_MAIN(TestSleepInhibitor)
#include "tst_sleepinhibitor.moc"
