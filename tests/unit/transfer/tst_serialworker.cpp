// Tests SerialWorker: tasks run one at a time in the order posted, on one thread other
// than the caller's; waitFor() returns once a ticket's task has run; the destructor drops
// what has not started.

#include "transfer/serialworker.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

using namespace Rewind;

class TestSerialWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsInOrderOnOneOtherThread()
    {
        std::vector<int> order;
        std::vector<std::thread::id> threads;
        std::atomic_int running {0};
        bool overlapped = false;
        {
            SerialWorker worker;
            for (int i = 0; i < 200; ++i) {
                worker.post([&, i] {
                    if (running.fetch_add(1) != 0) {
                        overlapped = true;
                    }
                    order.push_back(i);
                    threads.push_back(std::this_thread::get_id());
                    running.fetch_sub(1);
                });
            }
            worker.waitForAll();
            QCOMPARE(order.size(), size_t(200));
        }
        QVERIFY(!overlapped);
        for (int i = 0; i < 200; ++i) {
            QCOMPARE(order[size_t(i)], i);
            QCOMPARE(threads[size_t(i)], threads.front());
        }
        QVERIFY(threads.front() != std::this_thread::get_id());
    }

    void waitForReturnsOnceTheTicketRan()
    {
        SerialWorker worker;
        QCOMPARE(worker.post([] {}), quint64(1));
        std::promise<void> release;
        std::shared_future<void> gate = release.get_future().share();
        std::atomic_int done {0};
        const quint64 first = worker.post([&] {
            gate.wait();
            done = 1;
        });
        const quint64 second = worker.post([&] { done = 2; });
        QCOMPARE(first, quint64(2));
        QCOMPARE(second, quint64(3));
        worker.waitFor(0); // ticket 0: nothing to wait for
        worker.waitFor(1);
        QCOMPARE(done.load(), 0); // the second task is held by the gate

        auto waiter = std::async(std::launch::async, [&] { worker.waitFor(first); });
        QCOMPARE(waiter.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
        release.set_value();
        waiter.get();
        QVERIFY(done.load() >= 1);
        worker.waitFor(second);
        QCOMPARE(done.load(), 2);
    }

    void destructorDropsWhatHasNotStarted()
    {
        std::promise<void> release;
        std::shared_future<void> gate = release.get_future().share();
        std::promise<void> started;
        std::atomic_int ran {0};
        std::thread releaser;
        {
            SerialWorker worker;
            worker.post([&] {
                started.set_value();
                gate.wait();
                ++ran;
            });
            for (int i = 0; i < 10; ++i) {
                worker.post([&] { ++ran; });
            }
            started.get_future().wait();
            // Let the running task finish only once the destructor has begun to wait.
            releaser = std::thread([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                release.set_value();
            });
        }
        releaser.join();
        QCOMPARE(ran.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSerialWorker)
#include "tst_serialworker.moc"
