// Tests WritebackWindow: a file written step by step keeps only the last window steps in
// the page cache, its content is intact, and a failed wait for the writeback is reported
// rather than left for an fsync that would no longer see it.

#include "pagecache.h"
#include "transfer/writebackwindow.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

using namespace Rewind;
using RewindTest::residentPages;

namespace {

constexpr qint64 Step = 1024 * 1024;

} // namespace

class TestWritebackWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOnlyTheWindowInThePageCache()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct statfs fs
        {
        };
        QCOMPARE(::statfs(QFile::encodeName(dir.path()).constData(), &fs), 0);
        if (fs.f_type == TMPFS_MAGIC) {
            QSKIP("The temporary folder is in RAM (tmpfs): its pages cannot leave the page cache.");
        }
        const QString path = dir.filePath(QStringLiteral("file"));
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        QVERIFY(fd >= 0);

        constexpr int Steps = 8;
        constexpr int Window = 2;
        WritebackWindow writeback(Step, Window);
        QCryptographicHash written(QCryptographicHash::Sha256);
        QByteArray block(int(Step / 4), '\0');
        qint64 end = 0;
        // Quarter steps: most calls end inside a step, where nothing new is complete.
        for (int i = 0; i < Steps * 4; ++i) {
            QRandomGenerator::global()->fillRange(
                reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            QCOMPARE(::pwrite(fd, block.constData(), size_t(block.size()), end), ssize_t(block.size()));
            written.addData(block);
            end += block.size();
            QCOMPARE(writeback.advance(fd, end), 0);
        }

        const int readFd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        QVERIFY(readFd >= 0);
        const qint64 pagesPerStep = Step / ::sysconf(_SC_PAGESIZE);
        // Written out and dropped: all but the last Window steps.
        QCOMPARE(residentPages(readFd, 0, (Steps - Window) * Step), 0);
        // Still cached (dirty or under writeback): the window.
        QCOMPARE(residentPages(readFd, (Steps - Window) * Step, Window * Step), Window * pagesPerStep);
        ::close(readFd);

        QCOMPARE(::fsync(fd), 0);
        ::close(fd);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), Steps * Step);
        QCryptographicHash read(QCryptographicHash::Sha256);
        QVERIFY(read.addData(&file));
        QCOMPARE(read.result(), written.result());
    }

    void reportsAFailedWait()
    {
        // An fd that cannot be synced: starting the writeback is advice, its failure is
        // not reported; waiting for it is, once a step leaves the window.
        WritebackWindow writeback(4096, 1);
        QCOMPARE(writeback.advance(-1, 4096), 0);
        QCOMPARE(writeback.advance(-1, 3 * 4096), EBADF);
    }

    void ignoresFilesWithoutWriteback()
    {
        // A pipe has no writeback (ESPIPE): nothing to report, the caller goes on.
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        WritebackWindow writeback(4096, 1);
        QCOMPARE(writeback.advance(fds[1], 4 * 4096), 0);
        QCOMPARE(writeback.advance(fds[1], 8 * 4096), 0);
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

QTEST_GUILESS_MAIN(TestWritebackWindow)
#include "tst_writebackwindow.moc"
