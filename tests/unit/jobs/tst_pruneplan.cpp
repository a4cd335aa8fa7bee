// Tests PrunePlan, the pure part of a prune: which points go, why the others stay, how
// kept incremental points absorb their pruned ancestors, the order of the work, the
// refusal of chains whose manifests contradict each other, and the deletion of chosen
// points. No files are involved.

#include "jobs/pruneplan.h"
#include "repository/pointid.h"

#include <QTest>

using namespace Rewind;

namespace {

const QString Uuid = QStringLiteral("6c1f3a2e-4b5d-4e6f-8a7b-9c0d1e2f3a4b");

/// A chain written as a string: "F" a full point, "I" an incremental one on the point
/// before it, "D" a damaged point, "-" an incomplete one; "Ix2" an incremental on the
/// third point (index 2). Lower case marks the point golden. Point n is taken on day n.
QList<PointInfo> chain(const QString &spec)
{
    QList<PointInfo> points;
    const QStringList items = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype n = 0; n < items.size(); ++n) {
        const QString item = items.at(n);
        const QDateTime when = QDateTime(QDate(2026, 1, 1), QTime(10, 0), QTimeZone::utc()).addDays(n);
        PointInfo p;
        p.id = PointId::fromTime(when);
        p.dir = QStringLiteral("/repo/") + Uuid + QLatin1Char('/') + p.id;
        const QChar type = item.at(0).toUpper();
        if (type == QLatin1Char('D')) {
            p.state = PointInfo::State::Damaged;
            points.append(p);
            continue;
        }
        if (type == QLatin1Char('-')) {
            p.state = PointInfo::State::Incomplete;
            points.append(p);
            continue;
        }
        PointManifest m;
        m.domainName = QStringLiteral("web");
        m.domainUuid = Uuid;
        m.created = when;
        m.method = PointManifest::Method::DiskOnly;
        m.isProtected = item.at(0).isLower();
        PointManifest::Disk disk;
        disk.target = QStringLiteral("vda");
        disk.fileName = QStringLiteral("vda.qcow2");
        disk.storedFormat = QStringLiteral("qcow2");
        disk.storedSize = 1000;
        if (type == QLatin1Char('I')) {
            const qsizetype parent
                = item.contains(QLatin1Char('x')) ? item.section(QLatin1Char('x'), 1).toInt() : n - 1;
            m.kind = PointManifest::Kind::Incremental;
            m.parentId = points.at(parent).id;
            disk.backingFile = QStringLiteral("../%1/vda.qcow2").arg(m.parentId);
        }
        m.disks = {disk};
        p.state = PointInfo::State::Complete;
        p.manifest = m;
        points.append(p);
    }
    return points;
}

QString id(int day)
{
    return PointId::fromTime(QDateTime(QDate(2026, 1, 1), QTime(10, 0), QTimeZone::utc()).addDays(day));
}

QStringList ids(const QList<int> &days)
{
    QStringList out;
    for (int d : days) {
        out << id(d);
    }
    return out;
}

RetentionPolicy lastN(int n)
{
    RetentionPolicy p;
    p.keepLast = n;
    return p;
}

} // namespace

class TestPrunePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("keepLast");
        QTest::addColumn<QList<int>>("removeFirst");
        QTest::addColumn<QList<int>>("merged"); ///< points that absorb, chronological
        QTest::addColumn<QList<int>>("newParents"); ///< per merged point; -1: becomes full
        QTest::addColumn<QList<int>>("removeLast");

        QTest::newRow("full points only")
            << "F F F F" << 2 << QList<int> {1, 0} << QList<int> {} << QList<int> {} << QList<int> {};
        QTest::newRow("nothing to prune")
            << "F I I" << 5 << QList<int> {} << QList<int> {} << QList<int> {} << QList<int> {};
        QTest::newRow("no rules keep a chain")
            << "f I I I" << 0 << QList<int> {} << QList<int> {} << QList<int> {} << QList<int> {};
        QTest::newRow("middle of a chain")
            << "f I I I" << 2 << QList<int> {} << QList<int> {2} << QList<int> {0} << QList<int> {1};
        QTest::newRow("full point of a chain")
            << "F I I" << 2 << QList<int> {} << QList<int> {1} << QList<int> {-1} << QList<int> {0};
        QTest::newRow("a run of points in one step")
            << "f I I I I" << 1 << QList<int> {} << QList<int> {4} << QList<int> {0} << QList<int> {3, 2, 1};
        QTest::newRow("old chain goes first, new chain merged")
            << "F I F I I" << 1 << QList<int> {1, 0} << QList<int> {4} << QList<int> {-1}
            << QList<int> {3, 2};
        QTest::newRow("two chains") << "F I I F I I" << 1 << QList<int> {2, 1, 0} << QList<int> {5}
                                    << QList<int> {-1} << QList<int> {4, 3};
        QTest::newRow("golden in the middle") << "F I i I I" << 1 << QList<int> {} << QList<int> {2, 4}
                                              << QList<int> {-1, 2} << QList<int> {3, 1, 0};
        QTest::newRow("branches") << "f I ix1 Ix1" << 1 << QList<int> {} << QList<int> {2, 3}
                                  << QList<int> {0, 0} << QList<int> {1};
        QTest::newRow("incomplete points are ignored")
            << "F - I" << 1 << QList<int> {} << QList<int> {2} << QList<int> {-1} << QList<int> {0};
    }

    void plan()
    {
        QFETCH(QString, spec);
        QFETCH(int, keepLast);
        QFETCH(QList<int>, removeFirst);
        QFETCH(QList<int>, merged);
        QFETCH(QList<int>, newParents);
        QFETCH(QList<int>, removeLast);
        // "I" after "-" builds on the incomplete point in the spec syntax; point it at 0.
        QList<PointInfo> points = chain(spec);
        if (spec == QLatin1String("F - I")) {
            points[2].manifest->parentId = id(0);
            points[2].manifest->disks[0].backingFile = QStringLiteral("../%1/vda.qcow2").arg(id(0));
        }
        auto plan = PrunePlan::build(points, lastN(keepLast), QTimeZone::utc());
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
        QCOMPARE(plan->removeFirst, ids(removeFirst));
        QCOMPARE(plan->removeLast, ids(removeLast));
        QStringList mergedIds;
        QStringList parents;
        for (const PruneMerge &m : plan->merges) {
            mergedIds << m.pointId;
            parents << m.newParentId;
            QCOMPARE(m.disks.size(), 1);
            QCOMPARE(m.disks.first().newBacking,
                m.newParentId.isEmpty() ? QString() : QStringLiteral("../%1/vda.qcow2").arg(m.newParentId));
            QCOMPARE(m.disks.first().absorbedImages.size(), m.absorbs.size());
            QCOMPARE(m.disks.first().newBackingFormat,
                m.newParentId.isEmpty() ? QString() : QStringLiteral("qcow2"));
        }
        QCOMPARE(mergedIds, ids(merged));
        QStringList expectedParents;
        for (int p : newParents) {
            expectedParents << (p < 0 ? QString() : id(p));
        }
        QCOMPARE(parents, expectedParents);
        QStringList removed = plan->removeFirst + plan->removeLast;
        std::sort(removed.begin(), removed.end());
        QCOMPARE(plan->removed(), removed);
    }

    void absorbsAreNewestFirst()
    {
        auto plan = PrunePlan::build(chain(QStringLiteral("f I I I")), lastN(1), QTimeZone::utc());
        QVERIFY(plan.ok());
        QCOMPARE(plan->merges.size(), 1);
        QCOMPARE(plan->merges.first().absorbs, ids({2, 1}));
        QCOMPARE(plan->merges.first().disks.first().absorbedImages,
            (QStringList {
                QStringLiteral("../%1/vda.qcow2").arg(id(2)), QStringLiteral("../%1/vda.qcow2").arg(id(1))}));
        const PruneDecision &last = plan->decisions.last();
        QCOMPARE(last.absorbs, ids({2, 1}));
        QCOMPARE(last.newParentId, id(0));
        QCOMPARE(last.reasonText(), QStringLiteral("last #1"));
        QCOMPARE(plan->decisions.first().reasons, QStringList {QStringLiteral("golden")});
        QCOMPARE(plan->removedBytes(), qint64(2000));
    }

    void damagedPointsStay()
    {
        const QList<PointInfo> points = chain(QStringLiteral("F I D F"));
        // Without knowing what the damaged point builds on, its predecessors could go...
        auto blind = PrunePlan::build(points, lastN(1), QTimeZone::utc());
        QVERIFY(blind.ok());
        QCOMPARE(blind->decisions.at(2).reasons, QStringList {QStringLiteral("damaged")});
        QVERIFY(blind->decisions.at(2).keep);
        QCOMPARE(blind->removed(), ids({0, 1}));
        // ...but the images it sits on (found by reading them) are kept.
        auto plan = PrunePlan::build(points, lastN(1), QTimeZone::utc(), {id(0), id(1)});
        QVERIFY(plan.ok());
        QVERIFY(plan->removed().isEmpty());
        QCOMPARE(plan->decisions.at(1).reasons, QStringList {QStringLiteral("backs-damaged")});
    }

    void brokenChainIsKept()
    {
        // The kept point's chain leads through pruned points to one that is gone: the
        // data to fold in is incomplete, so nothing of that chain is merged or removed.
        QList<PointInfo> points = chain(QStringLiteral("F I I I"));
        points.removeFirst();
        auto plan = PrunePlan::build(points, lastN(1), QTimeZone::utc());
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
        QVERIFY(plan->removed().isEmpty());
        QVERIFY(plan->merges.isEmpty());
        QCOMPARE(plan->decisions.at(0).reasons, QStringList {QStringLiteral("broken-chain")});
    }

    // A deletion plans exactly the points chosen, merged as a prune would, or refuses.
    void chosenPointsAreRemoved()
    {
        const QList<PointInfo> points = chain(QStringLiteral("F I I - F"));
        auto plan = PrunePlan::buildRemoving(points, {id(1), id(3)});
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
        QCOMPARE(plan->removed(), ids({1, 3})); // the incomplete leftover too
        QCOMPARE(plan->merges.size(), 1);
        QCOMPARE(plan->merges.first().pointId, id(2));
        QCOMPARE(plan->merges.first().newParentId, id(0));
        QCOMPARE(plan->removeFirst, QStringList {id(3)});
        QCOMPARE(plan->removeLast, QStringList {id(1)});
        QCOMPARE(plan->decisions.at(0).reasons, QStringList {QStringLiteral("not-chosen")});
    }

    void chosenPointsThatCannotGoAreRefused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("dropFirst");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("code");
        QTest::newRow("golden") << QStringLiteral("f I") << false << 0 << int(ErrorCode::Conflict);
        QTest::newRow("unknown") << QStringLiteral("F I") << false << 7 << int(ErrorCode::NotFound);
        QTest::newRow("damaged under a point")
            << QStringLiteral("F D I") << false << 1 << int(ErrorCode::Conflict);
        // Day 1's chain leads down to day 0, which is gone: its data cannot be folded into day 2.
        QTest::newRow("chain to a missing point")
            << QStringLiteral("F I I") << true << 1 << int(ErrorCode::Conflict);
    }

    void chosenPointsThatCannotGoAreRefused()
    {
        QFETCH(QString, spec);
        QFETCH(bool, dropFirst);
        QFETCH(int, day);
        QFETCH(int, code);
        QList<PointInfo> points = chain(spec);
        if (dropFirst) {
            points.removeFirst();
        }
        auto plan = PrunePlan::buildRemoving(points, {id(day)});
        QVERIFY(!plan.ok());
        QCOMPARE(int(plan.error().code()), code);
        QVERIFY2(plan.error().message().contains(id(day)), qPrintable(plan.error().message()));
    }

    void contradictingChainsAreRefused_data()
    {
        QTest::addColumn<QString>("backing");
        QTest::newRow("disk on another point") << QStringLiteral("../%1/vda.qcow2").arg(id(0));
        QTest::newRow("absolute path") << QStringLiteral("/etc/passwd");
        QTest::newRow("outside the VM") << QStringLiteral("../../x/vda.qcow2");
        QTest::newRow("file the parent lacks") << QStringLiteral("../%1/vdb.qcow2").arg(id(1));
    }

    void contradictingChainsAreRefused()
    {
        QFETCH(QString, backing);
        QList<PointInfo> points = chain(QStringLiteral("f I I"));
        points[2].manifest->disks[0].backingFile = backing;
        auto plan = PrunePlan::build(points, lastN(1), QTimeZone::utc());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), ErrorCode::Damaged);
        QVERIFY2(plan.error().message().contains(id(2)), qPrintable(plan.error().message()));
    }

    void parseBacking()
    {
        QCOMPARE(PrunePlan::parseBacking(QStringLiteral("../%1/vda.qcow2").arg(id(0))),
            std::make_optional(std::pair {id(0), QStringLiteral("vda.qcow2")}));
        QVERIFY(!PrunePlan::parseBacking(QStringLiteral("../%1/.hidden").arg(id(0))));
        QVERIFY(!PrunePlan::parseBacking(QStringLiteral("../notanid/vda.qcow2")));
        QVERIFY(!PrunePlan::parseBacking(QStringLiteral("vda.qcow2")));
        QVERIFY(!PrunePlan::parseBacking(QString()));
    }
};

QTEST_GUILESS_MAIN(TestPrunePlan)
#include "tst_pruneplan.moc"
