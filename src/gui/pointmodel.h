#pragma once

#include "repository/pointinfo.h"
#include "repository/repository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Rewind {

/// One backup point as the views show it: what the manifest says, without the large
/// parts (the domain XML), so 2,000 points of a VM cost little memory.
struct PointRow
{
    QString id;
    QDateTime time; ///< capture time (manifest), else the time in the id
    PointInfo::State state = PointInfo::State::Incomplete;
    PointManifest::Method method = PointManifest::Method::FullState;
    PointManifest::Kind kind = PointManifest::Kind::Full;
    QString parentId;
    qint64 storedBytes = 0;
    qint64 memoryBytes = 0; ///< the RAM image's raw size (0: no RAM captured)
    bool golden = false;
    qint64 guestPauseMs = 0;
    QStringList disks; ///< targets
    QString notes;
    QString problem; ///< why the manifest is unusable (Damaged)

    bool operator==(const PointRow &) const = default;

    static PointRow fromInfo(const PointInfo &info);
};

/// The points of one VM, oldest first, for the timeline and the table.
///
/// load() reads the repository in a worker; setPoints() takes a list directly (tests feed
/// thousands of synthetic points that way). Switching to another VM resets the model;
/// reloading the same VM merges the new list into the rows (inserts, removals and
/// dataChanged), so a new point appears without losing the selection.
class PointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        KindColumn,
        MethodColumn,
        SizeColumn,
        GoldenColumn,
        StatusColumn,
        IdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PointIdRole = Qt::UserRole + 1, ///< QString
        TimeRole, ///< QDateTime (UTC)
        KindRole, ///< int(PointManifest::Kind)
        MethodRole, ///< int(PointManifest::Method)
        SizeRole, ///< qint64 stored bytes
        GoldenRole, ///< bool
        StateRole, ///< int(PointInfo::State)
        SortRole,
    };
    Q_ENUM(Role)

    explicit PointModel(QObject *parent = nullptr);

    QString vmUuid() const { return m_vmUuid; }
    QString vmName() const { return m_vmName; }
    /// Shows the points of a VM: resets when the VM changes, merges otherwise.
    void setPoints(const QString &vmUuid, const QString &vmName, const QList<PointRow> &points);
    /// Reads the VM's points from repository in a worker, then setPoints(). Results of
    /// loads overtaken by a newer load() or clear() are dropped.
    void load(const Repository &repository, const QString &vmUuid, const QString &vmName);
    /// Reloads the current VM.
    void reload();
    void clear();
    bool isLoading() const { return m_loading; }
    Repository repository() const { return m_repository; }

    const PointRow &point(int row) const { return m_rows.at(row); }
    const QList<PointRow> &points() const { return m_rows; }
    int rowOf(const QString &pointId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message);

private:
    void resetTo(const QString &vmUuid, const QString &vmName, const QList<PointRow> &points);
    void merge(const QList<PointRow> &points);
    void setLoading(bool loading);

    QString m_vmUuid;
    QString m_vmName;
    QList<PointRow> m_rows;
    Repository m_repository;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace Rewind
