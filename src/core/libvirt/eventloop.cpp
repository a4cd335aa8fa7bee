#include "eventloop.h"

#include "logging.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Rewind::Libvirt {

namespace {

void silenceDefaultErrorHandler(void *, virErrorPtr)
{
    // libvirt prints every error to stderr by default. Errors are reported through
    // Rewind::Error instead, so the default printout would only duplicate them.
}

using Clock = std::chrono::steady_clock;

struct Watch
{
    int id;
    int fd;
    int events; ///< VIR_EVENT_HANDLE_* wanted; 0: none for now
    virEventHandleCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool removed = false;
};

struct Timer
{
    int id;
    int frequency; ///< ms between calls; 0: every iteration; -1: disabled
    Clock::time_point due;
    virEventTimeoutCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool removed = false;

    /// The next call is one period after now (a disabled timer keeps a time, unused).
    void scheduleFrom(Clock::time_point now)
    {
        due = now + std::chrono::milliseconds(std::max(frequency, 0));
    }
};

short toPoll(int events)
{
    short out = 0;
    out |= (events & VIR_EVENT_HANDLE_READABLE) ? POLLIN : 0;
    out |= (events & VIR_EVENT_HANDLE_WRITABLE) ? POLLOUT : 0;
    return out;
}

int fromPoll(short revents)
{
    int out = 0;
    out |= (revents & POLLIN) ? VIR_EVENT_HANDLE_READABLE : 0;
    out |= (revents & POLLOUT) ? VIR_EVENT_HANDLE_WRITABLE : 0;
    out |= (revents & (POLLERR | POLLNVAL)) ? VIR_EVENT_HANDLE_ERROR : 0;
    out |= (revents & POLLHUP) ? VIR_EVENT_HANDLE_HANGUP : 0;
    return out;
}

// The watches and timers libvirt registers, and the poll() loop that serves them on a
// thread of its own. Callbacks are called without the lock held: they add, update and
// remove watches and timers themselves. A removed entry's free function runs on the
// loop's thread at its next turn, never inside the remove call (libvirt may hold locks
// there that the free function takes).
class Loop
{
public:
    static Loop &instance()
    {
        static Loop *loop = new Loop; // lives as long as the thread serving it
        return *loop;
    }

    bool start()
    {
        m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (m_wake < 0) {
            return false;
        }
        // Detached on purpose: the loop serves libvirt for the life of the process.
        std::thread([this] {
            for (;;) {
                turn();
            }
        }).detach();
        return true;
    }

    int addWatch(int fd, int events, virEventHandleCallback cb, void *opaque, virFreeCallback ff)
    {
        std::lock_guard lock(m_mutex);
        const int id = m_nextId++;
        m_watches.push_back({id, fd, events, cb, opaque, ff});
        wake();
        return id;
    }

    void updateWatch(int id, int events)
    {
        std::lock_guard lock(m_mutex);
        if (Watch *w = find(m_watches, id)) {
            w->events = events;
            wake();
        }
    }

    int removeWatch(int id) { return remove(m_watches, id); }

    int addTimer(int frequency, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff)
    {
        std::lock_guard lock(m_mutex);
        const int id = m_nextId++;
        m_timers.push_back({id, frequency, {}, cb, opaque, ff});
        m_timers.back().scheduleFrom(Clock::now());
        wake();
        return id;
    }

    void updateTimer(int id, int frequency)
    {
        std::lock_guard lock(m_mutex);
        if (Timer *t = find(m_timers, id)) {
            t->frequency = frequency;
            t->scheduleFrom(Clock::now());
            wake();
        }
    }

    int removeTimer(int id) { return remove(m_timers, id); }

private:
    // Marked here, erased (and freed) by the loop's next turn.
    template<typename T>
    int remove(std::vector<T> &list, int id)
    {
        std::lock_guard lock(m_mutex);
        T *e = find(list, id);
        if (!e) {
            return -1;
        }
        e->removed = true;
        wake();
        return 0;
    }

    template<typename T>
    static T *find(std::vector<T> &list, int id)
    {
        const auto it
            = std::find_if(list.begin(), list.end(), [id](const T &e) { return e.id == id && !e.removed; });
        return it == list.end() ? nullptr : &*it;
    }

    void wake()
    {
        const std::uint64_t one = 1;
        (void)!::write(m_wake, &one, sizeof one);
    }

