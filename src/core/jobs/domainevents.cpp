#include "domainevents.h"

#include "libvirt/threadcheck.h"

#include <QHash>

#include <libvirt/libvirt.h>

#include <memory>

namespace Rewind {

using Clock = std::chrono::steady_clock;

struct DomainEvents::State
{
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<Clock::time_point> suspendedAt;
    std::optional<Clock::time_point> resumedAt;
    QHash<QString, int> blockJobs;
};

namespace {

using Shared = std::shared_ptr<DomainEvents::State>;

void freeShared(void *opaque)
{
    delete static_cast<Shared *>(opaque);
}

int onLifecycle(virConnectPtr, virDomainPtr, int event, int, void *opaque)
{
    auto &state = **static_cast<Shared *>(opaque);
    const auto now = Clock::now();
    std::lock_guard lock(state.mutex);
    if (event == VIR_DOMAIN_EVENT_SUSPENDED && !state.suspendedAt) {
        state.suspendedAt = now;
    } else if (event == VIR_DOMAIN_EVENT_RESUMED && state.suspendedAt && !state.resumedAt) {
        state.resumedAt = now;
    }
    state.changed.notify_all();
    return 0;
}

void onBlockJob(virConnectPtr, virDomainPtr, const char *disk, int, int status, void *opaque)
{
    auto &state = **static_cast<Shared *>(opaque);
    std::lock_guard lock(state.mutex);
    state.blockJobs.insert(QString::fromUtf8(disk), status);
    state.changed.notify_all();
}

} // namespace

DomainEvents::DomainEvents(const Libvirt::ConnectHandle &conn, const Libvirt::DomainHandle &domain)
    : m_conn(conn)
{
    REWIND_BLOCKING_CALL();
    auto shared = std::make_shared<State>();
    m_state = shared.get();
    // The callbacks own the state with us through shared pointers: a late event after
    // deregistration still finds it alive.
    m_keepAlive = shared;
    m_lifecycleId = virConnectDomainEventRegisterAny(conn.get(), domain.get(), VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(onLifecycle), new Shared(shared), freeShared);
    m_blockJobId = virConnectDomainEventRegisterAny(conn.get(), domain.get(), VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2,
        VIR_DOMAIN_EVENT_CALLBACK(onBlockJob), new Shared(shared), freeShared);
}

DomainEvents::~DomainEvents()
{
    REWIND_BLOCKING_CALL();
    if (m_lifecycleId >= 0) {
        virConnectDomainEventDeregisterAny(m_conn.get(), m_lifecycleId);
    }
    if (m_blockJobId >= 0) {
        virConnectDomainEventDeregisterAny(m_conn.get(), m_blockJobId);
    }
}

qint64 DomainEvents::pauseMs(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_state->mutex);
    if (!m_state->suspendedAt) {
        return -1;
    }
    m_state->changed.wait_for(lock, timeout, [this] { return m_state->resumedAt.has_value(); });
    const auto end = m_state->resumedAt.value_or(Clock::now());
    return std::chrono::duration_cast<std::chrono::milliseconds>(end - *m_state->suspendedAt).count();
}

void DomainEvents::resetPause()
{
    std::lock_guard lock(m_state->mutex);
    m_state->suspendedAt.reset();
    m_state->resumedAt.reset();
}

bool DomainEvents::waitForBlockJob(const QString &disk, int status, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_state->mutex);
    return m_state->changed.wait_for(
        lock, timeout, [&] { return m_state->blockJobs.value(disk, -1) == status; });
}

int DomainEvents::blockJobStatus(const QString &disk)
{
    std::lock_guard lock(m_state->mutex);
    return m_state->blockJobs.value(disk, -1);
}

} // namespace Rewind
