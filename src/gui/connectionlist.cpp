#include "connectionlist.h"

#include "guilogging.h"
#include "guisettings.h"
#include "libvirt/connection.h"
#include "libvirt/inventory.h"

namespace Rewind {

ConnectionList::ConnectionList(QObject *parent) : QObject(parent)
{ }

ConnectionList::~ConnectionList()
{
    // Inventories first: they refer to their connections.
    for (const Entry &e : std::as_const(m_entries)) {
        delete e.inventory;
        delete e.connection;
    }
}

bool ConnectionList::add(const QString &input)
{
    const QString uri = input.trimmed();
    if (uri.isEmpty() || connection(uri)) {
        return false;
    }
    auto *conn = new Connection(uri, this);
    auto *inventory = new Inventory(conn, this);
    connect(conn, &Connection::stateChanged, this, &ConnectionList::changed);
    connect(conn, &Connection::errorOccurred, this, &ConnectionList::changed);
    connect(inventory, &Inventory::loaded, this, &ConnectionList::changed);
    m_entries.append({conn, inventory});
    qCInfo(lcGui) << "Connection added:" << uri;
    Q_EMIT added(conn, inventory);
    conn->open();
    save();
    Q_EMIT changed();
    return true;
}

void ConnectionList::remove(const QString &uri)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry e = m_entries.at(i);
        if (e.connection->uri() != uri) {
            continue;
        }
        Q_EMIT aboutToRemove(e.connection, e.inventory);
        m_entries.removeAt(i);
        e.connection->close();
        delete e.inventory;
        e.connection->deleteLater();
        qCInfo(lcGui) << "Connection removed:" << uri;
        save();
        Q_EMIT changed();
        return;
    }
}

void ConnectionList::reconnect(const QString &uri)
{
    if (Connection *conn = connection(uri)) {
        conn->open();
    }
}

QStringList ConnectionList::uris() const
{
    QStringList out;
    for (const Entry &e : m_entries) {
        out.append(e.connection->uri());
    }
    return out;
}

Connection *ConnectionList::connection(const QString &uri) const
{
    for (const Entry &e : m_entries) {
        if (e.connection->uri() == uri) {
            return e.connection;
        }
    }
    return nullptr;
}

Inventory *ConnectionList::inventory(const QString &uri) const
{
    for (const Entry &e : m_entries) {
        if (e.connection->uri() == uri) {
            return e.inventory;
        }
    }
    return nullptr;
}

QList<Connection *> ConnectionList::connections() const
{
    QList<Connection *> out;
    for (const Entry &e : m_entries) {
        out.append(e.connection);
    }
    return out;
}

void ConnectionList::save() const
{
    if (m_persistent) {
        GuiSettings::setConnectionUris(uris());
    }
}

} // namespace Rewind
