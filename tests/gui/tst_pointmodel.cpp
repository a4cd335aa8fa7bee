// PointModel under QAbstractItemModelTester: 2,000 synthetic points per VM fed in memory
// for 500 VMs, merges that insert and remove single rows, and loading a real repository.

#include "guitestdata.h"
#include "pointmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Rewind;

class TestPointModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void twoThousandPointsForFiveHundredVms()
    {
        PointModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime newest(QDate(2026, 11, 26), QTime(10, 15), QTimeZone::utc());
        const QList<PointRow> points = GuiTestData::syntheticPoints(2000, newest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        for (int vm = 0; vm < 500; ++vm) {
            model.setPoints(GuiTestData::uuidFor(vm), GuiTestData::nameFor(vm), points);
            QCOMPARE(model.rowCount(), 2000);
        }
        QCOMPARE(resets.size(), 500);
        QCOMPARE(model.vmUuid(), GuiTestData::uuidFor(499));

        const QModelIndex first = model.index(0, PointModel::KindColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("Full"));
        QCOMPARE(model.index(1, PointModel::KindColumn).data().toString(), QStringLiteral("Incremental"));
        QCOMPARE(model.index(5, PointModel::GoldenColumn).data(PointModel::GoldenRole).toBool(), true);
        QCOMPARE(PointInfo::State(model.index(7, 0).data(PointModel::StateRole).toInt()),
            PointInfo::State::Damaged);
        QCOMPARE(PointInfo::State(model.index(1999, 0).data(PointModel::StateRole).toInt()),
            PointInfo::State::Incomplete);
        QCOMPARE(model.index(1999, 0).data(PointModel::TimeRole).toDateTime(), newest);
        const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("Size:")) && tip.contains(QLatin1String("Disks only")),
            qPrintable(tip));
        QCOMPARE(model.headerData(PointModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
    }

    void mergeKeepsRows()
    {
        PointModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime newest(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        QList<PointRow> points = GuiTestData::syntheticPoints(50, newest, 3600, false);
        model.setPoints(QStringLiteral("uuid"), QStringLiteral("web"), points);
        const QPersistentModelIndex tenth = model.index(10, 0);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A new point at the end, the oldest removed, one turned golden.
        QList<PointRow> next = points;
        PointRow added = GuiTestData::syntheticPoints(1, newest.addSecs(3600), 3600, false).first();
        next.append(added);
        next.removeFirst();
        next[20].golden = !next[20].golden;
        model.setPoints(QStringLiteral("uuid"), QStringLiteral("web"), next);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 49);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 20);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.points(), next);
        QCOMPARE(tenth.row(), 9); // persistent indexes follow
    }

    void loadsFromRepositoryInWorker()
    {
        QTemporaryDir dir;
        auto repo
            = Repository::open(dir.path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QString uuid = GuiTestData::uuidFor(1);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-2);
        QString error;
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(!GuiTestData::writePoint(
                         *repo, uuid, QStringLiteral("web"), t0.addSecs(i * 3600), i == 1, &error)
                          .isEmpty(),
                qPrintable(error));
        }
        PointModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &PointModel::loaded);
        model.load(*repo, uuid, QStringLiteral("web"));
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.point(1).golden);
        QCOMPARE(model.point(0).storedBytes, 4096 + 2048);
        QCOMPARE(model.point(0).memoryBytes, 8192);

        // A fourth point appears through a reload as one inserted row.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(!GuiTestData::writePoint(*repo, uuid, QStringLiteral("web"), t0.addSecs(4 * 3600)).isEmpty());
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.size(), 1);

        // A load overtaken by a switch to another VM is dropped.
        model.load(*repo, uuid, QStringLiteral("web"));
        model.setPoints(QStringLiteral("other"), QStringLiteral("other"), {});
        QVERIFY(!loaded.wait(500));
        QCOMPARE(model.vmUuid(), QStringLiteral("other"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestPointModel)
#include "tst_pointmodel.moc"
