#pragma once

#include "libvirt/connection.h"
#include "libvirt/inventory.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace Rewind {

/// The libvirt connections the application shows, each with its Inventory, remembered
/// in the settings (unless the session was started with --connect). Connections reopen
/// themselves after a loss (Connection's own reconnect); one that never worked stays
/// closed until the user asks again (reconnect()).
class ConnectionList : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionList(QObject *parent = nullptr);
    ~ConnectionList() override;

    /// Whether add() and remove() write the list to the settings.
    void setPersistent(bool persistent) { m_persistent = persistent; }
    bool isPersistent() const { return m_persistent; }

    /// Adds and opens a connection; false when the URI is empty or already listed.
    bool add(const QString &uri);
    void remove(const QString &uri);
    /// Opens a connection again (after a failure or after close()).
    void reconnect(const QString &uri);

    QStringList uris() const;
    int count() const { return int(m_entries.size()); }
    Connection *connection(const QString &uri) const;
    Inventory *inventory(const QString &uri) const;
    QList<Connection *> connections() const;

Q_SIGNALS:
    void added(Rewind::Connection *connection, Rewind::Inventory *inventory);
    /// Emitted before both objects are deleted.
    void aboutToRemove(Rewind::Connection *connection, Rewind::Inventory *inventory);
    /// A connection's state, or the list, changed.
    void changed();

private:
    struct Entry
    {
        Connection *connection;
        Inventory *inventory;
    };
    void save() const;

    QList<Entry> m_entries;
    bool m_persistent = true;
};

} // namespace Rewind
