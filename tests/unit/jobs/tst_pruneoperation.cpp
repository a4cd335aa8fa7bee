// Tests PruneOperation on synthetic repositories: decisions and dry runs, golden and
// damaged points, points the user chose to delete, incremental chains whose pruned links are merged into the
// points that stay (checked with VerifyOperation and against flattened copies taken before), and a prune
// killed at each journalled step, repaired by the next command and then rerun.

#include "prunefixture.h"
#include "rewindctl.h"

#include "jobs/jobcontrol.h"
#include "jobs/pointprotection.h"
#include "jobs/pruneoperation.h"
#include "jobs/verifyoperation.h"
#include "repository/journal.h"
#include "verifyok.h"

#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace Rewind;
using namespace PruneTest;

namespace {

Result<PruneOutcome> prune(const SyntheticRepo &r, bool dryRun = false)
{
    JobControl control;
    PruneRequest request;
    request.vm = VmName;
    request.dryRun = dryRun;
    request.zone = QTimeZone::utc();
    return PruneOperation(r.repo(), request, control).run();
}

// Deletes the points the user chose, the way the desktop application and rewindctl
// delete do.
Result<PruneOutcome> deletePoints(const SyntheticRepo &r, const QStringList &ids, bool dryRun = false)
{
    JobControl control;
    PruneRequest request;
    request.vm = VmName;
    request.dryRun = dryRun;
    request.points = ids;
    auto outcome = PruneOperation(r.repo(), request, control).run();
    if (control.phase() != JobPhase::Delete) { // what the jobs panel shows: not "Pruning"
        return Error(ErrorCode::Failed, QStringLiteral("the job's phase is not Delete"));
    }
    return outcome;
}

QJsonObject keepLast(int n)
{
    return {{QStringLiteral("keepLast"), n}};
}

// A copy, so a missing id fails the comparison instead of crashing the test.
PruneDecision decisionFor(const PruneOutcome &outcome, const QString &id)
{
    for (const PruneDecision &d : outcome.decisions) {
        if (d.id == id) {
            return d;
        }
    }
    qWarning() << "no decision for" << id;
    return {};
}

// What the VM's points take in the repository, by their manifests.
qint64 storedBytes(const SyntheticRepo &r)
{
    const QList<PointInfo> points = r.repo().listPoints(VmUuid).value();
    qint64 n = 0;
    for (const PointInfo &p : points) {
        n += p.manifest ? p.manifest->storedBytes() : 0;
    }
    return n;
}

QStringList common(const SyntheticRepo &r)
{
    return {
        QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"), r.path()};
}

} // namespace

class TestPruneOperation : public QObject
{
    Q_OBJECT

    // Every remaining point verifies: checksums, qemu-img check through its chain.
    void verifyAll(const SyntheticRepo &r)
    {
        JobControl control;
        VerifyOperation op(r.repo(), VmUuid, {}, control);
        auto verdicts = op.run();
        VERIFY_OK(verdicts);
        for (const PointVerdict &v : *verdicts) {
            QVERIFY2(
                v.ok, qPrintable(v.pointId + QStringLiteral(": ") + v.problems.join(QStringLiteral("; "))));
        }
    }

    // Runs rewindctl with the arguments until it stalls at the journal state, then kills
    // it with SIGKILL: its journal is left behind.
    void killAt(const SyntheticRepo &r, const QStringList &args, const QString &state)
    {
        QProcess p;
        RewindTest::setUpCtl(p, common(r) + args, {QStringLiteral("REWIND_FAULT_STALL=") + state});
        p.start();
        QByteArray childErr;
        QTRY_VERIFY_WITH_TIMEOUT((childErr += p.readAllStandardError()).contains("stalled at")
                || p.state() == QProcess::NotRunning,
            60000);
        QVERIFY2(p.state() == QProcess::Running, childErr.constData());
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        tool(QStringLiteral("qemu-img"), {QStringLiteral("--version")}, &ok);
        if (!ok) {
            QSKIP("qemu-img is not installed");
        }
    }

