// Tests MemoryScratch: where libvirt writes a full-state point's raw RAM image. The rule
// (room in the RAM-backed folder, half of the available memory), the folder's safety
// (this user's, 0700) and the choice for a connection on this host.

#include "jobs/memoryscratch.h"
#include "libvirt/domain.h"

#include <QFileInfo>
#include <QTest>

#include <thread>
#include <unistd.h>

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

    void localConnectionUsesTheScratchFolderWhenItFits()
    {
        if (MemoryScratch::directory().isEmpty()) {
            QSKIP("no tmpfs on /dev/shm here");
        }
        // libvirt calls belong on workers.
        QString small, huge;
        std::thread worker([&] {
            auto conn = Libvirt::openConnection(QStringLiteral("test:///default"));
            if (!conn) {
                return;
            }
            small = MemoryScratch::rawImagePath(*conn, 16 * MiB, QStringLiteral("uuid"),
                QStringLiteral("20261127T000000Z"), QStringLiteral("/repo/uuid/20261127T000000Z"));
            huge = MemoryScratch::rawImagePath(*conn, 1024 * 1024 * GiB, QStringLiteral("uuid"),
                QStringLiteral("20261127T000000Z"), QStringLiteral("/repo/uuid/20261127T000000Z"));
        });
        worker.join();
        QCOMPARE(small, MemoryScratch::directory() + QStringLiteral("/uuid-20261127T000000Z.save"));
        QCOMPARE(huge, QStringLiteral("/repo/uuid/20261127T000000Z/memory.save"));
    }
};

QTEST_GUILESS_MAIN(TestMemoryScratch)
#include "tst_memoryscratch.moc"
