#include "pointemptystate.h"

#include "emptystatewidget.h"
#include "icons.h"
#include "pointmodel.h"
#include "repository/repository.h"
#include "vmmodel.h"

namespace Rewind {

PointEmptyState::PointEmptyState(EmptyStateWidget *widget, PointModel *points, VmModel *vms, QObject *parent)
    : QObject(parent), m_widget(widget), m_points(points), m_vms(vms)
{ }

void PointEmptyState::setUnavailable(const QString &path, const QString &message)
{
    m_unavailablePath = path;
    m_unavailableMessage = message;
}

bool PointEmptyState::update(const Repository &repository)
{
    EmptyStateWidget *empty = m_widget;
    empty->clearButtons();
    const int count = m_points->rowCount();
    if (!repository.isValid() && !m_unavailablePath.isEmpty()) {
        empty->setContent(Icons::backupNow(), tr("The backup repository is not available"),
            m_unavailableMessage + QStringLiteral("\n\n")
                + tr("Rewind tries again every minute, and scheduled backups wait for it."));
        empty->addButton(tr("Try Again"), this, &PointEmptyState::retryRequested);
        empty->addButton(tr("Choose Folder…"), this, &PointEmptyState::chooseFolderRequested);
    } else if (!repository.isValid()) {
        empty->setContent(Icons::backupNow(), tr("Choose where backups go"),
            tr("Rewind keeps backups in a repository: a folder it owns, readable with standard tools "
               "(qemu-img, zstd, virsh). Pick a disk with room for your VMs' disks and RAM."));
        const QString fallback = Repository::defaultLocation();
        empty->addButton(
            tr("Use %1").arg(fallback), this, [this, fallback] { Q_EMIT folderChosen(fallback); });
        empty->addButton(tr("Choose Folder…"), this, &PointEmptyState::chooseFolderRequested);
    } else if (m_points->vmUuid().isEmpty()) {
        const int vms = m_vms->vmCount();
        empty->setContent(Icons::timeline(),
            vms > 0 ? tr("Select a virtual machine") : tr("Nothing to show yet"),
            vms > 0 ? tr(
                "Its backup points appear here on a timeline. \"Back Up Now\" backs up every selected VM.")
                    : QString());
    } else if (count == 0 && m_points->isLoading()) {
        empty->setContent(QIcon(), tr("Reading the backups of '%1'…").arg(m_points->vmName()), QString());
    } else if (count == 0) {
        const QString name = m_points->vmName();
        empty->setContent(Icons::backupNow(), tr("No backups of '%1' yet").arg(name),
            tr("The first backup copies the VM's disks and, for a running VM, its RAM, captured at one "
               "instant "
               "while it keeps running. Restoring the point later resumes it exactly there."));
        empty->addButton(tr("Back Up '%1' Now").arg(name), this, &PointEmptyState::backUpRequested);
    } else {
        return false;
    }
    return true;
}

} // namespace Rewind