    void dryRunChangesNothing()
    {
        SyntheticRepo r;
        const QString a = r.addRawPoint();
        const QString b = r.addFullPoint({{0x11, 0, 1024}});
        const QString c = r.addIncrementalPoint(b, {{0x22, 512, 1024}});
        const QString d = r.addRawPoint();
        QVERIFY(r.setPolicy(keepLast(2)));
        const QStringList before = r.snapshot();

        auto outcome = prune(r, true);
        VERIFY_OK(outcome);
        QVERIFY(outcome->dryRun);
        QCOMPARE(outcome->removed, (QStringList {a, b}));
        QCOMPARE(outcome->merged, QStringList {c});
        QCOMPARE(decisionFor(*outcome, d).reasons, QStringList {QStringLiteral("last #1")});
        QCOMPARE(decisionFor(*outcome, c).reasons, QStringList {QStringLiteral("last #2")});
        QCOMPARE(decisionFor(*outcome, c).absorbs, QStringList {b});
        QVERIFY(decisionFor(*outcome, c).newParentId.isEmpty());
        QVERIFY(!decisionFor(*outcome, a).keep);
        QVERIFY(decisionFor(*outcome, a).reasons.isEmpty());
        QVERIFY(outcome->freedBytes > 0);
        QCOMPARE(r.snapshot(), before);
        QVERIFY(!QDir(r.repo().journalDir(VmUuid)).exists()
            || QDir(r.repo().journalDir(VmUuid)).isEmpty(QDir::Files));
    }

    void noPolicyKeepsEverything_data()
    {
        QTest::addColumn<QJsonObject>("policy");
        QTest::newRow("no policy") << QJsonObject();
        QTest::newRow("all zero") << QJsonObject {
            {QStringLiteral("keepLast"), 0}, {QStringLiteral("keepDaily"), 0}};
    }

    void noPolicyKeepsEverything()
    {
        QFETCH(QJsonObject, policy);
        SyntheticRepo r;
        r.addRawPoint();
        r.addRawPoint();
        QVERIFY(r.setPolicy(policy));
        const QStringList before = r.snapshot();
        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QVERIFY(outcome->removed.isEmpty());
        for (const PruneDecision &d : outcome->decisions) {
            QVERIFY(d.keep);
            QCOMPARE(d.reasons, QStringList {QStringLiteral("no-rules")});
        }
        QCOMPARE(r.snapshot(), before);
    }

