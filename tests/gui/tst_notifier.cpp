// Notifier: one notification per event and kind of failure per period, the right event
// for each job outcome, and delivery to the freedesktop notification service over D-Bus
// (a private bus with a fake service), including the "Open Rewind" action coming back.

#include "guitestdata.h"
#include "jobs/job.h"
#include "notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Rewind;

/// Stands in for the desktop's notification daemon on a private session bus.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
        const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({summary, body, actions, hints});
        return uint(calls.size());
    }
    // What a real daemon answers too; KNotification asks before it sends.
    QStringList GetCapabilities() { return {QStringLiteral("body"), QStringLiteral("actions")}; }
    void CloseNotification(uint) { }
};

namespace {

Job *finishedJob(Job::Kind kind, Result<JobOutcome> result, QObject *parent)
{
    auto *job = new Job(
        kind, QStringLiteral("Back up 'web'"), [result](JobControl &) { return result; }, parent);
    job->setVm(QStringLiteral("uuid-web"), QStringLiteral("web"));
    QSignalSpy finished(job, &Job::finished);
    job->start();
    if (!finished.wait(10000)) {
        return nullptr;
    }
    return job;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTestData::startPrivateSessionBus(m_bus);
        GuiTestData::initApplication();
#ifdef REWIND_TEST_KNOTIFICATIONS
        // KNotification shows only the events its .notifyrc declares, found in the data
        // dirs; installed, it is under share/knotifications6. Here: the test's own dir.
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/knotifications6");
        QVERIFY(QDir().mkpath(dir));
        QFile::remove(dir + QStringLiteral("/rewind.notifyrc"));
        QVERIFY(QFile::copy(QStringLiteral(REWIND_NOTIFYRC), dir + QStringLiteral("/rewind.notifyrc")));
#endif
    }

    void cleanupTestCase()
    {
        m_bus.kill();
        m_bus.waitForFinished(5000);
    }

    void oneNotificationPerKindAndPeriod()
    {
        Notifier n;
        n.setBackend(Notifier::Backend::LogOnly);
        QSignalSpy shown(&n, &Notifier::notified);
        QVERIFY(n.notify(Notifier::Event::BackupFailed, QStringLiteral("no-space"), QStringLiteral("a"), {}));
        QVERIFY(
            !n.notify(Notifier::Event::BackupFailed, QStringLiteral("no-space"), QStringLiteral("b"), {}));
        QVERIFY(n.notify(Notifier::Event::BackupFailed, QStringLiteral("busy"), QStringLiteral("c"), {}));
        QVERIFY(n.notify(Notifier::Event::VerifyFailed, QStringLiteral("no-space"), QStringLiteral("d"), {}));
        QCOMPARE(shown.size(), 3);
        n.setThrottleSeconds(0);
        QVERIFY(n.notify(Notifier::Event::BackupFailed, QStringLiteral("no-space"), QStringLiteral("e"), {}));
    }

    void jobOutcomesMapToEvents()
    {
        Notifier n;
        n.setBackend(Notifier::Backend::LogOnly);
        QSignalSpy shown(&n, &Notifier::notified);

        Job *failed = finishedJob(Job::Kind::Backup,
            Error(ErrorCode::NoSpace,
                QStringLiteral("Disk full on /backup. Free space or change the repository.")),
            this);
        QVERIFY(failed);
        n.jobFinished(failed, false);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.last().at(0).value<Notifier::Event>(), Notifier::Event::BackupFailed);
        QVERIFY(shown.last().at(2).toString().contains(QLatin1String("Free space or change the repository")));
        // A second VM failing on the same full disk in the same hour: no second message.
        n.jobFinished(failed, false);
        QCOMPARE(shown.size(), 1);

        Job *damaged = finishedJob(
            Job::Kind::Verify, Error(ErrorCode::Damaged, QStringLiteral("1 point damaged.")), this);
        n.jobFinished(damaged, false);
        QCOMPARE(shown.last().at(0).value<Notifier::Event>(), Notifier::Event::VerifyFailed);

        Job *ok = finishedJob(Job::Kind::Backup,
            JobOutcome {QStringLiteral("Stored."), {}, {QStringLiteral("Retention removed 2 older points.")}},
            this);
        n.jobFinished(ok, false); // the user is watching a manual backup: no message
        QCOMPARE(shown.size(), 2);
        n.jobFinished(ok, true); // a scheduled one ran unattended: say so
        QCOMPARE(shown.size(), 3);
        QCOMPARE(shown.last().at(0).value<Notifier::Event>(), Notifier::Event::BackupFinished);
        QCOMPARE(shown.last().at(2).toString(), QStringLiteral("Stored.\nRetention removed 2 older points."));
        // The weekly check of stored points found nothing wrong: not news.
        Job *checked = finishedJob(
            Job::Kind::Verify, JobOutcome {QStringLiteral("3 points are intact."), {}, {}}, this);
        QVERIFY(checked);
        n.jobFinished(checked, true);
        QCOMPARE(shown.size(), 3);

