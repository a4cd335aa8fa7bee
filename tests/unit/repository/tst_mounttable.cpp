// Tests MountTable on fstab and mountinfo texts: which mount point a path belongs on, and
// whether it is mounted; removable drives under /media and /run/media; escapes and
// comments as the two tables write them.

#include "repository/mounttable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;

namespace {

const QByteArray Fstab = "# /etc/fstab: static file system information.\n"
                         "UUID=1111 /               ext4    errors=remount-ro 0 1\n"
                         "UUID=2222 /srv/backup     ext4    defaults,nofail   0 2\n"
                         "UUID=3333 /srv/backup/vms xfs     noauto            0 2\n"
                         "\tUUID=4444\t/mnt/my\\040drive  ext4 noauto,user 0 0\n"
                         "UUID=5555 none            swap    sw                0 0\n"
                         "tmpfs     /tmp            tmpfs   defaults          0 0\n";

// mountinfo lines: id, parent, major:minor, root, mount point, options, ... - type, source.
QByteArray mountinfo(const QStringList &points)
{
    QByteArray out;
    int id = 20;
    for (const QString &p : points) {
        out += QByteArray::number(id++) + " 1 8:1 / " + p.toUtf8().replace(" ", "\\040")
            + " rw,relatime shared:1 - ext4 /dev/sda1 rw\n";
    }
    return out;
}

void row(const char *name, const QStringList &mounted, const QString &path, const QString &unmounted)
{
    QTest::newRow(name) << mounted << path << unmounted;
}

} // namespace

class TestMountTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBothTables()
    {
        const MountTable t = MountTable::fromText(Fstab, mountinfo({"/", "/proc", "/mnt/my drive"}));
        // "/" is always there, swap has no folder; the escaped space is read as one.
        QCOMPARE(
            t.fstabMountPoints(), (QStringList {"/srv/backup", "/srv/backup/vms", "/mnt/my drive", "/tmp"}));
        QCOMPARE(t.mountedPoints(), (QStringList {"/", "/proc", "/mnt/my drive"}));
    }

    void fstabMountPoints_data()
    {
        QTest::addColumn<QStringList>("mounted");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("unmounted");
        const QStringList none {"/"};
        const QStringList backup {"/", "/srv/backup"};
        const QStringList both {"/", "/srv/backup", "/srv/backup/vms"};
        row("below nothing of fstab", none, QStringLiteral("/var/lib/rewind/repository"), QString());
        row("drive away, repository below it", none, QStringLiteral("/srv/backup/rewind"),
            QStringLiteral("/srv/backup"));
        row("drive away, repository is its folder", none, QStringLiteral("/srv/backup"),
            QStringLiteral("/srv/backup"));
        row("drive away, path not cleaned", none, QStringLiteral("/srv//backup/./rewind/"),
            QStringLiteral("/srv/backup"));
        row("drive mounted", backup, QStringLiteral("/srv/backup/rewind"), QString());
        row("a name that only starts the same", none, QStringLiteral("/srv/backups/rewind"), QString());
        row("deepest counts: inner one away", backup, QStringLiteral("/srv/backup/vms/rewind"),
            QStringLiteral("/srv/backup/vms"));
        row("deepest counts: both mounted", both, QStringLiteral("/srv/backup/vms/rewind"), QString());
        row("escaped name, away", none, QStringLiteral("/mnt/my drive/rewind"),
            QStringLiteral("/mnt/my drive"));
        row("escaped name, mounted", QStringList {"/", "/mnt/my drive"},
            QStringLiteral("/mnt/my drive/rewind"), QString());
    }

    void fstabMountPoints()
    {
        QFETCH(QStringList, mounted);
        QFETCH(QString, path);
        QFETCH(QString, unmounted);
        const MountTable t = MountTable::fromText(Fstab, mountinfo(mounted));
        QCOMPARE(t.unmountedFstabMountPointFor(path), unmounted);
    }

    void removableDrives_data()
    {
        QTest::addColumn<QStringList>("mounted");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("unmounted");
        const QStringList none {"/", "/run"};
        row("not under /media", none, QStringLiteral("/home/anna/rewind"), QString());
        row("/media/USER/LABEL away", none, QStringLiteral("/media/anna/USB/rewind"),
            QStringLiteral("/media"));
        row("/media/LABEL away", none, QStringLiteral("/media/USB"), QStringLiteral("/media"));
        row("/run/media away", none, QStringLiteral("/run/media/anna/USB/rewind"),
            QStringLiteral("/run/media"));
        row("/media/USER/LABEL mounted", QStringList {"/", "/media/anna/USB"},
            QStringLiteral("/media/anna/USB/rewind"), QString());
        row("/run/media mounted", QStringList {"/", "/run", "/run/media/anna/USB"},
            QStringLiteral("/run/media/anna/USB"), QString());
        row("another drive is mounted", QStringList {"/", "/media/anna/OTHER"},
            QStringLiteral("/media/anna/USB/rewind"), QStringLiteral("/media"));
        row("a name that only starts the same", QStringList {"/", "/media/anna/USB"},
            QStringLiteral("/media/anna/USB2/rewind"), QStringLiteral("/media"));
        row("/mediaX is not /media", none, QStringLiteral("/mediaX/rewind"), QString());
    }

    void removableDrives()
    {
        QFETCH(QStringList, mounted);
        QFETCH(QString, path);
        QFETCH(QString, unmounted);
        const MountTable t = MountTable::fromText(QByteArray(), mountinfo(mounted));
        QCOMPARE(t.unmountedRemovableRootFor(path), unmounted);
    }

    void currentTablesOfThisProcess()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile fstab(dir.filePath(QStringLiteral("fstab")));
        QVERIFY(fstab.open(QIODevice::WriteOnly));
        fstab.write("UUID=1234 /srv/rewind-test-drive ext4 noauto 0 2\n");
        fstab.close();
        qputenv("REWIND_FSTAB", QFile::encodeName(fstab.fileName()));
        const MountTable t = MountTable::current();
        qunsetenv("REWIND_FSTAB");
        QCOMPARE(t.fstabMountPoints(), QStringList {QStringLiteral("/srv/rewind-test-drive")});
        QCOMPARE(t.unmountedFstabMountPointFor(QStringLiteral("/srv/rewind-test-drive/repo")),
            QStringLiteral("/srv/rewind-test-drive"));
        // This process's own mounts: at least /proc, which it reads them from. (Not
        // necessarily "/": in a chroot the root is no mount point.)
        QVERIFY2(
            t.mountedPoints().contains(QStringLiteral("/proc")), qPrintable(t.mountedPoints().join(u' ')));

        qputenv("REWIND_FSTAB", QFile::encodeName(dir.filePath(QStringLiteral("missing"))));
        QVERIFY(MountTable::current().fstabMountPoints().isEmpty()); // unreadable: nothing to check
        qunsetenv("REWIND_FSTAB");
    }
};

QTEST_GUILESS_MAIN(TestMountTable)
#include "tst_mounttable.moc"
