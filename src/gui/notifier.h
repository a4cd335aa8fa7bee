#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <QSystemTrayIcon>

namespace Rewind {

class Job;

/// Desktop notifications, through the best channel there is: KNotification when built
/// with KF6Notifications (events from rewind.notifyrc), else the freedesktop
/// org.freedesktop.Notifications service over D-Bus, else the tray icon's balloon.
///
/// Each notification says what happened and what to do. It does not spam: one
/// notification per event and kind of failure (the error code) per throttle period, so
/// ten VMs failing on a full disk give one message, not ten.
class Notifier : public QObject
{
    Q_OBJECT
public:
    /// One per [Event/...] group of resources/rewind.notifyrc.
    enum class Event {
        BackupFailed,
        VerifyFailed,
        BackupOverdue,
        ConnectionLost,
        BackupFinished,
        RepositoryUnavailable,
    };
    Q_ENUM(Event)
    enum class Backend { KNotification, FreedesktopDBus, Tray, LogOnly };
    Q_ENUM(Backend)

    explicit Notifier(QObject *parent = nullptr);

    void setTrayIcon(QSystemTrayIcon *tray) { m_tray = tray; }
    /// Seconds during which a second notification of the same event and kind is dropped:
    /// an hour by default; a day for RepositoryUnavailable, a reminder while the
    /// repository stays away.
    void setThrottleSeconds(int seconds) { m_throttleSeconds = seconds; }
    void setThrottleSeconds(Event event, int seconds) { m_eventThrottle.insert(event, seconds); }
    int throttleSeconds(Event event) const { return m_eventThrottle.value(event, m_throttleSeconds); }
    /// Which channel notify() tries first.
    Backend backend() const;
    /// Forces a channel (tests; LogOnly keeps a test session quiet).
    void setBackend(Backend backend)
    {
        m_forced = backend;
        m_hasForced = true;
    }

    /// Shows a notification unless one with this event and kind was shown within the
    /// throttle period; returns whether it was shown.
    bool notify(Event event, const QString &kind, const QString &title, const QString &text);

    /// A job ended: failures always (throttled), successes only for scheduled backups.
    void jobFinished(const Job *job, bool scheduled);
    void backupOverdue(const QString &vmUuid, const QString &vmName, const QDateTime &lastSuccess);
    void connectionLost(const QString &uri);
    /// The repository the application uses cannot be opened (a drive away, most often)
    /// since `since`; reason is the error's message. Said once a day while it lasts.
    void repositoryUnavailable(const QString &path, const QString &reason, const QDateTime &since);

    /// The notifyrc event id: "backupFailed", ...
    static QString eventId(Event event);

Q_SIGNALS:
    /// Every notification that was shown, whatever the channel.
    void notified(Rewind::Notifier::Event event, const QString &title, const QString &text);
    /// The user clicked a notification or its "Open Rewind" action.
    void activated();

private Q_SLOTS:
    // D-Bus signal org.freedesktop.Notifications.ActionInvoked (connected by name).
    void onActionInvoked(uint id, const QString &action);

private:
    void showThroughDBus(Event event, const QString &title, const QString &text);
    void showThroughTray(Event event, const QString &title, const QString &text);

    QPointer<QSystemTrayIcon> m_tray;
    QHash<QString, QDateTime> m_lastShown;
    QList<uint> m_dbusIds;
    int m_throttleSeconds = 3600;
    QHash<Event, int> m_eventThrottle {{Event::RepositoryUnavailable, 24 * 3600}};
    bool m_dbusSubscribed = false;
    bool m_hasForced = false;
    Backend m_forced = Backend::LogOnly;
};

} // namespace Rewind
