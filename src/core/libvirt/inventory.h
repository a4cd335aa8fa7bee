#pragma once

#include "libvirt/domaininfo.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Rewind {

class Connection;

/// The domains of one connection, kept current from libvirt events.
///
/// A full listing runs when the connection (re)opens; afterwards each lifecycle or block
/// job event refreshes only the domain it names (disks change when a block commit pivots).
/// Refreshes are coalesced per domain and run in a worker. When the connection is lost
/// the last known list stays (marked stale()), so views keep showing the VMs; after the
/// reconnect the new listing is diffed against it and only real changes are signalled.
class Inventory : public QObject
{
    Q_OBJECT
public:
    explicit Inventory(Connection *connection, QObject *parent = nullptr);

    Connection *connection() const { return m_connection; }
    /// Domains in a stable order (by name).
    QList<DomainInfo> domains() const { return m_domains; }
    int count() const { return m_domains.size(); }
    int indexOf(const QString &uuid) const;
    std::optional<DomainInfo> domain(const QString &uuid) const;
    bool isLoaded() const { return m_loaded; }
    /// True while the connection is lost: the list is the last one known.
    bool isStale() const { return m_stale; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void loaded();
    void staleChanged(bool stale);
    void domainAdded(int index, const Rewind::DomainInfo &info);
    void domainChanged(int index, const Rewind::DomainInfo &info);
    void domainRemoved(int index, const QString &uuid);
    void refreshFailed(const QString &message);

private:
    void onConnectionState();
    void onDomainEvent(const QString &uuid);
    void refreshPending();
    void applyFullList(const QList<DomainInfo> &list);
    void applyOne(const QString &uuid, const std::optional<DomainInfo> &info);
    int insertPosition(const DomainInfo &info) const;

    QPointer<Connection> m_connection;
    QList<DomainInfo> m_domains;
    QSet<QString> m_pending;
    QTimer m_coalesce;
    bool m_loaded = false;
    bool m_stale = false;
    quint64 m_generation = 0; // drops results of refreshes overtaken by a full listing
};

} // namespace Rewind
