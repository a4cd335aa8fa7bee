// VmModel under QAbstractItemModelTester: test:///default, a generated node with 500
// domains, libvirt events turned into row inserts/changes/removals, backup summaries
// from a real repository, and the search proxy.

#include "displaytext.h"
#include "guitestdata.h"
#include "libvirt/connection.h"
#include "libvirt/domain.h"
#include "libvirt/inventory.h"
#include "vmcells.h"
#include "vmmodel.h"
#include "workers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent>

using namespace Rewind;

namespace {

void inWorker(QFuture<void> future)
{
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
}

bool rolesInclude(const QSignalSpy &spy, int role)
{
    for (const auto &args : spy) {
        if (args.at(2).value<QList<int>>().contains(role)) {
            return true;
        }
    }
    return false;
}

// Whether one of the dataChanged signals in spy covered index.
// "2 VMs" as the model says it (the test runs without the English plural forms).
QString vmsText(int count)
{
    return QCoreApplication::translate("Rewind::VmModel", "%n VM(s)", nullptr, count);
}

// A connection's Backups cell: "2 VMs · 5 points"; its tooltip has the space as well.
QString totalText(int vms, int points)
{
    return QCoreApplication::translate("Rewind::VmModel", "%1 · %n point(s)", nullptr, points)
        .arg(vmsText(vms));
}

bool changedAt(const QSignalSpy &spy, const QModelIndex &index)
{
    for (const auto &args : spy) {
        const QModelIndex first = args.at(0).toModelIndex();
        const QModelIndex last = args.at(1).toModelIndex();
        if (first.parent() == index.parent() && first.row() <= index.row() && index.row() <= last.row()
            && first.column() <= index.column() && index.column() <= last.column()) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestVmModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void defaultDriverFollowsEvents()
    {
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        model.addInventory(&inventory);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex connRow = model.index(0, 0);
        QCOMPARE(
            connRow.data(VmModel::NodeTypeRole).value<VmModel::NodeType>(), VmModel::NodeType::Connection);
        QCOMPARE(connRow.data().toString(), QStringLiteral("test:///default"));
        // The connection's row counts its VMs in the Backups column once it knows them,
        // followed by the points of all of them.
        const QModelIndex connSummary = connRow.siblingAtColumn(VmModel::StatusColumn);
        QCOMPARE(connSummary.data().toString(), QString());

        QSignalSpy loaded(&inventory, &Inventory::loaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        conn.open();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(connRow), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(connSummary.data().toString(), vmsText(1));
        QCOMPARE(
            model.index(0, 1, connRow).data(VmModel::ConnectionStateRole).toInt(), 0); // a VM row has none
        const QModelIndex vm = model.index(0, VmModel::NameColumn, connRow);
        QCOMPARE(vm.data().toString(), QStringLiteral("test"));
        QCOMPARE(DomainState(vm.data(VmModel::DomainStateRole).toInt()), DomainState::Running);
        QVERIFY(
            !model.index(0, VmModel::StateColumn, connRow).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(Connection::State(connRow.data(VmModel::ConnectionStateRole).toInt()),
            Connection::State::Connected);

        // A lifecycle event changes the state column only, with the state roles.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto handle = conn.handle();
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            auto dom = Libvirt::Domain::lookup(handle, QStringLiteral("test"));
            (void)dom->suspend();
        }));
        QTRY_COMPARE(DomainState(vm.data(VmModel::DomainStateRole).toInt()), DomainState::Paused);
        QVERIFY(rolesInclude(changed, VmModel::DomainStateRole));
        QVERIFY(!rolesInclude(changed, VmModel::LastBackupRole));
        for (const auto &args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().row(), 0);
            QCOMPARE(args.at(0).toModelIndex().column(), int(VmModel::StateColumn));
        }

        // A new domain is a row insert at its sorted place; undefining it removes the row.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            (void)Libvirt::Domain::defineXml(handle,
                QStringLiteral("<domain type='test'><name>added</name><memory>65536</memory>"
                               "<os><type>hvm</type></os></domain>"));
        }));
        QTRY_COMPARE(model.rowCount(connRow), 2);
        QCOMPARE(model.index(0, 0, connRow).data().toString(), QStringLiteral("added"));
        QCOMPARE(connSummary.data().toString(), vmsText(2));
        QVERIFY(changedAt(changed, connSummary));

        // The Backups cell adds up the points of the connection's VMs, and follows them.
        BackupSummary some;
        some.complete = 2;
        some.storedBytes = 3 * 1024 * 1024;
        changed.clear();
        model.setSummary(model.index(0, 0, connRow).data(VmModel::UuidRole).toString(), some);
        QVERIFY(changedAt(changed, connSummary));
        QCOMPARE(connSummary.data().toString(), totalText(2, 2));
        QVERIFY2(
            connSummary.data(Qt::ToolTipRole).toString().contains(VmCells::pointsText(2, 3 * 1024 * 1024)),
            qPrintable(connSummary.data(Qt::ToolTipRole).toString()));
        some.complete = 3;
        some.storedBytes = 1024 * 1024;
        model.setSummary(model.index(1, 0, connRow).data(VmModel::UuidRole).toString(), some);
        QCOMPARE(connSummary.data().toString(), totalText(2, 5));
        QVERIFY(
            connSummary.data(Qt::ToolTipRole).toString().contains(VmCells::pointsText(5, 4 * 1024 * 1024)));
        changed.clear();
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            auto dom = Libvirt::Domain::lookup(handle, QStringLiteral("added"));
            (void)dom->undefine();
        }));
        QTRY_COMPARE(model.rowCount(connRow), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(changedAt(changed, connSummary));
        // "added" and its points are gone.
        QCOMPARE(connSummary.data().toString(), totalText(1, 3));
        QCOMPARE(model.index(0, 0, connRow).data().toString(), QStringLiteral("test"));

        // Restore the shared default driver's state for later tests.
        inWorker(QtConcurrent::run(Workers::libvirtPool(), [handle] {
            auto dom = Libvirt::Domain::lookup(handle, QStringLiteral("test"));
            (void)dom->resume();
        }));
        QTRY_COMPARE(DomainState(vm.data(VmModel::DomainStateRole).toInt()), DomainState::Running);

        // Closing the connection keeps the rows and shows the state.
        conn.close();
        QCOMPARE(Connection::State(connRow.data(VmModel::ConnectionStateRole).toInt()),
            Connection::State::Disconnected);
        model.removeInventory(&inventory);
        QCOMPARE(model.rowCount(), 0);
    }

    void fiveHundredVms()
    {
        QTemporaryDir dir;
        const QString uri = GuiTestData::writeNode(dir.path(), 500);
        QVERIFY(!uri.isEmpty());
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        Connection conn(uri);
        Inventory inventory(&conn);
        model.addInventory(&inventory);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        conn.open();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.vmCount(), 500);
        const QModelIndex connRow = model.connectionIndex(uri);
        QCOMPARE(model.rowCount(connRow), 500);
        QCOMPARE(model.index(42, 0, connRow).data().toString(), GuiTestData::nameFor(42));
        QCOMPARE(model.index(42, 0, connRow).data(VmModel::UuidRole).toString(), GuiTestData::uuidFor(42));
        QCOMPARE(DomainState(model.index(40, 0, connRow).data(VmModel::DomainStateRole).toInt()),
            DomainState::ShutOff);
        QCOMPARE(model.vmIndex(uri, GuiTestData::uuidFor(499)).row(), 499);

        proxy.setFilterFixedString(QStringLiteral("VM-0042"));
        QCOMPARE(proxy.rowCount(), 1);
        const QModelIndex proxyConn = proxy.index(0, 0);
        QCOMPARE(proxy.rowCount(proxyConn), 1);
        QCOMPARE(proxy.index(0, 0, proxyConn).data().toString(), QStringLiteral("vm-0042"));
        proxy.setFilterFixedString(QStringLiteral("vm-01"));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 100);
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 500);

        // A summary at a time: one dataChanged for the VM's row, one for the connection's
        // Backups cell, which adds them up.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.setClock([now] { return now; });
        changed.clear();
        for (int i = 0; i < 500; i += 50) {
            BackupSummary s;
            s.points = s.complete = 3;
            s.lastSuccess = now.addSecs(-3600);
            model.setSummary(GuiTestData::uuidFor(i), s);
        }
        QCOMPARE(changed.size(), 20);
        QCOMPARE(model.index(50, VmModel::LastBackupColumn, connRow).data().toString(),
            QStringLiteral("1 hour ago"));
        QCOMPARE(connRow.siblingAtColumn(VmModel::StatusColumn).data().toString(), totalText(500, 30));
    }

    void summariesAndOverdue()
    {
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        model.addInventory(&inventory);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        conn.open();
        QVERIFY(loaded.wait(10000));
        const QModelIndex vm = model.index(0, 0, model.index(0, 0));
        const QString uuid = vm.data(VmModel::UuidRole).toString();
        const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::utc());
        model.setClock([now] { return now; });

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy summaries(&model, &VmModel::summariesChanged);
        BackupSummary s;
        s.points = s.complete = 4;
        s.storedBytes = 3 * 1024 * 1024;
        s.lastSuccess = now.addDays(-3);
        s.schedule = Schedule::daily(QTime(2, 0));
        s.schedule->setTimeZone(QTimeZone::utc());
        model.setSummary(uuid, s);
        QCOMPARE(summaries.size(), 1);
        QCOMPARE(changed.size(), 2); // the VM's row, then the connection's total
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(VmModel::LastBackupColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(VmModel::StatusColumn));
        QVERIFY(!changed.first().at(2).value<QList<int>>().contains(VmModel::DomainStateRole));
        QCOMPARE(changed.last().at(0).toModelIndex(), model.index(0, VmModel::StatusColumn));
        QCOMPARE(changed.last().at(1).toModelIndex(), model.index(0, VmModel::StatusColumn));

        const QModelIndex last = vm.siblingAtColumn(VmModel::LastBackupColumn);
        QVERIFY(vm.data(VmModel::OverdueRole).toBool());
        QCOMPARE(last.data().toString(), QStringLiteral("3 days ago"));
        QVERIFY(last.data(Qt::ForegroundRole).value<QColor>().isValid());
        QCOMPARE(vm.siblingAtColumn(VmModel::StatusColumn).data().toString(), QStringLiteral("Overdue"));
        QCOMPARE(vm.siblingAtColumn(VmModel::NextRunColumn).data(VmModel::NextRunRole).toDateTime(), now);

        // Backed up an hour ago: not overdue, next run tomorrow at 02:00.
        s.lastSuccess = now.addSecs(-3600);
        model.setSummary(uuid, s);
        QVERIFY(!vm.data(VmModel::OverdueRole).toBool());
        QVERIFY(!last.data(Qt::ForegroundRole).isValid());
        const QDateTime next(QDate(2026, 3, 11), QTime(2, 0), QTimeZone::utc());
        QCOMPARE(vm.data(VmModel::NextRunRole).toDateTime(), next);
        const QString tip = vm.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("\nNext backup: %1").arg(DisplayText::moment(next, now))),
            qPrintable(tip));
        QCOMPARE(vm.siblingAtColumn(VmModel::StatusColumn).data().toString(),
            QStringLiteral("4 points, 3.00 MiB"));
        // The same summary again changes nothing.
        changed.clear();
        model.setSummary(uuid, s);
        QCOMPARE(changed.size(), 0);

        model.setBusyText(uuid, QStringLiteral("Backing up… 40 %"));
        QCOMPARE(
            vm.siblingAtColumn(VmModel::StatusColumn).data().toString(), QStringLiteral("Backing up… 40 %"));
        QVERIFY(vm.data(VmModel::BusyRole).toBool());
        model.setBusyText(uuid, {});
        QVERIFY(!vm.data(VmModel::BusyRole).toBool());
    }

    void summariesFromRepository()
    {
        QTemporaryDir dir;
        auto repo
            = Repository::open(dir.path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        model.addInventory(&inventory);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        conn.open();
        QVERIFY(loaded.wait(10000));
        const QModelIndex vm = model.index(0, 0, model.index(0, 0));
        const QString uuid = vm.data(VmModel::UuidRole).toString();

        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        QString error;
        QVERIFY2(!GuiTestData::writePoint(*repo, uuid, QStringLiteral("test"), when.addDays(-1), true, &error)
                      .isEmpty(),
            qPrintable(error));
        QVERIFY2(!GuiTestData::writePoint(*repo, uuid, QStringLiteral("test"), when, false, &error).isEmpty(),
            qPrintable(error));
        auto record = repo->loadVm(uuid);
        QVERIFY(record);
        record->schedule = Schedule::interval(60).toJson();
        QVERIFY(repo->saveVm(*record));

        QSignalSpy summaries(&model, &VmModel::summariesChanged);
        model.setRepository(*repo);
        QTRY_COMPARE_WITH_TIMEOUT(vm.data(VmModel::PointCountRole).toInt(), 2, 10000);
        const BackupSummary s = model.summary(uuid);
        QCOMPARE(s.golden, 1);
        QCOMPARE(s.lastSuccess, when.toUTC());
        QVERIFY(s.schedule);
        QVERIFY(vm.data(VmModel::OverdueRole).toBool()); // hourly, the last one 3 h ago
        QVERIFY(!vm.siblingAtColumn(VmModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    }
};

QTEST_MAIN(TestVmModel)
#include "tst_vmmodel.moc"
