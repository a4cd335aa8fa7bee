#include "connection.h"

#include "async.h"
#include "libvirt/domain.h"
#include "libvirt/threadcheck.h"
#include "logging.h"
#include "workers.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

#include <libvirt/libvirt.h>

namespace Rewind {

namespace Libvirt {

/// Shared between a Connection and the callbacks libvirt holds. The Connection clears
/// target (under the mutex) when it goes away or reconnects, so a callback that fires
/// late posts nothing; the mutex also keeps the target alive while a post is made.
struct CallbackContext
{
    QMutex mutex;
    Connection *target = nullptr;
    ConnectHandle conn;
    QList<int> domainCallbackIds;
    bool closeCallbackRegistered = false;

    template<typename F>
    void post(F &&f)
    {
        QMutexLocker locker(&mutex);
        if (target) {
            QMetaObject::invokeMethod(target, std::forward<F>(f), Qt::QueuedConnection);
        }
    }

    void closed(const std::shared_ptr<CallbackContext> &self, int reason)
    {
        post([self, reason] {
            // Re-checked on the owner's thread: the target may have reconnected meanwhile.
            if (self->target) {
                self->target->onClosedByPeer(reason);
            }
        });
    }

    // Registration and deregistration make RPCs: workers only.
    Error registerAll(const std::shared_ptr<CallbackContext> &self);
    void unregisterAll();
};

namespace {

using Holder = std::shared_ptr<CallbackContext>;

void freeHolder(void *opaque)
{
    delete static_cast<Holder *>(opaque);
}

CallbackContext *ctxOf(void *opaque)
{
    return static_cast<Holder *>(opaque)->get();
}

QString domainUuid(virDomainPtr dom)
{
    char buf[VIR_UUID_STRING_BUFLEN];
    return virDomainGetUUIDString(dom, buf) < 0 ? QString() : QString::fromLatin1(buf);
}

void onClose(virConnectPtr, int reason, void *opaque)
{
    ctxOf(opaque)->closed(*static_cast<Holder *>(opaque), reason);
}

int onLifecycle(virConnectPtr, virDomainPtr dom, int event, int detail, void *opaque)
{
    Holder ctx = *static_cast<Holder *>(opaque);
    const QString uuid = domainUuid(dom);
    ctx->post([ctx, uuid, event, detail] {
        if (ctx->target) {
            Q_EMIT ctx->target->domainLifecycle(uuid, event, detail);
        }
    });
    return 0;
}

void onBlockJob(virConnectPtr, virDomainPtr dom, const char *disk, int type, int status, void *opaque)
{
    Holder ctx = *static_cast<Holder *>(opaque);
    const QString uuid = domainUuid(dom);
    const QString diskName = QString::fromUtf8(disk);
    ctx->post([ctx, uuid, diskName, type, status] {
        if (ctx->target) {
            Q_EMIT ctx->target->blockJob(uuid, diskName, type, status);
        }
    });
}

} // namespace

Error CallbackContext::registerAll(const std::shared_ptr<CallbackContext> &self)
{
    REWIND_BLOCKING_CALL();
    if (virConnectRegisterCloseCallback(conn.get(), onClose, new Holder(self), freeHolder) == 0) {
        closeCallbackRegistered = true;
    }
    const int lifecycle = virConnectDomainEventRegisterAny(conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(onLifecycle), new Holder(self), freeHolder);
    if (lifecycle < 0) {
        return Error::fromLibvirt(
            QCoreApplication::translate("Rewind", "Could not subscribe to domain events."));
    }
    domainCallbackIds.append(lifecycle);
    const int block = virConnectDomainEventRegisterAny(conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2,
        VIR_DOMAIN_EVENT_CALLBACK(onBlockJob), new Holder(self), freeHolder);
    if (block >= 0) {
        domainCallbackIds.append(block);
    }
    return {};
}

void CallbackContext::unregisterAll()
{
    REWIND_BLOCKING_CALL();
    // Failing here is expected when the daemon is gone; the callbacks die with the handle.
    for (int id : std::as_const(domainCallbackIds)) {
        virConnectDomainEventDeregisterAny(conn.get(), id);
    }
    domainCallbackIds.clear();
    if (closeCallbackRegistered) {
        virConnectUnregisterCloseCallback(conn.get(), onClose);
        closeCallbackRegistered = false;
    }
}

} // namespace Libvirt

using Libvirt::CallbackContext;

Connection::Connection(const QString &uri, QObject *parent) : QObject(parent), m_uri(uri)
{
    qRegisterMetaType<Rewind::Error>();
    m_reconnectTimer.setSingleShot(true);
    m_reconnectTimer.setInterval(2000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::open);
}

Connection::~Connection()
{
    detach();
}

QString Connection::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return QStringLiteral("disconnected");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

Libvirt::ConnectHandle Connection::handle() const
{
    QMutexLocker locker(&m_handleMutex);
    return m_handle;
}

void Connection::setState(State state)
{
    if (m_state == state) {
        return;
    }
    qCInfo(lcLibvirt) << "Connection" << m_uri << "is" << stateName(state);
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::open()
{
    m_wantOpen = true;
    if (m_state == State::Connecting || m_state == State::Connected) {
        return;
    }
    const bool wasLost = m_state == State::Lost;
    setState(State::Connecting);
    auto ctx = std::make_shared<CallbackContext>();
    ctx->target = this;
    m_callbacks = ctx;
    Async::run(
        Workers::libvirtPool(), this,
        [uri = m_uri, ctx]() -> std::pair<Libvirt::ConnectHandle, Error> {
            auto conn = Libvirt::openConnection(uri);
            if (!conn) {
                return {{}, conn.error()};
            }
            ctx->conn = *conn;
            Error e = ctx->registerAll(ctx);
            return {*conn, e};
        },
        [this, ctx, wasLost](std::pair<Libvirt::ConnectHandle, Error> r) {
            onOpened(r.first, r.second, ctx);
            if (wasLost && m_state == State::Connected) {
                Q_EMIT reconnected();
            }
        });
}

void Connection::onOpened(
    Libvirt::ConnectHandle handle, const Error &error, std::shared_ptr<Libvirt::CallbackContext> ctx)
{
    if (ctx != m_callbacks) {
        return; // closed or reopened meanwhile; the worker's handle just drops
    }
    if (error.isError() || !handle) {
        m_lastError = error;
        Q_EMIT errorOccurred(error);
        qCWarning(lcLibvirt) << "Connecting to" << m_uri << "failed:" << error.toString();
        // A connection that never worked is not retried (a typo in the URI would retry
        // forever); one that worked before is, since the daemon may just be restarting.
        setState(m_everConnected ? State::Lost : State::Disconnected);
        if (m_wantOpen && m_everConnected) {
            m_reconnectTimer.start();
        }
        return;
    }
    {
        QMutexLocker locker(&m_handleMutex);
        m_handle = handle;
    }
    m_lastError = {};
    m_everConnected = true;
    setState(State::Connected);
}

void Connection::onClosedByPeer(int reason)
{
    qCWarning(lcLibvirt) << "Connection" << m_uri << "closed by libvirt, reason" << reason;
    detach();
    setState(State::Lost);
    if (m_wantOpen) {
        m_reconnectTimer.start();
    }
}

void Connection::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    detach();
    setState(State::Disconnected);
}

void Connection::detach()
{
    std::shared_ptr<CallbackContext> ctx = std::move(m_callbacks);
    {
        QMutexLocker locker(&m_handleMutex);
        m_handle.reset();
    }
    if (!ctx) {
        return;
    }
    {
        QMutexLocker locker(&ctx->mutex);
        ctx->target = nullptr;
    }
    // Deregistering makes RPCs; the last reference to the connection drops in the worker.
    (void)QtConcurrent::run(Workers::libvirtPool(), [ctx] {
        ctx->unregisterAll();
        ctx->conn.reset();
    });
}

} // namespace Rewind
