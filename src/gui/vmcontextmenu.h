#pragma once

#include "repository/pointmanifest.h"

#include <QMenu>

namespace Rewind {

/// The context menu of the VM tree: the window's VM actions (Back Up Now, Verify) and,
/// for a single VM, its backup method (full state, disks only, quiesced), which is stored
/// in the settings (GuiSettings::backupMethod) when chosen, and Stop Tracking Changes
/// when the VM runs on Rewind's overlay between points.
class VmContextMenu : public QMenu
{
    Q_OBJECT
public:
    /// vmUuid empty: several VMs are selected, no method submenu. tracked: offer to merge
    /// the overlay back.
    VmContextMenu(const QString &vmUuid, const QList<QAction *> &vmActions, bool tracked = false,
        QWidget *parent = nullptr);

Q_SIGNALS:
    void methodChosen(const QString &vmUuid, Rewind::PointManifest::Method method);
    void stopTrackingRequested(const QString &vmUuid);
};

} // namespace Rewind
