// The libvirt plumbing against a real daemon and a real QEMU guest: lifecycle events
// reach the owner's thread through the event-loop bridge, the connection notices a
// stopped libvirtd and reconnects when it is back, and rewindctl list shows the guest.

#include "rewindctl.h"
#include "testguest.h"

#include "libvirt/connection.h"
#include "libvirt/inventory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <libvirt/libvirt.h>

using namespace Rewind;
using namespace RewindTest;

namespace {

// The lifecycle events seen for uuid, in order.
QList<int> eventsFor(const QSignalSpy &spy, const QString &uuid)
{
    QList<int> events;
    for (const auto &args : spy) {
        if (args.at(0).toString() == uuid) {
            events << args.at(1).toInt();
        }
    }
    return events;
}

bool runSetup(const QString &verb, QString *error)
{
    QString out;
    return TestGuest::runTool(QStringLiteral("bash"),
        {TestGuest::fixtureSourceDir() + QStringLiteral("/setup-libvirt.sh"), verb}, &out, error, 90000);
}

} // namespace

class TestLiveConnection : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;

private Q_SLOTS:
    void initTestCase()
    {
        m_guest = std::make_unique<TestGuest>();
        QString error;
        QVERIFY2(m_guest->create(&error), qPrintable(error));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        // The guest's own connection died with the daemon restart: remove it through a
        // fresh one so it does not keep running after the test.
        if (m_guest) {
            QString out, error;
            TestGuest::runTool(QStringLiteral("virsh"),
                {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("destroy"), m_guest->name()}, &out,
                &error);
            TestGuest::runTool(QStringLiteral("virsh"),
                {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("undefine"), m_guest->name()}, &out,
                &error);
        }
    }

    void lifecycleEventsReachTheGuiThread()
    {
        Connection conn(TestGuest::uri());
        Inventory inventory(&conn);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        QSignalSpy lifecycle(&conn, &Connection::domainLifecycle);
        conn.open();
        QVERIFY(loaded.wait(60000));
        const QString uuid = m_guest->uuid();
        QVERIFY(inventory.domain(uuid).has_value());
        QCOMPARE(inventory.domain(uuid)->state, DomainState::Running);

        // Signals must be emitted on this (the owner's) thread.
        QThread *emittedOn = nullptr;
        connect(&conn, &Connection::domainLifecycle, this,
            [&emittedOn] { emittedOn = QThread::currentThread(); });

        QString error;
        QVERIFY2(m_guest->suspend(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(eventsFor(lifecycle, uuid).contains(VIR_DOMAIN_EVENT_SUSPENDED), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.domain(uuid)->state, DomainState::Paused, 10000);
        QCOMPARE(emittedOn, QThread::currentThread());

        QVERIFY2(m_guest->resume(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(eventsFor(lifecycle, uuid).contains(VIR_DOMAIN_EVENT_RESUMED), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.domain(uuid)->state, DomainState::Running, 10000);

        QVERIFY2(m_guest->destroy(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(eventsFor(lifecycle, uuid).contains(VIR_DOMAIN_EVENT_STOPPED), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.domain(uuid)->state, DomainState::ShutOff, 10000);

        QVERIFY2(m_guest->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(eventsFor(lifecycle, uuid).contains(VIR_DOMAIN_EVENT_STARTED), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.domain(uuid)->state, DomainState::Running, 10000);

        const QList<int> order = eventsFor(lifecycle, uuid);
        QVERIFY(order.indexOf(VIR_DOMAIN_EVENT_SUSPENDED) < order.indexOf(VIR_DOMAIN_EVENT_RESUMED));
        QVERIFY(order.indexOf(VIR_DOMAIN_EVENT_RESUMED) < order.indexOf(VIR_DOMAIN_EVENT_STOPPED));
        QVERIFY(order.lastIndexOf(VIR_DOMAIN_EVENT_STARTED) > order.indexOf(VIR_DOMAIN_EVENT_STOPPED));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
    }

    void listJsonShowsTheRunningGuest()
    {
        const CtlResult r = runCtl({QStringLiteral("list"), QStringLiteral("--json"),
            QStringLiteral("--connect"), TestGuest::uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QJsonObject guest;
        for (const auto &v : r.json().array()) {
            if (v.toObject().value(QLatin1String("uuid")).toString() == m_guest->uuid()) {
                guest = v.toObject();
            }
        }
        QVERIFY2(!guest.isEmpty(), qPrintable(r.out));
        QCOMPARE(guest.value(QLatin1String("name")).toString(), m_guest->name());
        QCOMPARE(guest.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(guest.value(QLatin1String("persistent")).toBool(), true);
        QCOMPARE(guest.value(QLatin1String("memoryKiB")).toInt(), 256 * 1024);
        const QJsonObject vda = guest.value(QLatin1String("disks")).toArray().first().toObject();
        QCOMPARE(vda.value(QLatin1String("target")).toString(), QStringLiteral("vda"));
        QCOMPARE(vda.value(QLatin1String("path")).toString(), m_guest->diskPath());
        QCOMPARE(vda.value(QLatin1String("format")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(vda.value(QLatin1String("device")).toString(), QStringLiteral("disk"));
    }

    void reconnectsAfterLibvirtdRestart()
    {
        Connection conn(TestGuest::uri());
        conn.setReconnectInterval(500);
        Inventory inventory(&conn);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        QSignalSpy reconnected(&conn, &Connection::reconnected);
        conn.open();
        QVERIFY(loaded.wait(60000));
        const QList<DomainInfo> before = inventory.domains();
        QVERIFY(inventory.domain(m_guest->uuid()).has_value());

        QString error;
        QVERIFY2(runSetup(QStringLiteral("stop"), &error), qPrintable(error));
        auto restart = qScopeGuard([] {
            QString e;
            runSetup(QStringLiteral("start"), &e);
        });
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Connection::State::Lost, 20000);
        QVERIFY(inventory.isStale());
        QCOMPARE(inventory.domains(), before); // the last known list stays visible

        QVERIFY2(runSetup(QStringLiteral("start"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Connection::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!reconnected.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!inventory.isStale(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 2, 20000);
        // Running domains survive a daemon restart; the inventory is intact.
        QVERIFY(inventory.domain(m_guest->uuid()).has_value());
        QCOMPARE(inventory.domain(m_guest->uuid())->state, DomainState::Running);
        QCOMPARE(inventory.count(), before.size());
        const int now = m_guest->latestSerialRecord().counter;
        QVERIFY2(m_guest->waitForCounter(now + 3, 30000, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLiveConnection)
#include "tst_liveconnection.moc"
