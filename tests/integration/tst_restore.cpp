// Restores against a real libvirtd and a real QEMU counter guest (tests/fixtures): a
// full-state point resumes the guest at the counter after the last record on its stored
// disk with the same boot id (RAM restored, no reboot); a new VM runs beside the
// original; exports are standalone images; the README's stock-tools recipe works; a
// killed restore leaves a runnable VM; bad input changes nothing.

#include "domainhelpers.h"
#include "readmerecipe.h"
#include "resumechecks.h"
#include "rewindctl.h"
#include "testguest.h"

#include "libvirt/domainxml.h"
#include "repository/pointmanifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace Rewind;
using namespace RewindTest;

namespace {

QStringList macsOf(const QString &xml)
{
    QStringList macs;
    static const QRegularExpression re(QStringLiteral("<mac address=['\"]([0-9a-f:]+)['\"]"));
    for (auto it = re.globalMatch(xml); it.hasNext();) {
        macs << it.next().captured(1);
    }
    return macs;
}

QString serialPathOf(const QString &xml)
{
    static const QRegularExpression re(
        QStringLiteral("<serial type=['\"]file['\"]>\\s*<source path=['\"]([^'\"]+)['\"]"));
    return re.match(xml).captured(1);
}

// Which file a path names: the same inode is the very file, not a copy of it.
ino_t inodeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : ino_t(0);
}

