// qemu:///system used by a normal user: the VM's images and the RAM image QEMU writes
// belong to root, in folders the user cannot read. The backup must move those bytes
// through libvirt storage-volume streams and still end with a correct, verifiable point
// and the VM back on its own images.

#include "rewindctl.h"
#include "testguest.h"

#include "libvirt/domainxml.h"
#include "repository/pointmanifest.h"
#include "transfer/sha256file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Rewind;
using namespace RewindTest;

namespace {
const QString kUser = QStringLiteral("rewindtest");
}

class TestStreamBackup : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;
    QString m_repo;
    uid_t m_uid = 0;
    QTemporaryDir m_binDir {QStringLiteral("/var/tmp/rewind-bin-XXXXXX")};

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QSKIP("needs root to create the unprivileged test user");
        }
        QString out, error;
        if (!::getpwnam(kUser.toLocal8Bit().constData())) {
            QVERIFY2(TestGuest::runTool(QStringLiteral("useradd"),
                         {QStringLiteral("-m"), QStringLiteral("-G"), QStringLiteral("libvirt"), kUser}, &out,
                         &error),
                qPrintable(error));
        }
        m_uid = ::getpwnam(kUser.toLocal8Bit().constData())->pw_uid;
        m_repo = QStringLiteral("/home/%1/repo-%2").arg(kUser).arg(QCoreApplication::applicationPid());

        m_guest = std::make_unique<TestGuest>();
        QVERIFY2(m_guest->create(&error), qPrintable(error));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
        // The premise: the user cannot read the VM's image.
        QVERIFY(!TestGuest::runTool(QStringLiteral("runuser"),
            {QStringLiteral("-u"), kUser, QStringLiteral("--"), QStringLiteral("test"), QStringLiteral("-r"),
                m_guest->diskPath()},
            &out, &error));
        // The build tree may sit in a folder the user cannot enter (a root-only checkout):
        // run a copy of rewindctl from a world-readable place.
        QVERIFY(m_binDir.isValid());
        const QString copy = m_binDir.path() + QStringLiteral("/rewindctl");
        QVERIFY(QFile::copy(rewindctlPath(), copy));
        QFile::setPermissions(m_binDir.path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                | QFile::ReadGroup | QFile::ExeGroup);
        QFile::setPermissions(copy,
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                | QFile::ReadGroup | QFile::ExeGroup);
        rewindctlOverride() = copy;
    }

    void cleanupTestCase()
    {
        if (!m_repo.isEmpty()) {
            QDir(m_repo).removeRecursively();
        }
        rewindctlOverride().clear();
    }

    void backupAsNormalUserUsesStreams()
    {
        TestGuest &g = *m_guest;
        const TestGuest::Record before = g.latestSerialRecord();
        const CtlResult r = runCtl(
            {QStringLiteral("--connect"), QStringLiteral("qemu:///system"), QStringLiteral("--repo"), m_repo,
                QStringLiteral("backup"), g.name(), QStringLiteral("--json"), QStringLiteral("--verbose")},
            {}, 300000, kUser);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        // Both the disk and the RAM image went through libvirt, not the file system.
        QVERIFY2(r.err.contains(QLatin1String("through a libvirt storage-volume stream")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("memory image")), qPrintable(r.err));

        const QString pointId = r.json().object().value(QLatin1String("pointId")).toString();
        const QString dir = m_repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/') + pointId;
        QFile mf(dir + QStringLiteral("/manifest.json"));
        QVERIFY(mf.open(QIODevice::ReadOnly));
        const auto m = PointManifest::fromBytes(mf.readAll());
        QVERIFY(m.ok());
        QCOMPARE(m->disks.size(), 1);
        QCOMPARE(m->disks.first().sha256, Sha256File::hash(dir + QStringLiteral("/vda.qcow2"))->sha256);
        QVERIFY(m->memory.has_value());
        QCOMPARE(m->memory->sha256, Sha256File::hash(dir + QStringLiteral("/memory.zst"))->sha256);
        QVERIFY(!QFile::exists(dir + QStringLiteral("/memory.save")));
        // The stored files belong to the user who ran the backup.
        for (const QString &f : QDir(dir).entryList(QDir::Files)) {
            QCOMPARE(QFileInfo(dir + QLatin1Char('/') + f).ownerId(), m_uid);
        }
        QString error;
        const TestGuest::Record stored
            = TestGuest::readDiskRecord(dir + QStringLiteral("/vda.qcow2"), {}, &error);
        QVERIFY2(stored.isValid() && stored.bootId == before.bootId && stored.counter >= before.counter,
            qPrintable(stored.toString() + error));

        // The guest goes on writing to a tracked overlay; the next point is an increment,
        // also read through libvirt, and its frozen overlay is removed through libvirt.
        const QStringList ctl {
            QStringLiteral("--connect"), QStringLiteral("qemu:///system"), QStringLiteral("--repo"), m_repo};
        const CtlResult inc = runCtl(ctl
                + QStringList {QStringLiteral("backup"), g.name(), QStringLiteral("--json"),
                    QStringLiteral("--verbose")},
            {}, 300000, kUser);
        QVERIFY2(inc.exitCode == 0, qPrintable(inc.describe()));
        QVERIFY2(
            inc.err.contains(QLatin1String("through a libvirt storage-volume stream")), qPrintable(inc.err));
        const auto im
            = PointManifest::fromJson(inc.json().object().value(QLatin1String("manifest")).toObject());
        QVERIFY(im.ok());
        QCOMPARE(im->kind, PointManifest::Kind::Incremental);
        QCOMPARE(im->parentId, pointId);
        const QString incDir = m_repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/')
            + inc.json().object().value(QLatin1String("pointId")).toString();
        QCOMPARE(im->disks.first().sha256, Sha256File::hash(incDir + QStringLiteral("/vda.qcow2"))->sha256);
        const TestGuest::Record incStored
            = TestGuest::readDiskRecord(incDir + QStringLiteral("/vda.qcow2"), {}, &error);
        QVERIFY2(incStored.isValid() && incStored.counter > stored.counter,
            qPrintable(incStored.toString() + error));
        QCOMPARE(QDir(g.workDir()).entryList({QStringLiteral("*.rewind-*")}, QDir::Files).size(), 1);

        const CtlResult untrack
            = runCtl(ctl + QStringList {QStringLiteral("untrack"), g.name()}, {}, 120000, kUser);
        QVERIFY2(untrack.exitCode == 0, qPrintable(untrack.describe()));

        // Back on its own image, overlay removed through libvirt (the user could not).
        const auto disks = DomainXml::parseDisks(g.domainXml());
        QCOMPARE(disks->first().path, g.diskPath());
        QVERIFY(!disks->first().hasBackingStore);
        QCOMPARE(QDir(g.workDir()).entryList({QStringLiteral("*.rewind-*")}, QDir::Files), QStringList());
        const int now = g.latestSerialRecord().counter;
        QVERIFY2(g.waitForCounter(now + 3, 30000, &error), qPrintable(error));

        const CtlResult verify = runCtl({QStringLiteral("--connect"), QStringLiteral("qemu:///system"),
                                            QStringLiteral("--repo"), m_repo, QStringLiteral("verify")},
            {}, 120000, kUser);
        QVERIFY2(
            verify.exitCode == 0 && verify.out.contains(QLatin1String(" ok")), qPrintable(verify.describe()));
    }
};

QTEST_GUILESS_MAIN(TestStreamBackup)
#include "tst_streambackup.moc"