    void goldenPointsAreKept()
    {
        SyntheticRepo r;
        const QString oldest = r.addRawPoint(true);
        const QString a = r.addRawPoint();
        const QString b = r.addRawPoint();
        const QString newest = r.addRawPoint();
        // Marked afterwards, the way a user does it.
        VERIFY_OK(PointProtection::setProtected(r.repo(), VmUuid, a, true));
        QVERIFY(r.setPolicy(keepLast(1)));

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {b});
        QCOMPARE(decisionFor(*outcome, oldest).reasons, QStringList {QStringLiteral("golden")});
        QCOMPARE(decisionFor(*outcome, a).reasons, QStringList {QStringLiteral("golden")});
        QCOMPARE(decisionFor(*outcome, newest).reasons, QStringList {QStringLiteral("last #1")});
        QCOMPARE(r.pointIds(), (QStringList {oldest, a, newest}));
        QVERIFY(!QFileInfo::exists(r.pointDir(b)));
        verifyAll(r);
        // The journal is gone once the prune is done.
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 0);
    }

    void middleOfChainIsMerged()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 2048}}, true);
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 1024, 1024}, {0x23, 3072, 64}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 1536, 256}});
        const QString i3 = r.addIncrementalPoint(i2, {{0x44, 0, 64}});
        const QString flat2 = r.flatten(i2);
        const QString flat3 = r.flatten(i3);
        QVERIFY(!flat2.isEmpty() && !flat3.isEmpty());
        QVERIFY(r.setPolicy(keepLast(2)));
        const qint64 before = storedBytes(r);

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {i1});
        QCOMPARE(outcome->merged, QStringList {i2});
        QCOMPARE(outcome->freedBytes, before - storedBytes(r)); // i2 grew by what it took in
        QCOMPARE(r.pointIds(), (QStringList {f0, i2, i3}));
        const PointManifest m2 = r.manifest(i2).value();
        QCOMPARE(m2.kind, PointManifest::Kind::Incremental);
        QCOMPARE(m2.parentId, f0);
        QCOMPARE(m2.disks.first().backingFile, QStringLiteral("../%1/vda.qcow2").arg(f0));
        QCOMPARE(r.manifest(i3)->parentId, i2);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));
        QVERIFY(SyntheticRepo::sameData(r.image(i3), flat3));
        // No temporary image is left behind.
        QCOMPARE(QDir(r.pointDir(i2)).entryList({QStringLiteral(".*prune*")}, QDir::Files | QDir::Hidden),
            QStringList());
    }

    void runOfPointsIsMergedInOneStep()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 3072}}, true);
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 0, 512}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 256, 512}});
        const QString i3 = r.addIncrementalPoint(i2, {{0x44, 2048, 2048}});
        const QString i4 = r.addIncrementalPoint(i3, {{0x55, 128, 64}});
        const QString flat4 = r.flatten(i4);
        QVERIFY(r.setPolicy(keepLast(1)));

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, (QStringList {i1, i2, i3}));
        QCOMPARE(decisionFor(*outcome, i4).absorbs, (QStringList {i3, i2, i1}));
        QCOMPARE(decisionFor(*outcome, i4).newParentId, f0);
        QCOMPARE(r.pointIds(), (QStringList {f0, i4}));
        QCOMPARE(r.manifest(i4)->parentId, f0);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i4), flat4));
    }

    void fullPointOfChainIsMerged()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 4096}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 1024, 512}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 0, 64}});
        const QString flat1 = r.flatten(i1);
        const QString flat2 = r.flatten(i2);
        QVERIFY(r.setPolicy(keepLast(2)));
        const qint64 before = storedBytes(r);

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {f0});
        // i1 became a full point: it holds f0's data now, so little room was freed.
        QCOMPARE(outcome->freedBytes, before - storedBytes(r));
        QVERIFY(outcome->freedBytes < decisionFor(*outcome, f0).storedBytes / 2);
        QCOMPARE(r.pointIds(), (QStringList {i1, i2}));
        const PointManifest m1 = r.manifest(i1).value();
        QCOMPARE(m1.kind, PointManifest::Kind::Full);
        QVERIFY(m1.parentId.isEmpty());
        QVERIFY(m1.disks.first().backingFile.isEmpty());
        // Standalone on disk too, not only in the manifest.
        bool ok = false;
        const QString info = tool(QStringLiteral("qemu-img"),
            {QStringLiteral("info"), QStringLiteral("--output=json"), r.image(i1)}, &ok);
        QVERIFY(ok);
        QVERIFY2(!info.contains(QLatin1String("backing-filename")), qPrintable(info));
        QCOMPARE(QFileInfo(r.image(i1)).permissions() & (QFile::ReadOther | QFile::ReadGroup),
            QFile::Permissions());
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i1), flat1));
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));
    }

    void branchesBothAbsorbTheirParent()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 1024}}, true);
        const QString p = r.addIncrementalPoint(f0, {{0x22, 512, 1024}});
        const QString a = r.addIncrementalPoint(p, {{0x33, 0, 64}}, true);
        const QString b = r.addIncrementalPoint(p, {{0x44, 2048, 64}});
        const QString flatA = r.flatten(a);
        const QString flatB = r.flatten(b);
        QVERIFY(r.setPolicy(keepLast(1)));

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {p});
        QCOMPARE(outcome->merged, (QStringList {a, b}));
        QCOMPARE(r.manifest(a)->parentId, f0);
        QCOMPARE(r.manifest(b)->parentId, f0);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(a), flatA));
        QVERIFY(SyntheticRepo::sameData(r.image(b), flatB));
    }

    void failedMergeChangesNothing()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 1024}}, true);
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 0, 64}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 64, 64}});
        // The image to fold in is unreadable: the merge fails before anything is replaced.
        QFile image(r.image(i1));
        QVERIFY(image.open(QIODevice::WriteOnly | QIODevice::Truncate));
        image.write("not a qcow2 image");
        image.close();
        QVERIFY(r.setPolicy(keepLast(1)));
        const QStringList before = r.snapshot();

        auto outcome = prune(r);
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message().contains(QLatin1String("Pruning 'web' failed")),
            qPrintable(outcome.error().toString()));
        QCOMPARE(r.snapshot(), before);
        QCOMPARE(r.pointIds(), (QStringList {f0, i1, i2}));
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 0);
    }

    void damagedPointAndItsChainAreKept()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 1024}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 0, 64}});
        const QString damaged = r.addIncrementalPoint(i1, {{0x33, 0, 64}});
        const QString newest = r.addRawPoint();
        QVERIFY(r.breakManifest(damaged));
        QVERIFY(r.setPolicy(keepLast(1)));

        auto outcome = prune(r);
        VERIFY_OK(outcome);
        QVERIFY(outcome->removed.isEmpty());
        QCOMPARE(decisionFor(*outcome, damaged).reasons, QStringList {QStringLiteral("damaged")});
        QCOMPARE(decisionFor(*outcome, i1).reasons, QStringList {QStringLiteral("backs-damaged")});
        QCOMPARE(decisionFor(*outcome, f0).reasons, QStringList {QStringLiteral("backs-damaged")});
        QCOMPARE(decisionFor(*outcome, newest).reasons, QStringList {QStringLiteral("last #1")});
        QCOMPARE(r.pointIds().size(), 4);
    }

    // Any point can be deleted on its own: a later point stored as changes on it takes
    // in its data first, whatever the retention policy would keep.
    void chosenPointsAreDeletedAndTheirChainMerged()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 2048}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 1024, 1024}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 1536, 256}});
        const QString i3 = r.addIncrementalPoint(i2, {{0x44, 0, 64}});
        const QString flat2 = r.flatten(i2);
        const QString flat3 = r.flatten(i3);
        QVERIFY(r.setPolicy(keepLast(1))); // would prune f0, i1 and i2: not asked for here
        const QStringList before = r.snapshot();

        auto dry = deletePoints(r, {i1}, true);
        VERIFY_OK(dry);
        QCOMPARE(dry->removed, QStringList {i1});
        QCOMPARE(dry->merged, QStringList {i2});
        QCOMPARE(decisionFor(*dry, f0).reasons, QStringList {QStringLiteral("not-chosen")});
        QCOMPARE(r.snapshot(), before);

        // A point in the middle of the chain: the next one absorbs it and builds on f0.
        auto outcome = deletePoints(r, {i1});
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {i1});
        QCOMPARE(r.pointIds(), (QStringList {f0, i2, i3}));
        QCOMPARE(r.manifest(i2)->parentId, f0);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));
        QVERIFY(SyntheticRepo::sameData(r.image(i3), flat3));

        // The chain's full point: the next one becomes full.
        outcome = deletePoints(r, {f0});
        VERIFY_OK(outcome);
        QCOMPARE(r.pointIds(), (QStringList {i2, i3}));
        QCOMPARE(r.manifest(i2)->kind, PointManifest::Kind::Full);
        QVERIFY(r.manifest(i2)->disks.first().backingFile.isEmpty());
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));
        QVERIFY(SyntheticRepo::sameData(r.image(i3), flat3));
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 0);

        // The newest: nothing builds on it, nothing is merged.
        outcome = deletePoints(r, {i3});
        VERIFY_OK(outcome);
        QVERIFY(outcome->merged.isEmpty());
        QCOMPARE(r.pointIds(), QStringList {i2});
        verifyAll(r);
    }

    void deletingRefusesWhatItCannotDoExactly()
    {
        SyntheticRepo r;
        const QString golden = r.addFullPoint({{0x11, 0, 1024}}, true);
        const QString i1 = r.addIncrementalPoint(golden, {{0x22, 0, 64}});
        const QString damaged = r.addIncrementalPoint(i1, {{0x33, 0, 64}});
        const QString newest = r.addRawPoint();
        QVERIFY(r.breakManifest(damaged));
        const QStringList before = r.snapshot();

        // Each refusal names the point and changes nothing, even beside a deletable point.
        auto refused = deletePoints(r, {newest, golden});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY2(refused.error().message().contains(golden)
                && refused.error().message().contains(QLatin1String("golden")),
            qPrintable(refused.error().toString()));
        refused = deletePoints(r, {QStringLiteral("20200101T000000Z")});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::NotFound);
        // i1 backs the damaged point's image, whose changes cannot be merged.
        refused = deletePoints(r, {i1});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY2(refused.error().message().contains(i1), qPrintable(refused.error().toString()));
        QCOMPARE(r.snapshot(), before);

        // A damaged point that nothing builds on can go, and then i1 too; so can an
        // incomplete one, the leftover of an interrupted backup.
        const QString leftover = r.addRawPoint();
        QVERIFY(QFile::remove(r.repo().manifestPath(VmUuid, leftover)));
        auto outcome = deletePoints(r, {damaged});
        VERIFY_OK(outcome);
        QCOMPARE(outcome->removed, QStringList {damaged});
        outcome = deletePoints(r, {i1, newest, leftover});
        VERIFY_OK(outcome);
        QCOMPARE(r.pointIds(), QStringList {golden});
        QVERIFY(!QFileInfo::exists(r.pointDir(leftover)));
        verifyAll(r);
    }

    void busyWhileLocked()
    {
        SyntheticRepo r;
        r.addRawPoint();
        r.addRawPoint();
        QVERIFY(r.setPolicy(keepLast(1)));
        auto held = RepositoryLock::acquire(r.repo(), VmUuid, VmName, QStringLiteral("backup"));
        VERIFY_OK(held);
        const QStringList before = r.snapshot();
        auto outcome = prune(r);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code(), ErrorCode::Busy);
        QCOMPARE(r.snapshot(), before);
        // A dry run only reads, so it does not need the lock.
        VERIFY_OK(prune(r, true));
    }

    void invalidStoredPolicyIsRefused()
    {
        SyntheticRepo r;
        r.addRawPoint();
        QVERIFY(r.setPolicy({{QStringLiteral("keepDayly"), 7}}));
        auto outcome = prune(r);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code(), ErrorCode::Damaged);
        QVERIFY2(outcome.error().message().contains(QLatin1String("keepDayly")),
            qPrintable(outcome.error().message()));
        QCOMPARE(r.pointIds().size(), 1);
    }

    void unknownVm()
    {
        SyntheticRepo r;
        JobControl control;
        PruneRequest request;
        request.vm = QStringLiteral("no such vm");
        auto outcome = PruneOperation(r.repo(), request, control).run();
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code(), ErrorCode::NotFound);
    }

    void protectAndUnprotect()
    {
        SyntheticRepo r;
        const QString a = r.addRawPoint();
        const QString b = r.addRawPoint();
        auto latest = PointProtection::resolvePoint(r.repo(), VmUuid, QStringLiteral("latest"));
        VERIFY_OK(latest);
        QCOMPARE(*latest, b);
        VERIFY_OK(PointProtection::setProtected(r.repo(), VmUuid, b, true));
        QVERIFY(r.manifest(b)->isProtected);
        QVERIFY(!r.manifest(a)->isProtected);
        // Idempotent.
        VERIFY_OK(PointProtection::setProtected(r.repo(), VmUuid, b, true));
        VERIFY_OK(PointProtection::setProtected(r.repo(), VmUuid, b, false));
        QVERIFY(!r.manifest(b)->isProtected);
        verifyAll(r);

        QCOMPARE(PointProtection::resolvePoint(r.repo(), VmUuid, QStringLiteral("yesterday")).error().code(),
            ErrorCode::Usage);
        QCOMPARE(PointProtection::resolvePoint(r.repo(), VmUuid, QStringLiteral("20200101T000000Z"))
                     .error()
                     .code(),
            ErrorCode::NotFound);
        auto held = RepositoryLock::acquire(r.repo(), VmUuid, VmName, QStringLiteral("backup"));
        VERIFY_OK(held);
        QCOMPARE(PointProtection::setProtected(r.repo(), VmUuid, a, true).error().code(), ErrorCode::Busy);
    }

    void killedPruneIsRepaired_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("withStandalone");
        QTest::addColumn<QString>("repairMessage");
        QTest::newRow("while merging") << QStringLiteral("merging") << true << QStringLiteral("Rolled back");
        QTest::newRow("while replacing images")
            << QStringLiteral("replacing") << true << QStringLiteral("Completed an interrupted prune step");
        QTest::newRow("removing the first batch")
            << QStringLiteral("removing") << true << QStringLiteral("Completed an interrupted prune");
        QTest::newRow("removing the absorbed points")
            << QStringLiteral("removing") << false << QStringLiteral("Completed an interrupted prune");
    }

    void killedPruneIsRepaired()
    {
        QFETCH(QString, state);
        QFETCH(bool, withStandalone);
        QFETCH(QString, repairMessage);
        SyntheticRepo r;
        const QString standalone = withStandalone ? r.addRawPoint() : QString();
        const QString f0 = r.addFullPoint({{0x11, 0, 3072}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 1024, 1024}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 0, 128}}, true);
        const QString i3 = r.addIncrementalPoint(i2, {{0x44, 2048, 1024}});
        const QString i4 = r.addIncrementalPoint(i3, {{0x55, 3000, 8}});
        QHash<QString, QString> flat;
        for (const QString &id : {f0, i1, i2, i3, i4}) {
            flat.insert(id, r.flatten(id));
        }
        // Kept: i4 (last) and i2 (golden). i2 absorbs i1 and f0 and becomes full; i4
        // absorbs i3 and builds on i2.
        QVERIFY(r.setPolicy(keepLast(1)));

        killAt(r, QStringList {QStringLiteral("prune"), VmName}, state);
        if (QTest::currentTestFailed()) {
            return;
        }
        // Caught in the act: the merged image of i2 is written, or already in place while
        // its manifest still describes the old one.
        const QString temp = r.pointDir(i2) + QStringLiteral("/.vda.qcow2.prune-tmp");
        if (state == QLatin1String("merging")) {
            QVERIFY(QFileInfo::exists(temp));
        } else if (state == QLatin1String("replacing")) {
            QVERIFY(!QFileInfo::exists(temp));
            QCOMPARE(r.manifest(i2)->kind, PointManifest::Kind::Incremental);
            QVERIFY(r.manifest(i2)->disks.first().sha256 != Sha256File::hash(r.image(i2)).value().sha256);
        }

        // The next command of any kind repairs, and then every point left verifies and
        // still shows its data.
        const RewindTest::CtlResult verify
            = RewindTest::runCtl(common(r) << QStringLiteral("verify") << VmName << QStringLiteral("--json"));
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        QVERIFY2(verify.err.contains(repairMessage), qPrintable(verify.describe()));
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 0);
        for (const QString &id : r.pointIds()) {
            if (flat.contains(id)) {
                QVERIFY2(SyntheticRepo::sameData(r.image(id), flat.value(id)), qPrintable(id));
            }
        }
        QCOMPARE(QDirIterator(r.repo().vmDir(VmUuid), {QStringLiteral("*.prune-tmp")},
                     QDir::Files | QDir::Hidden, QDirIterator::Subdirectories)
                     .hasNext(),
            false);

        // Pruning again finishes the job.
        const RewindTest::CtlResult again
            = RewindTest::runCtl(common(r) << QStringLiteral("prune") << VmName << QStringLiteral("--json"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QCOMPARE(r.pointIds(), (QStringList {i2, i4}));
        QCOMPARE(r.manifest(i2)->kind, PointManifest::Kind::Full);
        QCOMPARE(r.manifest(i4)->parentId, i2);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat.value(i2)));
        QVERIFY(SyntheticRepo::sameData(r.image(i4), flat.value(i4)));
        Q_UNUSED(standalone);
    }
    // A deletion killed at each step is repaired like a prune, but a prune by the policy
    // would not finish it: the repair names the chosen points still there, and deleting
    // them again does.
    void killedDeletionIsRepaired_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("withStandalone");
        QTest::addColumn<QString>("repairMessage");
        QTest::addColumn<bool>("i1Left");
        QTest::newRow("while merging") << QStringLiteral("merging") << true
                                       << QStringLiteral("Rolled back an interrupted deletion") << true;
        QTest::newRow("while replacing images")
            << QStringLiteral("replacing") << true
            << QStringLiteral("Completed an interrupted step of a deletion") << true;
        QTest::newRow("removing the first batch")
            << QStringLiteral("removing") << true << QStringLiteral("Completed an interrupted deletion")
            << true;
        QTest::newRow("removing the absorbed point")
            << QStringLiteral("removing") << false << QStringLiteral("Completed an interrupted deletion")
            << false;
    }

    void killedDeletionIsRepaired()
    {
        QFETCH(QString, state);
        QFETCH(bool, withStandalone);
        QFETCH(QString, repairMessage);
        QFETCH(bool, i1Left);
        SyntheticRepo r;
        const QString standalone = withStandalone ? r.addRawPoint() : QString();
        const QString f0 = r.addFullPoint({{0x11, 0, 3072}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 1024, 1024}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 0, 128}});
        const QString flat2 = r.flatten(i2);
        // Deleted: the standalone point (nothing builds on it) first, then i1 after i2
        // absorbed it.
        QStringList chosen {i1};
        if (withStandalone) {
            chosen.prepend(standalone);
        }
        killAt(r, QStringList {QStringLiteral("delete"), VmName} + chosen, state);
        if (QTest::currentTestFailed()) {
            return;
        }

        const RewindTest::CtlResult verify
            = RewindTest::runCtl(common(r) << QStringLiteral("verify") << VmName << QStringLiteral("--json"));
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        QVERIFY2(verify.err.contains(repairMessage), qPrintable(verify.describe()));
        QVERIFY2(!verify.err.contains(QLatin1String("prune")), qPrintable(verify.describe()));
        QCOMPARE(verify.err.contains(QStringLiteral("Not deleted yet: ") + i1), i1Left);
        QCOMPARE(r.pointIds().contains(i1), i1Left);
        QVERIFY(!withStandalone || !r.pointIds().contains(standalone));
        QCOMPARE(Journal::list(r.repo(), VmUuid).value().size(), 0);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));

        // A prune by the policy (none here: keep everything) leaves the rest alone.
        const RewindTest::CtlResult pruned
            = RewindTest::runCtl(common(r) << QStringLiteral("prune") << VmName);
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.describe()));
        QCOMPARE(r.pointIds().contains(i1), i1Left);
        if (i1Left) {
            const RewindTest::CtlResult again
                = RewindTest::runCtl(common(r) << QStringLiteral("delete") << VmName << i1);
            QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        }
        QCOMPARE(r.pointIds(), (QStringList {f0, i2}));
        QCOMPARE(r.manifest(i2)->parentId, f0);
        verifyAll(r);
        QVERIFY(SyntheticRepo::sameData(r.image(i2), flat2));
    }
};

QTEST_GUILESS_MAIN(TestPruneOperation)
#include "tst_pruneoperation.moc"