QStringList leftoversIn(const QString &dir)
{
    return QDir(dir).entryList(
        {QStringLiteral("*.rewind-*"), QStringLiteral(".*.rewind-partial")}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestRestore : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;
    QTemporaryDir m_tmp;
    QString m_pointId; ///< a full-state point of m_guest, taken by restoreInPlaceResumesRam
    TestGuest::Record m_pointRecord; ///< the last record on that point's disk

    QString m_repoName = QStringLiteral("repo");
    QString repo() const { return m_tmp.path() + QLatin1Char('/') + m_repoName; }
    QStringList common() const
    {
        return {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"), repo()};
    }
    QString pointDir(const QString &pointId) const
    {
        return repo() + QLatin1Char('/') + m_guest->uuid() + QLatin1Char('/') + pointId;
    }

    // A backup (full-state unless options say otherwise); returns its id and the record its
    // disk holds.
    QString backup(TestGuest::Record *stored, const QStringList &options = {})
    {
        TestGuest &g = *m_guest;
        const CtlResult r
            = runCtl(common() << QStringLiteral("backup") << g.name() << QStringLiteral("--json") << options);
        if (r.exitCode != 0) {
            qWarning().noquote() << r.describe();
            return {};
        }
        const QString id = r.json().object().value(QLatin1String("pointId")).toString();
        QString error;
        *stored = TestGuest::readDiskRecord(pointDir(id) + QStringLiteral("/vda.qcow2"), {}, &error);
        if (!stored->isValid()) {
            qWarning().noquote() << "no record on the stored disk:" << error;
        }
        return id;
    }

    // The VM and its folder carry no trace of a restore.
    void checkClean()
    {
        TestGuest &g = *m_guest;
        QStringList leftovers = leftoversIn(g.workDir());
        leftovers.removeAll(QFileInfo(g.activeDiskPath()).fileName()); // the tracked overlay
        QCOMPARE(leftovers, QStringList());
        QCOMPARE(QDir(repo() + QLatin1Char('/') + g.uuid())
                     .entryList({QStringLiteral(".restore-*")}, QDir::Files | QDir::Hidden),
            QStringList());
        QCOMPARE(QDir(repo() + QLatin1Char('/') + g.uuid() + QStringLiteral("/.journal"))
                     .entryList(QDir::Files | QDir::Hidden),
            QStringList());
    }

    // Still running on its own image (or the overlay Rewind tracks its changes with),
    // same boot, counting.
    void checkUntouched(const QString &bootId)
    {
        TestGuest &g = *m_guest;
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        const DiskInfo disk = diskOf(g.domainXml());
        QVERIFY2(disk.path == g.diskPath()
                || (disk.path.startsWith(g.diskPath() + QStringLiteral(".rewind-"))
                    && disk.backingChain == QStringList {g.diskPath()}),
            qPrintable(disk.path));
        const TestGuest::Record now = g.latestSerialRecord();
        QCOMPARE(now.bootId, bootId);
        QString error;
        QVERIFY2(g.waitForCounter(now.counter + 3, 30000, &error), qPrintable(error));
        QCOMPARE(g.latestSerialRecord().bootId, bootId);
        checkClean();
    }

    void bootAgain()
    {
        TestGuest &g = *m_guest;
        QString error;
        if (g.isActive()) {
            QVERIFY2(g.destroy(&error), qPrintable(error));
        }
        QVERIFY2(g.start(&error), qPrintable(error));
        QVERIFY2(g.waitForBoot(90000, &error), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // A NIC, so that "new MAC" is checked for real; user networking needs no host set-up.
        GuestOptions o;
        o.startOnCreate = false;
        m_guest = std::make_unique<TestGuest>(o);
        TestGuest &g = *m_guest;
        QString error;
        QVERIFY2(g.create(&error), qPrintable(error));
        QString xml = xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE);
        xml.replace(QStringLiteral("</devices>"),
            QStringLiteral("<interface type='user'><model type='virtio'/></interface></devices>"));
        virDomainPtr redefined = virDomainDefineXML(g.connection(), xml.toUtf8().constData());
        QVERIFY2(redefined, qPrintable(TestGuest::lastLibvirtError()));
        virDomainFree(redefined);
        QVERIFY2(g.start(&error), qPrintable(error));
        QVERIFY2(g.waitForBoot(90000, &error), qPrintable(error));
        QCOMPARE(macsOf(g.domainXml()).size(), 1);
    }

    void restoreInPlaceResumesRam()
    {
        TestGuest &g = *m_guest;
        QString error;
        m_pointId = backup(&m_pointRecord);
        QVERIFY(!m_pointId.isEmpty() && m_pointRecord.isValid());
        const TestGuest::Record &stored = m_pointRecord;
        // Let it run on well past the point, so the restored run is told apart.
        QVERIFY2(g.waitForCounter(stored.counter + 15, 30000, &error), qPrintable(error));
        const qsizetype mark = g.serialRecords().size();

        const QStringList restore = common() << QStringLiteral("restore") << g.name() << m_pointId
                                             << QStringLiteral("--force") << QStringLiteral("--json");
        const CtlResult r = runCtl(restore);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject out = r.json().object();
        QVERIFY(out.value(QLatin1String("memoryRestored")).toBool());
        QVERIFY(out.value(QLatin1String("running")).toBool());
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));

        QString failure;
        const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 5, &failure);
        if (!failure.isEmpty()) {
            failure += restoreOnceMoreAfterFault(g, stored, restore);
        }
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString problem = checkContinuation(run, stored);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + g.diagnostics()));

        // The disk goes on from the stored record too: one boot, no record missing.
        const TestGuest::Record onDisk = g.diskRecord(&error);
        QVERIFY2(onDisk.isValid() && onDisk.bootId == stored.bootId && onDisk.counter >= stored.counter,
            qPrintable(onDisk.toString() + error));
        const QList<TestGuest::Record> history
            = TestGuest::readDiskHistory(g.activeDiskPath(), onDisk.counter, {}, &error);
        QVERIFY2(history.size() >= onDisk.counter - 1, qPrintable(error));
        for (qsizetype i = 0; i < history.size(); ++i) {
            QCOMPARE(history.at(i).counter, int(i + 1));
            QCOMPARE(history.at(i).bootId, stored.bootId);
        }
        // On its own paths, live and defined, with nothing left behind.
        QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());
        QVERIFY(!diskOf(g.domainXml()).hasBackingStore);
        QCOMPARE(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path, g.diskPath());
        checkClean();

        // A cold boot afterwards uses the restored disk: a new boot, counting from 1.
        QVERIFY2(g.shutdown(60000, &error), qPrintable(error));
        QVERIFY2(g.start(&error), qPrintable(error));
        QVERIFY2(g.waitForCounter(3, 90000, &error), qPrintable(error));
        QList<TestGuest::Record> newBoot;
        for (const auto &rec : g.serialRecords()) {
            if (rec.bootId != stored.bootId) {
                newBoot << rec;
            }
        }
        QVERIFY(!newBoot.isEmpty());
        QCOMPARE(newBoot.first().counter, 1);
        QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());
    }

    void restoreAsNewVmRunsBesideOriginal()
    {
        TestGuest &g = *m_guest;
        QVERIFY(!m_pointId.isEmpty());
        const QString name = g.name() + QStringLiteral(" copy");
        const QString originalBoot = g.latestSerialRecord().bootId;
        auto removeCopy = qScopeGuard([&] {
            if (virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData())) {
                virDomainDestroy(d);
                virDomainUndefine(d);
                virDomainFree(d);
            }
        });
        const CtlResult r = runCtl(common() << QStringLiteral("restore") << g.name() << m_pointId
                                            << QStringLiteral("--as") << name << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject out = r.json().object();
        QCOMPARE(out.value(QLatin1String("domain")).toString(), name);
        QVERIFY(out.value(QLatin1String("running")).toBool());
        QVERIFY(!out.value(QLatin1String("memoryRestored")).toBool());
        const QString image = g.workDir() + QLatin1Char('/') + name + QStringLiteral("-vda.qcow2");
        QCOMPARE(out.value(QLatin1String("files")).toArray().first().toString(), image);
        const QString notes = QJsonDocument(out.value(QLatin1String("notes")).toArray()).toJson();
        QVERIFY2(notes.contains(QLatin1String("booted from the point's disks")), qPrintable(notes));

        virDomainPtr copy = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(copy);
        auto freeCopy = qScopeGuard([copy] { virDomainFree(copy); });
        QCOMPARE(virDomainIsActive(copy), 1);
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        const QString copyXml = xmlOf(copy);
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(copy, uuid);
        QVERIFY(QString::fromLatin1(uuid) != g.uuid());
        QCOMPARE(out.value(QLatin1String("uuid")).toString(), QString::fromLatin1(uuid));
        QCOMPARE(macsOf(copyXml).size(), 1);
        QVERIFY(macsOf(copyXml) != macsOf(g.domainXml()));
        QCOMPARE(diskOf(copyXml).path, image);
        QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());

        // Its own console log, where it boots and counts; the original's log stays its own.
        const QString copyLog = serialPathOf(copyXml);
        QCOMPARE(copyLog, g.workDir() + QStringLiteral("/serial-") + name + QStringLiteral(".log"));
        QCOMPARE(serialPathOf(g.domainXml()), g.serialLogPath());
        QString copyBoot;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile f(copyLog);
                if (!f.open(QIODevice::ReadOnly)) {
                    return false;
                }
                static const QRegularExpression re(QStringLiteral("CNT (\\d+) BOOT ([0-9a-f]+)"));
                int last = 0;
                for (auto it = re.globalMatch(QString::fromLatin1(f.readAll())); it.hasNext();) {
                    const auto m = it.next();
                    last = m.captured(1).toInt();
                    copyBoot = m.captured(2);
                }
                return last >= 3;
            }(),
            90000);
        QVERIFY(copyBoot != originalBoot);
        for (const auto &rec : g.serialRecords()) {
            QVERIFY(rec.bootId != copyBoot);
        }
        // Both run side by side.
        QCOMPARE(virDomainIsActive(copy), 1);
        QString error;
        QVERIFY2(g.waitForCounter(g.latestSerialRecord().counter + 3, 30000, &error), qPrintable(error));
        QCOMPARE(g.latestSerialRecord().bootId, originalBoot);
    }

    // The fact NewVmRestore is built on, checked so that a libvirt that changes it is noticed:
    // a saved RAM image is refused under a new identity, and accepted with other disk paths.
    void libvirtRefusesRamUnderNewIdentity()
    {
        TestGuest &g = *m_guest;
        const QString save = m_tmp.path() + QStringLiteral("/identity.save");
        QString out, error;
        QVERIFY2(TestGuest::runTool(QStringLiteral("zstd"),
                     {QStringLiteral("-d"), QStringLiteral("-q"), QStringLiteral("-f"),
                         pointDir(m_pointId) + QStringLiteral("/memory.zst"), QStringLiteral("-o"), save},
                     &out, &error),
            qPrintable(error));
        char *saved = virDomainSaveImageGetXMLDesc(g.connection(), save.toUtf8().constData(), 0);
        QVERIFY(saved);
        const QString xml = QString::fromUtf8(saved);
        free(saved);
        const QString image = m_tmp.path() + QStringLiteral("/identity.qcow2");
        auto clone = DomainXml::cloneDefinition(
            xml, g.name() + QStringLiteral("-identity"), {{QStringLiteral("vda"), image}});
        QVERIFY(clone.ok());
        QCOMPARE(
            virDomainRestoreFlags(g.connection(), save.toUtf8().constData(), clone->toUtf8().constData(), 0),
            -1);
        QVERIFY2(TestGuest::lastLibvirtError().contains(QLatin1String("does not match")),
            qPrintable(TestGuest::lastLibvirtError()));
        QFile::remove(save);
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
    }

    void exportWritesStandaloneImages_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("qcow2") << QStringLiteral("qcow2");
        QTest::newRow("raw") << QStringLiteral("raw");
    }

    void exportWritesStandaloneImages()
    {
        QFETCH(QString, format);
        TestGuest &g = *m_guest;
        QTemporaryDir dir;
        const CtlResult r = runCtl(common()
            << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--export") << dir.path()
            << QStringLiteral("--format") << format << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonArray files = r.json().object().value(QLatin1String("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QString image = files.first().toString();
        QVERIFY(image.startsWith(dir.path() + QLatin1Char('/')) && image.endsWith(QLatin1Char('.') + format));
        QString info, error;
        QVERIFY2(TestGuest::runQemuImg(
                     {QStringLiteral("info"), QStringLiteral("--output=json"), image}, &info, &error),
            qPrintable(error));
        const QJsonObject o = QJsonDocument::fromJson(info.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("format")).toString(), format);
        QVERIFY2(!o.contains(QLatin1String("backing-filename")), qPrintable(info));
        QString out;
        QVERIFY2(TestGuest::runQemuImg(
                     {QStringLiteral("compare"), pointDir(m_pointId) + QStringLiteral("/vda.qcow2"), image},
                     &out, &error),
            qPrintable(out + error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList {QFileInfo(image).fileName()});

        // Never over an existing file.
        const QDateTime modified = QFileInfo(image).lastModified();
        const CtlResult again = runCtl(common()
            << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--export") << dir.path()
            << QStringLiteral("--format") << format);
        QCOMPARE(again.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(again.err.contains(QLatin1String("never overwrites")), qPrintable(again.describe()));
        QCOMPARE(QFileInfo(image).lastModified(), modified);
    }

    void runningVmWithoutForceIsRefused()
    {
        TestGuest &g = *m_guest;
        const QString boot = g.latestSerialRecord().bootId;
        const CtlResult r
            = runCtl(common() << QStringLiteral("restore") << g.name() << QStringLiteral("latest"));
        QCOMPARE(r.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(
            r.err.contains(QLatin1String("--force")) && r.err.contains(QLatin1String("Nothing was changed")),
            qPrintable(r.describe()));
        checkUntouched(boot);
    }

    void existingNameIsRefused()
    {
        TestGuest &g = *m_guest;
        const QString boot = g.latestSerialRecord().bootId;
        const CtlResult r = runCtl(common()
            << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--as") << g.name());
        QCOMPARE(r.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(r.err.contains(QLatin1String("exists already")), qPrintable(r.describe()));
        checkUntouched(boot);
    }

    void unwritableOrSmallTargetIsRefused_data()
    {
        QTest::addColumn<QString>("mountOptions");
        QTest::addColumn<int>("flags");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("read-only") << QStringLiteral("size=64m") << int(MS_RDONLY)
                                   << int(ErrorCode::Permission);
        QTest::newRow("too small") << QStringLiteral("size=2m") << 0 << int(ErrorCode::NoSpace);
    }

    void unwritableOrSmallTargetIsRefused()
    {
        QFETCH(QString, mountOptions);
        QFETCH(int, flags);
        QFETCH(int, exitCode);
        TestGuest &g = *m_guest;
        const QString boot = g.latestSerialRecord().bootId;
        QTemporaryDir mnt;
        // As root, permission bits do not stop writes; a read-only mount does.
        if (::mount("tmpfs", QFile::encodeName(mnt.path()).constData(), "tmpfs", flags,
                mountOptions.toLatin1().constData())
            != 0) {
            QSKIP("cannot mount a tmpfs here");
        }
        auto unmount = qScopeGuard([&] { ::umount(QFile::encodeName(mnt.path()).constData()); });
        const QString name = g.name() + QStringLiteral("-refused");
        const CtlResult r
            = runCtl(common() << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--as")
                              << name << QStringLiteral("--to") << mnt.path());
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mnt.path()) && r.err.contains(QLatin1String("Nothing was changed")),
            qPrintable(r.describe()));
        virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(!d);
        QCOMPARE(QDir(mnt.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        checkUntouched(boot);
    }

    void damagedPointIsRefusedUnlessIgnored()
    {
        TestGuest &g = *m_guest;
        TestGuest::Record stored;
        const QString pointId = backup(&stored);
        QVERIFY(!pointId.isEmpty());
        // Flip one byte of the stored disk's data (found by mapping the qcow2).
        const QString image = pointDir(pointId) + QStringLiteral("/vda.qcow2");
        QString map, err;
        QVERIFY(TestGuest::runQemuImg(
            {QStringLiteral("map"), QStringLiteral("--output=json"), image}, &map, &err));
        qint64 offset = -1;
        for (const auto &e : QJsonDocument::fromJson(map.toUtf8()).array()) {
            // The start of the disk, stored in this very file (an increment's map also
            // lists what its backing files hold, at offsets in those files).
            if (e.toObject().value(QLatin1String("data")).toBool()
                && e.toObject().contains(QLatin1String("offset"))
                && e.toObject().value(QLatin1String("depth")).toInt() == 0
                && e.toObject().value(QLatin1String("start")).toDouble() == 0) {
                offset = qint64(e.toObject().value(QLatin1String("offset")).toDouble());
                break;
            }
        }
        QVERIFY(offset > 0);
        QFile f(image);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(offset + 600)); // the scratch sector: the guest never reads it
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(offset + 600));
        QVERIFY(f.putChar(char(c ^ 0x01)));
        f.close();

        const QString boot = g.latestSerialRecord().bootId;
        // The check runs beside the copy, so a damaged point is found once the images
        // are written: they must go again, and the VM keep the disk (and overlay) it has.
        const QString diskBefore = diskOf(g.domainXml()).path;
        const CtlResult refused = runCtl(
            common() << QStringLiteral("restore") << g.name() << pointId << QStringLiteral("--force"));
        QCOMPARE(refused.exitCode, int(ErrorCode::Damaged));
        QVERIFY2(refused.err.contains(QLatin1String("--ignore-damage"))
                && refused.err.contains(QLatin1String("checksum"))
                && refused.err.contains(QLatin1String("was not changed")),
            qPrintable(refused.describe()));
        QCOMPARE(diskOf(g.domainXml()).path, diskBefore);
        checkUntouched(boot);

        QTemporaryDir exportDir;
        const CtlResult notExported = runCtl(common() << QStringLiteral("restore") << g.name() << pointId
                                                      << QStringLiteral("--export") << exportDir.path());
        QCOMPARE(notExported.exitCode, int(ErrorCode::Damaged));
        QVERIFY2(notExported.err.contains(QLatin1String("Nothing was exported")),
            qPrintable(notExported.describe()));
        QCOMPARE(QDir(exportDir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

        const QString copyName = g.name() + QStringLiteral("-damaged");
        QTemporaryDir copyDir;
        const CtlResult notCopied
            = runCtl(common() << QStringLiteral("restore") << g.name() << pointId << QStringLiteral("--as")
                              << copyName << QStringLiteral("--to") << copyDir.path());
        QCOMPARE(notCopied.exitCode, int(ErrorCode::Damaged));
        QVERIFY2(notCopied.err.contains(QLatin1String("partial copies were removed")),
            qPrintable(notCopied.describe()));
        QVERIFY(!virDomainLookupByName(g.connection(), copyName.toUtf8().constData()));
        QCOMPARE(QDir(copyDir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        checkUntouched(boot);

        const qsizetype mark = g.serialRecords().size();
        const QStringList restore = common()
            << QStringLiteral("restore") << g.name() << pointId << QStringLiteral("--force")
            << QStringLiteral("--ignore-damage") << QStringLiteral("--json");
        const CtlResult forced = runCtl(restore);
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
        const QString notes
            = QJsonDocument(forced.json().object().value(QLatin1String("notes")).toArray()).toJson();
        QVERIFY2(notes.contains(QLatin1String("damaged")), qPrintable(notes));
        QString failure;
        const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 3, &failure);
        if (!failure.isEmpty()) {
            failure += restoreOnceMoreAfterFault(g, stored, restore);
        }
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString problem = checkContinuation(run, stored);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        checkClean();
    }

    void killedRestoreLeavesARunnableVm_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("vmStopped");
        QTest::newRow("during the copy") << QStringLiteral("restore-copying") << false;
        QTest::newRow("after moving images aside") << QStringLiteral("restore-moved-aside") << true;
        QTest::newRow("after the swap, before the RAM") << QStringLiteral("restore-swapped") << true;
    }

    void killedRestoreLeavesARunnableVm()
    {
        QFETCH(QString, state);
        QFETCH(bool, vmStopped);
        TestGuest &g = *m_guest;
        QString error;
        const TestGuest::Record before = g.latestSerialRecord();
        QVERIFY(before.bootId != m_pointRecord.bootId); // booted since the point: told apart below

        QProcess p;
        QString childOut;
        QVERIFY2(
            startStalled(p,
                common() << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--force"),
                state, &childOut),
            qPrintable(childOut));
        QCOMPARE(g.isActive(), !vmStopped);
        if (state == QLatin1String("restore-moved-aside")) {
            QVERIFY(!QFile::exists(g.diskPath())); // the VM's image is at its safety name
        }
        // Another restore of the same VM meanwhile is refused.
        const CtlResult second = runCtl(
            common() << QStringLiteral("restore") << g.name() << m_pointId << QStringLiteral("--force"));
        QCOMPARE(second.exitCode, int(ErrorCode::Busy));
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));

        // Any next command repairs.
        const CtlResult next = runCtl(common() << QStringLiteral("points") << g.name());
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        QVERIFY2(next.err.contains(QLatin1String("interrupted restore")), qPrintable(next.describe()));
        checkClean();
        QCOMPARE(diskOf(xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE)).path, g.diskPath());
        // The VM's own image is back: its latest record is from its own boot, not the point's.
        const TestGuest::Record own = TestGuest::readDiskRecord(g.diskPath(), {}, &error);
        QVERIFY2(own.isValid() && own.bootId == before.bootId && own.counter >= before.counter,
            qPrintable(own.toString() + error));
        if (vmStopped) {
            QCOMPARE(g.isActive(), false);
            QVERIFY2(next.err.contains(QLatin1String("virsh start")), qPrintable(next.describe()));
            bootAgain();
        } else {
            checkUntouched(before.bootId);
        }
        QVERIFY2(g.waitForCounter(g.latestSerialRecord().counter + 3, 30000, &error), qPrintable(error));
    }

    // A VM shut off when its restore in place began, and started (virt-manager, virsh) while
    // the point's images are written or just before they are swapped in, keeps its own
    // images: the restore stops and says so, rather than renaming them away under the
    // running VM (which would then write to files about to be deleted). A point without
    // RAM, restored without --start: no later step would notice.
    void vmStartedDuringRestoreKeepsItsImages_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("while the images are written") << QStringLiteral("restore-copying");
        QTest::newRow("just before the swap") << QStringLiteral("restore-stopped");
    }

    void vmStartedDuringRestoreKeepsItsImages()
    {
        QFETCH(QString, state);
        TestGuest &g = *m_guest;
        QString error;
        TestGuest::Record stored;
        const QString pointId = backup(&stored, {QStringLiteral("--disk-only")});
        QVERIFY(!pointId.isEmpty());
        const CtlResult untracked = runCtl(common() << QStringLiteral("untrack") << g.name());
        QVERIFY2(untracked.exitCode == 0, qPrintable(untracked.describe()));
        QVERIFY2(g.destroy(&error), qPrintable(error));
        const ino_t image = inodeOf(g.diskPath());
        QVERIFY(image != 0);

        QProcess p;
        QString childOut;
        QVERIFY2(
            startStalled(p, common() << QStringLiteral("restore") << g.name() << pointId, state, &childOut),
            qPrintable(childOut));
        QVERIFY2(g.start(&error), qPrintable(error));
        ::kill(pid_t(p.processId()), SIGUSR1);
        QVERIFY(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), int(ErrorCode::Conflict));
        QVERIFY2(err.contains(QLatin1String("was started while")), qPrintable(err));
        // Found running before its images moved: said to be untouched; after: given them back.
        QVERIFY2(
            err.contains(state == QLatin1String("restore-copying") ? QLatin1String("was not changed")
                                                                   : QLatin1String("back on its own images")),
            qPrintable(err));

        // Running on its own image, the very file, at its own path, and counting on.
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());
        QCOMPARE(inodeOf(g.diskPath()), image);
        QVERIFY2(g.waitForBoot(90000, &error), qPrintable(error));
        checkUntouched(g.latestSerialRecord().bootId);
    }

    // A managed save holds RAM that belongs to the current disks: discarding it needs consent,
    // and a restore with consent removes it (a later start must not resume it on the
    // restored disks).
    void managedSaveNeedsForce()
    {
        TestGuest &g = *m_guest;
        QCOMPARE(virDomainManagedSave(g.domain(), 0), 0);
        QCOMPARE(virDomainHasManagedSaveImage(g.domain(), 0), 1);
        const CtlResult refused = runCtl(common() << QStringLiteral("restore") << g.name() << m_pointId);
        QCOMPARE(refused.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(refused.err.contains(QLatin1String("managedsave"))
                && refused.err.contains(QLatin1String("--force")),
            qPrintable(refused.describe()));
        QCOMPARE(virDomainHasManagedSaveImage(g.domain(), 0), 1);
        QCOMPARE(g.isActive(), false);

        const CtlResult r = runCtl(common() << QStringLiteral("restore") << g.name() << m_pointId
                                            << QStringLiteral("--force") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().object().value(QLatin1String("memoryRestored")).toBool());
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        QCOMPARE(virDomainHasManagedSaveImage(g.domain(), 0), 0);
        QTRY_COMPARE_WITH_TIMEOUT(g.latestSerialRecord().bootId, m_pointRecord.bootId, 30000);
        checkClean();
    }

    // A VM deleted from libvirt (virt-manager's Delete, keeping its storage) comes back as
    // it was: same name, UUID and MAC, on its own image path, resumed from its RAM. Until
    // then nothing of what it left is touched without consent, a VM that took its name or
    // uses its image is never displaced, and a killed restore leaves it removed with its
    // image back in place. A point without RAM defines it again from the point's definition,
    // shut off, and it boots.
    void removedVmComesBackAsItWas_data()
    {
        QTest::addColumn<bool>("diskOnly");
        QTest::newRow("full state") << false;
        QTest::newRow("disks only") << true;
    }

    void removedVmComesBackAsItWas()
    {
        QFETCH(bool, diskOnly);
        TestGuest &g = *m_guest;
        QString error;
        TestGuest::Record stored;
        const QString pointId
            = backup(&stored, diskOnly ? QStringList {QStringLiteral("--disk-only")} : QStringList());
        QVERIFY(!pointId.isEmpty() && stored.isValid());
        const QString overlay = g.activeDiskPath(); // tracking: the writes after the point
        QVERIFY2(overlay != g.diskPath(), qPrintable(overlay));
        QVERIFY2(g.waitForCounter(stored.counter + 10, 30000, &error), qPrintable(error));
        const QStringList macs = macsOf(g.domainXml());
        QCOMPARE(macs.size(), 1);
        const QString name = g.name();
        const QString uuid = g.uuid();
        const auto defined = [&] {
            virDomainPtr d = virDomainLookupByUUIDString(g.connection(), uuid.toUtf8().constData());
            if (d) {
                virDomainFree(d);
            }
            return d != nullptr;
        };
        QCOMPARE(virDomainDestroy(g.domain()), 0);
        QCOMPARE(virDomainUndefineFlags(g.domain(), VIR_DOMAIN_UNDEFINE_MANAGED_SAVE), 0);
        QVERIFY(!defined());
        // Its overlay, and the frozen one below it when that one's merge still ran.
        const QStringList leftBehind = leftoversIn(g.workDir());
        QVERIFY2(leftBehind.contains(QFileInfo(overlay).fileName()), qPrintable(leftBehind.join(u' ')));
        const TestGuest::Record left = TestGuest::readDiskRecord(overlay, {}, &error);
        QVERIFY2(left.isValid() && left.counter > stored.counter, qPrintable(left.toString() + error));
        const QStringList restore = common() << QStringLiteral("restore") << name << pointId;

        // rewindctl list names it, with its newest point and how to bring it back.
        const CtlResult listed = runCtl(common() << QStringLiteral("list") << QStringLiteral("--json"));
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QJsonObject entry;
        for (const auto &v : listed.json().array()) {
            if (v.toObject().value(QLatin1String("uuid")).toString() == uuid) {
                entry = v.toObject();
            }
        }
        QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("removed"));
        QCOMPARE(entry.value(QLatin1String("name")).toString(), name);
        QCOMPARE(entry.value(QLatin1String("newestPoint")).toString(), pointId);
        const CtlResult text = runCtl(common() << QStringLiteral("list"));
        // Columns are padded to the widest name and state of the VMs listed.
        const QRegularExpression head(
            QStringLiteral("^%1 +removed +%2$")
                .arg(QRegularExpression::escape(name), QRegularExpression::escape(uuid)),
            QRegularExpression::MultilineOption);
        QVERIFY2(head.match(text.out).hasMatch()
                && text.out.contains(QStringLiteral("rewindctl restore '%1' latest").arg(name)),
            qPrintable(text.describe()));

        // Its image is still there: replaced only with --force.
        const CtlResult refused = runCtl(restore);
        QCOMPARE(refused.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(refused.err.contains(g.diskPath()) && refused.err.contains(QLatin1String("--force")),
            qPrintable(refused.describe()));
        QVERIFY(!defined());

        // Another VM with its name, or on its image, is never displaced, even with --force.
        const auto defineOther = [&](const QString &otherName, const QString &disk) {
            const QString xml = QStringLiteral(
                "<domain type='qemu'><name>%1</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>"
                "<devices>%2</devices></domain>")
                                    .arg(otherName,
                                        disk.isEmpty()
                                            ? QString()
                                            : QStringLiteral("<disk type='file' device='disk'><driver "
                                                             "name='qemu' type='qcow2'/><source "
                                                             "file='%1'/><target dev='vdb'/></disk>")
                                                  .arg(disk));
            return virDomainDefineXML(g.connection(), xml.toUtf8().constData());
        };
        const QString otherVm = name + QStringLiteral("-other");
        const QList<std::tuple<QString, QString, QString>> others {
            {name, QString(), QStringLiteral("another one")}, {otherVm, g.diskPath(), otherVm}};
        for (const auto &[otherName, disk, says] : others) {
            virDomainPtr other = defineOther(otherName, disk);
            QVERIFY2(other, qPrintable(TestGuest::lastLibvirtError()));
            const CtlResult r = runCtl(restore + QStringList {QStringLiteral("--force")});
            virDomainUndefine(other);
            virDomainFree(other);
            QCOMPARE(r.exitCode, int(ErrorCode::Conflict));
            QVERIFY2(
                r.err.contains(says) && r.err.contains(QLatin1String("--as NAME")), qPrintable(r.describe()));
            QVERIFY(!defined());
        }

        // Killed once its image is swapped: the next command puts the image back (the very
        // file: its inode), and the VM stays removed.
        const ino_t image = inodeOf(g.diskPath());
        QVERIFY(image != 0);
        QProcess p;
        QString childOut;
        QVERIFY2(startStalled(p, restore + QStringList {QStringLiteral("--force")},
                     QStringLiteral("restore-swapped"), &childOut),
            qPrintable(childOut));
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        const CtlResult next = runCtl(common() << QStringLiteral("points") << name);
        QVERIFY2(next.exitCode == 0 && next.err.contains(QLatin1String("still not defined")),
            qPrintable(next.describe()));
        QVERIFY(!defined());
        QCOMPARE(inodeOf(g.diskPath()), image);
        QCOMPARE(TestGuest::readDiskRecord(overlay, {}, &error).counter, left.counter);
        QCOMPARE(leftoversIn(g.workDir()), leftBehind);

        const qsizetype mark = g.serialRecords().size();
        const CtlResult r
            = runCtl(restore + QStringList {QStringLiteral("--force"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject out = r.json().object();
        QVERIFY(out.value(QLatin1String("redefined")).toBool());
        QCOMPARE(out.value(QLatin1String("memoryRestored")).toBool(), !diskOnly);
        QCOMPARE(out.value(QLatin1String("running")).toBool(), !diskOnly);
        QCOMPARE(out.value(QLatin1String("uuid")).toString(), uuid);
        for (const QString &file : leftBehind) {
            QVERIFY2(out.value(QLatin1String("notes")).toArray().first().toString().contains(file),
                qPrintable(r.describe()));
        }

        // Itself again: persistent, its MAC, its image.
        QVERIFY(defined());
        QCOMPARE(virDomainIsPersistent(g.domain()), 1);
        const QString inactive = xmlOf(g.domain(), VIR_DOMAIN_XML_INACTIVE);
        QCOMPARE(diskOf(inactive).path, g.diskPath());
        QVERIFY(!diskOf(inactive).hasBackingStore);
        QCOMPARE(macsOf(inactive), macs);
        if (diskOnly) {
            // Shut off on the point's disk, and it boots from it.
            QCOMPARE(g.state(), int(VIR_DOMAIN_SHUTOFF));
            const TestGuest::Record onDisk = TestGuest::readDiskRecord(g.diskPath(), {}, &error);
            QCOMPARE(onDisk.bootId, stored.bootId);
            QCOMPARE(onDisk.counter, stored.counter);
            bootAgain();
        } else {
            // Running on from the point.
            QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
            QCOMPARE(macsOf(g.domainXml()), macs);
            QCOMPARE(diskOf(g.domainXml()).path, g.diskPath());
            QString failure;
            const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 5, &failure);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            const QString problem = checkContinuation(run, stored);
            QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + g.diagnostics()));
        }

        // What it wrote after the point is left as it was, for the user to delete.
        QCOMPARE(TestGuest::readDiskRecord(overlay, {}, &error).counter, left.counter);
        for (const QString &file : leftBehind) {
            QVERIFY(QFile::remove(g.workDir() + QLatin1Char('/') + file));
        }
        checkClean();
        // Its next point is a full one on its own image.
        TestGuest::Record next2;
        const QString after = backup(&next2);
        QVERIFY(!after.isEmpty());
        QFile manifest(pointDir(after) + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(PointManifest::fromBytes(manifest.readAll())->kind, PointManifest::Kind::Full);
    }

    // A new VM from a point of a UEFI VM gets a variables file of its own, a copy of the
    // original's (its boot entries), instead of writing to the original's. Neither VM
    // needs to run for that: a cold point of a VM never started.
private:
    // A shut-off UEFI VM (OVMF, a tiny blank disk) whose variables file holds `vars`; each
    // test removes it again.
    struct UefiVm
    {
        QString name;
        QString uuid;
        QString disk;
        QString nvram;
    };
    static QByteArray uefiVars(const QByteArray &text)
    {
        QByteArray vars = text;
        vars.append(QByteArray(4096 - vars.size(), '\x5a'));
        return vars;
    }
    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
    }
    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static void undefineUefi(virConnectPtr conn, const QString &vm)
    {
        if (virDomainPtr d = virDomainLookupByName(conn, vm.toUtf8().constData())) {
            virDomainUndefineFlags(d, VIR_DOMAIN_UNDEFINE_NVRAM);
            virDomainFree(d);
        }
    }
    bool defineUefiVm(const QString &name, const QByteArray &vars, UefiVm *vm, const QString &devices = {})
    {
        TestGuest &g = *m_guest;
        vm->name = name;
        vm->disk = g.workDir() + QLatin1Char('/') + name + QStringLiteral(".qcow2");
        QString out, error;
        if (!TestGuest::runQemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                       QStringLiteral("qcow2"), vm->disk, QStringLiteral("16M")},
                &out, &error)) {
            qWarning().noquote() << error;
            return false;
        }
        const QString xml = QStringLiteral(
            "<domain type='qemu'><name>%1</name><memory unit='MiB'>64</memory>"
            "<os><type arch='x86_64' machine='q35'>hvm</type>"
            "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"
            "<nvram template='/usr/share/OVMF/OVMF_VARS.fd'/></os><features><acpi/></features>"
            "<devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
            "<source file='%2'/><target dev='vda' bus='virtio'/></disk>%3</devices></domain>")
                                .arg(name, vm->disk, devices);
        virDomainPtr d = virDomainDefineXML(g.connection(), xml.toUtf8().constData());
        if (!d) {
            qWarning().noquote() << TestGuest::lastLibvirtError();
            return false;
        }
        vm->nvram = DomainXml::nvramPath(xmlOf(d, VIR_DOMAIN_XML_INACTIVE));
        char uuid[VIR_UUID_STRING_BUFLEN];
        virDomainGetUUIDString(d, uuid);
        vm->uuid = QString::fromLatin1(uuid);
        virDomainFree(d);
        return !vm->nvram.isEmpty() && writeFile(vm->nvram, vars);
    }
    QString uefiPointDir(const UefiVm &vm, const CtlResult &backup) const
    {
        return repo() + QLatin1Char('/') + vm.uuid + QLatin1Char('/')
            + backup.json().object().value(QLatin1String("pointId")).toString();
    }

