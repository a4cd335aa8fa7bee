// Connection's state machine and the Inventory, against test:///default: events come in
// through the event-loop thread and reach the owner's thread as signals.

#include "libvirt/connection.h"
#include "libvirt/domain.h"
#include "libvirt/inventory.h"
#include "workers.h"

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

#include <libvirt/libvirt.h>

using namespace Rewind;

namespace {
// Waits by spinning the event loop; QFuture::waitForFinished() here could run the task
// inline on the main thread, which strict threading forbids for libvirt calls.
void inWorker(QFuture<void> future)
{
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
}
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAndCloses()
    {
        Connection conn(QStringLiteral("test:///default"));
        QSignalSpy states(&conn, &Connection::stateChanged);
        QCOMPARE(conn.state(), Connection::State::Disconnected);
        conn.open();
        QCOMPARE(conn.state(), Connection::State::Connecting);
        QTRY_COMPARE(conn.state(), Connection::State::Connected);
        QVERIFY(conn.handle());
        conn.close();
        QCOMPARE(conn.state(), Connection::State::Disconnected);
        QVERIFY(!conn.handle());
        QCOMPARE(states.size(), 3);
        QCOMPARE(states.at(0).at(0).value<Connection::State>(), Connection::State::Connecting);
        QCOMPARE(states.at(1).at(0).value<Connection::State>(), Connection::State::Connected);
        QCOMPARE(states.at(2).at(0).value<Connection::State>(), Connection::State::Disconnected);
    }

    void failedFirstOpenIsNotRetried()
    {
        Connection conn(QStringLiteral("test:///no/such/file.xml"));
        QSignalSpy errors(&conn, &Connection::errorOccurred);
        conn.open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(conn.state(), Connection::State::Disconnected);
        QCOMPARE(conn.lastError().code(), ErrorCode::Connection);
        QVERIFY(!errors.wait(300)); // no retry loop on a URI that never worked
    }

    void lifecycleEventsReachInventory()
    {
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        QSignalSpy lifecycle(&conn, &Connection::domainLifecycle);
        QSignalSpy changed(&inventory, &Inventory::domainChanged);
        conn.open();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(inventory.count(), 1);
        const DomainInfo test = inventory.domains().first();
        QCOMPARE(test.name, QStringLiteral("test"));
        QCOMPARE(test.state, DomainState::Running);

        auto handle = conn.handle();
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            auto dom = Libvirt::Domain::lookup(handle, QStringLiteral("test"));
            (void)dom->suspend();
        }));
        QTRY_VERIFY(!lifecycle.isEmpty());
        QCOMPARE(lifecycle.first().at(0).toString(), test.uuid);
        QCOMPARE(lifecycle.first().at(1).toInt(), int(VIR_DOMAIN_EVENT_SUSPENDED));
        QTRY_COMPARE(inventory.domain(test.uuid)->state, DomainState::Paused);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toInt(), 0);
    }

    void inventoryTracksDefineAndUndefine()
    {
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        QSignalSpy added(&inventory, &Inventory::domainAdded);
        QSignalSpy removed(&inventory, &Inventory::domainRemoved);
        conn.open();
        QVERIFY(loaded.wait(5000));
        added.clear();
        auto handle = conn.handle();
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            (void)Libvirt::Domain::defineXml(handle,
                QStringLiteral("<domain type='test'><name>aaa first</name>"
                               "<memory>65536</memory><os><type>hvm</type></os></domain>"));
        }));
        QTRY_VERIFY(!added.isEmpty());
        QCOMPARE(added.first().at(0).toInt(), 0); // sorted by name: before "test"
        QCOMPARE(inventory.count(), 2);
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            auto d = Libvirt::Domain::lookup(handle, QStringLiteral("aaa first"));
            (void)d->undefine();
        }));
        QTRY_VERIFY(!removed.isEmpty());
        QCOMPARE(removed.first().at(0).toInt(), 0);
        QCOMPARE(inventory.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
