#pragma once

#include "error.h"
#include "libvirt/handle.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Rewind {

namespace Libvirt {
struct CallbackContext;
}

/// One libvirt connection as the application sees it: an explicit state machine
/// (disconnected -> connecting -> connected -> lost -> connecting ...), domain events
/// turned into Qt signals, and automatic reconnection after the daemon goes away.
///
/// Lives on the thread that created it (the GUI thread). Opening, registering callbacks
/// and closing run in Workers::libvirtPool(); libvirt's callbacks run on the event-loop
/// thread and only post queued calls here, so every signal is emitted on the owner's
/// thread.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Lost };
    Q_ENUM(State)

    explicit Connection(const QString &uri, QObject *parent = nullptr);
    ~Connection() override;

    QString uri() const { return m_uri; }
    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }
    /// A reference to the open connection for workers, or a null handle. Thread-safe.
    Libvirt::ConnectHandle handle() const;

    /// Delay between reconnection attempts after the connection was lost.
    void setReconnectInterval(int ms) { m_reconnectTimer.setInterval(ms); }

    static QString stateName(State state);

public Q_SLOTS:
    void open();
    void close();

Q_SIGNALS:
    void stateChanged(Rewind::Connection::State state);
    /// The connection is usable again after it was lost; everything cached may be stale.
    void reconnected();
    void errorOccurred(const Rewind::Error &error);
    /// virDomainEventType / detail for the domain with this UUID.
    void domainLifecycle(const QString &uuid, int event, int detail);
    /// A block job on disk (target or path) changed: virConnectDomainEventBlockJobStatus.
    void blockJob(const QString &uuid, const QString &disk, int type, int status);

private:
    friend struct Libvirt::CallbackContext;
    void setState(State state);
    void onOpened(
        Libvirt::ConnectHandle handle, const Error &error, std::shared_ptr<Libvirt::CallbackContext> ctx);
    void onClosedByPeer(int reason);
    void detach();

    QString m_uri;
    State m_state = State::Disconnected;
    Error m_lastError;
    mutable QMutex m_handleMutex;
    Libvirt::ConnectHandle m_handle;
    std::shared_ptr<Libvirt::CallbackContext> m_callbacks;
    QTimer m_reconnectTimer;
    bool m_wantOpen = false;
    bool m_everConnected = false;
};

} // namespace Rewind
