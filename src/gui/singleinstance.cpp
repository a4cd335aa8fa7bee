#include "singleinstance.h"

#include "appid.h"
#include "guilogging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>

namespace Rewind {

const QString SingleInstance::ServiceName = AppId;
const QString SingleInstance::ObjectPath = QStringLiteral("/io/github/rewind/Rewind");

SingleInstance::SingleInstance(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{ }

SingleInstance::Claim SingleInstance::claim()
{
    if (!m_bus.isConnected()) {
        qCInfo(lcGui) << "No session bus; not checking for another Rewind";
        return Claim::NoBus;
    }
    // The object first: a later start may call it as soon as the name is ours.
    if (!m_bus.registerObject(ObjectPath, this, QDBusConnection::ExportScriptableSlots)) {
        qCWarning(lcGui) << "Could not register" << ObjectPath << m_bus.lastError().message();
    }
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply
        = m_bus.interface()->registerService(ServiceName, QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement);
    if (reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered) {
        return Claim::First;
    }
    m_bus.unregisterObject(ObjectPath);
    if (!reply.isValid()) {
        // The bus refused to answer: better a second instance than none.
        qCWarning(lcGui) << "Could not claim" << ServiceName << reply.error().message();
        return Claim::NoBus;
    }
    return Claim::Taken;
}

QDBusPendingCall SingleInstance::showOther() const
{
    const QDBusMessage call
        = QDBusMessage::createMethodCall(ServiceName, ObjectPath, ServiceName, QStringLiteral("Show"));
    return m_bus.asyncCall(call, 10000);
}

void SingleInstance::Show()
{
    qCInfo(lcGui) << "Another start of Rewind asked for the window";
    Q_EMIT showRequested();
}

} // namespace Rewind