private Q_SLOTS:
    // A new VM restored from a UEFI VM's point gets a variables file of its own, with the
    // point's variables, never the original's file (both would write it, and deleting the
    // copy with its variables would delete the original's).
    void newVmGetsUefiVariablesOfItsOwn()
    {
        TestGuest &g = *m_guest;
        UefiVm vm;
        const QString name = g.name() + QStringLiteral("-efi");
        const QString copyName = name + QStringLiteral("-copy");
        auto cleanUp = qScopeGuard([&] {
            undefineUefi(g.connection(), copyName);
            undefineUefi(g.connection(), name);
            QFile::remove(vm.disk);
            QFile::remove(g.workDir() + QLatin1Char('/') + copyName + QStringLiteral("-vda.qcow2"));
        });
        const QByteArray atPoint = uefiVars("UEFI variables of " + name.toUtf8());
        QVERIFY(defineUefiVm(name, atPoint, &vm));

        const CtlResult b = runCtl(common() << QStringLiteral("backup") << name << QStringLiteral("--json"));
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
        // The original's variables change after the point.
        const QByteArray later = uefiVars("later variables of " + name.toUtf8());
        QVERIFY(writeFile(vm.nvram, later));
        const CtlResult r
            = runCtl(common() << QStringLiteral("restore") << name << QStringLiteral("latest")
                              << QStringLiteral("--as") << copyName << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        virDomainPtr copy = virDomainLookupByName(g.connection(), copyName.toUtf8().constData());
        QVERIFY(copy);
        const QString own = DomainXml::nvramPath(xmlOf(copy, VIR_DOMAIN_XML_INACTIVE));
        virDomainFree(copy);
        QVERIFY2(!own.isEmpty() && own != vm.nvram, qPrintable(own));
        QCOMPARE(readFile(own), atPoint);
        QVERIFY2(r.json().object().value(QLatin1String("notes")).toArray().first().toString().contains(own),
            qPrintable(r.describe()));
        // The original's file is untouched.
        QCOMPARE(readFile(vm.nvram), later);
    }

    // A point holds a UEFI VM's variables: checked by verify, put back by a restore in
    // place (with the VM's own file moved aside and removed like its images), and
    // written again for a removed VM whose file libvirt deleted with it.
    void uefiVariablesComeBackWithThePoint()
    {
        TestGuest &g = *m_guest;
        UefiVm vm;
        const QString name = g.name() + QStringLiteral("-vars");
        auto cleanUp = qScopeGuard([&] {
            undefineUefi(g.connection(), name);
            QFile::remove(vm.disk);
        });
        const QByteArray atPoint = uefiVars("UEFI variables at the point of " + name.toUtf8());
        // A console password, which libvirt gives only to readers of the secure definition;
        // a serial console logged to a file, whose folder goes to make a start fail.
        QTemporaryDir serialDir;
        QVERIFY(serialDir.isValid());
        const QString console = serialDir.filePath(QStringLiteral("console.log"));
        QVERIFY(defineUefiVm(name, atPoint, &vm,
            QStringLiteral("<graphics type='vnc' autoport='yes' passwd='s3cret-R'/>"
                           "<serial type='file'><source path='%1'/><target port='0'/></serial>")
                .arg(console)));
        const CtlResult b = runCtl(common() << QStringLiteral("backup") << name << QStringLiteral("--json"));
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
        const QString dir = uefiPointDir(vm, b);
        QFile manifestFile(dir + QStringLiteral("/manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const auto manifest = PointManifest::fromBytes(manifestFile.readAll());
        QVERIFY(manifest.ok() && manifest->nvram);
        QCOMPARE(manifest->nvram->originalPath, vm.nvram);
        QCOMPARE(manifest->nvram->storedSize, atPoint.size());
        QCOMPARE(manifest->nvram->sha256,
            QString::fromLatin1(QCryptographicHash::hash(atPoint, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(readFile(dir + QLatin1Char('/') + manifest->nvram->fileName), atPoint);

        // In place: the variables written since are replaced by the point's. Killed once the
        // files are swapped, the next command puts the VM's own file back (the very file).
        QVERIFY(writeFile(vm.nvram, uefiVars("changed since")));
        const ino_t own = inodeOf(vm.nvram);
        QProcess p;
        QString childOut;
        QVERIFY2(startStalled(p, common() << QStringLiteral("restore") << name << QStringLiteral("latest"),
                     QStringLiteral("restore-swapped"), &childOut),
            qPrintable(childOut));
        QVERIFY(inodeOf(vm.nvram) != own);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        const CtlResult next = runCtl(common() << QStringLiteral("points") << name);
        QVERIFY2(
            next.exitCode == 0 && next.err.contains(QLatin1String("Undid")), qPrintable(next.describe()));
        QCOMPARE(inodeOf(vm.nvram), own);
        QCOMPARE(readFile(vm.nvram), uefiVars("changed since"));
        QCOMPARE(leftoversIn(QFileInfo(vm.nvram).absolutePath()), QStringList());

        const CtlResult r = runCtl(common()
            << QStringLiteral("restore") << name << QStringLiteral("latest") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(readFile(vm.nvram), atPoint);
        QVERIFY2(r.json().object().value(QLatin1String("files")).toArray().contains(vm.nvram),
            qPrintable(r.describe()));
        QCOMPARE(leftoversIn(QFileInfo(vm.nvram).absolutePath()), QStringList());

        // Removed, its disk deleted and its variables file kept: that file is replaced only
        // with --force, and never while another VM uses it.
        const QByteArray kept = uefiVars("changed again");
        QVERIFY(writeFile(vm.nvram, kept));
        virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(virDomainUndefineFlags(d, VIR_DOMAIN_UNDEFINE_KEEP_NVRAM), 0);
        virDomainFree(d);
        QVERIFY(QFile::remove(vm.disk));
        const QStringList restoreRemoved = common()
            << QStringLiteral("restore") << name << QStringLiteral("latest");
        const CtlResult unforced = runCtl(restoreRemoved);
        QVERIFY2(unforced.exitCode == int(ErrorCode::Conflict) && unforced.err.contains(vm.nvram),
            qPrintable(unforced.describe()));
        const QString otherName = name + QStringLiteral("-other");
        virDomainPtr other = virDomainDefineXML(g.connection(),
            QStringLiteral("<domain type='qemu'><name>%1</name><memory unit='MiB'>64</memory><os><type "
                           "arch='x86_64' machine='q35'>hvm</type><loader readonly='yes' "
                           "type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader><nvram>%2</nvram></"
                           "os><features><acpi/></features></domain>")
                .arg(otherName, vm.nvram)
                .toUtf8()
                .constData());
        QVERIFY2(other, qPrintable(TestGuest::lastLibvirtError()));
        const CtlResult taken = runCtl(restoreRemoved + QStringList {QStringLiteral("--force")});
        QCOMPARE(virDomainUndefineFlags(other, VIR_DOMAIN_UNDEFINE_KEEP_NVRAM), 0);
        virDomainFree(other);
        QVERIFY2(taken.exitCode == int(ErrorCode::Conflict) && taken.err.contains(otherName),
            qPrintable(taken.describe()));
        QCOMPARE(readFile(vm.nvram), kept);
        QVERIFY(!QFile::exists(vm.disk));

        // Defined again, then its start fails: it is removed again, and the variables file
        // that was at its path is back (libvirt undefines a UEFI VM only when told what to do
        // with that file, and this one is not Rewind's to delete).
        QVERIFY(QDir(serialDir.path()).removeRecursively());
        const CtlResult failed
            = runCtl(restoreRemoved + QStringList {QStringLiteral("--force"), QStringLiteral("--start")});
        QVERIFY2(failed.exitCode != 0 && failed.err.contains(console), qPrintable(failed.describe()));
        d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(!d);
        QCOMPARE(readFile(vm.nvram), kept);
        QVERIFY(!QFile::exists(vm.disk));
        QCOMPARE(leftoversIn(QFileInfo(vm.nvram).absolutePath()), QStringList());
        QVERIFY(QDir().mkpath(serialDir.path()));

        // Deleted with its variables (as virt-manager does), then brought back as it was.
        QVERIFY(QFile::remove(vm.nvram));
        const CtlResult back
            = runCtl(common() << QStringLiteral("restore") << name << QStringLiteral("latest")
                              << QStringLiteral("--force") << QStringLiteral("--json"));
        QVERIFY2(back.exitCode == 0, qPrintable(back.describe()));
        QCOMPARE(readFile(vm.nvram), atPoint);
        d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(DomainXml::nvramPath(xmlOf(d, VIR_DOMAIN_XML_INACTIVE)), vm.nvram);
        // Defined again from a point without RAM: with its password, from the point's domain.xml
        // (owner-only); the manifest's definition has none.
        QVERIFY(
            xmlOf(d, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE).contains(QLatin1String("s3cret-R")));
        virDomainFree(d);
        QVERIFY(!manifest->domainXml.contains(QLatin1String("s3cret-R")));
        QCOMPARE(QFileInfo(dir + QStringLiteral("/domain.xml")).permissions()
                & (QFile::ReadGroup | QFile::ReadOther),
            QFile::Permissions());

        // A damaged copy of the variables is found by verify, and no restore uses it.
        const QString stored = dir + QLatin1Char('/') + manifest->nvram->fileName;
        QVERIFY(writeFile(stored, uefiVars("damaged")));
        const CtlResult v = runCtl(common() << QStringLiteral("verify") << name);
        QVERIFY2(v.exitCode != 0 && v.out.contains(QLatin1String("nvram.fd")), qPrintable(v.describe()));
        QVERIFY(writeFile(vm.nvram, uefiVars("kept")));
        const CtlResult refused = runCtl(common()
            << QStringLiteral("restore") << name << QStringLiteral("latest") << QStringLiteral("--json"));
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.describe()));
        QCOMPARE(readFile(vm.nvram), uefiVars("kept"));
        QCOMPARE(leftoversIn(QFileInfo(vm.nvram).absolutePath()), QStringList());
    }

    // A running UEFI VM: its full-state point holds the variables as they were at the
    // capture, and resuming its RAM puts them back too (QEMU keeps the flash's content in
    // the RAM image as well; the file must match it).
    void runningUefiVmResumesWithItsVariables()
    {
        TestGuest &g = *m_guest;
        UefiVm vm;
        const QString name = g.name() + QStringLiteral("-live-efi");
        auto cleanUp = qScopeGuard([&] {
            if (virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData())) {
                virDomainDestroy(d);
                virDomainFree(d);
            }
            undefineUefi(g.connection(), name);
            QFile::remove(vm.disk);
        });
        // The firmware's own empty store, which it accepts at its start.
        const QByteArray empty = readFile(QStringLiteral("/usr/share/OVMF/OVMF_VARS.fd"));
        QVERIFY(!empty.isEmpty());
        QVERIFY(defineUefiVm(name, empty, &vm));
        virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(virDomainCreate(d), 0);
        virDomainFree(d);
        QTest::qWait(2000); // the firmware runs

        const CtlResult b = runCtl(common() << QStringLiteral("backup") << name << QStringLiteral("--json"));
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
        QFile manifestFile(uefiPointDir(vm, b) + QStringLiteral("/manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const auto manifest = PointManifest::fromBytes(manifestFile.readAll());
        QVERIFY(manifest.ok() && manifest->nvram && manifest->memory);
        const QByteArray atPoint
            = readFile(uefiPointDir(vm, b) + QLatin1Char('/') + manifest->nvram->fileName);
        QCOMPARE(atPoint.size(), empty.size());

        // Changed after the point (the VM shut off meanwhile): the last byte of the store.
        d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(virDomainDestroy(d), 0);
        QByteArray changed = readFile(vm.nvram);
        changed[changed.size() - 1] = char(changed.at(changed.size() - 1) ^ 0x01);
        QVERIFY(writeFile(vm.nvram, changed));
        // And moved to another file (virsh edit): the saved definition in the RAM image
        // names the old one, where nothing is now.
        const QString moved
            = QFileInfo(vm.nvram).absolutePath() + QLatin1Char('/') + name + QStringLiteral("_MOVED_VARS.fd");
        QString definition = xmlOf(d, VIR_DOMAIN_XML_INACTIVE);
        virDomainFree(d);
        definition.replace(vm.nvram + QStringLiteral("</nvram>"), moved + QStringLiteral("</nvram>"));
        QVERIFY(QFile::rename(vm.nvram, moved));
        d = virDomainDefineXML(g.connection(), definition.toUtf8().constData());
        QVERIFY2(d, qPrintable(TestGuest::lastLibvirtError()));
        QCOMPARE(DomainXml::nvramPath(xmlOf(d, VIR_DOMAIN_XML_INACTIVE)), moved);
        virDomainFree(d);
        const QString old = std::exchange(vm.nvram, moved);
        auto removeOld = qScopeGuard([&] { QFile::remove(old); });

        const CtlResult r = runCtl(common()
            << QStringLiteral("restore") << name << QStringLiteral("latest") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject out = r.json().object();
        QVERIFY2(out.value(QLatin1String("memoryRestored")).toBool()
                && out.value(QLatin1String("running")).toBool(),
            qPrintable(r.describe()));
        QCOMPARE(readFile(moved), atPoint);
        // The running VM and its definition both use the file put back.
        d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(DomainXml::nvramPath(xmlOf(d, 0)), moved);
        QCOMPARE(DomainXml::nvramPath(xmlOf(d, VIR_DOMAIN_XML_INACTIVE)), moved);
        virDomainFree(d);
        QVERIFY(!QFile::exists(old));
    }

    // qemu:///system used by a normal user: the new VM's folder (next to the original's
    // image) is root's, so the images travel through libvirt storage-volume streams.
    void restoreAsNewVmAsNormalUser()
    {
        if (::geteuid() != 0) {
            QSKIP("needs root to create the unprivileged test user");
        }
        TestGuest &g = *m_guest;
        const QString user = QStringLiteral("rewindtest");
        QString out, error;
        if (!::getpwnam(user.toLocal8Bit().constData())) {
            QVERIFY2(TestGuest::runTool(QStringLiteral("useradd"),
                         {QStringLiteral("-m"), QStringLiteral("-G"), QStringLiteral("libvirt"), user}, &out,
                         &error),
                qPrintable(error));
        }
        // The premise: the user may not write (or even look) into the VM's folder.
        QVERIFY(!TestGuest::runTool(QStringLiteral("runuser"),
            {QStringLiteral("-u"), user, QStringLiteral("--"), QStringLiteral("test"), QStringLiteral("-w"),
                g.workDir()},
            &out, &error));
        // The build tree may be in a folder the user cannot enter: run a copy of rewindctl.
        QTemporaryDir bin(QStringLiteral("/var/tmp/rewind-bin-XXXXXX"));
        QVERIFY(bin.isValid());
        const QString copy = bin.path() + QStringLiteral("/rewindctl");
        QVERIFY(QFile::copy(rewindctlPath(), copy));
        const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        QFile::setPermissions(bin.path(), readable);
        QFile::setPermissions(copy, readable);
        rewindctlOverride() = copy;
        const QString userRepo = QStringLiteral("/home/%1/restore-repo-%2").arg(user).arg(::getpid());
        const QString name = g.name() + QStringLiteral("-user");
        const QString image = g.workDir() + QLatin1Char('/') + name + QStringLiteral("-vda.qcow2");
        auto cleanUp = qScopeGuard([&] {
            rewindctlOverride().clear();
            QDir(userRepo).removeRecursively();
            if (virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData())) {
                virDomainDestroy(d);
                virDomainUndefine(d);
                virDomainFree(d);
            }
        });
        const QStringList base {
            QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"), userRepo};

        const CtlResult b
            = runCtl(base + QStringList {QStringLiteral("backup"), g.name(), QStringLiteral("--json")}, {},
                300000, user);
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
        const QString pointId = b.json().object().value(QLatin1String("pointId")).toString();
        const QString point = userRepo + QLatin1Char('/') + g.uuid() + QLatin1Char('/') + pointId;

        const CtlResult r = runCtl(base
                + QStringList {QStringLiteral("restore"), g.name(), pointId, QStringLiteral("--as"), name,
                    QStringLiteral("--json"), QStringLiteral("--verbose")},
            {}, 300000, user);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        virDomainPtr d = virDomainLookupByName(g.connection(), name.toUtf8().constData());
        QVERIFY(d);
        QCOMPARE(virDomainIsActive(d), 1);
        // Stopped before its kernel is up (seconds under TCG), so the image is as written.
        virDomainDestroy(d);
        virDomainFree(d);
        QVERIFY2(r.err.contains(QLatin1String("through a libvirt storage-volume stream")), qPrintable(r.err));
        QCOMPARE(r.json().object().value(QLatin1String("files")).toArray().first().toString(), image);
        QCOMPARE(QFileInfo(image).ownerId(), uint(0)); // written by the daemon, not the user
        QVERIFY2(TestGuest::runQemuImg(
                     {QStringLiteral("compare"), point + QStringLiteral("/vda.qcow2"), image}, &out, &error),
            qPrintable(out + error));
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
    }

    void restoreWithoutRewind_data()
    {
        QTest::addColumn<bool>("increment");
        // A VM's first point, or the first after untrack: the VM ran on its own image, and
        // the saved definition has an empty <backingStore/> for it.
        QTest::newRow("full, taken on the VM's own image") << false;
        // The recipe must read the chain and drop the overlay the VM ran on.
        QTest::newRow("increment") << true;
    }

    void restoreWithoutRewind()
    {
        QFETCH(bool, increment);
        TestGuest &g = *m_guest;
        TestGuest::Record stored;
        // A repository of its own for each row: the VM's first point there is full and
        // taken on the VM's own image (an overlay of another repository is merged back
        // first), and the image restored by hand in one row is no stranger to the next.
        m_repoName = QStringLiteral("repo-") + QLatin1String(QTest::currentDataTag()).left(4);
        if (increment) {
            QVERIFY(!backup(&stored).isEmpty()); // starts the chain
        }
        const QString pointId = backup(&stored);
        QVERIFY(!pointId.isEmpty() && stored.isValid());
        QFile manifest(pointDir(pointId) + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(PointManifest::fromBytes(manifest.readAll())->kind,
            increment ? PointManifest::Kind::Incremental : PointManifest::Kind::Full);
        QString error;
        QVERIFY2(g.waitForCounter(stored.counter + 15, 30000, &error), qPrintable(error));

        // The README's block, as written, with the three variables set for this guest.
        const QString image = g.workDir()
            + (increment ? QStringLiteral("/by-hand.qcow2") : QStringLiteral("/by-hand-full.qcow2"));
        const QString script = ReadmeRecipe::restoreWithoutRewind(g.name(), pointDir(pointId), image, &error);
        QVERIFY2(!script.isEmpty(), qPrintable(error));
        const qsizetype mark = g.serialRecords().size();
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LIBVIRT_DEFAULT_URI"), TestGuest::uri());
        bash.setProcessEnvironment(env);
        bash.start(QStringLiteral("bash"),
            {QStringLiteral("-euo"), QStringLiteral("pipefail"), QStringLiteral("-c"), script});
        QVERIFY(bash.waitForFinished(120000));
        QVERIFY2(bash.exitCode() == 0,
            qPrintable(QString::fromUtf8(bash.readAllStandardError() + bash.readAllStandardOutput())));

        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        QCOMPARE(diskOf(g.domainXml()).path, image);
        QString failure;
        const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 5, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString problem = checkContinuation(run, stored);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + g.diagnostics()));
    }
};

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
