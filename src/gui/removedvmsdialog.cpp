#include "removedvmsdialog.h"

#include "async.h"
#include "displaytext.h"
#include "repository/removedvm.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Rewind {

RemovedVmsDialog::RemovedVmsDialog(const Repository &repository, const QSet<QString> &knownUuids,
    const QStringList &uris, const QStringList &unreachable, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Restore a Removed VM"));
    setMinimumWidth(70 * fontMetrics().averageCharWidth());
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These VMs have backups in the repository but are not defined on any "
                                "connection. Choose one and the point to bring it back from; it comes back "
                                "as a new VM, under its old name if you like."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!unreachable.isEmpty()) {
        auto *away
            = new QLabel(tr("Not connected now: %1. VMs defined there are listed too, as Rewind cannot "
                            "see them.")
                             .arg(unreachable.join(QStringLiteral(", "))),
                this);
        away->setObjectName(QStringLiteral("unreachable"));
        away->setWordWrap(true);
        layout->addWidget(away);
    }

    m_vms = new QTreeWidget(this);
    m_vms->setObjectName(QStringLiteral("removedVms"));
    m_vms->setRootIsDecorated(false);
    m_vms->setHeaderLabels({tr("Name"), tr("Points"), tr("Last backup")});
    m_vms->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_vms->header()->setStretchLastSection(false);
    layout->addWidget(m_vms);
    m_status = new QLabel(tr("Reading the repository…"), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *form = new QFormLayout;
    m_points = new QComboBox(this);
    m_points->setObjectName(QStringLiteral("points"));
    form->addRow(tr("&Point:"), m_points);
    m_uris = new QComboBox(this);
    m_uris->setObjectName(QStringLiteral("uris"));
    m_uris->addItems(uris);
    form->addRow(tr("&Restore to:"), m_uris);
    // One connection, the usual case: nothing to choose.
    form->setRowVisible(m_uris, uris.size() > 1);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_restore = buttons->addButton(tr("Restore…"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(QStringLiteral("restore"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_vms, &QTreeWidget::currentItemChanged, this, &RemovedVmsDialog::showPoints);
    connect(m_points, &QComboBox::currentIndexChanged, this, &RemovedVmsDialog::update);
    update();

    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, knownUuids] { return find(repository, knownUuids); },
        [this](const QList<Found> &found) { showFound(found); });
}

QList<RemovedVmsDialog::Found> RemovedVmsDialog::find(
    const Repository &repository, const QSet<QString> &knownUuids)
{
    QList<Found> out;
    for (const RemovedVm &vm : RemovedVm::find(repository, knownUuids)) {
        Found found {vm.uuid, vm.name, {}};
        for (const PointInfo &point : vm.points) {
            found.points.append(PointRow::fromInfo(point));
        }
        out.append(found);
    }
    return out;
}

void RemovedVmsDialog::showFound(const QList<Found> &found)
{
    m_found = found;
    for (const Found &vm : found) {
        auto *item = new QTreeWidgetItem(
            m_vms, {vm.name, QString::number(vm.points.size()), DisplayText::age(vm.points.first().time)});
        item->setToolTip(0, tr("UUID: %1").arg(vm.uuid));
    }
    m_status->setText(found.isEmpty()
            ? tr("Every VM with backups in the repository is defined on a connection.")
            : m_uris->count() == 0 ? tr("No connection is connected: connect to libvirt first (Connections "
                                        "menu), as a VM is restored "
                                        "into one.")
                                   : QString());
    m_status->setVisible(!m_status->text().isEmpty());
    if (!found.isEmpty()) {
        m_vms->setCurrentItem(m_vms->topLevelItem(0));
    }
    update();
    Q_EMIT loaded();
}

void RemovedVmsDialog::showPoints()
{
    m_points->clear();
    const Found *vm = current();
    if (!vm) {
        return;
    }
    for (const PointRow &p : vm->points) {
        m_points->addItem(QStringLiteral("%1 · %2").arg(
                              DisplayText::dateTime(p.time), DisplayText::methodShortText(p.method)),
            p.id);
    }
    update();
}

void RemovedVmsDialog::update()
{
    m_restore->setEnabled(!point().id.isEmpty() && !uri().isEmpty());
}

QString RemovedVmsDialog::uri() const
{
    return m_uris->currentText();
}

const RemovedVmsDialog::Found *RemovedVmsDialog::current() const
{
    const int row = m_vms->indexOfTopLevelItem(m_vms->currentItem());
    return row >= 0 && row < m_found.size() ? &m_found.at(row) : nullptr;
}

QString RemovedVmsDialog::vmUuid() const
{
    const Found *vm = current();
    return vm ? vm->uuid : QString();
}

QString RemovedVmsDialog::vmName() const
{
    const Found *vm = current();
    return vm ? vm->name : QString();
}

PointRow RemovedVmsDialog::point() const
{
    const Found *vm = current();
    const int index = m_points->currentIndex();
    return vm && index >= 0 && index < vm->points.size() ? vm->points.at(index) : PointRow();
}

} // namespace Rewind
