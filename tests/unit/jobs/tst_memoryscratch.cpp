// Tests MemoryScratch: where libvirt writes a full-state point's raw RAM image. The rule
// (room in the RAM-backed folder, half of the available memory), the folder's safety
// (this user's, 0700) and the choice for a connection on this host.

#include "jobs/memoryscratch.h"
#include "libvirt/domain.h"

#include <QFileInfo>
#include <QTest>

#include <thread>
#include <unistd.h>
#include <vector>

using namespace Rewind;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
} // namespace

class TestMemoryScratch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fits_data()
    {
        QTest::addColumn<qint64>("guest");
        QTest::addColumn<qint64>("free");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<bool>("fits");
        QTest::newRow("small guest, roomy host") << 256 * MiB << 8 * GiB << 16 * GiB << true;
        QTest::newRow("/dev/shm too small") << 4 * GiB << 4 * GiB << 64 * GiB << false;
        QTest::newRow("more than half of what is available") << 8 * GiB << 32 * GiB << 16 * GiB << false;
        QTest::newRow("just half, state included") << 8 * GiB - 64 * MiB << 32 * GiB << 16 * GiB << true;
        QTest::newRow("size unknown") << qint64(0) << 8 * GiB << 16 * GiB << false;
    }

    void fits()
    {
        QFETCH(qint64, guest);
        QFETCH(qint64, free);
        QFETCH(qint64, available);
        QFETCH(bool, fits);
        QCOMPARE(MemoryScratch::fits(guest, {free, available}), fits);
    }

    void directoryIsThisUsersAlone()
    {
        const QString dir = MemoryScratch::directory();
        if (dir.isEmpty()) {
            QSKIP("no tmpfs on /dev/shm here");
        }
        const QFileInfo info(dir);
        QVERIFY(info.isDir());
        QCOMPARE(info.ownerId(), ::getuid());
        QCOMPARE(int(info.permissions()
                     & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                         | QFile::WriteOther | QFile::ExeOther)),
            0);
        QCOMPARE(MemoryScratch::directory(), dir); // found again, not made anew
        const MemoryScratch::Room room = MemoryScratch::room(dir);
        QVERIFY(room.scratchFree > 0);
        QVERIFY(room.memoryAvailable > 0);
    }

    // On a local connection the image goes to the folder when it fits, one at a time;
    // else to the point's folder.
    void localConnectionUsesTheScratchFolderWhenItFits()
    {
        const QString dir = MemoryScratch::directory();
        if (dir.isEmpty()) {
            QSKIP("no tmpfs on /dev/shm here");
        }
        if (!MemoryScratch::fits(16 * MiB, MemoryScratch::room(dir))) {
            QSKIP("too little room in /dev/shm here for even a small image"); // a chroot's small /dev
        }
        const QString pointDir = QStringLiteral("/repo/uuid/20261127T000000Z");
        const QString inPoint = pointDir + QStringLiteral("/memory.save");
        const QString inScratch = dir + QStringLiteral("/uuid-20261127T000000Z.save");
        std::vector<MemoryScratch::Placement> placed;
        // libvirt calls belong on workers.
        std::thread worker([&] {
            auto conn = Libvirt::openConnection(QStringLiteral("test:///default"));
            if (!conn) {
                return;
            }
            const auto place = [&](qint64 bytes) {
                return MemoryScratch::place(
                    *conn, bytes, QStringLiteral("uuid"), QStringLiteral("20261127T000000Z"), pointDir);
            };
            placed.push_back(place(1024 * 1024 * GiB)); // larger than any host's memory
            placed.push_back(place(16 * MiB));
            placed.push_back(place(16 * MiB)); // while the one before holds the folder
            placed[1].claim.reset(); // that image is gone
            placed.push_back(place(16 * MiB));
        });
        worker.join();
        QCOMPARE(placed.size(), size_t(4));
        QCOMPARE(placed[0].path, inPoint);
        QVERIFY(!placed[0].claim);
        QCOMPARE(placed[1].path, inScratch);
        QCOMPARE(placed[2].path, inPoint);
        QVERIFY(!placed[2].claim);
        QCOMPARE(placed[3].path, inScratch);
        QVERIFY(placed[3].claim);
    }
};

QTEST_GUILESS_MAIN(TestMemoryScratch)
#include "tst_memoryscratch.moc"
