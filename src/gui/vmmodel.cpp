#include "vmmodel.h"

#include "async.h"
#include "libvirt/inventory.h"
#include "vmcells.h"

#include <QThreadPool>

namespace Rewind {

struct VmModel::Node
{
    QPointer<Inventory> inventory;
    QPointer<Connection> connection;
    QString uri;
    QList<DomainInfo> vms; ///< mirrors the inventory, changed only through its signals
    QList<QMetaObject::Connection> links;
};

namespace {
// internalId of connection rows; VM rows carry their Node pointer.
constexpr quintptr ConnectionRowId = 0;
const QList<int> SummaryRoles {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::DecorationRole,
    VmModel::LastBackupRole, VmModel::NextRunRole, VmModel::OverdueRole, VmModel::PointCountRole,
    VmModel::BusyRole, VmModel::SortRole};
} // namespace

VmModel::VmModel(QObject *parent)
    : QAbstractItemModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_summaryBatch.setSingleShot(true);
    m_summaryBatch.setInterval(50);
    connect(&m_summaryBatch, &QTimer::timeout, this, &VmModel::loadPendingSummaries);
    // Ages ("5 minutes ago") and next runs move with the clock.
    m_clockTimer.setInterval(60 * 1000);
    connect(&m_clockTimer, &QTimer::timeout, this, &VmModel::refreshTimes);
    m_clockTimer.start();
}

VmModel::~VmModel()
{
    for (const auto &node : m_nodes) {
        for (const auto &link : std::as_const(node->links)) {
            disconnect(link);
        }
    }
}

void VmModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void VmModel::addInventory(Inventory *inventory)
{
    if (!inventory || nodeOf(inventory)) {
        return;
    }
    auto node = std::make_unique<Node>();
    Node *n = node.get();
    n->inventory = inventory;
    n->connection = inventory->connection();
    n->uri = n->connection ? n->connection->uri() : QString();
    n->vms = inventory->domains();

    const int row = int(m_nodes.size());
    beginInsertRows({}, row, row);
    m_nodes.push_back(std::move(node));
    endInsertRows();

    n->links.append(connect(inventory, &Inventory::domainAdded, this,
        [this, n](int index, const DomainInfo &info) { onAdded(n, index, info); }));
    n->links.append(connect(inventory, &Inventory::domainChanged, this,
        [this, n](int index, const DomainInfo &info) { onChanged(n, index, info); }));
    n->links.append(connect(inventory, &Inventory::domainRemoved, this,
        [this, n](int index, const QString &) { onRemoved(n, index); }));
    n->links.append(
        connect(inventory, &Inventory::staleChanged, this, [this, n](bool) { onStaleChanged(n); }));
    n->links.append(connect(inventory, &QObject::destroyed, this, [this, n] {
        for (int i = 0; i < int(m_nodes.size()); ++i) {
            if (m_nodes[size_t(i)].get() == n) {
                beginRemoveRows({}, i, i);
                m_nodes.erase(m_nodes.begin() + i);
                endRemoveRows();
                Q_EMIT vmCountChanged();
                return;
            }
        }
    }));
    if (n->connection) {
        n->links.append(connect(n->connection, &Connection::stateChanged, this,
            [this, n](Connection::State) { onConnectionChanged(n); }));
        n->links.append(connect(n->connection, &Connection::errorOccurred, this,
            [this, n](const Error &) { onConnectionChanged(n); }));
    }
    for (const DomainInfo &vm : std::as_const(n->vms)) {
        requestSummary(vm.uuid);
    }
    if (!n->vms.isEmpty()) {
        Q_EMIT vmCountChanged();
    }
}

void VmModel::removeInventory(Inventory *inventory)
{
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        Node *n = m_nodes[size_t(i)].get();
        if (n->inventory == inventory) {
            for (const auto &link : std::as_const(n->links)) {
                disconnect(link);
            }
            beginRemoveRows({}, i, i);
            m_nodes.erase(m_nodes.begin() + i);
            endRemoveRows();
            Q_EMIT vmCountChanged();
            return;
        }
    }
}

