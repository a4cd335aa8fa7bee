#pragma once

#include "libvirt/handle.h"

#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace Rewind {

/// Worker-side subscription to one domain's lifecycle and block-job events, for code
/// that must wait for an event inside a job (a block commit's READY) or time one (how
/// long the guest was paused). The callbacks run on libvirt's event-loop thread and only
/// record under a mutex; the worker waits on a condition variable. Registration and
/// deregistration are RPCs, so construct and destroy it in the worker.
class DomainEvents
{
public:
    DomainEvents(const Libvirt::ConnectHandle &conn, const Libvirt::DomainHandle &domain);
    ~DomainEvents();
    DomainEvents(const DomainEvents &) = delete;
    DomainEvents &operator=(const DomainEvents &) = delete;

    bool isSubscribed() const { return m_lifecycleId >= 0; }

    /// Time between the first SUSPENDED and the following RESUMED event since
    /// construction (or the last resetPause()); waits up to timeout for a RESUMED that
    /// is still in flight. -1 when the guest was not paused.
    qint64 pauseMs(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
    void resetPause();

    /// Waits until the block job on disk (target name such as "vda" or path) reports
    /// status (a virConnectDomainEventBlockJobStatus), or the timeout passes.
    bool waitForBlockJob(const QString &disk, int status, std::chrono::milliseconds timeout);
    /// The last status seen for disk, or -1.
    int blockJobStatus(const QString &disk);

    struct State; // shared with the callbacks

private:
    Libvirt::ConnectHandle m_conn;
    int m_lifecycleId = -1;
    int m_blockJobId = -1;
    State *m_state;
    std::shared_ptr<State> m_keepAlive;
};

} // namespace Rewind
