#pragma once

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>
#include <QObject>

class QDBusMessage;
class QDBusPendingCallWatcher;

namespace Rewind {

/// Keeps the computer from going to sleep or shutting down unannounced while Rewind works.
/// A backup cut off by a shutdown is lost (rolled back at the next start), and one the
/// computer sleeps through ends hours late.
///
/// Two requests, each with the running jobs as the reason ("Running: Back up 'web'"):
/// - the desktop's, through the Inhibit portal (flags logout and suspend): the session
///   does not suspend when idle, and its log-out and power-off dialogs name Rewind;
/// - the system's, a "block" lock of logind (or elogind) on "sleep:shutdown": sleep and
///   shutdown asked for by a service or another user wait. logind lets a user override
///   their own locks, so the user's own request still goes through.
/// A closed lid still sleeps (logind ignores locks for the lid unless told otherwise).
///
/// logind's lock is a file descriptor held until it is closed (a crashed Rewind releases
/// it too); the portal's is a request object closed with Close() (the portal drops it when
/// Rewind leaves the bus). Requests run asynchronously: a different reason is held before
/// the old one goes, and an answer that comes after the reason changed is let go at
/// once. Without either service, or without permission, nothing is held there.
class SleepInhibitor : public QObject
{
    Q_OBJECT
public:
    explicit SleepInhibitor(const QDBusConnection &systemBus = QDBusConnection::systemBus(),
        const QDBusConnection &sessionBus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~SleepInhibitor() override;

    /// Holds both with why as the reason; empty lets the computer sleep and shut down again.
    void setReason(const QString &why);
    QString reason() const { return m_wanted; }
    /// Whether logind granted a lock that is still held.
    bool holdsLogindLock() const { return m_lock.isValid(); }
    /// Whether the desktop's portal granted an inhibition that is still held.
    bool holdsPortalInhibition() const { return !m_portalRequest.isEmpty(); }

Q_SIGNALS:
    void logindLockChanged(bool held);
    void portalInhibitionChanged(bool held);

private:
    void ask(QDBusConnection &bus, const QDBusMessage &inhibit, quint64 request,
        void (SleepInhibitor::*onReply)(QDBusPendingCallWatcher *, quint64));
    void onLogindReply(QDBusPendingCallWatcher *call, quint64 request);
    void onPortalReply(QDBusPendingCallWatcher *call, quint64 request);
    void setLock(const QDBusUnixFileDescriptor &lock);
    void setPortalRequest(const QString &path);
    void closePortalRequest(const QString &path);
    void logRefusal(bool &logged, const QString &what, const QString &message);

    QDBusConnection m_system;
    QDBusConnection m_session;
    QString m_wanted;
    QDBusUnixFileDescriptor m_lock;
    QString m_portalRequest; ///< the object path of the portal's inhibition
    quint64 m_request = 0; ///< counts setReason() calls; only the latest's answers count
    bool m_logindRefusalLogged = false;
    bool m_portalRefusalLogged = false;
};

} // namespace Rewind
