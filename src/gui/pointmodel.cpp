#include "pointmodel.h"

#include "async.h"
#include "displaytext.h"
#include "icons.h"
#include "repository/pointid.h"

#include <QGuiApplication>
#include <QPalette>
#include <QThreadPool>

namespace Rewind {

PointRow PointRow::fromInfo(const PointInfo &info)
{
    PointRow row;
    row.id = info.id;
    row.state = info.state;
    row.time = PointId::time(info.id);
    if (info.manifest) {
        const PointManifest &m = *info.manifest;
        if (m.created.isValid()) {
            row.time = m.created;
        }
        row.method = m.method;
        row.kind = m.kind;
        row.parentId = m.parentId;
        row.golden = m.isProtected;
        row.guestPauseMs = m.guestPauseMs;
        row.notes = m.notes;
        row.storedBytes = m.storedBytes();
        for (const auto &d : m.disks) {
            row.disks.append(d.target);
        }
        if (m.memory) {
            row.memoryBytes = m.memory->rawSize;
        }
    }
    if (info.state == PointInfo::State::Damaged) {
        row.problem = info.manifestError.message();
    }
    return row;
}

PointModel::PointModel(QObject *parent) : QAbstractTableModel(parent)
{ }

int PointModel::rowOf(const QString &pointId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == pointId) {
            return i;
        }
    }
    return -1;
}

void PointModel::resetTo(const QString &vmUuid, const QString &vmName, const QList<PointRow> &points)
{
    ++m_generation; // a load for the previous VM must not land here
    beginResetModel();
    m_vmUuid = vmUuid;
    m_vmName = vmName;
    m_rows = points;
    endResetModel();
}

void PointModel::setPoints(const QString &vmUuid, const QString &vmName, const QList<PointRow> &points)
{
    setLoading(false);
    if (vmUuid != m_vmUuid) {
        resetTo(vmUuid, vmName, points);
    } else {
        m_vmName = vmName;
        merge(points);
    }
    Q_EMIT loaded();
}

void PointModel::merge(const QList<PointRow> &points)
{
    // Both lists are ordered by time (ids sort by time); walk them together.
    int i = 0;
    int j = 0;
    while (i < m_rows.size() || j < points.size()) {
        if (j >= points.size()) {
            beginRemoveRows({}, i, int(m_rows.size()) - 1);
            m_rows.erase(m_rows.begin() + i, m_rows.end());
            endRemoveRows();
            break;
        }
        const PointRow &incoming = points.at(j);
        if (i >= m_rows.size()) {
            const int count = int(points.size()) - j;
            beginInsertRows({}, i, i + count - 1);
            m_rows.append(points.mid(j));
            endInsertRows();
            break;
        }
        const PointRow &current = m_rows.at(i);
        if (current.id == incoming.id) {
            if (!(current == incoming)) {
                m_rows[i] = incoming;
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            ++i;
            ++j;
        } else if (PointId::lessThan(current.id, incoming.id)) {
            beginRemoveRows({}, i, i); // gone from the repository
            m_rows.removeAt(i);
            endRemoveRows();
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, incoming);
            endInsertRows();
            ++i;
            ++j;
        }
    }
}

void PointModel::load(const Repository &repository, const QString &vmUuid, const QString &vmName)
{
    const bool valid = repository.isValid() && !vmUuid.isEmpty();
    setLoading(valid); // before a reset, so views never see "no points" while reading
    if (vmUuid != m_vmUuid) {
        resetTo(vmUuid, vmName, {});
    }
    m_repository = repository;
    m_vmName = vmName;
    const quint64 generation = ++m_generation;
    if (!valid) {
        return;
    }
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, vmUuid]() -> Result<QList<PointRow>> {
            auto points = repository.listPoints(vmUuid);
            if (!points) {
                return points.error();
            }
            QList<PointRow> rows;
            rows.reserve(points->size());
            for (const PointInfo &p : std::as_const(*points)) {
                rows.append(PointRow::fromInfo(p));
            }
            return rows;
        },
        [this, generation, vmUuid, vmName](const Result<QList<PointRow>> &rows) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!rows) {
                Q_EMIT loadFailed(rows.error().message());
                return;
            }
            setPoints(vmUuid, vmName, *rows);
        });
}

void PointModel::reload()
{
    if (!m_vmUuid.isEmpty()) {
        load(m_repository, m_vmUuid, m_vmName);
    }
}

void PointModel::clear()
{
    setPoints({}, {}, {});
    m_repository = {};
}

void PointModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

int PointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags PointModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant PointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case MethodColumn:
        return tr("Method");
    case SizeColumn:
        return tr("Size");
    case GoldenColumn:
        return tr("Golden");
    case StatusColumn:
        return tr("Status");
    case IdColumn:
        return tr("Point");
    }
    return {};
}

QVariant PointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PointRow &p = m_rows.at(index.row());
    const bool complete = p.state == PointInfo::State::Complete;
    switch (role) {
    case PointIdRole:
        return p.id;
    case TimeRole:
        return p.time;
    case KindRole:
        return int(p.kind);
    case MethodRole:
        return int(p.method);
    case SizeRole:
        return p.storedBytes;
    case GoldenRole:
        return p.golden;
    case StateRole:
        return int(p.state);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return p.time;
        case SizeColumn:
            return p.storedBytes;
        case GoldenColumn:
            return p.golden;
        case KindColumn:
            return int(p.kind);
        case MethodColumn:
            return int(p.method);
        case StatusColumn:
            return int(p.state);
        case IdColumn:
            return p.id;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return DisplayText::dateTime(p.time);
        case KindColumn:
            return complete ? DisplayText::kindText(p.kind) : QString();
        case MethodColumn:
            return complete ? DisplayText::methodShortText(p.method) : QString();
        case SizeColumn:
            return complete ? DisplayText::size(p.storedBytes) : QString();
        case GoldenColumn:
            return p.golden ? tr("Golden") : QString();
        case StatusColumn:
            return DisplayText::pointStateText(p.state);
        case IdColumn:
            return p.id;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == GoldenColumn && p.golden) {
            return Icons::golden();
        }
        if (index.column() == StatusColumn && !complete) {
            return Icons::trayProblem();
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && !complete) {
            return DisplayText::negativeColor(QGuiApplication::palette());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines {tr("Point %1").arg(p.id), DisplayText::dateTime(p.time)};
        switch (p.state) {
        case PointInfo::State::Complete:
            lines.append(DisplayText::methodText(p.method));
            lines.append(p.kind == PointManifest::Kind::Incremental
                    ? tr("Incremental, on top of %1").arg(p.parentId)
                    : tr("Full copy"));
            lines.append(tr("Size: %1").arg(DisplayText::size(p.storedBytes)));
            if (p.memoryBytes > 0) {
                lines.append(tr("RAM image: %1, guest paused %2 ms")
                                 .arg(DisplayText::size(p.memoryBytes))
                                 .arg(p.guestPauseMs));
            }
            if (!p.disks.isEmpty()) {
                lines.append(tr("Disks: %1").arg(p.disks.join(QStringLiteral(", "))));
            }
            if (p.golden) {
                lines.append(tr("Golden: never removed by retention"));
            }
            if (!p.notes.isEmpty()) {
                lines.append(p.notes);
            }
            break;
        case PointInfo::State::Incomplete:
            lines.append(tr("Incomplete: a job was interrupted or is still writing it. It is removed at the "
                            "VM's next backup."));
            break;
        case PointInfo::State::Damaged:
            lines.append(tr("Damaged: %1").arg(p.problem));
            break;
        }
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

} // namespace Rewind
