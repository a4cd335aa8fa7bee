#pragma once

#include "backupsummary.h"
#include "libvirt/connection.h"
#include "libvirt/domaininfo.h"
#include "repository/repository.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Rewind {

class Inventory;

/// The VMs of every connection as a tree: connections at the top, their domains below,
/// with each VM's backup summary (last backup, next scheduled run, problems).
///
/// Rows follow the Inventory's fine-grained signals one by one (beginInsertRows,
/// dataChanged with the exact roles, beginRemoveRows), so selections and expansion
/// survive refreshes, and a lost connection keeps its VMs (greyed) until it is back.
/// Backup summaries come from the repository in a worker: requests for newly seen VMs are
/// batched, so the first listing of 500 VMs costs one worker task, not 500.
class VmModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, LastBackupColumn, NextRunColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        NodeTypeRole = Qt::UserRole + 1, ///< NodeType
        UuidRole, ///< VMs: the domain's UUID
        UriRole, ///< both: the connection's URI
        DomainStateRole, ///< VMs: int(DomainState)
        LastBackupRole, ///< VMs: QDateTime of the newest complete point, invalid if none
        NextRunRole, ///< VMs: QDateTime of the next scheduled run, invalid if no schedule
        OverdueRole, ///< VMs: bool
        PointCountRole, ///< VMs: number of complete points
        ConnectionStateRole, ///< connections: int(Connection::State)
        BusyRole, ///< VMs: bool, a job runs on it
        SortRole, ///< a value that sorts each column sensibly
    };
    Q_ENUM(Role)

    enum class NodeType { Connection, Vm };
    Q_ENUM(NodeType)

    explicit VmModel(QObject *parent = nullptr);
    ~VmModel() override;

    /// Shows inventory's connection and domains (not owned). Removed again by
    /// removeInventory() or when the inventory is destroyed.
    void addInventory(Inventory *inventory);
    void removeInventory(Inventory *inventory);

    int connectionCount() const { return int(m_nodes.size()); }
    /// Number of VMs over all connections.
    int vmCount() const;
    struct VmRef
    {
        QString uri;
        DomainInfo info;
        bool stale = false; ///< the connection is lost; the info is the last known
    };
    /// Every VM of every connection, in tree order.
    QList<VmRef> vms() const;
    /// The names of the VMs of one connection.
    QStringList vmNames(const QString &uri) const;
    QModelIndex connectionIndex(const QString &uri) const;
    QModelIndex vmIndex(const QString &uri, const QString &uuid) const;
    bool isVm(const QModelIndex &index) const;
    /// The domain of a VM row.
    std::optional<DomainInfo> domainAt(const QModelIndex &index) const;
    /// The connection of any row.
    Connection *connectionAt(const QModelIndex &index) const;

    /// Where summaries come from; reloads all of them. An invalid repository clears them.
    void setRepository(const Repository &repository);
    Repository repository() const { return m_repository; }
    /// Re-reads one VM's summary (after a job on it finished).
    void refreshSummary(const QString &uuid);
    void setSummary(const QString &uuid, const BackupSummary &summary);
    BackupSummary summary(const QString &uuid) const { return m_summaries.value(uuid); }
    const QHash<QString, BackupSummary> &summaries() const { return m_summaries; }
    /// Shown in the status column while a job runs on the VM; empty when none does.
    void setBusyText(const QString &uuid, const QString &text);

    /// The clock used for ages and the schedule; tests pin it.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const { return m_clock(); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    /// Summaries (last backups, schedules) changed: the scheduler re-plans.
    void summariesChanged();
    /// VMs were added or removed on some connection.
    void vmCountChanged();

private:
    struct Node;
    Node *nodeOf(const Inventory *inventory) const;
    int rowOf(const Node *node) const;
    void onAdded(Node *node, int index, const DomainInfo &info);
    void onChanged(Node *node, int index, const DomainInfo &info);
    void onRemoved(Node *node, int index);
    /// The connection's state cell counts its VMs and its Backups cell adds up their
    /// points: tells the views both changed.
    void vmsOfNodeChanged(Node *node);
    /// Every connection's Backups cell adds up its VMs' points: tells the views they changed.
    void emitConnectionTotals();
    void onConnectionChanged(Node *node);
    void onStaleChanged(Node *node);
    void requestSummary(const QString &uuid);
    void loadPendingSummaries();
    void applySummaries(const QHash<QString, BackupSummary> &summaries);
    void emitVmRows(const QSet<QString> &uuids, int firstColumn, int lastColumn, const QList<int> &roles);
    void refreshTimes();

    std::vector<std::unique_ptr<Node>> m_nodes;
    Repository m_repository;
    QHash<QString, BackupSummary> m_summaries;
    QHash<QString, QString> m_busy;
    QSet<QString> m_pendingSummaries;
    QTimer m_summaryBatch;
    QTimer m_clockTimer;
    quint64 m_generation = 0;
    std::function<QDateTime()> m_clock;
};

} // namespace Rewind
