#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace Rewind {

/// One thread that runs the tasks posted to it one after the other, in the order posted.
/// A stage of ExtentPump's pipeline (hashing, storing): each stage must see the buffers
/// in file order, and with a queue per stage the stages can drift apart by a few buffers
/// instead of meeting after every buffer, where each round would last as long as the
/// slower of the two.
class SerialWorker
{
public:
    SerialWorker();
    /// Drops the tasks that have not started, waits for the one running, and joins.
    ~SerialWorker();

    SerialWorker(const SerialWorker &) = delete;
    SerialWorker &operator=(const SerialWorker &) = delete;

    /// Queues a task and returns its ticket (1, 2, ...) for waitFor().
    quint64 post(std::function<void()> task);
    /// Blocks until the task with this ticket and every one before it have run; returns at
    /// once for ticket 0. What the tasks wrote is visible to the caller afterwards.
    void waitFor(quint64 ticket);
    /// Blocks until every task posted so far has run.
    void waitForAll();

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake; ///< a task was posted, or the worker is stopping
    std::condition_variable m_done; ///< a task finished
    std::deque<std::function<void()>> m_queue;
    quint64 m_posted = 0;
    quint64 m_finished = 0;
    bool m_stopping = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace Rewind
