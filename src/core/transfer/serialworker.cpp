#include "serialworker.h"

namespace Rewind {

SerialWorker::SerialWorker() : m_thread([this] { loop(); })
{ }

SerialWorker::~SerialWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_one();
    m_thread.join();
}

quint64 SerialWorker::post(std::function<void()> task)
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
        ticket = ++m_posted;
    }
    m_wake.notify_one();
    return ticket;
}

void SerialWorker::waitFor(quint64 ticket)
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return m_finished >= ticket; });
}

void SerialWorker::waitForAll()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return m_finished >= m_posted; });
}

void SerialWorker::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_stopping) {
            return;
        }
        std::function<void()> task = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        task();
        lock.lock();
        ++m_finished;
        m_done.notify_all();
    }
}

} // namespace Rewind