int VmModel::vmCount() const
{
    int count = 0;
    for (const auto &n : m_nodes) {
        count += int(n->vms.size());
    }
    return count;
}

QList<VmModel::VmRef> VmModel::vms() const
{
    QList<VmRef> out;
    for (const auto &n : m_nodes) {
        const bool stale = !n->connection || n->connection->state() != Connection::State::Connected;
        for (const DomainInfo &vm : std::as_const(n->vms)) {
            out.append({n->uri, vm, stale});
        }
    }
    return out;
}

QStringList VmModel::vmNames(const QString &uri) const
{
    QStringList names;
    for (const auto &n : m_nodes) {
        if (n->uri == uri) {
            for (const DomainInfo &vm : std::as_const(n->vms)) {
                names.append(vm.name);
            }
        }
    }
    return names;
}

VmModel::Node *VmModel::nodeOf(const Inventory *inventory) const
{
    for (const auto &n : m_nodes) {
        if (n->inventory == inventory) {
            return n.get();
        }
    }
    return nullptr;
}

int VmModel::rowOf(const Node *node) const
{
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (m_nodes[size_t(i)].get() == node) {
            return i;
        }
    }
    return -1;
}

QModelIndex VmModel::connectionIndex(const QString &uri) const
{
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (m_nodes[size_t(i)]->uri == uri) {
            return createIndex(i, 0, ConnectionRowId);
        }
    }
    return {};
}

QModelIndex VmModel::vmIndex(const QString &uri, const QString &uuid) const
{
    for (const auto &n : m_nodes) {
        if (!uri.isEmpty() && n->uri != uri) {
            continue;
        }
        for (int r = 0; r < n->vms.size(); ++r) {
            if (n->vms.at(r).uuid == uuid) {
                return createIndex(r, 0, n.get());
            }
        }
    }
    return {};
}

bool VmModel::isVm(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() != ConnectionRowId;
}

std::optional<DomainInfo> VmModel::domainAt(const QModelIndex &index) const
{
    if (!isVm(index)) {
        return std::nullopt;
    }
    const auto *n = static_cast<const Node *>(index.internalPointer());
    return n->vms.value(index.row());
}

Connection *VmModel::connectionAt(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return nullptr;
    }
    if (isVm(index)) {
        return static_cast<const Node *>(index.internalPointer())->connection;
    }
    return index.row() < int(m_nodes.size()) ? m_nodes[size_t(index.row())]->connection.data() : nullptr;
}

// ---- Inventory signals ----------------------------------------------------------------

void VmModel::onAdded(Node *node, int index, const DomainInfo &info)
{
    const int row = rowOf(node);
    const QModelIndex parent = createIndex(row, 0, ConnectionRowId);
    index = qBound(0, index, int(node->vms.size()));
    beginInsertRows(parent, index, index);
    node->vms.insert(index, info);
    endInsertRows();
    requestSummary(info.uuid);
    vmsOfNodeChanged(node);
}

void VmModel::onChanged(Node *node, int index, const DomainInfo &info)
{
    if (index < 0 || index >= node->vms.size()) {
        return;
    }
    const DomainInfo old = node->vms.at(index);
    node->vms[index] = info;
    QList<int> roles {Qt::ToolTipRole, DomainStateRole};
    int first = StateColumn, last = StateColumn;
    if (old.name != info.name) {
        first = NameColumn;
        roles.append({Qt::DisplayRole, SortRole});
    }
    if (old.state != info.state) {
        roles.append({Qt::DisplayRole, Qt::DecorationRole, SortRole});
    }
    Q_EMIT dataChanged(createIndex(index, first, node), createIndex(index, last, node), roles);
}

void VmModel::onRemoved(Node *node, int index)
{
    if (index < 0 || index >= node->vms.size()) {
        return;
    }
    beginRemoveRows(createIndex(rowOf(node), 0, ConnectionRowId), index, index);
    node->vms.removeAt(index);
    endRemoveRows();
    vmsOfNodeChanged(node);
}

