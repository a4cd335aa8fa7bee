#include "sleepinhibitor.h"

#include "guilogging.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

namespace Rewind {

SleepInhibitor::SleepInhibitor(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{ }

void SleepInhibitor::setReason(const QString &why)
{
    if (why == m_wanted) {
        return;
    }
    m_wanted = why;
    const quint64 request = ++m_request;
    if (why.isEmpty()) {
        setLock({});
        return;
    }
    if (!m_bus.isConnected()) {
        return;
    }
    QDBusMessage inhibit = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.login1"),
        QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("Inhibit"));
    inhibit << QStringLiteral("sleep:shutdown") << QGuiApplication::applicationDisplayName() << why
            << QStringLiteral("block");
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(inhibit), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
        [this, request](QDBusPendingCallWatcher *c) { onReply(c, request); });
}

void SleepInhibitor::onReply(QDBusPendingCallWatcher *call, quint64 request)
{
    call->deleteLater();
    // An answer to an earlier reason: its lock, if any, closes with the reply.
    if (request != m_request) {
        return;
    }
    const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *call;
    if (reply.isError()) {
        // Kept: the lock of the previous reason, if one is held, still says why.
        if (!m_refusalLogged) {
            m_refusalLogged = true;
            qCInfo(lcGui) << "The computer may sleep or shut down while jobs run:" << reply.error().message();
        }
        return;
    }
    qCInfo(lcGui) << "Sleep and shutdown held back:" << m_wanted;
    setLock(reply.value());
}

void SleepInhibitor::setLock(const QDBusUnixFileDescriptor &lock)
{
    const bool wasHeld = isHeld();
    m_lock = lock; // the previous lock's descriptor closes here (its last copy)
    if (!isHeld() && wasHeld) {
        qCInfo(lcGui) << "Sleep and shutdown allowed again";
    }
    if (isHeld() != wasHeld) {
        Q_EMIT heldChanged(isHeld());
    }
}

} // namespace Rewind
