// The chain decision (ChangeTracking::nextStep) on synthetic repositories: when the next
// point may be an increment on the tracked point, and why it is full otherwise; and the
// tracking record's JSON, which must never yield a half-usable record.

#include "prunefixture.h"

#include "jobs/changetracking.h"

#include <QTest>

using namespace Rewind;
using namespace PruneTest;

namespace {

const QString kImage = QStringLiteral("/var/lib/libvirt/images/web.img");

Tracking trackingOn(const QString &pointId)
{
    return Tracking {pointId,
        {{QStringLiteral("vda"), kImage, QStringLiteral("raw"),
            ChangeTracking::overlayPathFor(kImage, pointId), {}}}};
}

// A disk as libvirt shows it while the VM writes to the tracked overlay.
DiskInfo trackedDisk(const Tracking &t)
{
    DiskInfo d;
    d.target = QStringLiteral("vda");
    d.device = QStringLiteral("disk");
    d.type = QStringLiteral("file");
    d.format = QStringLiteral("qcow2");
    d.path = t.disks.first().overlayPath;
    d.backingChain = {kImage};
    d.backingFormats = {QStringLiteral("raw")};
    d.hasBackingStore = true;
    return d;
}

const QDateTime kNow = QDateTime(QDate(2026, 1, 3), QTime(12, 0), QTimeZone::utc());

} // namespace

