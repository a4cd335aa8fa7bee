// Backup chains on a real guest: a full point, then increments that hold what the guest
// wrote in between (the guest writes known amounts through its agent); every point of
// the chain exports and restores with its RAM to the right moment; pruning the middle of
// a chain keeps the later points restorable; a prune killed in the middle of a merge is
// repaired so that every kept point verifies; deleting a point keeps the others
// restorable, and deleting the newest makes the next point full.
//
// The functions are one story on one guest, as a VM's history is: each starts from the
// chain, the policy and the guest's disk that the ones before left (booting a guest and
// building a chain per function would triple the run). Run the program whole; a function
// picked alone on the command line fails for want of its past.

#include "domainhelpers.h"
#include "resumechecks.h"
#include "rewindctl.h"
#include "testguest.h"
#include "trackinghelpers.h"

#include "repository/pointmanifest.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Rewind;
using namespace RewindTest;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// Where the guest writes before each increment: far above the counter's records.
struct Region
{
    qint64 offset;
    qint64 bytes;
};
const QList<Region> kRegions {{48 * MiB, 8 * MiB}, {64 * MiB, 4 * MiB}, {80 * MiB, 12 * MiB},
    {100 * MiB, 6 * MiB}, {112 * MiB, 6 * MiB}, {120 * MiB, 4 * MiB}, {56 * MiB, 4 * MiB},
    {68 * MiB, 4 * MiB}, {92 * MiB, 4 * MiB}, {106 * MiB, 4 * MiB}, {124 * MiB, 4 * MiB},
    {118 * MiB, 2 * MiB}};

// Holds QEMU's merge of the frozen overlay to 1 MiB/s: the backup then completes while it
// still runs (a region of 4 MiB takes about 4 s to merge).
const QStringList kSlowMerge {QStringLiteral("REWIND_FAULT_MERGE_MIB_S=1")};

struct Point
{
    QString id;
    PointManifest manifest;
    TestGuest::Record stored; ///< the last counter record on the point's disk
    int regionsWritten = 0; ///< kRegions[0..n) hold data at this point
};

