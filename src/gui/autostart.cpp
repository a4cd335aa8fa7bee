#include "autostart.h"

#include "guilogging.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <optional>

namespace Rewind {

namespace {

std::optional<bool> g_forcedSandbox;

const QLatin1String SettingsKey("autostart/requested");

// Marks the entries this class writes, so that one the user wrote by hand is not removed
// as if it were ours.
const QLatin1String OwnMarker("X-Rewind-Autostart=true");

QByteArray entryText(const QString &program)
{
    const QString text
        = QStringLiteral("[Desktop Entry]\n"
                         "Type=Application\n"
                         "Name=Rewind\n"
                         "Comment=Scheduled backups of virtual machines, from the system tray\n"
                         "Exec=%1\n"
                         "Icon=rewind\n"
                         "Terminal=false\n"
                         "X-GNOME-Autostart-enabled=true\n"
                         // The tray must exist before Rewind looks for it.
                         "X-KDE-autostart-after=panel\n"
                         "%2\n")
              .arg(Autostart::execLine(program), OwnMarker);
    return text.toUtf8();
}

// The Background portal: autostart of the sandboxed application, with its command line
// inside the sandbox.
void requestBackground(bool enabled)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"),
        QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Background"), QStringLiteral("RequestBackground"));
    const QVariantMap options {
        {QStringLiteral("reason"),
            Autostart::tr("Scheduled backups of virtual machines run while Rewind runs.")},
        {QStringLiteral("autostart"), enabled},
        {QStringLiteral("commandline"), QStringList {QStringLiteral("rewind"), QStringLiteral("--hidden")}},
        {QStringLiteral("dbus-activatable"), false},
    };
    call << QString() << options;
    // The portal answers later, through a Request object; what the user decided there
    // is theirs to change in the desktop's settings.
    QDBusPendingCall pending = QDBusConnection::sessionBus().asyncCall(call);
    auto *watcher = new QDBusPendingCallWatcher(pending);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher, [](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QDBusObjectPath> reply = *w;
        if (reply.isError()) {
            qCWarning(lcGui) << "Background portal:" << reply.error().message();
        }
        w->deleteLater();
    });
}

} // namespace

QString Autostart::entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/rewind.desktop");
}

bool Autostart::isSandboxed()
{
    return g_forcedSandbox ? *g_forcedSandbox : QFileInfo::exists(QStringLiteral("/.flatpak-info"));
}

void Autostart::forceSandboxed(bool sandboxed)
{
    g_forcedSandbox = sandboxed;
}

QString Autostart::execLine(const QString &program)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    // A percent sign would start a field code (%f, %u, ...), quoted or not.
    const QString path = QString(program).replace(QLatin1Char('%'), QStringLiteral("%%"));
    bool quote = false;
    for (const QChar c : path) {
        quote = quote || reserved.contains(c);
    }
    if (!quote) {
        return path + QStringLiteral(" --hidden");
    }
    QString escaped;
    for (const QChar c : path) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
            || c == QLatin1Char('\\')) {
            escaped += QLatin1Char('\\');
        }
        escaped += c;
    }
    // A backslash in a string value of a desktop entry is itself escaped once more.
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QLatin1Char('"') + escaped + QStringLiteral("\" --hidden");
}

bool Autostart::isEnabled()
{
    if (isSandboxed()) {
        return QSettings().value(SettingsKey, false).toBool();
    }
    QFile f(entryPath());
    if (!f.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = f.readAll();
    return !text.contains("\nHidden=true") && !text.contains("\nX-GNOME-Autostart-enabled=false");
}

Status Autostart::setEnabled(bool enabled, const QString &program)
{
    if (isSandboxed()) {
        requestBackground(enabled);
        QSettings().setValue(SettingsKey, enabled);
        return {};
    }
    const QString path = entryPath();
    if (!enabled) {
        QFile f(path);
        if (!f.exists()) {
            return {};
        }
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains(OwnMarker.data())) {
            return Error(ErrorCode::Conflict,
                Autostart::tr(
                    "%1 was not written by Rewind; it was left alone. Remove it, or turn Rewind off in "
                    "your desktop's autostart settings.")
                    .arg(path));
        }
        f.close();
        if (!f.remove()) {
            return Error(
                ErrorCode::Permission, Autostart::tr("Could not remove %1.").arg(path), f.errorString());
        }
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error(ErrorCode::Permission,
            Autostart::tr("Could not create the folder %1.").arg(QFileInfo(path).absolutePath()));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(entryText(program)) < 0 || !f.commit()) {
        return Error(ErrorCode::Io, Autostart::tr("Could not write %1.").arg(path), f.errorString());
    }
    qCInfo(lcGui) << "Autostart entry written:" << path;
    return {};
}

} // namespace Rewind