    // One turn: free what was removed, wait for a watched fd or the next timer, then call
    // the timers that are due and the watches that are ready.
    void turn()
    {
        std::vector<std::pair<virFreeCallback, void *>> toFree;
        std::vector<pollfd> fds {{m_wake, POLLIN, 0}};
        std::vector<int> fdIds {0};
        int timeoutMs = -1;
        {
            std::lock_guard lock(m_mutex);
            purge(m_watches, toFree);
            purge(m_timers, toFree);
            for (const Watch &w : m_watches) {
                if (w.events != 0) {
                    fds.push_back({w.fd, toPoll(w.events), 0});
                    fdIds.push_back(w.id);
                }
            }
            const auto now = Clock::now();
            for (const Timer &t : m_timers) {
                if (t.frequency < 0) {
                    continue;
                }
                const auto left = std::chrono::ceil<std::chrono::milliseconds>(t.due - now).count();
                const int ms = int(std::clamp<long long>(left, 0, 60000));
                timeoutMs = timeoutMs < 0 ? ms : std::min(timeoutMs, ms);
            }
        }
        for (const auto &[ff, opaque] : toFree) {
            ff(opaque);
        }
        if (::poll(fds.data(), fds.size(), timeoutMs) < 0 && errno != EINTR) {
            qCWarning(lcLibvirt) << "poll() in libvirt's event loop failed:" << strerror(errno);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return;
        }
        if (fds.front().revents) {
            std::uint64_t count;
            (void)!::read(m_wake, &count, sizeof count);
        }
        runDueTimers();
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (fds[i].revents) {
                runWatch(fdIds[i], fds[i].revents);
            }
        }
    }

    template<typename T>
    static void purge(std::vector<T> &list, std::vector<std::pair<virFreeCallback, void *>> &toFree)
    {
        for (const T &e : list) {
            if (e.removed && e.ff) {
                toFree.emplace_back(e.ff, e.opaque);
            }
        }
        list.erase(
            std::remove_if(list.begin(), list.end(), [](const T &e) { return e.removed; }), list.end());
    }

    void runDueTimers()
    {
        std::vector<int> due;
        {
            std::lock_guard lock(m_mutex);
            const auto now = Clock::now();
            for (Timer &t : m_timers) {
                if (!t.removed && t.frequency >= 0 && t.due <= now) {
                    due.push_back(t.id);
                    t.scheduleFrom(now);
                }
            }
        }
        for (int id : due) {
            virEventTimeoutCallback cb = nullptr;
            void *opaque = nullptr;
            {
                std::lock_guard lock(m_mutex);
                // Removed or disabled by an earlier callback of this turn: not called.
                if (const Timer *t = find(m_timers, id); t && t->frequency >= 0) {
                    cb = t->cb;
                    opaque = t->opaque;
                }
            }
            if (cb) {
                cb(id, opaque);
            }
        }
    }

    void runWatch(int id, short revents)
    {
        virEventHandleCallback cb = nullptr;
        void *opaque = nullptr;
        int fd = -1;
        int events = 0;
        {
            std::lock_guard lock(m_mutex);
            if (const Watch *w = find(m_watches, id)) {
                cb = w->cb;
                opaque = w->opaque;
                fd = w->fd;
                // Only what is still wanted, plus errors and hang-ups, which always count.
                events = fromPoll(revents) & (w->events | VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP);
            }
        }
        if (cb && events) {
            cb(id, fd, events, opaque);
        }
    }

    std::mutex m_mutex;
    std::vector<Watch> m_watches;
    std::vector<Timer> m_timers;
    int m_nextId = 1;
    int m_wake = -1;
};

} // namespace

void EventLoop::ensureRunning()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virSetErrorFunc(nullptr, silenceDefaultErrorHandler);
        // A write to the socket of a daemon that just went away must fail with EPIPE,
        // which libvirt reports as a lost connection, not kill the process.
        std::signal(SIGPIPE, SIG_IGN);
        if (virInitialize() < 0 || !Loop::instance().start()) {
            qCCritical(lcLibvirt, "Could not start the libvirt event loop; events will not arrive");
            return;
        }
        virEventRegisterImpl(
            [](int fd, int events, virEventHandleCallback cb, void *opaque, virFreeCallback ff) {
                return Loop::instance().addWatch(fd, events, cb, opaque, ff);
            },
            [](int id, int events) { Loop::instance().updateWatch(id, events); },
            [](int id) { return Loop::instance().removeWatch(id); },
            [](int frequency, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff) {
                return Loop::instance().addTimer(frequency, cb, opaque, ff);
            },
            [](int id, int frequency) { Loop::instance().updateTimer(id, frequency); },
            [](int id) { return Loop::instance().removeTimer(id); });
    });
}

} // namespace Rewind::Libvirt
