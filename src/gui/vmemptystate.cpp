#include "vmemptystate.h"

#include "connectionlist.h"
#include "emptystatewidget.h"
#include "icons.h"
#include "libvirt/connection.h"
#include "libvirt/inventory.h"
#include "vmmodel.h"

#include <QSortFilterProxyModel>

namespace Rewind {

VmEmptyState::VmEmptyState(EmptyStateWidget *widget, ConnectionList *connections, VmModel *vms,
    QSortFilterProxyModel *proxy, QObject *parent)
    : QObject(parent), m_widget(widget), m_connections(connections), m_vms(vms), m_proxy(proxy)
{ }

bool VmEmptyState::update(const QString &search)
{
    Kind kind = Kind::None;
    QString failedUri;
    Error failure;
    bool connecting = false;
    const auto connections = m_connections->connections();
    for (Connection *c : connections) {
        const Inventory *inventory = m_connections->inventory(c->uri());
        connecting |= c->state() == Connection::State::Connecting
            || (c->state() == Connection::State::Connected && inventory && !inventory->isLoaded());
        if (c->state() == Connection::State::Disconnected && c->lastError().isError()
            && failedUri.isEmpty()) {
            failedUri = c->uri();
            failure = c->lastError();
        }
    }
    if (connections.isEmpty()) {
        kind = Kind::NoConnection;
    } else if (m_vms->vmCount() == 0) {
        kind = connecting ? Kind::Connecting : (!failedUri.isEmpty() ? Kind::Failed : Kind::NoVms);
    } else if (m_proxy->rowCount() == 0 || !search.isEmpty()) {
        bool any = false;
        for (int r = 0; r < m_proxy->rowCount() && !any; ++r) {
            any = m_proxy->rowCount(m_proxy->index(r, 0)) > 0;
        }
        kind = any ? Kind::None : Kind::NoMatch;
    }
    if (kind == Kind::None) {
        return false;
    }
    EmptyStateWidget *empty = m_widget;
    empty->clearButtons();
    const QString uris = m_connections->uris().join(QStringLiteral(", "));
    auto connectTo = [this](const QString &uri) {
        return [this, uri] {
            m_connections->add(uri);
        };
    };
    switch (kind) {
    case Kind::None:
        break;
    case Kind::NoConnection:
        empty->setContent(Icons::connection(), tr("Not connected to libvirt"),
            tr("Rewind backs up the virtual machines of a libvirt connection. VMs made in virt-manager "
               "usually live on qemu:///system; GNOME Boxes keeps your own on qemu:///session."));
        empty->addButton(tr("Connect to qemu:///system"), this, connectTo(QStringLiteral("qemu:///system")));
        empty->addButton(
            tr("Connect to qemu:///session"), this, connectTo(QStringLiteral("qemu:///session")));
        empty->addButton(tr("Other…"), this, &VmEmptyState::addConnectionRequested);
        break;
    case Kind::Connecting:
        empty->setContent(
            Icons::connection(), tr("Connecting…"), tr("Listing the virtual machines on %1.").arg(uris));
        break;
    case Kind::Failed:
        empty->setContent(
            Icons::connectionLost(), tr("Could not connect to %1").arg(failedUri), failure.message());
        empty->addButton(tr("Retry"), this, [this, failedUri] { m_connections->reconnect(failedUri); });
        empty->addButton(tr("Connect Elsewhere…"), this, &VmEmptyState::addConnectionRequested);
        break;
    case Kind::NoVms:
        empty->setContent(Icons::vmState(DomainState::ShutOff), tr("No virtual machines on %1").arg(uris),
            tr("This libvirt connection has no VMs defined. VMs created as root (virt-manager's default) are "
               "on qemu:///system, a user's own VMs (GNOME Boxes) on qemu:///session."));
        empty->addButton(tr("Connect Elsewhere…"), this, &VmEmptyState::addConnectionRequested);
        break;
    case Kind::NoMatch:
        empty->setContent(QIcon(), tr("No virtual machine matches \"%1\"").arg(search),
            tr("The search looks at VM names."));
        empty->addButton(tr("Clear Search"), this, &VmEmptyState::clearSearchRequested);
        break;
    }
    return true;
}

} // namespace Rewind
