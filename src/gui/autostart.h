#pragma once

#include "result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QDBusMessage;

namespace Rewind {

/// "Start at Login": scheduled backups run only while Rewind runs, so the application
/// offers to start with the desktop session, hidden in the tray (`--hidden`).
///
/// Natively this is the freedesktop autostart entry
/// $XDG_CONFIG_HOME/autostart/io.github.rewind.Rewind.desktop
/// (named like the application's own entry, as desktops expect). Inside Flatpak that folder
/// is the sandbox's and no session reads it; there the Background portal
/// (org.freedesktop.portal.Background.RequestBackground) is asked instead, and the request
/// is remembered in the settings, as the portal cannot be asked what it was told later. Its
/// answer comes after setEnabled() returns: when the user (or the desktop's policy) refuses,
/// or there is no portal to ask, the setting goes back to off and portalRefused() says so.
class Autostart : public QObject
{
    Q_OBJECT

public:
    /// Emits the portal's late answers.
    static Autostart *instance();

    /// Where the native entry is written.
    static QString entryPath();
    /// Whether Rewind starts at login: an entry of ours that is not hidden (natively), or
    /// what was last asked of the portal (sandboxed).
    static bool isEnabled();
    /// Writes or removes the entry (or asks the portal). program: the executable the
    /// session starts; natively an absolute path, quoted as the entry format wants.
    static Status setEnabled(bool enabled, const QString &program);

    /// Whether this process runs in a Flatpak sandbox (/.flatpak-info exists); tests
    /// force it either way.
    static bool isSandboxed();
    static void forceSandboxed(bool sandboxed);

    /// The Exec= value for program started hidden, escaped per the Desktop Entry
    /// specification (quoted when needed; ", `, $ and \ escaped inside quotes; % doubled).
    static QString execLine(const QString &program);

Q_SIGNALS:
    /// A request to start at login was refused, or could not be made; message says what
    /// to do. The setting is off again.
    void portalRefused(const QString &message);

private Q_SLOTS:
    // org.freedesktop.portal.Request.Response(u response, a{sv} results)
    void onPortalResponse(const QDBusMessage &response);

private:
    explicit Autostart(QObject *parent = nullptr);
    static void adoptLegacyEntry();
    void requestBackground(bool enabled);
    void stopListening(const QString &requestPath);
    void refuse(const QString &message);

    // Request object paths of the requests not answered yet, and what each asked.
    QHash<QString, bool> m_pending;
};

} // namespace Rewind