        n.backupOverdue(
            QStringLiteral("uuid-web"), QStringLiteral("web"), QDateTime::currentDateTimeUtc().addDays(-9));
        QCOMPARE(shown.last().at(0).value<Notifier::Event>(), Notifier::Event::BackupOverdue);
        QVERIFY(shown.last().at(2).toString().contains(QLatin1String("9 days")));
    }

    // While the repository stays away, the user is reminded once a day that no backups
    // are being made, and for how long.
    void repositoryAwayIsRemindedDaily()
    {
        Notifier n;
        n.setBackend(Notifier::Backend::LogOnly);
        QCOMPARE(n.throttleSeconds(Notifier::Event::RepositoryUnavailable), 24 * 3600);
        QCOMPARE(n.throttleSeconds(Notifier::Event::BackupFailed), 3600);
        QSignalSpy shown(&n, &Notifier::notified);
        const QString repo = QStringLiteral("/media/anna/Backup/rewind");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        n.repositoryUnavailable(repo, QStringLiteral("Not mounted."), now);
        n.repositoryUnavailable(repo, QStringLiteral("Not mounted."), now);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.last().at(0).value<Notifier::Event>(), Notifier::Event::RepositoryUnavailable);
        QVERIFY(shown.last().at(2).toString().startsWith(QLatin1String("Not mounted.")));

        n.setThrottleSeconds(Notifier::Event::RepositoryUnavailable, 1); // a day, shortened
        QTest::qWait(1100);
        n.repositoryUnavailable(repo, QStringLiteral("Not mounted."), now.addDays(-3));
        QCOMPARE(shown.size(), 2);
        QVERIFY2(shown.last().at(2).toString().contains(QLatin1String("for 3 days")),
            qPrintable(shown.last().at(2).toString()));
    }

    void deliversOverDBus()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            QSKIP("dbus-daemon is not available");
        }
        FakeNotifications fake;
        QDBusConnection service
            = QDBusConnection::connectToBus(QString::fromLocal8Bit(qgetenv("DBUS_SESSION_BUS_ADDRESS")),
                QStringLiteral("fake-notifications"));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY(service.registerObject(
            QStringLiteral("/org/freedesktop/Notifications"), &fake, QDBusConnection::ExportAllSlots));

        Notifier n;
#ifdef REWIND_TEST_KNOTIFICATIONS
        // Built with KF6Notifications: KNotification delivers, over the same interface.
        QCOMPARE(n.backend(), Notifier::Backend::KNotification);
#else
        QCOMPARE(n.backend(), Notifier::Backend::FreedesktopDBus);
#endif
        QSignalSpy activated(&n, &Notifier::activated);
        n.notify(Notifier::Event::BackupFailed, QStringLiteral("io"),
            QStringLiteral("Backup of 'web' failed"), QStringLiteral("Check the disk."));
        QTRY_COMPARE(fake.calls.size(), 1);
        QCOMPARE(fake.calls.first().summary, QStringLiteral("Backup of 'web' failed"));
        QCOMPARE(fake.calls.first().body, QStringLiteral("Check the disk."));
        QVERIFY(!fake.calls.first().actions.isEmpty());
        QCOMPARE(fake.calls.first().actions.first(), QStringLiteral("default"));
        QCOMPARE(fake.calls.first().hints.value(QStringLiteral("urgency")).toInt(), 2);

        // A scheduled backup that went well is no popup: low urgency here, and off by
        // default (Action=None in rewind.notifyrc) through KNotification.
        n.notify(Notifier::Event::BackupFinished, QStringLiteral("uuid-web"),
            QStringLiteral("Backup of 'web' done"), QStringLiteral("Point 2026-05-04 12:00"));
#ifdef REWIND_TEST_KNOTIFICATIONS
        // (KNotification may send the first one again, as an update of the same id.)
        QTest::qWait(500);
        for (const FakeNotifications::Call &call : std::as_const(fake.calls)) {
            QCOMPARE(call.summary, QStringLiteral("Backup of 'web' failed"));
        }
#else
        QTRY_COMPARE(fake.calls.size(), 2);
        QCOMPARE(fake.calls.last().hints.value(QStringLiteral("urgency")).toInt(), 0);
#endif

        // A click on someone else's notification is not ours.
        QDBusMessage other = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
        other << uint(4242) << QStringLiteral("default");
        QVERIFY(service.send(other));
        QVERIFY(!activated.wait(300));
        // The user clicks ours: the daemon emits ActionInvoked for the id it returned. The
        // notifier learns that id from Notify's reply, which may still be on its way, so
        // the click is repeated until it lands.
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
        signal << uint(1) << QStringLiteral("default");
        QTRY_VERIFY_WITH_TIMEOUT((service.send(signal), !activated.isEmpty()), 5000);
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
    }

private:
    QProcess m_bus;
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
