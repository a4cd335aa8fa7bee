#include "sleepinhibitor.h"

#include "guilogging.h"

#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

namespace Rewind {

namespace {
// The Inhibit portal's flags: what the session is kept from doing on its own.
constexpr uint kPortalLogout = 1;
constexpr uint kPortalSuspend = 4;

QDBusMessage logindInhibit(const QString &why)
{
    QDBusMessage inhibit = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.login1"),
        QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("Inhibit"));
    inhibit << QStringLiteral("sleep:shutdown") << QGuiApplication::applicationDisplayName() << why
            << QStringLiteral("block");
    return inhibit;
}

QDBusMessage portalInhibit(const QString &why, quint64 request)
{
    QDBusMessage inhibit = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"),
        QStringLiteral("/org/freedesktop/portal/desktop"), QStringLiteral("org.freedesktop.portal.Inhibit"),
        QStringLiteral("Inhibit"));
    // No parent window: the inhibition belongs to the jobs, not to a window that may be
    // hidden in the tray.
    inhibit << QString() << (kPortalLogout | kPortalSuspend)
            << QVariantMap {{QStringLiteral("reason"), why},
                   {QStringLiteral("handle_token"), QStringLiteral("rewind%1").arg(request)}};
    return inhibit;
}
} // namespace

SleepInhibitor::SleepInhibitor(
    const QDBusConnection &systemBus, const QDBusConnection &sessionBus, QObject *parent)
    : QObject(parent), m_system(systemBus), m_session(sessionBus)
{ }

SleepInhibitor::~SleepInhibitor()
{
    // logind's lock closes with its descriptor; the portal's is a call away.
    closePortalRequest(m_portalRequest);
}

void SleepInhibitor::setReason(const QString &why)
{
    if (why == m_wanted) {
        return;
    }
    m_wanted = why;
    const quint64 request = ++m_request;
    if (why.isEmpty()) {
        setLock({});
        setPortalRequest({});
        return;
    }
    ask(m_system, logindInhibit(why), request, &SleepInhibitor::onLogindReply);
    ask(m_session, portalInhibit(why, request), request, &SleepInhibitor::onPortalReply);
}

void SleepInhibitor::ask(QDBusConnection &bus, const QDBusMessage &inhibit, quint64 request,
    void (SleepInhibitor::*onReply)(QDBusPendingCallWatcher *, quint64))
{
    if (!bus.isConnected()) {
        return;
    }
    auto *call = new QDBusPendingCallWatcher(bus.asyncCall(inhibit), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
        [this, request, onReply](QDBusPendingCallWatcher *c) { (this->*onReply)(c, request); });
}

void SleepInhibitor::onLogindReply(QDBusPendingCallWatcher *call, quint64 request)
{
    call->deleteLater();
    // An answer to an earlier reason: its lock, if any, closes with the reply.
    if (request != m_request) {
        return;
    }
    const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *call;
    if (reply.isError()) {
        // Kept: the lock of the previous reason, if one is held, still says why.
        logRefusal(m_logindRefusalLogged, QStringLiteral("logind"), reply.error().message());
        return;
    }
    qCInfo(lcGui) << "logind holds back sleep and shutdown:" << m_wanted;
    setLock(reply.value());
}

void SleepInhibitor::onPortalReply(QDBusPendingCallWatcher *call, quint64 request)
{
    call->deleteLater();
    const QDBusPendingReply<QDBusObjectPath> reply = *call;
    if (reply.isError()) {
        if (request == m_request) {
            logRefusal(m_portalRefusalLogged, QStringLiteral("the desktop"), reply.error().message());
        }
        return;
    }
    if (request != m_request) {
        closePortalRequest(reply.value().path());
        return;
    }
    qCInfo(lcGui) << "The desktop holds back suspend and log-out:" << m_wanted;
    setPortalRequest(reply.value().path());
}

void SleepInhibitor::setLock(const QDBusUnixFileDescriptor &lock)
{
    const bool wasHeld = holdsLogindLock();
    m_lock = lock; // the previous lock's descriptor closes here (its last copy)
    if (!holdsLogindLock() && wasHeld) {
        qCInfo(lcGui) << "logind lets the computer sleep and shut down again";
    }
    if (holdsLogindLock() != wasHeld) {
        Q_EMIT logindLockChanged(holdsLogindLock());
    }
}

void SleepInhibitor::setPortalRequest(const QString &path)
{
    const bool wasInhibited = holdsPortalInhibition();
    closePortalRequest(m_portalRequest);
    m_portalRequest = path;
    if (!holdsPortalInhibition() && wasInhibited) {
        qCInfo(lcGui) << "The desktop may suspend and log out again";
    }
    if (holdsPortalInhibition() != wasInhibited) {
        Q_EMIT portalInhibitionChanged(holdsPortalInhibition());
    }
}

void SleepInhibitor::closePortalRequest(const QString &path)
{
    if (path.isEmpty() || !m_session.isConnected()) {
        return;
    }
    m_session.send(QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"), path,
        QStringLiteral("org.freedesktop.portal.Request"), QStringLiteral("Close")));
}

void SleepInhibitor::logRefusal(bool &logged, const QString &what, const QString &message)
{
    // Once: without the service, every job would say it again.
    if (!logged) {
        logged = true;
        qCInfo(lcGui).noquote() << "Sleep and shutdown are not held back by" << what
                                << "while jobs run:" << message;
    }
}

} // namespace Rewind