void VmModel::vmsOfNodeChanged(Node *node)
{
    // The state cell counts the VMs, the Backups cell adds up their points.
    const int row = rowOf(node);
    Q_EMIT dataChanged(createIndex(row, StateColumn, ConnectionRowId),
        createIndex(row, StatusColumn, ConnectionRowId), {Qt::DisplayRole, SortRole, Qt::ToolTipRole});
    Q_EMIT vmCountChanged();
}

void VmModel::emitConnectionTotals()
{
    for (size_t row = 0; row < m_nodes.size(); ++row) {
        const QModelIndex status = createIndex(int(row), StatusColumn, ConnectionRowId);
        Q_EMIT dataChanged(status, status, {Qt::DisplayRole, SortRole, Qt::ToolTipRole});
    }
}

void VmModel::onConnectionChanged(Node *node)
{
    const int row = rowOf(node);
    Q_EMIT dataChanged(createIndex(row, NameColumn, ConnectionRowId),
        createIndex(row, StatusColumn, ConnectionRowId),
        {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, ConnectionStateRole, Qt::ForegroundRole});
}

void VmModel::onStaleChanged(Node *node)
{
    onConnectionChanged(node);
    if (!node->vms.isEmpty()) {
        const QModelIndex parent = createIndex(rowOf(node), 0, ConnectionRowId);
        Q_EMIT dataChanged(index(0, 0, parent), index(int(node->vms.size()) - 1, ColumnCount - 1, parent),
            {Qt::ForegroundRole, Qt::ToolTipRole});
    }
}

// ---- Summaries ------------------------------------------------------------------------

void VmModel::setRepository(const Repository &repository)
{
    m_repository = repository;
    ++m_generation;
    m_pendingSummaries.clear();
    const auto old = m_summaries;
    m_summaries.clear();
    QSet<QString> all;
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        all.insert(it.key());
    }
    emitVmRows(all, LastBackupColumn, StatusColumn, SummaryRoles);
    emitConnectionTotals();
    for (const auto &n : m_nodes) {
        for (const DomainInfo &vm : std::as_const(n->vms)) {
            requestSummary(vm.uuid);
        }
    }
    Q_EMIT summariesChanged();
}

void VmModel::refreshSummary(const QString &uuid)
{
    requestSummary(uuid);
}

void VmModel::requestSummary(const QString &uuid)
{
    if (!m_repository.isValid() || uuid.isEmpty()) {
        return;
    }
    m_pendingSummaries.insert(uuid);
    if (!m_summaryBatch.isActive()) {
        m_summaryBatch.start();
    }
}

void VmModel::loadPendingSummaries()
{
    if (m_pendingSummaries.isEmpty() || !m_repository.isValid()) {
        return;
    }
    const QStringList uuids(m_pendingSummaries.cbegin(), m_pendingSummaries.cend());
    m_pendingSummaries.clear();
    const quint64 generation = m_generation;
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository = m_repository, uuids] { return BackupSummary::loadMany(repository, uuids); },
        [this, generation](const QHash<QString, BackupSummary> &loaded) {
            if (generation == m_generation) {
                applySummaries(loaded);
            }
        });
}

void VmModel::setSummary(const QString &uuid, const BackupSummary &summary)
{
    applySummaries({{uuid, summary}});
}

void VmModel::applySummaries(const QHash<QString, BackupSummary> &summaries)
{
    QSet<QString> changed;
    for (auto it = summaries.cbegin(); it != summaries.cend(); ++it) {
        auto existing = m_summaries.constFind(it.key());
        if (existing != m_summaries.cend() && *existing == it.value()) {
            continue;
        }
        m_summaries.insert(it.key(), it.value());
        changed.insert(it.key());
    }
    if (changed.isEmpty()) {
        return;
    }
    emitVmRows(changed, LastBackupColumn, StatusColumn, SummaryRoles);
    emitConnectionTotals();
    Q_EMIT summariesChanged();
}

