#pragma once

#include "pointmodel.h"
#include "repository/repository.h"

#include <QDialog>
#include <QSet>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Rewind {

/// Finds the VMs that have backups in the repository but are defined on none of the
/// connections any more (deleted in virt-manager, lost with a reinstalled host), which
/// the VM list cannot show, and lets the user pick one of their points to bring back.
///
/// The repository is read in a worker. The dialog only chooses: PointCommands restores,
/// as it was (in place, which defines the VM again), as a new VM, or as an export.
class RemovedVmsDialog : public QDialog
{
    Q_OBJECT

public:
    /// One VM found only in the repository (RemovedVm), its points as the dialog shows them.
    struct Found
    {
        QString uuid;
        QString name;
        QList<PointRow> points; ///< complete points, newest first
    };

    /// knownUuids: the VMs the connections define; uris: the connections a VM can be
    /// restored to, the first one preselected; unreachable: connections not connected
    /// now, whose VMs may be among those found.
    RemovedVmsDialog(const Repository &repository, const QSet<QString> &knownUuids, const QStringList &uris,
        const QStringList &unreachable = {}, QWidget *parent = nullptr);

    /// Reads the repository (blocking file I/O: workers only).
    static QList<Found> find(const Repository &repository, const QSet<QString> &knownUuids);

    /// What is chosen; the point is empty (no id) while nothing is.
    QString uri() const;
    QString vmUuid() const;
    QString vmName() const;
    PointRow point() const;

    /// The VMs found, once the repository was read (tests).
    QTreeWidget *vmList() const { return m_vms; }
    QComboBox *pointList() const { return m_points; }
    QPushButton *restoreButton() const { return m_restore; }

Q_SIGNALS:
    /// The repository was read and the list filled.
    void loaded();

private:
    const Found *current() const;
    void showFound(const QList<Found> &found);
    void showPoints();
    void update();

    QList<Found> m_found;
    QLabel *m_status;
    QTreeWidget *m_vms;
    QComboBox *m_points;
    QComboBox *m_uris;
    QPushButton *m_restore;
};

} // namespace Rewind
