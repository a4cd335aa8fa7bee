// Tests SparseCopy and Sha256File: identical content, holes kept and zero blocks turned
// into holes, the hash equal to sha256sum's, progress, cancel, a full disk, and that no
// partial destination is ever left behind. Also the ExtentPump's buffer size by source
// size, and FileSink on its own: pieces of any alignment with holes between them, and a
// large file that does not stay in the page cache.

#include "pagecache.h"
#include "transfer/extentpump.h"
#include "transfer/filesink.h"
#include "transfer/sha256file.h"
#include "transfer/sparsecopy.h"
#include "transfer/transferpipeline.h"
#include "verifyok.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <memory>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

using namespace Rewind;
using RewindTest::residentPages;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;

// One written range of a test file: random bytes, or explicit zeros (allocated blocks
// of zeros, unlike a hole).
struct Range
{
    qint64 offset;
    qint64 length;
    bool zeros = false;
};

struct Layout
{
    qint64 size = 0;
    QList<Range> ranges;
};

bool createFile(const QString &path, const Layout &layout)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return false;
    }
    bool ok = true;
    for (const Range &r : layout.ranges) {
        QByteArray data(r.length, Qt::Uninitialized);
        if (r.zeros) {
            data.fill('\0');
        } else {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), r.length / 4);
            for (qint64 i = r.length / 4 * 4; i < r.length; ++i) {
                data[i] = char(0x5a);
            }
        }
        ok = ok && ::pwrite(fd, data.constData(), data.size(), r.offset) == data.size();
    }
    ok = ok && ::ftruncate(fd, layout.size) == 0 && ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st;
}

QString sha256sum(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("sha256sum"), {path});
    p.waitForFinished();
    return QString::fromLatin1(p.readAllStandardOutput().left(64));
}

bool sameContent(const QString &a, const QString &b)
{
    return QProcess::execute(QStringLiteral("cmp"), {QStringLiteral("-s"), a, b}) == 0;
}

// Pages of path in the page cache, or -1.
} // namespace

Q_DECLARE_METATYPE(Layout)

class TestSparseCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        ::umask(0);
        QVERIFY(m_dir.isValid());
        // The holes the tests rely on need a file system that keeps them.
        const QString probe = m_dir.filePath(QStringLiteral("probe"));
        QVERIFY(createFile(probe, {16 * MiB, {}}));
        if (statOf(probe).st_blocks != 0) {
            QSKIP("The temporary folder's file system does not support sparse files");
        }
        QFile::remove(probe);
    }

    void copy_data()
    {
        QTest::addColumn<Layout>("layout");
        QTest::addColumn<bool>("fewerBlocks"); // zero blocks must have become holes

        QTest::newRow("empty") << Layout {0, {}} << false;
        QTest::newRow("one byte") << Layout {1, {{0, 1}}} << false;
        QTest::newRow("not a block multiple") << Layout {10000, {{0, 10000}}} << false;
        QTest::newRow("hole at start") << Layout {3 * MiB + 123, {{2 * MiB, MiB + 123}}} << false;
        QTest::newRow("hole in middle") << Layout {4 * MiB + 5, {{0, 64 * KiB}, {3 * MiB, MiB + 5}}} << false;
        QTest::newRow("hole at end") << Layout {5 * MiB, {{0, 100 * KiB}}} << false;
        QTest::newRow("holes everywhere")
            << Layout {20 * MiB + 77, {{MiB, 12 * KiB}, {5 * MiB, 9 * MiB + 3}, {19 * MiB, 4 * KiB}}}
            << false;
        QTest::newRow("only a hole") << Layout {7 * MiB, {}} << false;
        QTest::newRow("zero blocks in data")
            << Layout {6 * MiB, {{0, MiB}, {MiB, 2 * MiB, true}, {3 * MiB, 64 * KiB}, {4 * MiB, MiB, true}}}
            << true;
        QTest::newRow("all zeros written") << Layout {3 * MiB + 100, {{0, 3 * MiB + 100, true}}} << true;
        QTest::newRow("unaligned zeros") // zeros that cover no whole 4 KiB block stay data
            << Layout {64 * KiB, {{0, 64 * KiB}, {1000, 3000, true}, {10000, 20000, true}}} << false;
        QTest::newRow("larger than the buffer") << Layout {17 * MiB + 1, {{0, 17 * MiB + 1}}} << false;
        // More buffers than the ring holds, with holes and zero blocks in between: every
        // buffer is reused while the stages drift apart.
        QTest::newRow("around the ring") << Layout {41 * MiB + 9,
            {{0, 7 * MiB + 3}, {8 * MiB, 3 * MiB, true}, {11 * MiB, 13 * MiB}, {26 * MiB, 12 * KiB},
                {30 * MiB, 11 * MiB + 9}}}
                                         << true;
    }

    void copy()
    {
        QFETCH(Layout, layout);
        QFETCH(bool, fewerBlocks);
        const QString source = m_dir.filePath(QStringLiteral("source"));
        const QString destination = m_dir.filePath(QStringLiteral("destination"));
        QFile::remove(destination);
        QVERIFY(createFile(source, layout));

        const Result<TransferResult> result = SparseCopy::copy(source, destination);
        VERIFY_OK(result);
        QVERIFY(sameContent(source, destination));
        const struct stat src = statOf(source);
        const struct stat dst = statOf(destination);
        QCOMPARE(dst.st_size, layout.size);
        QVERIFY2(dst.st_blocks <= src.st_blocks,
            qPrintable(QStringLiteral("%1 > %2").arg(dst.st_blocks).arg(src.st_blocks)));
        if (fewerBlocks) {
            QVERIFY(dst.st_blocks < src.st_blocks);
        }
        QCOMPARE(dst.st_mode & 07777, mode_t(0600));

        const QString expected = sha256sum(source);
        QCOMPARE(expected.size(), 64);
        QCOMPARE(result->sha256, expected);
        QCOMPARE(result->logicalSize, layout.size);
        QVERIFY(result->bytesCopied <= src.st_blocks * 512);
        QVERIFY(result->bytesWritten <= result->bytesCopied);

        const Result<TransferResult> hashed = Sha256File::hash(destination);
        VERIFY_OK(hashed);
        QCOMPARE(hashed->sha256, expected);
        QCOMPARE(hashed->logicalSize, layout.size);
        QCOMPARE(hashed->bytesWritten, 0);
    }

    void noZeroPunching()
    {
        const QString source = m_dir.filePath(QStringLiteral("zeros"));
        const QString destination = m_dir.filePath(QStringLiteral("zeros-copy"));
        QFile::remove(destination);
        QVERIFY(createFile(source, {MiB, {{0, MiB, true}}}));
        TransferOptions options;
        options.punchZeroBlocks = false;
        const Result<TransferResult> result = SparseCopy::copy(source, destination, options);
        VERIFY_OK(result);
        QCOMPARE(result->bytesWritten, MiB);
        QCOMPARE(statOf(destination).st_blocks, statOf(source).st_blocks);
        QVERIFY(sameContent(source, destination));
    }

    // Without the source hash the data still arrives whole; the result says no hash.
    void withoutSourceHash()
    {
        const QString source = m_dir.filePath(QStringLiteral("unhashed"));
        const QString destination = m_dir.filePath(QStringLiteral("unhashed-copy"));
        QFile::remove(destination);
        QVERIFY(createFile(source, {3 * MiB, {{0, MiB, false}, {2 * MiB, MiB, false}}}));
        TransferOptions options;
        options.hashSource = false;
        const Result<TransferResult> result = SparseCopy::copy(source, destination, options);
        VERIFY_OK(result);
        QVERIFY(result->sha256.isEmpty());
        QCOMPARE(result->bytesCopied, 2 * MiB);
        QVERIFY(sameContent(source, destination));
    }

    // A reader drops the pages it has read from the page cache, unless told that another
    // reader follows (a restore's check beside its copy).
    void sourceCacheDroppedOrKept()
    {
        const QString source = m_dir.filePath(QStringLiteral("cached"));
        QVERIFY(createFile(source, {16 * MiB, {{0, 16 * MiB, false}}}));
        const auto readAll = [&] {
            QFile f(source);
            return f.open(QIODevice::ReadOnly) && !f.readAll().isEmpty();
        };
        QVERIFY(readAll());
        const qint64 all = residentPages(source);
        if (all <= 0) {
            QSKIP("The file system of the test folder keeps no pages in the page cache to look at.");
        }
        TransferOptions keep;
        keep.dropSourceCache = false;
        VERIFY_OK(Sha256File::hash(source, keep));
        QCOMPARE(residentPages(source), all);
        VERIFY_OK(Sha256File::hash(source, TransferOptions()));
        QVERIFY2(residentPages(source) < all / 4, qPrintable(QString::number(residentPages(source))));
    }

    void progress()
    {
        const QString source = m_dir.filePath(QStringLiteral("big"));
        const QString destination = m_dir.filePath(QStringLiteral("big-copy"));
        QFile::remove(destination);
        const qint64 size = 1024 * MiB + 3;
        QVERIFY(createFile(source, {size, {{0, 64 * MiB}, {512 * MiB, 32 * MiB}, {size - 5, 5}}}));

        QList<QPair<qint64, qint64>> calls;
        TransferOptions options;
        options.progress = [&](qint64 done, qint64 total) {
            calls.append({done, total});
        };
        QElapsedTimer timer;
        timer.start();
        const Result<TransferResult> result = SparseCopy::copy(source, destination, options);
        const qint64 elapsed = timer.elapsed();
        VERIFY_OK(result);
        QVERIFY(!calls.isEmpty());
        QCOMPARE(calls.constLast(), qMakePair(size, size));
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls.at(i).second, size);
            QVERIFY(calls.at(i).first >= 0 && calls.at(i).first <= size);
            if (i > 0) {
                QVERIFY(calls.at(i).first >= calls.at(i - 1).first);
            }
        }
        // About ten a second, plus the first and the last.
        QVERIFY2(calls.size() <= elapsed / 100 + 3,
            qPrintable(QStringLiteral("%1 calls in %2 ms").arg(calls.size()).arg(elapsed)));
        qInfo("copied %lld MiB (%lld MiB data) in %lld ms: %d progress calls", size / MiB,
            result->bytesCopied / MiB, elapsed, int(calls.size()));
        QFile::remove(source);
        QFile::remove(destination);
    }

    void cancel_data()
    {
        QTest::addColumn<int>("afterCalls");
        QTest::newRow("before start") << 0;
        QTest::newRow("during copy") << 1;
    }

    void cancel()
    {
        QFETCH(int, afterCalls);
        const QString source = m_dir.filePath(QStringLiteral("cancel-source"));
        const QString destination = m_dir.filePath(QStringLiteral("cancel-destination"));
        QVERIFY(createFile(source, {200 * MiB, {{0, 48 * MiB}, {100 * MiB, 48 * MiB}}}));

        std::atomic_bool cancelled {afterCalls == 0};
        int calls = 0;
        TransferOptions options;
        options.cancel = &cancelled;
        options.progress = [&](qint64, qint64) {
            if (++calls >= afterCalls) {
                cancelled = true;
            }
        };
        const Result<TransferResult> copied = SparseCopy::copy(source, destination, options);
        QVERIFY(!copied.ok());
        QCOMPARE(copied.error().code(), ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(destination));

        const Result<TransferResult> hashed = Sha256File::hash(source, options);
        QCOMPARE(hashed.error().code(), ErrorCode::Cancelled);
        QFile::remove(source);
    }

    void sinkMixedAlignment()
    {
        const QString path = m_dir.filePath(QStringLiteral("mixed"));
        QFile::remove(path);
        void *memory = nullptr;
        QCOMPARE(::posix_memalign(&memory, 4096, 256 * KiB), 0);
        const std::unique_ptr<char, decltype(&std::free)> buffer(static_cast<char *>(memory), &std::free);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(buffer.get()), 256 * KiB / 4);
        const char *p = buffer.get();

        // (memory, length) written, or (nullptr, length) of hole, in file order.
        const QList<QPair<const char *, qint64>> pieces {{p, 64 * KiB}, {nullptr, 4 * KiB},
            {p + 64 * KiB, 8 * KiB}, {p + 3, 1000}, {nullptr, 5000}, {p + 128 * KiB, 4 * KiB},
            {p + 200 * KiB, 12 * KiB}, {nullptr, 7 * KiB}};
        QByteArray expected;
        FileSink sink;
        VERIFY_OK(sink.open(path));
        for (const auto &[data, length] : pieces) {
            if (data) {
                VERIFY_OK(sink.write(data, length));
                expected.append(data, length);
            } else {
                VERIFY_OK(sink.skipHole(length));
                expected.append(QByteArray(length, '\0'));
            }
        }
        VERIFY_OK(sink.finish(expected.size()));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.size(), expected.size());
        QVERIFY(f.readAll() == expected);
        QCOMPARE(statOf(path).st_mode & 07777, mode_t(0600));
    }

    void sinkLeavesLittleInThePageCache()
    {
        // What a sink has written streams out to the disk as it goes and leaves the page
        // cache: a copy of many gigabytes must not push the host's useful pages out.
        struct statfs fs
        {
        };
        QCOMPARE(::statfs(QFile::encodeName(m_dir.path()).constData(), &fs), 0);
        if (fs.f_type == TMPFS_MAGIC) {
            QSKIP("The temporary folder is in RAM (tmpfs): its pages cannot leave the page cache.");
        }
        const QString path = m_dir.filePath(QStringLiteral("large"));
        QFile::remove(path);
        constexpr qint64 Size = 320 * MiB;
        QByteArray piece(int(8 * MiB), '\0');
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(piece.data()), piece.size() / 4);
        FileSink sink;
        VERIFY_OK(sink.open(path));
        for (qint64 done = 0; done < Size; done += piece.size()) {
            VERIFY_OK(sink.write(piece.constData(), piece.size()));
        }
        VERIFY_OK(sink.finish(Size));
        const qint64 resident = residentPages(path);
        QVERIFY(resident >= 0);
        const qint64 pages = Size / ::getpagesize();
        if (resident == 0) {
            QSKIP("The file system of the test folder keeps no pages in the page cache to look at.");
        }
        // The window under writeback (4 x 32 MiB) and the step being written at most.
        QVERIFY2(
            resident <= pages / 2, qPrintable(QStringLiteral("%1 of %2 pages").arg(resident).arg(pages)));
        QFile::remove(path);
    }

    // A small source (an increment) is read in small buffers, a large one in large ones;
    // the first buffer, which rewriteHead sees, shows the size the pump chose.
    void bufferSizeFollowsTheSource_data()
    {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("dataSize");
        QTest::addColumn<qint64>("expected");
        const qint64 MiB = 1024 * 1024;
        QTest::newRow("3 MiB file") << 3 * MiB << 3 * MiB << ExtentPump::SmallBuffer;
        QTest::newRow("256 MiB file") << ExtentPump::SmallSource << 12 * MiB << ExtentPump::SmallBuffer;
        QTest::newRow("sparse 264 MiB file") << 264 * MiB << 12 * MiB << TransferPipeline::BufferSize;
    }

    void bufferSizeFollowsTheSource()
    {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, dataSize);
        QFETCH(qint64, expected);
        QCOMPARE(ExtentPump::bufferSizeFor(fileSize), expected);
        const QString source = m_dir.filePath(QStringLiteral("sized"));
        QVERIFY(createFile(source, {fileSize, {{0, dataSize}}}));
        qint64 first = 0;
        TransferOptions options;
        options.rewriteHead = [&](char *, qint64 size) {
            first = size;
            return Status();
        };
        const auto r = ExtentPump::run(source, nullptr, options);
        VERIFY_OK(r);
        QCOMPARE(first, expected);
        QCOMPARE(r->bytesCopied, dataSize);

        // A size given in the options is kept whatever the source.
        options.bufferSize = 2 * 1024 * 1024;
        VERIFY_OK(ExtentPump::run(source, nullptr, options));
        QCOMPARE(first, options.bufferSize);
        QFile::remove(source);
    }

    void refusesToOverwrite()
    {
        const QString source = m_dir.filePath(QStringLiteral("s"));
        const QString destination = m_dir.filePath(QStringLiteral("existing"));
        QVERIFY(createFile(source, {4096, {{0, 4096}}}));
        QVERIFY(createFile(destination, {10, {{0, 10}}}));
        const Result<TransferResult> result = SparseCopy::copy(source, destination);
        QCOMPARE(result.error().code(), ErrorCode::Conflict);
        QCOMPARE(statOf(destination).st_size, 10); // untouched
    }

    void missingSource()
    {
        const QString destination = m_dir.filePath(QStringLiteral("from-nothing"));
        const Result<TransferResult> result
            = SparseCopy::copy(m_dir.filePath(QStringLiteral("nothing")), destination);
        QCOMPARE(result.error().code(), ErrorCode::NotFound);
        QVERIFY(!QFile::exists(destination));
        QCOMPARE(
            Sha256File::hash(m_dir.filePath(QStringLiteral("nothing"))).error().code(), ErrorCode::NotFound);
        QCOMPARE(SparseCopy::copy(m_dir.path(), m_dir.filePath(QStringLiteral("dir-copy"))).error().code(),
            ErrorCode::Unsupported);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("dir-copy"))));
    }

    void missingDestinationFolder()
    {
        const QString source = m_dir.filePath(QStringLiteral("s2"));
        QVERIFY(createFile(source, {4096, {{0, 4096}}}));
        const Result<TransferResult> result
            = SparseCopy::copy(source, m_dir.filePath(QStringLiteral("no/such/file")));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(m_dir.filePath(QStringLiteral("no/such"))));
    }

    void diskFull()
    {
        if (::geteuid() != 0) {
            QSKIP("Mounting a small tmpfs needs root");
        }
        QTemporaryDir mountPoint;
        const QByteArray target = QFile::encodeName(mountPoint.path());
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=1m,mode=0700") != 0) {
            QSKIP(qPrintable(QStringLiteral("Cannot mount a tmpfs here: %1")
                                 .arg(QString::fromLocal8Bit(strerror(errno)))));
        }
        const QString source = m_dir.filePath(QStringLiteral("too-big"));
        QVERIFY(createFile(source, {4 * MiB, {{0, 4 * MiB}}}));
        const QString destination = mountPoint.filePath(QStringLiteral("vda.raw"));
        const Result<TransferResult> result = SparseCopy::copy(source, destination);
        const QStringList left
            = QDir(mountPoint.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

        // Zeros become holes, and holes cost nothing: 4 MiB of zeros fit into 1 MiB.
        const QString zeros = m_dir.filePath(QStringLiteral("big-zeros"));
        QVERIFY(createFile(zeros, {4 * MiB, {{0, 4 * MiB, true}}}));
        const Result<TransferResult> fits
            = SparseCopy::copy(zeros, mountPoint.filePath(QStringLiteral("zeros")));
        ::umount2(target.constData(), MNT_DETACH);

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::NoSpace);
        QVERIFY2(result.error().message().contains(mountPoint.path()), qPrintable(result.error().message()));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        VERIFY_OK(fits);
        QFile::remove(source);
        QFile::remove(zeros);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSparseCopy)
#include "tst_sparsecopy.moc"
