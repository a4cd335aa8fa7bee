// Live full-state backups against a real libvirtd and a real QEMU guest (tests/fixtures):
// the guest keeps running, RAM and disk come from one moment, the VM ends on its own
// images, killed jobs are repaired, and bad input changes nothing.

#include "domainhelpers.h"
#include "rewindctl.h"
#include "testguest.h"
#include "trackinghelpers.h"

#include "jobs/memoryscratch.h"
#include "libvirt/domainxml.h"
#include "repository/pointmanifest.h"
#include "transfer/sha256file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/mount.h>

using namespace Rewind;
using namespace RewindTest;

namespace {

int chainLength(const QString &image)
{
    QString out, err;
    if (!TestGuest::runQemuImg({QStringLiteral("info"), QStringLiteral("-U"),
                                   QStringLiteral("--backing-chain"), QStringLiteral("--output=json"), image},
            &out, &err)) {
        return -1;
    }
    return int(QJsonDocument::fromJson(out.toUtf8()).array().size());
}

QStringList overlaysIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.rewind-*")}, QDir::Files | QDir::Hidden);
}

PointManifest loadManifest(const QString &pointDir)
{
    QFile f(pointDir + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    auto m = PointManifest::fromBytes(f.readAll());
    return m ? *m : PointManifest {};
}

// Raw RAM images of the guest's points in the RAM-backed scratch folder.
QStringList scratchImagesOf(const TestGuest &g)
{
    const QString dir = MemoryScratch::directory();
    return dir.isEmpty() ? QStringList()
                         : QDir(dir).entryList({g.uuid() + QStringLiteral("-*")}, QDir::Files);
}

QString sha256Of(const QString &path)
{
    auto r = Sha256File::hash(path);
    return r ? r->sha256 : QString();
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;
    QTemporaryDir m_repo;

    QStringList common(const QString &repo = {}) const
    {
        return {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"),
            repo.isEmpty() ? m_repo.path() + QStringLiteral("/repo") : repo};
    }

    QString pointDir(const QString &repo, const TestGuest &guest, const QString &pointId) const
    {
        return repo + QLatin1Char('/') + guest.uuid() + QLatin1Char('/') + pointId;
    }

    // The guest is back on its original single image, running, and counting.
    void checkBackOnImages(TestGuest &guest)
    {
        QCOMPARE(guest.state(), int(VIR_DOMAIN_RUNNING));
        const DiskInfo live = diskOf(guest.domainXml());
        QCOMPARE(live.path, guest.diskPath());
        QVERIFY2(!live.hasBackingStore, qPrintable(guest.domainXml()));
        QCOMPARE(diskOf(xmlOf(guest.domain(), VIR_DOMAIN_XML_INACTIVE)).path, guest.diskPath());
        QCOMPARE(chainLength(guest.diskPath()), 1);
        QCOMPARE(overlaysIn(guest.workDir()), QStringList());
        const int now = guest.latestSerialRecord().counter;
        QString error;
        QVERIFY2(guest.waitForCounter(now + 3, 30000, &error), qPrintable(error));
    }

    // The guest runs on the one overlay of Rewind's that repo recorded, in the live and the
    // persistent definition, and keeps counting. The overlay sits directly over the guest's
    // own image, or over the frozen overlay of the last increment while QEMU still merges
    // it: the record then names that one, whose file goes at the next job.
    void checkTracked(TestGuest &guest, const QString &repo = {})
    {
        QCOMPARE(guest.state(), int(VIR_DOMAIN_RUNNING));
        const DiskInfo live = diskOf(guest.domainXml());
        QVERIFY2(live.path.startsWith(guest.diskPath() + QStringLiteral(".rewind-")), qPrintable(live.path));
        QCOMPARE(diskOf(xmlOf(guest.domain(), VIR_DOMAIN_XML_INACTIVE)).path, live.path);
        const QJsonObject recorded = trackedDiskRecord(
            repo.isEmpty() ? m_repo.path() + QStringLiteral("/repo") : repo, guest.uuid());
        QCOMPARE(recorded.value(QLatin1String("overlayPath")).toString(), live.path);
        const QString merging = recorded.value(QLatin1String("trackedOverlay")).toString();
        QStringList chain {guest.diskPath()};
        QStringList files {QFileInfo(live.path).fileName()};
        if (!merging.isEmpty()) {
            QVERIFY2(merging.startsWith(guest.diskPath() + QStringLiteral(".rewind-")), qPrintable(merging));
            if (live.backingChain.size() == 2) {
                chain.prepend(merging);
            }
            files << QFileInfo(merging).fileName();
            files.sort();
        }
        QCOMPARE(live.backingChain, chain);
        QCOMPARE(overlaysIn(guest.workDir()), files);
        // rewindctl list says so, and names the VM's own image.
        QCOMPARE(trackedImageShown(guest.uuid()), guest.diskPath());
        const int now = guest.latestSerialRecord().counter;
        QString error;
        QVERIFY2(guest.waitForCounter(now + 3, 30000, &error), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_repo.isValid());
        m_guest = std::make_unique<TestGuest>();
        QString error;
        QVERIFY2(m_guest->create(&error), qPrintable(error));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
    }

    void backupRunningGuest()
    {
        TestGuest &g = *m_guest;
        QString error;
        QVERIFY2(g.waitForCounter(g.latestSerialRecord().counter + 2, 20000, &error), qPrintable(error));
        const TestGuest::Record before = g.latestSerialRecord();
        const CtlResult r
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        const TestGuest::Record after = g.latestSerialRecord();
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        const QJsonObject out = r.json().object();
        const QString pointId = out.value(QLatin1String("pointId")).toString();
        QVERIFY(!pointId.isEmpty());
        const QString dir = pointDir(m_repo.path() + QStringLiteral("/repo"), g, pointId);
        const PointManifest m = loadManifest(dir);
        QCOMPARE(m.domainUuid, g.uuid());
        QCOMPARE(m.method, PointManifest::Method::FullState);
        QCOMPARE(m.disks.size(), 1);
        QCOMPARE(m.disks.first().target, QStringLiteral("vda"));
        QCOMPARE(m.disks.first().originalPath, g.diskPath());
        QCOMPARE(m.disks.first().sha256, sha256Of(dir + QLatin1Char('/') + m.disks.first().fileName));
        QVERIFY(m.memory.has_value());
        QCOMPARE(m.memory->sha256, sha256Of(dir + QLatin1Char('/') + m.memory->fileName));
        QVERIFY(m.memory->rawSize > 10 * 1024 * 1024); // a 256 MiB guest's state
        QVERIFY(m.memory->storedSize < m.memory->rawSize);
        QVERIFY2(m.guestPauseMs > 0 && m.guestPauseMs < 10000, qPrintable(QString::number(m.guestPauseMs)));
        QString out2, err;
        QVERIFY2(TestGuest::runTool(QStringLiteral("zstd"),
                     {QStringLiteral("-tq"), dir + QStringLiteral("/memory.zst")}, &out2, &err),
            qPrintable(err));

        // RAM and disk from one moment: the stored disk's last record is the counter the
        // guest had when it was captured, between what the log showed before and after.
        const TestGuest::Record stored
            = TestGuest::readDiskRecord(dir + QStringLiteral("/vda.qcow2"), {}, &error);
        QVERIFY2(stored.isValid(), qPrintable(error));
        QCOMPARE(stored.bootId, before.bootId);
        QVERIFY2(stored.counter >= before.counter && stored.counter <= after.counter,
            qPrintable(QStringLiteral("before %1 stored %2 after %3")
                           .arg(before.toString(), stored.toString(), after.toString())));
        // The stored image is a plain single image, not a chain.
        QCOMPARE(chainLength(dir + QStringLiteral("/vda.qcow2")), 1);
        QCOMPARE(m.kind, PointManifest::Kind::Full);
        // The raw RAM image went to the RAM-backed folder, and is gone now.
        QCOMPARE(scratchImagesOf(g), QStringList());
        QVERIFY(!QFile::exists(dir + QStringLiteral("/memory.save")));
        // Between points the guest writes to an overlay, so the next point stores only
        // what changed; untrack puts it back on its own image.
        checkTracked(g);
        const CtlResult untrack = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(untrack.exitCode == 0, qPrintable(untrack.describe()));
        QVERIFY2(untrack.out.contains(QLatin1String("own images")), qPrintable(untrack.describe()));
        checkBackOnImages(g);
        const CtlResult again = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(again.exitCode == 0 && again.out.contains(QLatin1String("already")),
            qPrintable(again.describe()));

        const CtlResult points
            = runCtl(common() << QStringLiteral("points") << g.name() << QStringLiteral("--json"));
        QVERIFY2(points.exitCode == 0, qPrintable(points.describe()));
        QCOMPARE(points.json().array().size(), 1);
        QCOMPARE(points.json().array().first().toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("complete"));
    }

    // With a chain policy of full points only, a backup is the manual procedure: the
    // overlay is merged back at once (active commit, pivot) and the VM runs on its
    // original single image afterwards, with nothing recorded.
    void fullPointsOnlyMergeBackAtOnce()
    {
        TestGuest &g = *m_guest;
        const CtlResult policy = runCtl(common()
            << QStringLiteral("policy") << g.name() << QStringLiteral("--full-every") << QStringLiteral("0"));
        QVERIFY2(policy.exitCode == 0 && policy.out.contains(QLatin1String("every point is full")),
            qPrintable(policy.describe()));
        auto restore = qScopeGuard([&] {
            runCtl(common() << QStringLiteral("policy") << g.name() << QStringLiteral("--full-every")
                            << QStringLiteral("24"));
        });
        for (int i = 0; i < 2; ++i) {
            const CtlResult r
                = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const auto m
                = PointManifest::fromJson(r.json().object().value(QLatin1String("manifest")).toObject());
            QVERIFY(m.ok());
            QCOMPARE(m->kind, PointManifest::Kind::Full);
            checkBackOnImages(g);
        }
        QFile record(m_repo.path() + QStringLiteral("/repo/") + g.uuid() + QStringLiteral("/vm.json"));
        QVERIFY(record.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(record.readAll())
                    .object()
                    .value(QLatin1String("tracking"))
                    .toObject()
                    .isEmpty());
    }

    void diskOnlyBackup()
    {
        TestGuest &g = *m_guest;
        const CtlResult r = runCtl(common() << QStringLiteral("backup") << g.name()
                                            << QStringLiteral("--disk-only") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString dir = pointDir(m_repo.path() + QStringLiteral("/repo"), g,
            r.json().object().value(QLatin1String("pointId")).toString());
        const PointManifest m = loadManifest(dir);
        QCOMPARE(m.method, PointManifest::Method::DiskOnly);
        QVERIFY(!m.memory.has_value());
        QVERIFY(!QFile::exists(dir + QStringLiteral("/memory.zst")));
        checkTracked(g);
    }

    void quiesceWithoutAgentIsRefused()
    {
        TestGuest &g = *m_guest;
        const CtlResult r
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--quiesce"));
        QCOMPARE(r.exitCode, int(ErrorCode::AgentUnavailable));
        QVERIFY2(r.err.contains(QLatin1String("qemu-guest-agent")), qPrintable(r.describe()));
        checkTracked(g); // a refused snapshot changes nothing
    }

    void unknownVm()
    {
        const CtlResult r = runCtl(common() << QStringLiteral("backup") << QStringLiteral("no such vm ü"));
        QCOMPARE(r.exitCode, int(ErrorCode::NotFound));
        QVERIFY2(r.err.contains(QStringLiteral("'no such vm ü'")), qPrintable(r.describe()));
    }

    void unwritableRepository()
    {
        TestGuest &g = *m_guest;
        // As root, permission bits do not stop writes; a read-only mount does.
        QTemporaryDir mnt;
        if (::mount("tmpfs", QFile::encodeName(mnt.path()).constData(), "tmpfs", MS_RDONLY, "size=1m") != 0) {
            QSKIP("cannot mount a read-only tmpfs here");
        }
        auto unmount = qScopeGuard([&] { ::umount(QFile::encodeName(mnt.path()).constData()); });
        const CtlResult r
            = runCtl(common(mnt.path() + QStringLiteral("/repo")) << QStringLiteral("backup") << g.name());
        QCOMPARE(r.exitCode, int(ErrorCode::Permission));
        QVERIFY2(r.err.contains(mnt.path()), qPrintable(r.describe()));
        checkTracked(g); // refused before anything happened: as it was
    }

    void repositoryOnFullFilesystem()
    {
        TestGuest &g = *m_guest;
        QTemporaryDir mnt;
        if (::mount("tmpfs", QFile::encodeName(mnt.path()).constData(), "tmpfs", 0, "size=24m,mode=0700")
            != 0) {
            QSKIP("cannot mount a small tmpfs here");
        }
        auto unmount = qScopeGuard([&] { ::umount(QFile::encodeName(mnt.path()).constData()); });
        const QString repo = mnt.path() + QStringLiteral("/repo");
        // A disk-only point fits; the RAM of a 256 MiB guest does not.
        const CtlResult first
            = runCtl(common(repo) << QStringLiteral("backup") << g.name() << QStringLiteral("--disk-only"));
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const CtlResult full = runCtl(common(repo) << QStringLiteral("backup") << g.name());
        QCOMPARE(full.exitCode, int(ErrorCode::NoSpace));
        QVERIFY2(full.err.contains(QLatin1String("Free some space")), qPrintable(full.describe()));
        checkTracked(g, repo); // refused before anything happened: as it was
        const CtlResult untrack = runCtl(common(repo) << QStringLiteral("untrack") << g.name());
        QVERIFY2(untrack.exitCode == 0, qPrintable(untrack.describe()));
        checkBackOnImages(g);
        const CtlResult verify = runCtl(common(repo) << QStringLiteral("verify") << QStringLiteral("--json"));
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        QCOMPARE(verify.json().array().size(), 1);
        QVERIFY(verify.json().array().first().toObject().value(QLatin1String("ok")).toBool());
    }

    void killedBackupIsRepaired_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("right after the snapshot") << QStringLiteral("snapshotted");
        QTest::newRow("during the copy") << QStringLiteral("copying");
        QTest::newRow("during the commit") << QStringLiteral("committing");
    }

    void killedBackupIsRepaired()
    {
        QFETCH(QString, state);
        TestGuest &g = *m_guest;
        if (state == QLatin1String("committing")) {
            // Only an incremental point merges while the backup runs: start a chain first.
            const CtlResult first = runCtl(common() << QStringLiteral("backup") << g.name());
            QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        }
        QProcess p;
        QString childOut;
        QVERIFY2(startStalled(p, common() << QStringLiteral("backup") << g.name(), state, &childOut),
            qPrintable(childOut));
        // Caught in the act: the guest writes to Rewind's overlay now.
        QVERIFY2(diskOf(g.domainXml()).path.contains(QLatin1String(".rewind-")), qPrintable(g.domainXml()));
        // Libvirt wrote the raw RAM image to the RAM-backed folder, not to the repository
        // (still there until the copy has compressed it), where the folder has room for
        // the guest's 256 MiB.
        const QString scratch = MemoryScratch::directory();
        if (state == QLatin1String("snapshotted") && !scratch.isEmpty()
            && MemoryScratch::fits(256LL * 1024 * 1024, MemoryScratch::room(scratch))) {
            QCOMPARE(scratchImagesOf(g).size(), 1);
        }

        // A second backup of the same VM meanwhile is refused and changes nothing.
        const CtlResult second = runCtl(common() << QStringLiteral("backup") << g.name());
        QCOMPARE(second.exitCode, int(ErrorCode::Busy));
        QVERIFY2(second.err.contains(QLatin1String("Another Rewind job")), qPrintable(second.describe()));

        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));

        // The next command of any kind repairs.
        const CtlResult next
            = runCtl(common() << QStringLiteral("points") << g.name() << QStringLiteral("--json"));
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        QVERIFY2(
            next.err.contains(QLatin1String("Repaired an interrupted backup")), qPrintable(next.describe()));
        for (const auto &v : next.json().array()) {
            QCOMPARE(v.toObject().value(QLatin1String("state")).toString(), QStringLiteral("complete"));
        }
        checkBackOnImages(g);
        // Nor does a raw RAM image stay behind in the host's memory.
        QCOMPARE(scratchImagesOf(g), QStringList());
    }

    // The VM is powered off (from virt-manager, or by its guest) while its backup runs:
    // the point, taken while it ran, is kept; nothing the guest wrote is lost; and the
    // VM ends on its own disk: at once for a full point, whose overlay was being merged
    // back, or, for an increment, by the VM's next job (here untrack), as for any VM
    // shut off on its tracked overlays.
    void vmStoppedDuringItsBackup_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("incremental");
        QTest::newRow("during the copy of an increment") << QStringLiteral("copying") << true;
        QTest::newRow("as an increment's merge starts") << QStringLiteral("committing") << true;
        QTest::newRow("during the merge back of a full point") << QStringLiteral("committing") << false;
    }

    void vmStoppedDuringItsBackup()
    {
        QFETCH(QString, state);
        QFETCH(bool, incremental);
        TestGuest &g = *m_guest;
        auto bootAgain = qScopeGuard([&] {
            QString error;
            if (!g.isActive() && (!g.start(&error) || !g.waitForBoot(90000, &error))) {
                qWarning("Could not boot the guest again: %s", qPrintable(error));
            }
            runCtl(common() << QStringLiteral("policy") << g.name() << QStringLiteral("--full-every")
                            << QStringLiteral("24"));
        });
        // A point first, so that the next is an increment on it; or full points only,
        // each merged back while its backup runs.
        const CtlResult policy
            = runCtl(common() << QStringLiteral("policy") << g.name() << QStringLiteral("--full-every")
                              << (incremental ? QStringLiteral("24") : QStringLiteral("0")));
        QVERIFY2(policy.exitCode == 0, qPrintable(policy.describe()));
        const CtlResult first = runCtl(common() << QStringLiteral("backup") << g.name());
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));

        QProcess p;
        QString childOut;
        QVERIFY2(startStalled(p, common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"),
                     state, &childOut),
            qPrintable(childOut));
        QString error;
        QVERIFY2(g.destroy(&error), qPrintable(error));
        const TestGuest::Record lastWritten = g.latestSerialRecord();
        ::kill(pid_t(p.processId()), SIGUSR1);
        QVERIFY(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, qPrintable(err + QString::fromUtf8(out)));
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        const QString pointId = result.value(QLatin1String("pointId")).toString();
        QVERIFY2(!pointId.isEmpty(), out.constData());
        QCOMPARE(result.value(QLatin1String("manifest")).toObject().value(QLatin1String("kind")).toString(),
            incremental ? QStringLiteral("incremental") : QStringLiteral("full"));
        QVERIFY2(out.contains("was shut down while it was being backed up"), out.constData());
        const CtlResult verify = runCtl(common() << QStringLiteral("verify") << g.name() << pointId);
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        QCOMPARE(g.state(), int(VIR_DOMAIN_SHUTOFF));

        if (incremental) {
            // Still on its overlays, recorded; its next job merges them offline.
            QVERIFY(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path != g.diskPath());
            const CtlResult untrack = runCtl(common() << QStringLiteral("untrack") << g.name());
            QVERIFY2(untrack.exitCode == 0, qPrintable(untrack.describe()));
        }
        QCOMPARE(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path, g.diskPath());
        QCOMPARE(chainLength(g.diskPath()), 1);
        QCOMPARE(overlaysIn(g.workDir()), QStringList());
        // The guest's last write before it was powered off is on its own disk.
        const TestGuest::Record onDisk = TestGuest::readDiskRecord(g.diskPath(), {}, &error);
        QVERIFY2(onDisk.isValid(), qPrintable(error));
        QCOMPARE(onDisk.bootId, lastWritten.bootId);
        QVERIFY2(onDisk.counter >= lastWritten.counter,
            qPrintable(onDisk.toString() + QStringLiteral(" < ") + lastWritten.toString()));
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error), qPrintable(error));
        checkBackOnImages(g);
    }

    void verifyFindsFlippedByte()
    {
        TestGuest &g = *m_guest;
        const QString repo = m_repo.path() + QStringLiteral("/verify-repo");
        const CtlResult r
            = runCtl(common(repo) << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString pointId = r.json().object().value(QLatin1String("pointId")).toString();
        const CtlResult good = runCtl(common(repo) << QStringLiteral("verify") << g.name() << pointId);
        QVERIFY2(good.exitCode == 0 && good.out.contains(QLatin1String(" ok")), qPrintable(good.describe()));

        // Flip one byte of the stored disk: in the guest's first data sector, found by
        // mapping the image (qcow2 data is not at a fixed offset).
        const QString image = pointDir(repo, g, pointId) + QStringLiteral("/vda.qcow2");
        QString map, err;
        QVERIFY(TestGuest::runQemuImg(
            {QStringLiteral("map"), QStringLiteral("--output=json"), image}, &map, &err));
        qint64 offset = -1;
        for (const auto &e : QJsonDocument::fromJson(map.toUtf8()).array()) {
            if (e.toObject().value(QLatin1String("data")).toBool()
                && e.toObject().contains(QLatin1String("offset"))) {
                offset = qint64(e.toObject().value(QLatin1String("offset")).toDouble());
                break;
            }
        }
        QVERIFY(offset > 0);
        QFile f(image);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(offset + 7));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(offset + 7));
        QVERIFY(f.putChar(char(c ^ 0x01)));
        f.close();

        const CtlResult bad
            = runCtl(common(repo) << QStringLiteral("verify") << g.name() << QStringLiteral("--json"));
        QCOMPARE(bad.exitCode, int(ErrorCode::Damaged));
        const QJsonObject verdict = bad.json().array().first().toObject();
        QVERIFY(!verdict.value(QLatin1String("ok")).toBool());
        QVERIFY2(verdict.value(QLatin1String("problems"))
                     .toArray()
                     .first()
                     .toString()
                     .contains(QLatin1String("checksum")),
            qPrintable(bad.out));
    }

    void quiescedBackupWithAgent()
    {
        GuestOptions o;
        o.withAgent = true;
        TestGuest g(o);
        QString error;
        QVERIFY2(g.create(&error), qPrintable(error));
        QVERIFY2(g.waitForBoot(90000, &error), qPrintable(error));
        QVERIFY2(g.waitForAgent(60000, &error), qPrintable(error));
        const CtlResult r = runCtl(common() << QStringLiteral("backup") << g.name()
                                            << QStringLiteral("--quiesce") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const PointManifest m = loadManifest(pointDir(m_repo.path() + QStringLiteral("/repo"), g,
            r.json().object().value(QLatin1String("pointId")).toString()));
        QCOMPARE(m.method, PointManifest::Method::DiskOnlyQuiesced);
        QVERIFY(!m.memory.has_value());
        checkTracked(g);
    }

    void shutOffVmGetsColdCopy()
    {
        TestGuest &g = *m_guest;
        QString error;
        QVERIFY2(g.destroy(&error), qPrintable(error));
        // Through the tracked overlay, where the guest's last writes are.
        const TestGuest::Record last = g.diskRecord(&error);
        QVERIFY2(last.isValid(), qPrintable(error));
        const CtlResult r
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString dir = pointDir(m_repo.path() + QStringLiteral("/repo"), g,
            r.json().object().value(QLatin1String("pointId")).toString());
        const PointManifest m = loadManifest(dir);
        QCOMPARE(m.method, PointManifest::Method::Cold);
        QCOMPARE(m.kind, PointManifest::Kind::Full);
        QVERIFY(!m.memory.has_value());
        QCOMPARE(overlaysIn(g.workDir()), QStringList()); // merged offline first
        QCOMPARE(TestGuest::readDiskRecord(dir + QStringLiteral("/vda.qcow2"), {}, &error), last);
        QCOMPARE(g.state(), int(VIR_DOMAIN_SHUTOFF)); // left as it was
        QCOMPARE(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path, g.diskPath());
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error), qPrintable(error));
    }

    // The user restores a copy by hand onto another image while the VM is tracked: the
    // record is stale. The next backup says so, is full, leaves the old overlay alone
    // (it is not Rewind's to delete any more) and tracks the new image.
    void diskReplacedByHandEndsTracking()
    {
        TestGuest &g = *m_guest;
        QString error;
        const CtlResult first = runCtl(common() << QStringLiteral("backup") << g.name());
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const QString oldOverlay = diskOf(g.domainXml()).path;
        QVERIFY(oldOverlay.startsWith(g.diskPath() + QStringLiteral(".rewind-")));

        QVERIFY2(g.destroy(&error), qPrintable(error));
        const QString byHand = g.workDir() + QStringLiteral("/by-hand.qcow2");
        QString out;
        QVERIFY2(TestGuest::runQemuImg({QStringLiteral("convert"), QStringLiteral("-O"),
                                           QStringLiteral("qcow2"), oldOverlay, byHand},
                     &out, &error),
            qPrintable(error));
        auto edited = DomainXml::rewriteDisks(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE),
            {{QStringLiteral("vda"), byHand}}, {{QStringLiteral("vda"), QStringLiteral("qcow2")}});
        QVERIFY(edited.ok());
        virDomainPtr redefined = virDomainDefineXML(g.connection(), edited->toUtf8().constData());
        QVERIFY(redefined);
        virDomainFree(redefined);
        QVERIFY2(g.start(&error) && g.waitForBoot(90000, &error), qPrintable(error));

        const CtlResult next
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        const QString notes
            = QJsonDocument(next.json().object().value(QLatin1String("notes")).toArray()).toJson();
        QVERIFY2(
            notes.contains(QLatin1String("outside Rewind")) && notes.contains(oldOverlay), qPrintable(notes));
        const auto m
            = PointManifest::fromJson(next.json().object().value(QLatin1String("manifest")).toObject());
        QVERIFY(m.ok());
        QCOMPARE(m->kind, PointManifest::Kind::Full);
        QCOMPARE(m->disks.first().originalPath, byHand);
        QVERIFY(QFile::exists(oldOverlay));
        const DiskInfo live = diskOf(g.domainXml());
        QVERIFY2(live.path.startsWith(byHand + QStringLiteral(".rewind-")), qPrintable(live.path));
        QCOMPARE(live.backingChain, QStringList {byHand});
        const CtlResult untrack = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(untrack.exitCode == 0, qPrintable(untrack.describe()));
        QCOMPARE(diskOf(g.domainXml()).path, byHand);
    }

    void oddVmWithRawDiskCdromAndReadonlyDisk()
    {
        GuestOptions o;
        o.name = QStringLiteral("rewind test \"quoted\" 'single' & ü");
        o.diskFormat = QStringLiteral("raw");
        o.withCdrom = true;
        o.withReadonlyDisk = true;
        TestGuest g(o);
        QString error;
        QVERIFY2(g.create(&error), qPrintable(error));
        QVERIFY2(g.waitForBoot(90000, &error), qPrintable(error));
        const TestGuest::Record before = g.latestSerialRecord();
        const CtlResult r
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject out = r.json().object();
        const QString notes = QJsonDocument(out.value(QLatin1String("notes")).toArray()).toJson();
        QVERIFY2(
            notes.contains(QLatin1String("hdc")) && notes.contains(QLatin1String("vdb")), qPrintable(notes));
        const QString dir = pointDir(
            m_repo.path() + QStringLiteral("/repo"), g, out.value(QLatin1String("pointId")).toString());
        const PointManifest m = loadManifest(dir);
        QCOMPARE(m.domainName, o.name);
        QCOMPARE(m.disks.size(), 1);
        QCOMPARE(m.disks.first().storedFormat, QStringLiteral("raw"));
        const TestGuest::Record stored
            = TestGuest::readDiskRecord(dir + QStringLiteral("/vda.raw"), QStringLiteral("raw"), &error);
        QVERIFY2(stored.isValid() && stored.counter >= before.counter, qPrintable(stored.toString() + error));
        checkTracked(g);

        // The next point is a qcow2 increment on the raw image.
        const CtlResult inc
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json"));
        QVERIFY2(inc.exitCode == 0, qPrintable(inc.describe()));
        const QString incDir = pointDir(m_repo.path() + QStringLiteral("/repo"), g,
            inc.json().object().value(QLatin1String("pointId")).toString());
        const PointManifest im = loadManifest(incDir);
        QCOMPARE(im.kind, PointManifest::Kind::Incremental);
        QCOMPARE(im.disks.first().backingFile,
            QStringLiteral("../") + out.value(QLatin1String("pointId")).toString()
                + QStringLiteral("/vda.raw"));
        QCOMPARE(chainLength(incDir + QStringLiteral("/vda.qcow2")), 2);
        const TestGuest::Record incStored = TestGuest::readDiskRecord(
            incDir + QStringLiteral("/vda.qcow2"), QStringLiteral("qcow2"), &error);
        QVERIFY2(incStored.isValid() && incStored.counter > stored.counter,
            qPrintable(incStored.toString() + error));
        checkTracked(g);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