bool allZero(const QByteArray &data)
{
    return std::all_of(data.cbegin(), data.cend(), [](char c) { return c == 0; });
}

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;
    QTemporaryDir m_tmp;
    QList<Point> m_chain; ///< F, I1, I2, I3 of the first test
    int m_regionsWritten = 0;
    QList<int> m_mergedRegions; ///< regions written by the tests of merges left running

    QString repo() const { return m_tmp.path() + QStringLiteral("/repo"); }
    QStringList common() const
    {
        return {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"), repo()};
    }
    QString pointDir(const QString &id) const
    {
        return repo() + QLatin1Char('/') + m_guest->uuid() + QLatin1Char('/') + id;
    }

    // The guest writes the next region, then a point is taken.
    Point writeThenBackUp(bool write, const QStringList &env = {})
    {
        TestGuest &g = *m_guest;
        QString error;
        if (write) {
            const Region r = kRegions.at(m_regionsWritten);
            if (!g.writeDiskData(r.offset, r.bytes, &error)) {
                qWarning().noquote() << "guest write failed:" << error;
                return {};
            }
            ++m_regionsWritten;
        }
        const CtlResult res
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"), env);
        if (res.exitCode != 0) {
            qWarning().noquote() << res.describe();
            return {};
        }
        Point p;
        p.id = res.json().object().value(QLatin1String("pointId")).toString();
        auto m = PointManifest::fromJson(res.json().object().value(QLatin1String("manifest")).toObject());
        if (!m) {
            qWarning().noquote() << m.error().toString();
            return {};
        }
        p.manifest = *m;
        p.stored = TestGuest::readDiskRecord(
            pointDir(p.id) + QLatin1Char('/') + m->disks.first().fileName, {}, &error);
        p.regionsWritten = m_regionsWritten;
        return p;
    }

    // What an exported copy of the point shows the guest: its counter record, and data in
    // exactly the regions written before it.
    void checkExport(const Point &p)
    {
        QTemporaryDir dir(m_tmp.path() + QStringLiteral("/export-XXXXXX"));
        const CtlResult r = runCtl(common() << QStringLiteral("restore") << m_guest->name() << p.id
                                            << QStringLiteral("--export") << dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList images = QDir(dir.path()).entryList({QStringLiteral("*vda.qcow2")}, QDir::Files);
        QCOMPARE(images.size(), 1);
        const QString image = dir.path() + QLatin1Char('/') + images.first();
        QString error;
        QCOMPARE(TestGuest::readDiskRecord(image, QStringLiteral("qcow2"), &error), p.stored);
        for (int i = 0; i < 3 && i < kRegions.size(); ++i) {
            const QByteArray data = TestGuest::readDiskBytes(
                image, kRegions.at(i).offset, 65536, QStringLiteral("qcow2"), &error);
            QCOMPARE(data.size(), 65536);
            QVERIFY2(allZero(data) == (i >= p.regionsWritten),
                qPrintable(QStringLiteral("point %1, region %2").arg(p.id).arg(i)));
        }
    }

    // Restores the point in place with its RAM: the guest resumes right after the point's
    // record, without a reboot.
    void checkRestoreInPlace(const Point &p)
    {
        TestGuest &g = *m_guest;
        // The resumed run is told apart by its counter going back: run on past the point.
        QString error;
        QVERIFY2(g.waitForCounter(p.stored.counter + 10, 60000, &error), qPrintable(error));
        const qsizetype mark = g.serialRecords().size();
        const qint64 serialOffset = QFileInfo(g.serialLogPath()).size();
        const QStringList restore = common() << QStringLiteral("restore") << g.name() << p.id
                                             << QStringLiteral("--force") << QStringLiteral("--json");
        const CtlResult r = runCtl(restore);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().object().value(QLatin1String("memoryRestored")).toBool());
        QString failure;
        const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 3, &failure);
        if (!failure.isEmpty()) {
            failure += restoreOnceMoreAfterFault(g, p.stored, restore);
        }
        QVERIFY2(failure.isEmpty(), qPrintable(QStringLiteral("point %1: ").arg(p.id) + failure));
        const QString problem = checkContinuation(run, p.stored);
        QVERIFY2(problem.isEmpty(),
            qPrintable(QStringLiteral("point %1: ").arg(p.id) + problem
                + continuationContext(g, serialOffset,
                    pointDir(p.id) + QLatin1Char('/') + p.manifest.disks.first().fileName, p.stored)));
        // The restore put the VM back on its own image: the next point starts a new chain.
        QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());
    }

    // The frozen overlay the VM's record names as still being merged (empty: none).
    QString recordedMerge() const
    {
        return trackedDiskRecord(repo(), m_guest->uuid()).value(QLatin1String("trackedOverlay")).toString();
    }

    bool blockJobRuns() const
    {
        virDomainBlockJobInfo info {};
        return virDomainGetBlockJobInfo(m_guest->domain(), "vda", &info, 0) == 1;
    }

    // The guest writes the next region, then an increment is taken with its merge held
    // back. Right after it the VM runs on image <- frozen <- overlay, QEMU's job runs, the
    // record names the frozen overlay, and rewindctl list still shows the disk tracked
    // over its own image. Returns the frozen overlay (empty on failure).
    QString backUpWithMergeRunning(Point *slow)
    {
        TestGuest &g = *m_guest;
        *slow = writeThenBackUp(true, kSlowMerge);
        m_mergedRegions << m_regionsWritten - 1;
        const DiskInfo live = diskOf(g.domainXml());
        [&] {
            QVERIFY(!slow->id.isEmpty());
            QCOMPARE(slow->manifest.kind, PointManifest::Kind::Incremental);
            QCOMPARE(live.backingChain.size(), 2);
            QCOMPARE(live.backingChain.last(), g.diskPath());
            QVERIFY(blockJobRuns());
            QCOMPARE(recordedMerge(), live.backingChain.first());
            QVERIFY(QFile::exists(live.backingChain.first()));
            QCOMPARE(trackedImageShown(g.uuid()), g.diskPath());
        }();
        return QTest::currentTestFailed() ? QString() : live.backingChain.value(0);
    }

    // The guest writes the next region and a point is taken: it is an increment on slow,
    // the merge slow left behind is complete and its frozen overlay gone, and the point
    // verifies and exports with what the guest wrote.
    void nextPointCompletesTheMerge(const Point &slow, const QString &frozen)
    {
        const Point next = writeThenBackUp(true);
        m_mergedRegions << m_regionsWritten - 1;
        QVERIFY(!next.id.isEmpty());
        QCOMPARE(next.manifest.kind, PointManifest::Kind::Incremental);
        QCOMPARE(next.manifest.parentId, slow.id);
        QVERIFY2(!QFile::exists(frozen), qPrintable(frozen));
        QVERIFY(recordedMerge() != frozen);
        verifyAll();
        checkExport(next);
    }

    // Every region written by the tests of merges left running holds data in image.
    void checkMergedRegionsIn(const QString &image, const QString &format)
    {
        QString error;
        for (const int i : std::as_const(m_mergedRegions)) {
            const Region region = kRegions.at(i);
            for (const qint64 offset : {region.offset, region.offset + region.bytes - 65536}) {
                const QByteArray data = TestGuest::readDiskBytes(image, offset, 65536, format, &error);
                QCOMPARE(data.size(), 65536);
                QVERIFY2(!allZero(data), qPrintable(QStringLiteral("region %1 at %2").arg(i).arg(offset)));
            }
        }
    }

    void verifyAll()
    {
        const CtlResult v
            = runCtl(common() << QStringLiteral("verify") << m_guest->name() << QStringLiteral("--json"));
        QVERIFY2(v.exitCode == 0, qPrintable(v.describe()));
        const QJsonArray points = v.json().array();
        QVERIFY(!points.isEmpty());
        for (const auto &pt : points) {
            QVERIFY2(pt.toObject().value(QLatin1String("ok")).toBool(), qPrintable(v.out));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        GuestOptions o;
        o.withAgent = true;
        o.diskBytes = 128 * MiB;
        m_guest = std::make_unique<TestGuest>(o);
        QString error;
        QVERIFY2(m_guest->create(&error), qPrintable(error));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
        QVERIFY2(m_guest->waitForAgent(60000, &error), qPrintable(error));
    }

    void incrementsHoldWhatTheGuestWrote()
    {
        const Point full = writeThenBackUp(false);
        QVERIFY(!full.id.isEmpty());
        QCOMPARE(full.manifest.kind, PointManifest::Kind::Full);
        m_chain << full;
        for (int i = 0; i < 3; ++i) {
            const Point inc = writeThenBackUp(true);
            QVERIFY(!inc.id.isEmpty());
            const PointManifest &m = inc.manifest;
            QCOMPARE(m.kind, PointManifest::Kind::Incremental);
            QCOMPARE(m.parentId, m_chain.last().id);
            const PointManifest::Disk &d = m.disks.first();
            QCOMPARE(d.backingFile,
                QStringLiteral("../") + m_chain.last().id + QLatin1Char('/')
                    + m_chain.last().manifest.disks.first().fileName);
            // What the guest wrote, plus the counter's few sectors and qcow2 metadata; not
            // the disk's 128 MiB.
            const qint64 written = kRegions.at(i).bytes;
            QVERIFY2(d.allocatedSize >= written && d.allocatedSize <= written + 2 * MiB,
                qPrintable(QStringLiteral("increment %1 stores %2 bytes for %3 written")
                               .arg(i + 1)
                               .arg(d.allocatedSize)
                               .arg(written)));
            QVERIFY(m.memory.has_value());
            QVERIFY2(inc.stored.isValid() && inc.stored.counter > m_chain.last().stored.counter,
                qPrintable(inc.stored.toString()));
            m_chain << inc;
        }
        verifyAll();
        for (const Point &p : std::as_const(m_chain)) {
            checkExport(p);
        }
    }

    void everyPointRestoresWithItsRam()
    {
        QCOMPARE(m_chain.size(), 4);
        for (qsizetype i = m_chain.size() - 1; i >= 0; --i) {
            checkRestoreInPlace(m_chain.at(i));
        }
    }

    void pruningTheMiddleKeepsLaterPointsRestorable()
    {
        const QString vm = m_guest->name();
        QVERIFY(runCtl(common() << QStringLiteral("protect") << vm << m_chain.first().id).exitCode == 0);
        QVERIFY(runCtl(common() << QStringLiteral("policy") << vm << QStringLiteral("--keep-last")
                                << QStringLiteral("1"))
                    .exitCode
            == 0);
        const CtlResult r = runCtl(common() << QStringLiteral("prune") << vm << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QJsonArray removed = r.json().object().value(QLatin1String("removed")).toArray();
        QCOMPARE(removed, (QJsonArray {m_chain.at(1).id, m_chain.at(2).id}));
        QVERIFY(!QDir(pointDir(m_chain.at(1).id)).exists());
        verifyAll();
        checkExport(m_chain.at(3));
        checkRestoreInPlace(m_chain.at(3));
        checkExport(m_chain.first());
    }

    void killedPruneMergeIsRepaired()
    {
        // A new chain: full, then two increments; keep-last 1 then merges the full and the
        // first increment into the last.
        QList<Point> chain;
        chain << writeThenBackUp(false);
        chain << writeThenBackUp(true);
        chain << writeThenBackUp(true);
        for (const Point &p : std::as_const(chain)) {
            QVERIFY(!p.id.isEmpty());
        }
        QCOMPARE(chain.at(2).manifest.kind, PointManifest::Kind::Incremental);

        QProcess p;
        QString childOut;
        QVERIFY2(startStalled(p, common() << QStringLiteral("prune") << m_guest->name(),
                     QStringLiteral("merging"), &childOut),
            qPrintable(childOut));
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));

        // The next command repairs first; then every kept point verifies.
        verifyAll();
        const CtlResult again
            = runCtl(common() << QStringLiteral("prune") << m_guest->name() << QStringLiteral("--json"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        verifyAll();
        QVERIFY(!QDir(pointDir(chain.at(1).id)).exists());
        checkExport(chain.at(2));

        // The tracking goes on from the kept point: the next point is an increment on it.
        const Point next = writeThenBackUp(false);
        QCOMPARE(next.manifest.kind, PointManifest::Kind::Incremental);
        QCOMPARE(next.manifest.parentId, chain.at(2).id);
        verifyAll();
    }

    // Deleting a point in the middle of a chain: the next one takes in its data and still
    // restores with the guest's RAM. Deleting the newest point, whose changes the VM's
    // overlay tracks: the next point is full, not an increment on a point that is gone.
    void deletingPointsKeepsTheOthersRestorable()
    {
        const QString vm = m_guest->name();
        QList<Point> chain;
        chain << writeThenBackUp(false) << writeThenBackUp(false) << writeThenBackUp(false);
        for (const Point &p : std::as_const(chain)) {
            QVERIFY(!p.id.isEmpty());
        }
        QCOMPARE(chain.at(2).manifest.kind, PointManifest::Kind::Incremental);
        QCOMPARE(chain.at(2).manifest.parentId, chain.at(1).id);

        CtlResult r = runCtl(
            common() << QStringLiteral("delete") << vm << chain.at(1).id << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().object().value(QLatin1String("removed")).toArray(), QJsonArray {chain.at(1).id});
        QCOMPARE(r.json().object().value(QLatin1String("merged")).toArray(), QJsonArray {chain.at(2).id});
        QVERIFY(!QDir(pointDir(chain.at(1).id)).exists());
        verifyAll();
        checkRestoreInPlace(chain.at(2));

        // The restore left the VM on its own image: a full point, then an increment on it.
        const Point full = writeThenBackUp(false);
        const Point newest = writeThenBackUp(false);
        QCOMPARE(full.manifest.kind, PointManifest::Kind::Full);
        QCOMPARE(newest.manifest.kind, PointManifest::Kind::Incremental);
        r = runCtl(common() << QStringLiteral("delete") << vm << QStringLiteral("latest")
                            << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().object().value(QLatin1String("removed")).toArray(), QJsonArray {newest.id});
        const Point next = writeThenBackUp(false);
        QVERIFY(!next.id.isEmpty());
        QCOMPARE(next.manifest.kind, PointManifest::Kind::Full);
        verifyAll();
        checkExport(next);
    }

    // A tracked VM that is shut down boots from its overlay chain (the persistent
    // definition names it), and its next point is still an increment.
    void trackingSurvivesARestart()
    {
        TestGuest &g = *m_guest;
        QString error;
        const CtlResult last
            = runCtl(common() << QStringLiteral("points") << g.name() << QStringLiteral("--json"));
        QVERIFY2(last.exitCode == 0, qPrintable(last.describe()));
        const QString parent = last.json().array().last().toObject().value(QLatin1String("id")).toString();
        QVERIFY(!parent.isEmpty());
        QVERIFY2(g.destroy(&error), qPrintable(error));
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error) && g.waitForAgent(60000, &error),
            qPrintable(error));
        QVERIFY(diskOf(g.domainXml()).path.startsWith(g.diskPath() + QStringLiteral(".rewind-")));
        const QString boot = g.latestSerialRecord().bootId;
        const Point p = writeThenBackUp(true);
        QCOMPARE(p.manifest.kind, PointManifest::Kind::Incremental);
        QCOMPARE(p.manifest.parentId, parent);
        QCOMPARE(p.stored.bootId, boot);
        verifyAll();
        checkExport(p);
    }

    // An increment is stored without waiting for QEMU's merge of the frozen overlay into
    // the image. The next backup waits for the merge to end, deletes the frozen overlay
    // and makes an increment on the point, which restores with what the guest wrote.
    void mergeLeftRunningIsCompletedByTheNextJob()
    {
        Point slow;
        const QString frozen = backUpWithMergeRunning(&slow);
        QVERIFY(!frozen.isEmpty());

        nextPointCompletesTheMerge(slow, frozen);
        checkExport(slow);
    }

    // QEMU's job ends with the VM: shut down and started while its merge runs, the VM boots
    // on image <- frozen <- overlay. The next backup starts the merge again and the point
    // is still an increment.
    void mergeStoppedByARestartIsStartedAgain()
    {
        TestGuest &g = *m_guest;
        Point slow;
        const QString frozen = backUpWithMergeRunning(&slow);
        QVERIFY(!frozen.isEmpty());
        QString error;
        QVERIFY2(g.destroy(&error), qPrintable(error));
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error) && g.waitForAgent(60000, &error),
            qPrintable(error));
        QCOMPARE(diskOf(g.domainXml()).backingChain, (QStringList {frozen, g.diskPath()}));
        QVERIFY(!blockJobRuns());

        nextPointCompletesTheMerge(slow, frozen);
    }

    // Untracking while a merge runs waits for it, merges the rest and deletes both
    // overlays; the VM's own image then holds everything the guest wrote.
    void untrackWaitsForARunningMerge()
    {
        TestGuest &g = *m_guest;
        Point slow;
        const QString frozen = backUpWithMergeRunning(&slow);
        QVERIFY(!frozen.isEmpty());
        const QString overlay = diskOf(g.domainXml()).path;
        const CtlResult r = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("own images")), qPrintable(r.describe()));
        const DiskInfo live = diskOf(g.domainXml());
        QCOMPARE(live.path, g.diskPath());
        QVERIFY(live.backingChain.isEmpty());
        QVERIFY(!QFile::exists(frozen));
        QVERIFY(!QFile::exists(overlay));
        QVERIFY(!blockJobRuns());

        // A full point of the image alone holds every region the guest wrote.
        const Point full = writeThenBackUp(false);
        QVERIFY(!full.id.isEmpty());
        QCOMPARE(full.manifest.kind, PointManifest::Kind::Full);
        checkMergedRegionsIn(pointDir(full.id) + QLatin1Char('/') + full.manifest.disks.first().fileName,
            full.manifest.disks.first().storedFormat);
    }

    // Shut off while its merge runs, the VM is left on image <- frozen <- overlay; untrack
    // merges the whole chain offline and deletes both overlays, and the VM starts from its
    // own image, which holds everything the guest wrote.
    void untrackOfAShutOffVmMergesTheWholeChain()
    {
        TestGuest &g = *m_guest;
        Point slow;
        const QString frozen = backUpWithMergeRunning(&slow);
        QVERIFY(!frozen.isEmpty());
        const QString overlay = diskOf(g.domainXml()).path;
        QString error;
        QVERIFY2(g.destroy(&error), qPrintable(error));
        const CtlResult r = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("own images")), qPrintable(r.describe()));
        QCOMPARE(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path, g.diskPath());
        QVERIFY(!QFile::exists(frozen));
        QVERIFY(!QFile::exists(overlay));
        QVERIFY(recordedMerge().isEmpty());
        checkMergedRegionsIn(g.diskPath(), QStringLiteral("qcow2"));
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error), qPrintable(error));
        const DiskInfo live = diskOf(g.domainXml());
        QCOMPARE(live.path, g.diskPath());
        QVERIFY(live.backingChain.isEmpty());
    }

    // What a restore check adds when a restored guest's kernel faults: the same point
    // restored once more. Here the fault is made (sysrq, after the restore), so the point's
    // RAM image is sound and the second restore must say so and leave the guest running on
    // from the point. A guest of its own, whose log of the crash is removed afterwards: the
    // serial log of a real fault is kept for a post-mortem, and this one must not pass for it.
    void aFaultAfterARestoreIsToldFromABadImage()
    {
        GuestOptions o;
        o.withAgent = true;
        QString keptLog;
        {
            TestGuest g(o);
            QString error;
            QVERIFY2(g.create(&error) && g.waitForBoot(90000, &error) && g.waitForAgent(60000, &error),
                qPrintable(error));
            keptLog = QDir(QDir::tempPath()).filePath(g.name() + QStringLiteral("-serial.log"));
            const CtlResult b
                = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
            QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
            const QString id = b.json().object().value(QLatin1String("pointId")).toString();
            const TestGuest::Record stored = TestGuest::readDiskRecord(
                repo() + QLatin1Char('/') + g.uuid() + QLatin1Char('/') + id + QStringLiteral("/vda.qcow2"),
                {}, &error);
            QVERIFY2(stored.isValid(), qPrintable(error));
            const QStringList restore = common() << QStringLiteral("restore") << g.name() << id
                                                 << QStringLiteral("--force") << QStringLiteral("--json");
            // Without a fault it restores nothing: the counter never goes back.
            const qsizetype before = g.serialRecords().size();
            QCOMPARE(restoreOnceMoreAfterFault(g, stored, restore), QString());
            QVERIFY2(g.waitForCounter(stored.counter + 10, 60000, &error), qPrintable(error));
            QVERIFY(resumedRun(g.serialRecords(), before).isEmpty());

            const qsizetype mark = g.serialRecords().size();
            const CtlResult r = runCtl(restore);
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            QString failure;
            QVERIFY2(waitForResumedRun(g, mark, 3, &failure).size() >= 3, qPrintable(failure));
            // The agent answers before the crash; it would not after it.
            QVERIFY2(g.waitForAgent(60000, &error)
                    && g.runInGuest(
                        {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                            QStringLiteral("(sleep 1; echo c > /proc/sysrq-trigger) >/dev/null 2>&1 &")},
                        30000, nullptr, &error),
                qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(!g.kernelCrashReport().isEmpty(), 30000);

            const QString said = restoreOnceMoreAfterFault(g, stored, restore);
            QVERIFY2(said.contains(QLatin1String("the image is sound")), qPrintable(said));
            QVERIFY2(said.contains(stored.bootId), qPrintable(said));
            QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        }
        QFile::remove(keptLog);
    }
};

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
