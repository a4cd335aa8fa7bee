#include "trayicon.h"

#include "guilogging.h"
#include "icons.h"
#include "vmmodel.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace Rewind {

namespace {
constexpr int MaxMenuVms = 25;
} // namespace

TrayIcon::TrayIcon(VmModel *vms, QObject *parent)
    : QObject(parent), m_vms(vms), m_menu(new QMenu), m_backupMenu(new QMenu(tr("Back Up Now"), m_menu))
{
    // What the tray says of the schedule: not every tray shows tooltips (GNOME's
    // AppIndicator host does not), but every one shows the menu.
    m_state = m_menu->addAction(QString());
    m_state->setEnabled(false);
    m_state->setVisible(false);
    m_stateSeparator = m_menu->addSeparator();
    m_stateSeparator->setVisible(false);
    m_backupMenu->setIcon(Icons::backupNow());
    m_menu->addMenu(m_backupMenu);
    connect(m_backupMenu, &QMenu::aboutToShow, this, &TrayIcon::fillBackupMenu);
    m_menu->addAction(Icons::app(), tr("&Open Rewind"), this, &TrayIcon::openRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &TrayIcon::tryInstall);
}

TrayIcon::~TrayIcon()
{
    delete m_icon;
    delete m_menu;
}

void TrayIcon::install(int attempts, int intervalMs)
{
    m_attemptsLeft = attempts;
    m_retry.setInterval(intervalMs);
    tryInstall();
}

bool TrayIcon::isAvailable() const
{
    return m_icon && m_icon->isVisible();
}

void TrayIcon::tryInstall()
{
    if (m_icon) {
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        if (m_attemptsLeft-- > 0) {
            qCInfo(lcGui) << "No system tray yet; trying again in" << m_retry.interval() << "ms";
            m_retry.start();
        } else {
            qCInfo(lcGui) << "No system tray: closing the window quits Rewind";
            Q_EMIT availableChanged(false);
        }
        return;
    }
    m_icon = new QSystemTrayIcon(Icons::trayIdle());
    m_icon->setToolTip(tr("Rewind"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT openRequested();
        }
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openRequested);
    m_icon->show();
    Q_EMIT availableChanged(true);
}

void TrayIcon::setStatus(int runningJobs, bool problem, const QString &toolTip, const QString &state)
{
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_stateSeparator->setVisible(!state.isEmpty());
    if (!m_icon) {
        return;
    }
    m_icon->setIcon(runningJobs > 0 ? Icons::trayBusy() : problem ? Icons::trayProblem() : Icons::trayIdle());
    m_icon->setToolTip(toolTip);
}

QString TrayIcon::stateText() const
{
    return m_state->isVisible() ? m_state->text() : QString();
}

void TrayIcon::fillBackupMenu()
{
    m_backupMenu->clear();
    const auto vms = m_vms->vms();
    if (vms.isEmpty()) {
        m_backupMenu->addAction(tr("No virtual machines"))->setEnabled(false);
        return;
    }
    int shown = 0;
    for (const VmModel::VmRef &vm : vms) {
        if (++shown > MaxMenuVms) {
            m_backupMenu->addAction(tr("More in the main window…"), this, &TrayIcon::openRequested);
            break;
        }
        QAction *a = m_backupMenu->addAction(Icons::vmState(vm.info.state), vm.info.name, this,
            [this, vm] { Q_EMIT backupRequested(vm.uri, vm.info.uuid, vm.info.name); });
        a->setEnabled(!vm.stale);
    }
}

} // namespace Rewind
