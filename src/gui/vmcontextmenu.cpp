#include "vmcontextmenu.h"

#include "displaytext.h"
#include "guisettings.h"

#include <QActionGroup>

namespace Rewind {

VmContextMenu::VmContextMenu(
    const QString &vmUuid, const QList<QAction *> &vmActions, bool tracked, QWidget *parent)
    : QMenu(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    addActions(vmActions);
    if (vmUuid.isEmpty()) {
        return;
    }
    if (tracked) {
        QAction *stop = addAction(
            tr("Stop &Tracking Changes"), this, [this, vmUuid] { Q_EMIT stopTrackingRequested(vmUuid); });
        stop->setToolTip(tr("Merge what the VM wrote since its last backup point back into its own images. "
                            "The next point is a full one."));
        setToolTipsVisible(true);
    }
    QMenu *methods = addMenu(tr("Backup &Method"));
    auto *group = new QActionGroup(methods);
    const PointManifest::Method current = GuiSettings::backupMethod(vmUuid);
    for (auto method : {PointManifest::Method::FullState, PointManifest::Method::DiskOnly,
             PointManifest::Method::DiskOnlyQuiesced}) {
        QAction *a = methods->addAction(DisplayText::methodText(method), this, [this, vmUuid, method] {
            GuiSettings::setBackupMethod(vmUuid, method);
            Q_EMIT methodChosen(vmUuid, method);
        });
        a->setCheckable(true);
        a->setChecked(method == current);
        group->addAction(a);
    }
    methods->actions().at(2)->setToolTip(tr("Needs qemu-guest-agent running in the guest"));
    methods->setToolTipsVisible(true);
}

} // namespace Rewind
