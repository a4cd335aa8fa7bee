// Tests TransferPipeline: content fed in pieces of any size and holes arrives whole and in
// order, the hash is that of the logical content, the head is rewritten once, a failing
// sink stops the pipeline with its error and gets no calls after it, and cancel stops a
// long hole.

#include "transfer/bytesink.h"
#include "transfer/transferpipeline.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <cstring>
#include <thread>

using namespace Rewind;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;

// Keeps what it is given in memory (holes as zeros), and notes every call and its thread.
class MemorySink : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        note(true);
        if (failAtCall > 0 && calls == failAtCall) {
            return Error(ErrorCode::Io, QStringLiteral("the disk is gone"));
        }
        content.append(data, size);
        writtenBytes += size;
        return {};
    }
    Status skipHole(qint64 size) override
    {
        note(true);
        content.append(QByteArray(size, '\0'));
        return {};
    }
    Status finish(qint64 logicalSize) override
    {
        note(false);
        finishedAt = logicalSize;
        return {};
    }
    void abort() override { aborted = true; }

    void note(bool writing)
    {
        ++calls;
        if (failAtCall > 0 && calls > failAtCall) {
            callsAfterFailure = true;
        }
        if (writing && std::this_thread::get_id() == caller) {
            writesOnCallerThread = true;
        }
    }

    QByteArray content;
    qint64 writtenBytes = 0;
    qint64 finishedAt = -1;
    int calls = 0;
    int failAtCall = 0;
    bool callsAfterFailure = false;
    bool aborted = false;
    bool writesOnCallerThread = false;
    std::thread::id caller = std::this_thread::get_id();
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i) {
        bytes[i] = char(random.bounded(1, 256)); // never zero: no zero blocks by chance
    }
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestTransferPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Pieces from 1 byte to several buffers long, holes between them: the sink sees the
    // same content, the hash matches, and no data reaches the sink on the caller's thread.
    void piecesAndHoles()
    {
        MemorySink sink;
        TransferPipeline pipeline(&sink, {true, false, 256 * KiB, nullptr, {}});
        QVERIFY(pipeline.start().ok());
        QRandomGenerator random(7);
        QByteArray expected;
        qint64 data = 0;
        for (int i = 0; i < 300; ++i) {
            if (random.bounded(4) == 0) {
                const qint64 hole = random.bounded(1, int(3 * MiB));
                QVERIFY(pipeline.skipHole(hole).ok());
                expected.append(QByteArray(hole, '\0'));
            } else {
                const qint64 size
                    = random.bounded(8) == 0 ? random.bounded(1, int(MiB)) : random.bounded(1, 5000);
                const QByteArray piece = randomBytes(size, quint32(i));
                QVERIFY(pipeline.write(piece.constData(), piece.size()).ok());
                expected.append(piece);
                data += size;
            }
        }
        QVERIFY(pipeline.finish(expected.size()).ok());
        QCOMPARE(sink.finishedAt, expected.size());
        QCOMPARE(sink.content.size(), expected.size());
        QVERIFY(sink.content == expected);
        QCOMPARE(pipeline.sha256(), sha256Of(expected));
        QCOMPARE(pipeline.bytesWritten(), data);
        QCOMPARE(sink.writtenBytes, data);
        QVERIFY(!sink.writesOnCallerThread);
    }

    // Reading straight into the ring: every buffer reused many times over.
    void acquireAndSubmit()
    {
        MemorySink sink;
        TransferPipeline pipeline(&sink, {true, true, 64 * KiB, nullptr, {}});
        QVERIFY(pipeline.start().ok());
        QByteArray expected;
        qint64 zeros = 0;
        for (int i = 0; i < 5 * TransferPipeline::BufferCount; ++i) {
            auto buffer = pipeline.acquire();
            QVERIFY(buffer.ok());
            // Every third buffer holds only zeros: it must reach the sink as a hole.
            const QByteArray piece
                = i % 3 == 2 ? QByteArray(64 * KiB, '\0') : randomBytes(64 * KiB, quint32(i));
            std::memcpy(*buffer, piece.constData(), size_t(piece.size()));
            QVERIFY(pipeline.submit(piece.size()).ok());
            expected.append(piece);
            zeros += i % 3 == 2 ? piece.size() : 0;
        }
        QVERIFY(pipeline.finish(expected.size()).ok());
        QVERIFY(sink.content == expected);
        QCOMPARE(pipeline.sha256(), sha256Of(expected));
        QVERIFY(zeros > 0);
        QCOMPARE(pipeline.bytesWritten(), expected.size() - zeros);
    }

    // Hash only, no sink; the empty content has the empty hash.
    void hashOnly()
    {
        TransferPipeline empty(nullptr, {});
        QVERIFY(empty.start().ok());
        QVERIFY(empty.finish(0).ok());
        QCOMPARE(empty.sha256(), sha256Of({}));

        TransferPipeline pipeline(nullptr, {});
        QVERIFY(pipeline.start().ok());
        const QByteArray data = randomBytes(3 * MiB + 5, 1);
        QVERIFY(pipeline.write(data.constData(), data.size()).ok());
        QVERIFY(pipeline.skipHole(20 * MiB + 3).ok());
        QVERIFY(pipeline.finish(data.size() + 20 * MiB + 3).ok());
        QCOMPARE(pipeline.sha256(), sha256Of(data + QByteArray(20 * MiB + 3, '\0')));
    }

    // The head is rewritten once, before it is hashed or stored; a piece smaller than the
    // buffer is gathered first, so the rewrite sees the whole first buffer.
    void rewritesTheHeadOnce()
    {
        MemorySink sink;
        int calls = 0;
        qint64 seen = 0;
        TransferPipeline pipeline(&sink, {true, false, 128 * KiB, nullptr, [&](char *head, qint64 size) {
                                              ++calls;
                                              seen = size;
                                              std::memcpy(head, "REWRITTEN", 9);
                                              return Status();
                                          }});
        QVERIFY(pipeline.start().ok());
        const QByteArray data = randomBytes(300 * KiB, 2);
        for (qint64 at = 0; at < data.size(); at += 1000) {
            const qint64 n = std::min<qint64>(1000, data.size() - at);
            QVERIFY(pipeline.write(data.constData() + at, n).ok());
        }
        QVERIFY(pipeline.finish(data.size()).ok());
        QByteArray expected = data;
        std::memcpy(expected.data(), "REWRITTEN", 9);
        QCOMPARE(calls, 1);
        QCOMPARE(seen, 128 * KiB);
        QVERIFY(sink.content == expected);
        QCOMPARE(pipeline.sha256(), sha256Of(expected));
    }

    // The sink fails at its third call: the error comes back to the producer (from a later
    // call or finish), the sink gets nothing more, and abort() reaches it.
    void failingSinkStopsThePipeline()
    {
        MemorySink sink;
        sink.failAtCall = 3;
        TransferPipeline pipeline(&sink, {true, false, 64 * KiB, nullptr, {}});
        QVERIFY(pipeline.start().ok());
        Status status;
        for (int i = 0; i < 50 && status.ok(); ++i) {
            const QByteArray piece = randomBytes(64 * KiB, quint32(i));
            status = pipeline.write(piece.constData(), piece.size());
        }
        if (status.ok()) {
            status = pipeline.finish(50 * 64 * KiB);
        }
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), ErrorCode::Io);
        QVERIFY(status.error().message().contains(QLatin1String("the disk is gone")));
        pipeline.abort();
        QVERIFY(sink.aborted);
        QVERIFY(!sink.callsAfterFailure);
        QCOMPARE(sink.finishedAt, qint64(-1));
    }

    void cancelStopsALongHole()
    {
        std::atomic_bool cancel {true};
        TransferPipeline pipeline(nullptr, {true, false, 0, &cancel, {}});
        QVERIFY(pipeline.start().ok());
        const Status s = pipeline.skipHole(qint64(1) << 40);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTransferPipeline)
#include "tst_transferpipeline.moc"