class TestChangeTracking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void incrementOnTheTrackedPoint()
    {
        SyntheticRepo r;
        const QString full = r.addRawPoint();
        const Tracking t = trackingOn(full);
        const ChainStep step = ChangeTracking::nextStep(
            r.repo(), VmUuid, t, {trackedDisk(t)}, true, false, ChainPolicy(), kNow);
        QCOMPARE(step.parentId, full);
        QVERIFY(step.parent.has_value());
        QVERIFY(step.fullReason.isEmpty());
    }

    void noTrackingMeansFullWithoutComplaint()
    {
        SyntheticRepo r;
        r.addRawPoint();
        const ChainStep step
            = ChangeTracking::nextStep(r.repo(), VmUuid, std::nullopt, {}, true, false, ChainPolicy(), kNow);
        QVERIFY(step.parentId.isEmpty());
        QVERIFY(step.fullReason.isEmpty());
    }

    void fullPoints_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("asked for") << QStringLiteral("force") << QStringLiteral("asked for");
        QTest::newRow("shut off") << QStringLiteral("stopped") << QStringLiteral("shut off");
        QTest::newRow("policy: full only") << QStringLiteral("policy0") << QStringLiteral("full points only");
        QTest::newRow("committed by someone")
            << QStringLiteral("committed") << QStringLiteral("outside Rewind");
        QTest::newRow("snapshot on top") << QStringLiteral("snapshot") << QStringLiteral("outside Rewind");
        QTest::newRow("disk added") << QStringLiteral("added") << QStringLiteral("vdb is new");
        QTest::newRow("disk removed") << QStringLiteral("removed") << QStringLiteral("vda was removed");
        QTest::newRow("parent gone") << QStringLiteral("gone") << QStringLiteral("is gone");
        QTest::newRow("chain too long") << QStringLiteral("long") << QStringLiteral("2 increments");
        QTest::newRow("chain too old") << QStringLiteral("old") << QStringLiteral("limit");
    }

    void fullPoints()
    {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        SyntheticRepo r;
        const QString full = r.addFullPoint({});
        const QString inc1 = r.addIncrementalPoint(full, {});
        const QString inc2 = r.addIncrementalPoint(inc1, {});
        QVERIFY(!inc2.isEmpty());
        Tracking t = trackingOn(inc2);
        QList<DiskInfo> disks {trackedDisk(t)};
        bool running = true;
        bool force = false;
        ChainPolicy policy;
        policy.maxIncrements = 3;
        QDateTime now = kNow.addDays(2);
        if (change == QLatin1String("force")) {
            force = true;
        } else if (change == QLatin1String("stopped")) {
            running = false;
        } else if (change == QLatin1String("policy0")) {
            policy.maxIncrements = 0;
        } else if (change == QLatin1String("committed")) {
            disks.first().path = kImage;
            disks.first().backingChain.clear();
        } else if (change == QLatin1String("snapshot")) {
            disks.first().path = QStringLiteral("/var/lib/libvirt/images/web.snap1");
            disks.first().backingChain = {t.disks.first().overlayPath, kImage};
        } else if (change == QLatin1String("added")) {
            DiskInfo vdb = trackedDisk(t);
            vdb.target = QStringLiteral("vdb");
            vdb.path = QStringLiteral("/var/lib/libvirt/images/data.qcow2");
            vdb.backingChain.clear();
            disks << vdb;
        } else if (change == QLatin1String("removed")) {
            disks.clear();
        } else if (change == QLatin1String("gone")) {
            t = trackingOn(QStringLiteral("20200101T000000Z"));
            disks = {trackedDisk(t)};
        } else if (change == QLatin1String("long")) {
            policy.maxIncrements = 2;
        } else if (change == QLatin1String("old")) {
            now = kNow.addDays(30);
        }
        const ChainStep step
            = ChangeTracking::nextStep(r.repo(), VmUuid, t, disks, running, force, policy, now);
        QVERIFY2(step.parentId.isEmpty(), qPrintable(step.parentId));
        QVERIFY(!step.parent.has_value());
        QVERIFY2(step.fullReason.contains(reason), qPrintable(step.fullReason));
    }

    // Read-only and removable disks are not backed up, so they do not break the chain.
    void untrackedDisksThatAreNotBackedUp()
    {
        SyntheticRepo r;
        const QString full = r.addRawPoint();
        const Tracking t = trackingOn(full);
        DiskInfo cdrom;
        cdrom.target = QStringLiteral("hdc");
        cdrom.device = QStringLiteral("cdrom");
        cdrom.type = QStringLiteral("file");
        DiskInfo readOnly = trackedDisk(t);
        readOnly.target = QStringLiteral("vdb");
        readOnly.readOnly = true;
        readOnly.path = QStringLiteral("/srv/iso/tools.img");
        readOnly.backingChain.clear();
        const ChainStep step = ChangeTracking::nextStep(
            r.repo(), VmUuid, t, {trackedDisk(t), cdrom, readOnly}, true, false, ChainPolicy(), kNow);
        QCOMPARE(step.parentId, full);
    }

    void recordRoundTripAndRejects()
    {
        const Tracking t = trackingOn(QStringLiteral("20260101T100000Z"));
        const auto back = Tracking::fromJson(t.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->pointId, t.pointId);
        QCOMPARE(back->disks.size(), 1);
        QCOMPARE(back->disks.first().overlayPath, t.disks.first().overlayPath);
        QVERIFY(!Tracking::fromJson({}).has_value());
        QJsonObject noPoint = t.toJson();
        noPoint.insert(QStringLiteral("pointId"), QStringLiteral("yesterday"));
        QVERIFY(!Tracking::fromJson(noPoint).has_value());
        QJsonObject noDisks = t.toJson();
        noDisks.insert(QStringLiteral("disks"), QJsonArray());
        QVERIFY(!Tracking::fromJson(noDisks).has_value());
    }

    // Only IMAGE.rewind-POINT.qcow2 directly over IMAGE is taken for Rewind's own overlay,
    // or over a frozen IMAGE.rewind-EARLIER.qcow2 that is being merged into IMAGE.
    void overlaysInUse()
    {
        const Tracking t = trackingOn(QStringLiteral("20260101T100000Z"));
        DiskInfo ours = trackedDisk(t);
        DiskInfo deeper = ours;
        deeper.target = QStringLiteral("vdb");
        deeper.backingChain << QStringLiteral("/var/lib/libvirt/images/base.img");
        DiskInfo foreign = ours;
        foreign.target = QStringLiteral("vdc");
        foreign.path = QStringLiteral("/var/lib/libvirt/images/web.snap1");
        const QString frozen = ChangeTracking::overlayPathFor(kImage, QStringLiteral("20260101T090000Z"));
        DiskInfo merging = ours;
        merging.target = QStringLiteral("vdd");
        merging.backingChain = {frozen, kImage};
        merging.backingFormats = {QStringLiteral("qcow2"), QStringLiteral("raw")};
        DiskInfo foreignBelow = merging;
        foreignBelow.target = QStringLiteral("vde");
        foreignBelow.backingChain = {QStringLiteral("/var/lib/libvirt/images/web.snap1"), kImage};
        DiskInfo otherImage = merging;
        otherImage.target = QStringLiteral("vdf");
        otherImage.backingChain
            = {ChangeTracking::overlayPathFor(
                   QStringLiteral("/var/lib/libvirt/images/db.img"), QStringLiteral("20260101T090000Z")),
                kImage};
        DiskInfo threeDeep = merging;
        threeDeep.target = QStringLiteral("vdg");
        threeDeep.backingChain = {ours.path, frozen, kImage};

        const QList<OverlayPlan> plans = ChangeTracking::overlaysInUse(
            {ours, deeper, foreign, merging, foreignBelow, otherImage, threeDeep});
        QCOMPARE(plans.size(), 2);
        QCOMPARE(plans.first().target, QStringLiteral("vda"));
        QCOMPARE(plans.first().originalPath, kImage);
        QCOMPARE(plans.first().originalFormat, QStringLiteral("raw"));
        QCOMPARE(plans.first().overlayPath, ours.path);
        QVERIFY(plans.first().trackedOverlay.isEmpty());
        QCOMPARE(plans.last().target, QStringLiteral("vdd"));
        QCOMPARE(plans.last().originalPath, kImage);
        QCOMPARE(plans.last().originalFormat, QStringLiteral("raw"));
        QCOMPARE(plans.last().overlayPath, ours.path);
        QCOMPARE(plans.last().trackedOverlay, frozen);
    }

    // A record with a merge left running keeps the frozen overlay; mergePending says so.
    void pendingMergeIsRecorded()
    {
        Tracking t = trackingOn(QStringLiteral("20260101T100000Z"));
        QVERIFY(!t.mergePending());
        t.disks.first().trackedOverlay
            = ChangeTracking::overlayPathFor(kImage, QStringLiteral("20260101T090000Z"));
        QVERIFY(t.mergePending());
        const auto back = Tracking::fromJson(t.toJson());
        QVERIFY(back.has_value());
        QVERIFY(back->mergePending());
        QCOMPARE(back->disks.first().trackedOverlay, t.disks.first().trackedOverlay);
    }
};

QTEST_GUILESS_MAIN(TestChangeTracking)
#include "tst_changetracking.moc"
