#pragma once

#include <QDBusConnection>
#include <QDBusPendingCall>
#include <QObject>

namespace Rewind {

/// One Rewind per desktop session. Start at Login starts it hidden in the tray; starting it
/// again from the application menu must bring up that window, not a second application
/// whose scheduler would back up every VM a second time.
///
/// The first instance owns the name io.github.rewind.Rewind (AppId, which a Flatpak may
/// own) on the session bus; a later start finds it taken, asks the owner to
/// show its window and exits. Owning a bus name is atomic, so two starts at once cannot both
/// win, and the name goes with the process, so a crashed instance leaves nothing stale.
/// Without a session bus each start runs on its own, as before.
class SingleInstance : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.rewind.Rewind")

public:
    static const QString ServiceName;
    static const QString ObjectPath;

    enum class Claim {
        First, ///< this process is the session's Rewind
        Taken, ///< another one is; showOther() brings up its window
        NoBus, ///< no session bus: nothing to compare with, this one runs
    };

    explicit SingleInstance(
        const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    Claim claim();
    /// Asks the running instance to show its window; the call's answer says whether it did.
    QDBusPendingCall showOther() const;

public Q_SLOTS:
    /// Called over D-Bus by a later start.
    Q_SCRIPTABLE void Show();

Q_SIGNALS:
    void showRequested();

private:
    QDBusConnection m_bus;
};

} // namespace Rewind
