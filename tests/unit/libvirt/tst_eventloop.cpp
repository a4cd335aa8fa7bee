// Tests Rewind's libvirt event loop: watches, timers and domain events are served on a
// thread of its own, also while the main thread is blocked outside any event loop (as a
// GUI thread busy with something else, or a command waiting for its worker, is).

#include "libvirt/eventloop.h"

#include <QTest>

#include <libvirt/libvirt.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {

// What the callbacks saw; the test thread waits on it without an event loop.
struct Seen
{
    std::mutex mutex;
    std::condition_variable changed;
    int calls = 0;
    int lastEvents = 0;
    int freed = 0;
    int lifecycle = -1;
    std::thread::id thread;
    int removeSelfId = 0; ///< a timer that removes itself when called

    template<typename Pred>
    bool waitFor(Pred pred, std::chrono::milliseconds timeout = 5000ms)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, pred);
    }
};

void onTimer(int id, void *opaque)
{
    auto *seen = static_cast<Seen *>(opaque);
    std::lock_guard lock(seen->mutex);
    ++seen->calls;
    seen->thread = std::this_thread::get_id();
    if (seen->removeSelfId == id) {
        virEventRemoveTimeout(id);
    }
    seen->changed.notify_all();
}

void onWatch(int, int fd, int events, void *opaque)
{
    auto *seen = static_cast<Seen *>(opaque);
    if (events & VIR_EVENT_HANDLE_READABLE) {
        char c;
        (void)!::read(fd, &c, 1);
    }
    std::lock_guard lock(seen->mutex);
    ++seen->calls;
    seen->lastEvents = events;
    seen->thread = std::this_thread::get_id();
    seen->changed.notify_all();
}

void onFree(void *opaque)
{
    auto *seen = static_cast<Seen *>(opaque);
    std::lock_guard lock(seen->mutex);
    ++seen->freed;
    seen->changed.notify_all();
}

int onLifecycle(virConnectPtr, virDomainPtr, int event, int, void *opaque)
{
    auto *seen = static_cast<Seen *>(opaque);
    std::lock_guard lock(seen->mutex);
    seen->lifecycle = event;
    seen->thread = std::this_thread::get_id();
    seen->changed.notify_all();
    return 0;
}

} // namespace

class TestEventLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Rewind::Libvirt::EventLoop::ensureRunning(); }

    void timersRunOnTheLoopsThread()
    {
        Seen seen;
        const int id = virEventAddTimeout(10, onTimer, &seen, onFree);
        QVERIFY(id > 0);
        QVERIFY(seen.waitFor([&] { return seen.calls >= 3; }));
        QVERIFY(seen.thread != std::this_thread::get_id());
        // Disabled: no more calls.
        virEventUpdateTimeout(id, -1);
        std::this_thread::sleep_for(50ms);
        int calls = 0;
        {
            std::lock_guard lock(seen.mutex);
            calls = seen.calls;
        }
        std::this_thread::sleep_for(100ms);
        QCOMPARE(seen.calls, calls);
        // Removed: the free function runs once, after the remove call.
        QCOMPARE(virEventRemoveTimeout(id), 0);
        QVERIFY(seen.waitFor([&] { return seen.freed == 1; }));
        QCOMPARE(virEventRemoveTimeout(id), -1);
        QCOMPARE(seen.calls, calls);
    }

    void aTimerMayRemoveItself()
    {
        Seen seen;
        {
            std::lock_guard lock(seen.mutex);
            seen.removeSelfId = virEventAddTimeout(0, onTimer, &seen, onFree);
        }
        QVERIFY(seen.removeSelfId > 0);
        QVERIFY(seen.waitFor([&] { return seen.freed == 1; }));
        std::this_thread::sleep_for(50ms);
        QCOMPARE(seen.calls, 1);
    }

    void watchesReportWhatIsWanted()
    {
        int fds[2];
        QCOMPARE(::pipe2(fds, O_CLOEXEC), 0);
        Seen seen;
        const int id = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, onWatch, &seen, onFree);
        QVERIFY(id > 0);
        QCOMPARE(::write(fds[1], "a", 1), 1);
        QVERIFY(seen.waitFor([&] { return seen.calls == 1; }));
        QCOMPARE(seen.lastEvents, int(VIR_EVENT_HANDLE_READABLE));
        QVERIFY(seen.thread != std::this_thread::get_id());

        // Nothing wanted: a byte waits unread.
        virEventUpdateHandle(id, 0);
        QCOMPARE(::write(fds[1], "b", 1), 1);
        QVERIFY(!seen.waitFor([&] { return seen.calls > 1; }, 200ms));
        virEventUpdateHandle(id, VIR_EVENT_HANDLE_READABLE);
        QVERIFY(seen.waitFor([&] { return seen.calls == 2; }));

        // The writer goes: a hang-up, which is reported even though it was not asked for.
        ::close(fds[1]);
        QVERIFY(seen.waitFor([&] { return (seen.lastEvents & VIR_EVENT_HANDLE_HANGUP) != 0; }));
        QCOMPARE(virEventRemoveHandle(id), 0);
        QVERIFY(seen.waitFor([&] { return seen.freed == 1; }));
        ::close(fds[0]);
    }

    // libvirt's test driver queues a domain's events and flushes them from a timer of the
    // loop: they arrive while this thread waits outside any event loop.
    void domainEventsArriveWhileTheMainThreadIsBlocked()
    {
        // libvirt's own calls: Rewind's wrappers refuse blocking calls on the main thread.
        virConnectPtr conn = virConnectOpen("test:///default");
        QVERIFY(conn);
        virDomainPtr dom = virDomainLookupByName(conn, "test");
        QVERIFY(dom);
        Seen seen;
        const int id = virConnectDomainEventRegisterAny(
            conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(onLifecycle), &seen, nullptr);
        QVERIFY(id >= 0);
        QCOMPARE(virDomainSuspend(dom), 0);
        QVERIFY(seen.waitFor([&] { return seen.lifecycle == VIR_DOMAIN_EVENT_SUSPENDED; }));
        QVERIFY(seen.thread != std::this_thread::get_id());
        QCOMPARE(virDomainResume(dom), 0);
        QVERIFY(seen.waitFor([&] { return seen.lifecycle == VIR_DOMAIN_EVENT_RESUMED; }));
        virConnectDomainEventDeregisterAny(conn, id);
        virDomainFree(dom);
        virConnectClose(conn);
    }
};

QTEST_GUILESS_MAIN(TestEventLoop)
#include "tst_eventloop.moc"
