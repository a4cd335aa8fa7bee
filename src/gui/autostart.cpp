#include "autostart.h"

#include "appid.h"
#include "guilogging.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
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
                         "Icon=%3\n"
                         "Terminal=false\n"
                         "X-GNOME-Autostart-enabled=true\n"
                         // The tray must exist before Rewind looks for it.
                         "X-KDE-autostart-after=panel\n"
                         "%2\n")
              .arg(Autostart::execLine(program), OwnMarker, AppId);
    return text.toUtf8();
}

const QLatin1String PortalService("org.freedesktop.portal.Desktop");
const QLatin1String RequestInterface("org.freedesktop.portal.Request");

} // namespace

Autostart::Autostart(QObject *parent) : QObject(parent)
{ }

Autostart *Autostart::instance()
{
    static auto *self = new Autostart(QCoreApplication::instance());
    return self;
}

// The Background portal: autostart of the sandboxed application, with its command line
// inside the sandbox. It answers later, on a Request object whose path follows from our
// bus name and the handle_token; the answer is listened for before asking, so that it
// cannot come first.
void Autostart::requestBackground(bool enabled)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    // Only the last request counts: a late refusal of an earlier one says nothing now.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        stopListening(it.key());
    }
    m_pending.clear();
    const QString token = QStringLiteral("rewind%1").arg(QRandomGenerator::global()->generate());
    const QString sender = bus.baseService().mid(1).replace(QLatin1Char('.'), QLatin1Char('_'));
    const QString path = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2").arg(sender, token);
    m_pending.insert(path, enabled);
    bus.connect(PortalService, path, RequestInterface, QStringLiteral("Response"), this,
        SLOT(onPortalResponse(QDBusMessage)));

    QDBusMessage call
        = QDBusMessage::createMethodCall(PortalService, QStringLiteral("/org/freedesktop/portal/desktop"),
            QStringLiteral("org.freedesktop.portal.Background"), QStringLiteral("RequestBackground"));
    const QVariantMap options {
        {QStringLiteral("handle_token"), token},
        {QStringLiteral("reason"), tr("Scheduled backups of virtual machines run while Rewind runs.")},
        {QStringLiteral("autostart"), enabled},
        {QStringLiteral("commandline"), QStringList {QStringLiteral("rewind"), QStringLiteral("--hidden")}},
        {QStringLiteral("dbus-activatable"), false},
    };
    call << QString() << options;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this, path, enabled](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<QDBusObjectPath> reply = *w;
            if (!reply.isError()) {
                return; // the answer follows on the request object
            }
            qCWarning(lcGui) << "Background portal:" << reply.error().message();
            if (!m_pending.remove(path)) {
                return; // a later request replaced it
            }
            stopListening(path);
            if (enabled) {
                refuse(
                    tr("Rewind could not ask the desktop to start it at login (%1). Add it to the desktop's "
                       "autostart settings instead.")
                        .arg(reply.error().message()));
            }
        });
}

void Autostart::onPortalResponse(const QDBusMessage &response)
{
    const QString path = response.path();
    const auto pending = m_pending.constFind(path);
    if (pending == m_pending.cend()) {
        return;
    }
    const bool asked = *pending;
    m_pending.erase(pending);
    stopListening(path);
    const QList<QVariant> args = response.arguments();
    // 0: granted; 1: the user said no; 2: the request ended otherwise.
    const uint code = args.value(0).toUInt();
    const QVariantMap results = qdbus_cast<QVariantMap>(args.value(1));
    qCInfo(lcGui) << "Background portal answered" << code << results;
    if (asked && (code != 0 || !results.value(QStringLiteral("autostart")).toBool())) {
        refuse(tr("The desktop did not allow Rewind to start at login. Allow Rewind to run in the background "
                  "in the desktop's settings, then turn Start at Login on again."));
    }
}

void Autostart::stopListening(const QString &requestPath)
{
    QDBusConnection::sessionBus().disconnect(PortalService, requestPath, RequestInterface,
        QStringLiteral("Response"), this, SLOT(onPortalResponse(QDBusMessage)));
}

void Autostart::refuse(const QString &message)
{
    QSettings().setValue(SettingsKey, false);
    Q_EMIT portalRefused(message);
}

QString Autostart::entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/%1.desktop").arg(AppId);
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

// Earlier builds named their entry autostart/rewind.desktop: one of ours is moved to the
// application id's name, so that it is found (and can be turned off) here.
void Autostart::adoptLegacyEntry()
{
    const QString legacy = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/rewind.desktop");
    QFile old(legacy);
    if (!old.open(QIODevice::ReadOnly)) {
        return;
    }
    QByteArray text = old.readAll();
    old.close();
    if (!text.contains(OwnMarker.data())) {
        return; // the user's own: not ours to move
    }
    if (!QFileInfo::exists(entryPath())) {
        const QByteArray icon = QByteArray("\nIcon=") + QByteArray(AppId.data(), AppId.size()) + '\n';
        text.replace(QByteArrayLiteral("\nIcon=rewind\n"), icon);
        QSaveFile f(entryPath());
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0 || !f.commit()) {
            qCWarning(lcGui) << "Could not move the autostart entry" << legacy << "to" << entryPath();
            return;
        }
    }
    old.remove();
    qCInfo(lcGui) << "Autostart entry" << legacy << "now" << entryPath();
}

bool Autostart::isEnabled()
{
    if (isSandboxed()) {
        return QSettings().value(SettingsKey, false).toBool();
    }
    adoptLegacyEntry();
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
        QSettings().setValue(SettingsKey, enabled);
        instance()->requestBackground(enabled);
        return {};
    }
    adoptLegacyEntry();
    const QString path = entryPath();
    if (!enabled) {
        QFile f(path);
        if (!f.exists()) {
            return {};
        }
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains(OwnMarker.data())) {
            return Error(ErrorCode::Conflict,
                tr("%1 was not written by Rewind; it was left alone. Remove it, or turn Rewind off in "
                   "your desktop's autostart settings.")
                    .arg(path));
        }
        f.close();
        if (!f.remove()) {
            return Error(ErrorCode::Permission, tr("Could not remove %1.").arg(path), f.errorString());
        }
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error(
            ErrorCode::Permission, tr("Could not create the folder %1.").arg(QFileInfo(path).absolutePath()));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(entryText(program)) < 0 || !f.commit()) {
        return Error(ErrorCode::Io, tr("Could not write %1.").arg(path), f.errorString());
    }
    qCInfo(lcGui) << "Autostart entry written:" << path;
    return {};
}

} // namespace Rewind
