#include "sleepwatcher.h"

#include "guilogging.h"

namespace Rewind {

SleepWatcher::SleepWatcher(const QDBusConnection &bus, QObject *parent) : QObject(parent)
{
    QDBusConnection connection = bus;
    m_watching = connection.isConnected()
        && connection.connect(QStringLiteral("org.freedesktop.login1"),
            QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
            QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)));
    if (!m_watching) {
        qCInfo(lcGui) << "Not told of sleep and wake-up (no system bus)";
    }
}

void SleepWatcher::onPrepareForSleep(bool sleeping)
{
    qCInfo(lcGui) << (sleeping ? "The computer goes to sleep" : "The computer woke up");
    if (sleeping) {
        Q_EMIT aboutToSleep();
    } else {
        Q_EMIT resumed();
    }
}

} // namespace Rewind
