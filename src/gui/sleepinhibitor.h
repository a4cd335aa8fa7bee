#pragma once

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>
#include <QObject>

class QDBusPendingCallWatcher;

namespace Rewind {

/// Keeps the computer from going to sleep or shutting down while Rewind works, with a
/// "block" lock of logind (or elogind) on "sleep:shutdown". A backup cut by a shutdown is
/// lost (rolled back at the next start) and one that sleeps ends hours late; with the
/// lock, the desktop names Rewind and the reason when the user asks to sleep or shut
/// down, and lets them go on anyway (a closed lid still sleeps: logind ignores such locks
/// for the lid unless told otherwise).
///
/// The lock is a file descriptor: logind holds it as long as it is open, so releasing is
/// closing it, and a crashed Rewind releases it too. The request runs asynchronously; a
/// reason set again before logind answers makes the answer moot. Without logind or its
/// permission nothing is held, and the computer sleeps as it would without Rewind.
class SleepInhibitor : public QObject
{
    Q_OBJECT
public:
    explicit SleepInhibitor(
        const QDBusConnection &bus = QDBusConnection::systemBus(), QObject *parent = nullptr);

    /// Holds the lock with why as the reason the desktop shows ("Running: Back up
    /// 'web'"); a different reason takes a new lock before the old one goes. Empty lets
    /// the computer sleep and shut down again.
    void setReason(const QString &why);
    QString reason() const { return m_wanted; }
    /// Whether logind granted a lock that is still held.
    bool isHeld() const { return m_lock.isValid(); }

Q_SIGNALS:
    void heldChanged(bool held);

private:
    void onReply(QDBusPendingCallWatcher *call, quint64 request);
    void setLock(const QDBusUnixFileDescriptor &lock);

    QDBusConnection m_bus;
    QString m_wanted;
    QDBusUnixFileDescriptor m_lock;
    quint64 m_request = 0; ///< counts setReason() calls; only the latest's answer counts
    bool m_refusalLogged = false;
};

} // namespace Rewind
