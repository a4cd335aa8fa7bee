#include "vmcontextmenu.h"

#include "displaytext.h"
#include "guisettings.h"

#include <QActionGroup>

namespace Rewind {

VmContextMenu::VmContextMenu(const QString &vmUuid, const QList<QAction *> &vmActions, QWidget *parent)
    : QMenu(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    addActions(vmActions);
    if (vmUuid.isEmpty()) {
        return;
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