void VmModel::setBusyText(const QString &uuid, const QString &text)
{
    if (m_busy.value(uuid) == text) {
        return;
    }
    if (text.isEmpty()) {
        m_busy.remove(uuid);
    } else {
        m_busy.insert(uuid, text);
    }
    emitVmRows({uuid}, StatusColumn, StatusColumn, {Qt::DisplayRole, Qt::DecorationRole, BusyRole});
}

void VmModel::emitVmRows(const QSet<QString> &uuids, int firstColumn, int lastColumn, const QList<int> &roles)
{
    if (uuids.isEmpty()) {
        return;
    }
    for (const auto &n : m_nodes) {
        // One dataChanged per run of adjacent rows.
        int start = -1;
        for (int r = 0; r <= n->vms.size(); ++r) {
            const bool hit = r < n->vms.size() && uuids.contains(n->vms.at(r).uuid);
            if (hit && start < 0) {
                start = r;
            } else if (!hit && start >= 0) {
                Q_EMIT dataChanged(
                    createIndex(start, firstColumn, n.get()), createIndex(r - 1, lastColumn, n.get()), roles);
                start = -1;
            }
        }
    }
}

void VmModel::refreshTimes()
{
    for (const auto &n : m_nodes) {
        if (!n->vms.isEmpty()) {
            Q_EMIT dataChanged(createIndex(0, LastBackupColumn, n.get()),
                createIndex(int(n->vms.size()) - 1, StatusColumn, n.get()),
                {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::DecorationRole, NextRunRole,
                    OverdueRole, SortRole});
        }
    }
}

// ---- QAbstractItemModel ---------------------------------------------------------------

QModelIndex VmModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < int(m_nodes.size()) ? createIndex(row, column, ConnectionRowId) : QModelIndex();
    }
    if (parent.internalId() != ConnectionRowId || parent.column() != 0
        || parent.row() >= int(m_nodes.size())) {
        return {};
    }
    Node *n = m_nodes[size_t(parent.row())].get();
    return row < n->vms.size() ? createIndex(row, column, n) : QModelIndex();
}

QModelIndex VmModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == ConnectionRowId) {
        return {};
    }
    const int row = rowOf(static_cast<const Node *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, ConnectionRowId);
}

int VmModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_nodes.size());
    }
    if (parent.internalId() != ConnectionRowId || parent.column() != 0
        || parent.row() >= int(m_nodes.size())) {
        return 0;
    }
    return int(m_nodes[size_t(parent.row())]->vms.size());
}

int VmModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool VmModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags VmModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (!isVm(index)) {
        return Qt::ItemIsEnabled;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant VmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case LastBackupColumn:
        return tr("Last backup");
    case NextRunColumn:
        return tr("Next backup");
    case StatusColumn:
        return tr("Backups");
    }
    return {};
}

QVariant VmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (!isVm(index)) {
        if (index.row() >= int(m_nodes.size())) {
            return {};
        }
        const Node &n = *m_nodes[size_t(index.row())];
        VmCells::ConnectionCell cell {n.uri, n.connection, int(n.vms.size())};
        if (index.column() == StatusColumn
            && (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)) {
            for (const DomainInfo &vm : std::as_const(n.vms)) {
                if (const auto summary = m_summaries.constFind(vm.uuid); summary != m_summaries.cend()) {
                    cell.points += summary->complete;
                    cell.storedBytes += summary->storedBytes;
                }
            }
        }
        return VmCells::connection(cell, index.column(), role);
    }
    const auto *n = static_cast<const Node *>(index.internalPointer());
    if (index.row() >= n->vms.size()) {
        return {};
    }
    const DomainInfo &vm = n->vms.at(index.row());
    const auto summary = m_summaries.constFind(vm.uuid);
    const VmCells::VmCell cell {n->uri, vm, summary != m_summaries.cend() ? &summary.value() : nullptr,
        m_busy.value(vm.uuid), n->inventory && n->inventory->isStale(), m_repository.isValid(), m_clock()};
    return VmCells::vm(cell, index.column(), role);
}

} // namespace Rewind
