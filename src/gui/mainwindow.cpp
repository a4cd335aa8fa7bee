#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "aboutbox.h"
#include "autostart.h"
#include "connectionlist.h"
#include "displaytext.h"
#include "endfollower.h"
#include "guisettings.h"
#include "icons.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "jobs/changetracking.h"
#include "jobs/job.h"
#include "libvirt/connection.h"
#include "pointactions.h"
#include "pointcommands.h"
#include "pointemptystate.h"
#include "pointmodel.h"
#include "repositorylabel.h"
#include "vmcontextmenu.h"
#include "vmemptystate.h"
#include "vmmodel.h"
#include "vmtreecolumns.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSortFilterProxyModel>

namespace Rewind {

MainWindow::MainWindow(VmModel *vms, JobManager *jobs, ConnectionList *connections, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_vms(vms)
    , m_jobs(jobs)
    , m_connections(connections)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_points(new PointModel(this))
    , m_pointActions(new PointActions(this))
    , m_pointCommands(new PointCommands(jobs, this, this))
    , m_repositoryLabel(new RepositoryLabel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(Icons::app());
    statusBar()->addPermanentWidget(m_repositoryLabel);
    connect(jobs, &JobManager::jobFinished, m_repositoryLabel, &RepositoryLabel::refresh);
    setUpActions();
    setUpViews();
    restoreLayout();
    setRepository({});
    updateVmEmptyState();
}

MainWindow::~MainWindow() = default;

QTreeView *MainWindow::vmTree() const
{
    return m_ui->vmTree;
}
QLineEdit *MainWindow::searchField() const
{
    return m_ui->searchField;
}
TimelineView *MainWindow::timeline() const
{
    return m_ui->timeline;
}
QTableView *MainWindow::pointTable() const
{
    return m_ui->pointTable;
}
JobsPanel *MainWindow::jobsPanel() const
{
    return m_ui->jobsPanel;
}
EmptyStateWidget *MainWindow::vmEmptyState() const
{
    return m_ui->vmEmpty;
}
EmptyStateWidget *MainWindow::pointEmptyState() const
{
    return m_ui->pointEmpty;
}
QAction *MainWindow::startAtLoginAction() const
{
    return m_ui->actionStartAtLogin;
}

QAction *MainWindow::backupNowAction() const
{
    return m_ui->actionBackupNow;
}
QAction *MainWindow::verifyAction() const
{
    return m_ui->actionVerifyVm;
}

void MainWindow::setUpActions()
{
    m_ui->actionBackupNow->setIcon(Icons::backupNow());
    m_ui->actionVerifyVm->setIcon(Icons::verify());
    m_ui->actionAddConnection->setIcon(Icons::connection());
    m_ui->actionQuit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    m_ui->actionShowTimeline->setIcon(Icons::timeline());
    m_ui->actionShowTable->setIcon(Icons::table());
    m_ui->timelineButton->setDefaultAction(m_ui->actionShowTimeline);
    m_ui->tableButton->setDefaultAction(m_ui->actionShowTable);
    auto *viewGroup = new QActionGroup(this);
    viewGroup->addAction(m_ui->actionShowTimeline);
    viewGroup->addAction(m_ui->actionShowTable);
    m_ui->connectionsMenu->setConnectionList(m_connections);
    m_ui->connectionsMenu->setAddAction(m_ui->actionAddConnection);
    m_ui->connectionsMenu->rebuild();
    connect(m_ui->connectionsMenu, &ConnectionsMenu::message, this, &MainWindow::showStatus);

    // Ctrl+F goes to the search wherever the focus is; Escape there clears it.
    auto *find = new QAction(tr("Find a VM"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_ui->searchField->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchField->selectAll();
    });
    addAction(find);
    auto *clearSearch = new QAction(m_ui->searchField);
    clearSearch->setShortcut(Qt::Key_Escape);
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_ui->searchField, &QLineEdit::clear);
    static_cast<QWidget *>(m_ui->searchField)->addAction(clearSearch);
    m_ui->searchField->setToolTip(tr("Shows the VMs whose name contains this (%1)")
                                      .arg(find->shortcut().toString(QKeySequence::NativeText)));

    connect(m_ui->actionBackupNow, &QAction::triggered, this, &MainWindow::backUpSelected);
    connect(m_ui->actionVerifyVm, &QAction::triggered, this, &MainWindow::verifySelected);
    connect(m_ui->actionBackupSettings, &QAction::triggered, this, [this] {
        if (const QList<SelectedVm> selected = selectedVms(); selected.size() == 1) {
            m_pointCommands->editSettings(selected.first().info.uuid, selected.first().info.name);
        }
    });
    connect(m_ui->actionRestoreRemoved, &QAction::triggered, this, [this] {
        QSet<QString> known, seen; // VMs, and the connections they were seen on
        QMultiHash<QString, QString> names;
        for (const VmModel::VmRef &vm : m_vms->vms()) {
            known.insert(vm.info.uuid);
            seen.insert(vm.uri);
            names.insert(vm.uri, vm.info.name);
        }
        QStringList uris, unreachable;
        for (const Connection *c : m_connections->connections()) {
            if (c->state() == Connection::State::Connected) {
                uris << c->uri();
            } else if (!seen.contains(c->uri())) {
                unreachable << c->uri();
            }
        }
        m_pointCommands->restoreRemoved(known, names, uris, unreachable);
    });
    connect(m_ui->actionChooseRepository, &QAction::triggered, this, &MainWindow::chooseRepository);
    m_ui->actionStartAtLogin->setChecked(Autostart::isEnabled());
    // Backup Settings changes it too, and so can the desktop's own settings.
    connect(m_ui->fileMenu, &QMenu::aboutToShow, this,
        [this] { m_ui->actionStartAtLogin->setChecked(Autostart::isEnabled()); });
    connect(m_ui->actionStartAtLogin, &QAction::triggered, this, [this](bool checked) {
        const Status s = Autostart::setEnabled(checked, QCoreApplication::applicationFilePath());
        if (!s) {
            m_ui->actionStartAtLogin->setChecked(Autostart::isEnabled());
            showStatus(s.error().message());
            return;
        }
        showStatus(checked ? tr("Rewind starts in the system tray when you log in.")
                           : tr("Rewind no longer starts when you log in."));
    });
    // Under Flatpak the desktop answers later, and may say no.
    connect(Autostart::instance(), &Autostart::portalRefused, this, [this](const QString &message) {
        m_ui->actionStartAtLogin->setChecked(false);
        showStatus(message);
    });
    connect(m_ui->actionAddConnection, &QAction::triggered, this, &MainWindow::addConnection);
    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_ui->actionShowTimeline, &QAction::triggered, this, [this] { showPointView(false); });
    connect(m_ui->actionShowTable, &QAction::triggered, this, [this] { showPointView(true); });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] { AboutBox::open(this); });
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_ui->dismissHint, &QPushButton::clicked, this, [this] {
        GuiSettings::setFirstRunHintDismissed(true);
        m_ui->firstRunBanner->hide();
    });
    m_ui->firstRunBanner->setVisible(!GuiSettings::firstRunHintDismissed());

    // Point actions work in both point views and from the keyboard.
    for (QWidget *view : {static_cast<QWidget *>(m_ui->timeline), static_cast<QWidget *>(m_ui->pointTable)}) {
        view->addAction(m_pointActions->deleteAction());
    }
    connect(m_pointActions, &PointActions::verifyRequested, m_pointCommands, &PointCommands::verify);
    connect(m_pointActions, &PointActions::protectRequested, m_pointCommands, &PointCommands::setGolden);
    connect(m_pointActions, &PointActions::deleteRequested, m_pointCommands, &PointCommands::remove);
    connect(m_pointActions, &PointActions::restoreRequested, this,
        [this](const QString &uri, const QString &vmUuid, const QString &vmName, const PointRow &point) {
            m_pointCommands->restore(uri, vmUuid, vmName, point, m_vms->vmNames(uri));
        });
    connect(m_pointCommands, &PointCommands::message, this, &MainWindow::showStatus);
    connect(m_pointCommands, &PointCommands::pointsChanged, this, [this](const QString &uuid) {
        m_vms->refreshSummary(uuid);
        if (m_points->vmUuid() == uuid) {
            m_points->reload();
        }
    });
    connect(m_jobs, &JobManager::refused, this, &MainWindow::showStatus);
    connect(m_jobs, &JobManager::jobFinished, this, [this](Job *job) {
        if (!job->vmUuid().isEmpty() && job->vmUuid() == m_points->vmUuid()) {
            m_points->reload();
        }
        if (job->state() == Job::State::Failed) {
            showStatus(job->error().message());
        }
    });
}

void MainWindow::setUpViews()
{
    m_vmEmptyState = new VmEmptyState(m_ui->vmEmpty, m_connections, m_vms, m_proxy, this);
    connect(m_vmEmptyState, &VmEmptyState::addConnectionRequested, this, &MainWindow::addConnection);
    connect(m_vmEmptyState, &VmEmptyState::clearSearchRequested, m_ui->searchField, &QLineEdit::clear);
    m_pointEmptyState = new PointEmptyState(m_ui->pointEmpty, m_points, m_vms, this);
    connect(m_pointEmptyState, &PointEmptyState::retryRequested, this, &MainWindow::repositoryRetryRequested);
    connect(m_pointEmptyState, &PointEmptyState::chooseFolderRequested, this, &MainWindow::chooseRepository);
    connect(m_pointEmptyState, &PointEmptyState::folderChosen, this, &MainWindow::repositoryChosen);
    connect(m_pointEmptyState, &PointEmptyState::backUpRequested, this, &MainWindow::backUpSelected);
    m_proxy->setSourceModel(m_vms);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(VmModel::NameColumn);
    QTreeView *tree = m_ui->vmTree;
    tree->setModel(m_proxy);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(VmModel::NameColumn, QHeaderView::Interactive);
    VmTreeColumns::apply(tree);
    tree->expandAll();
    connect(m_ui->searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_ui->vmTree->expandAll();
        updateVmEmptyState();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            if (!parent.isValid()) {
                for (int row = first; row <= last; ++row) {
                    m_ui->vmTree->expand(m_proxy->index(row, 0));
                }
            }
        });
    connect(tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onVmSelectionChanged);
    connect(tree, &QWidget::customContextMenuRequested, this, &MainWindow::showVmContextMenu);
    connect(m_vms, &VmModel::vmCountChanged, this, &MainWindow::updateVmEmptyState);
    connect(m_vms, &VmModel::vmCountChanged, this, &MainWindow::updatePointPane);
    connect(m_vms, &VmModel::vmCountChanged, this, [this] {
        // Select the VM the user looked at last time, once it shows up.
        const QStringList last = GuiSettings::lastSelectedVm();
        if (!m_selectionRestored && last.size() == 2 && selectedVms().isEmpty()
            && selectVm(last.at(0), last.at(1))) {
            m_selectionRestored = true;
        }
    });
    connect(m_vms, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onVmSelectionChanged);
    connect(m_connections, &ConnectionList::changed, this, &MainWindow::updateVmEmptyState);

    for (auto zoom : {TimelineView::Zoom::Day, TimelineView::Zoom::Week, TimelineView::Zoom::Month,
             TimelineView::Zoom::Year}) {
        m_ui->zoomCombo->addItem(TimelineScale::zoomText(zoom), int(zoom));
    }
    connect(m_ui->zoomCombo, &QComboBox::activated, this, [this](int index) {
        m_ui->timeline->setZoom(TimelineView::Zoom(m_ui->zoomCombo->itemData(index).toInt()));
    });
    connect(m_ui->timeline, &TimelineView::zoomChanged, this, [this](TimelineView::Zoom zoom) {
        m_ui->zoomCombo->setCurrentIndex(m_ui->zoomCombo->findData(int(zoom)));
        GuiSettings::setIntValue(QStringLiteral("zoom"), int(zoom));
    });

    m_ui->timeline->setModel(m_points);
    m_ui->pointTable->setModel(m_points);
    m_ui->pointTable->setSelectionModel(m_ui->timeline->selectionModel()); // one selection, two views
    m_ui->pointTable->verticalHeader()->hide();
    m_ui->pointTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->pointTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Oldest first, as on the timeline; the newest are the ones looked for.
    new EndFollower(m_ui->pointTable);
    connect(m_ui->timeline->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onPointSelectionChanged);
    // A selected point that changes (made golden, found damaged) changes what may be done
    // with it, such as whether it may be deleted.
    connect(m_points, &QAbstractItemModel::dataChanged, this, &MainWindow::onPointSelectionChanged);
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_ui->timeline),
             static_cast<QAbstractItemView *>(m_ui->pointTable)}) {
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
            const QModelIndex index = view->indexAt(pos);
            if (index.isValid() && !view->selectionModel()->isSelected(index)) {
                view->selectionModel()->select(
                    index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
            m_pointActions->createMenu(this)->popup(view->viewport()->mapToGlobal(pos));
        });
    }
    connect(m_points, &QAbstractItemModel::modelReset, this, &MainWindow::updatePointPane);
    connect(m_points, &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePointPane);
    connect(m_points, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePointPane);
    connect(m_points, &PointModel::loaded, this, &MainWindow::updatePointPane);
    connect(m_points, &PointModel::loadFailed, this, &MainWindow::showStatus);

    m_ui->jobsPanel->setJobManager(m_jobs);
    connect(m_ui->jobsPanel, &JobsPanel::settingsRequested, this, [this](Job *job) {
        // The causes behind "Open settings": the repository (full, read-only) or the VM's
        // method (quiesce needs a guest agent).
        if (job->error().code() == ErrorCode::AgentUnavailable && !job->vmUuid().isEmpty()) {
            selectVm({}, job->vmUuid());
            showStatus(
                tr("Choose another backup method for '%1' (right-click it), or install qemu-guest-agent "
                   "in the guest.")
                    .arg(job->vmName()));
            return;
        }
        chooseRepository();
    });
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(GuiSettings::windowState(QStringLiteral("geometry")))) {
        // First start: most of the screen, since the timeline wants width.
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(available.size() * 0.92);
            move(available.center() - rect().center());
        }
    }
    restoreState(GuiSettings::windowState(QStringLiteral("windowState")));
    if (!m_ui->mainSplitter->restoreState(GuiSettings::windowState(QStringLiteral("mainSplitter")))) {
        m_ui->mainSplitter->setSizes({height() * 72 / 100, height() * 28 / 100});
    }
    if (!m_ui->topSplitter->restoreState(GuiSettings::windowState(QStringLiteral("topSplitter")))) {
        VmTreeColumns::keepDefaultSplit(m_ui->topSplitter, m_ui->vmTree);
    }
    const auto zoom = TimelineView::Zoom(
        qBound(0, GuiSettings::intValue(QStringLiteral("zoom"), int(TimelineView::Zoom::Week)), 3));
    m_ui->timeline->setZoom(zoom);
    m_ui->zoomCombo->setCurrentIndex(m_ui->zoomCombo->findData(int(zoom)));
    m_tableMode = GuiSettings::intValue(QStringLiteral("pointView"), 0) == 1;
    (m_tableMode ? m_ui->actionShowTable : m_ui->actionShowTimeline)->setChecked(true);
}

void MainWindow::saveLayout() const
{
    GuiSettings::setWindowState(QStringLiteral("geometry"), saveGeometry());
    GuiSettings::setWindowState(QStringLiteral("windowState"), saveState());
    GuiSettings::setWindowState(QStringLiteral("mainSplitter"), m_ui->mainSplitter->saveState());
    GuiSettings::setWindowState(QStringLiteral("topSplitter"), m_ui->topSplitter->saveState());
    GuiSettings::setIntValue(QStringLiteral("pointView"), m_tableMode ? 1 : 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_hideOnClose) {
        hide();
        event->ignore();
        return;
    }
    if (m_jobs->model()->activeCount() > 0) {
        // Without a tray, closing quits: not behind the back of a running backup.
        event->ignore();
        Q_EMIT quitRequested();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showWindow()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 15000);
}

void MainWindow::setRepository(const Repository &repository)
{
    m_repository = repository;
    if (repository.isValid()) {
        m_pointEmptyState->setUnavailable({}, {});
    }
    m_repositoryLabel->setRepository(repository);
    if (!m_points->vmUuid().isEmpty()) {
        m_points->load(repository, m_points->vmUuid(), m_points->vmName());
    }
    onPointSelectionChanged();
    updatePointPane();
    updateActions();
}

void MainWindow::setRepositoryUnavailable(const QString &path, const QString &message)
{
    // Says what is awaited; the repository itself, and what was read from it, is unchanged.
    m_pointEmptyState->setUnavailable(path, message);
    m_repositoryLabel->setUnavailable(path);
    updatePointPane();
}

// ---- VM selection ---------------------------------------------------------------------

QList<MainWindow::SelectedVm> MainWindow::selectedVms() const
{
    QList<SelectedVm> out;
    const QModelIndexList rows = m_ui->vmTree->selectionModel()->selectedRows(VmModel::NameColumn);
    for (const QModelIndex &proxyIndex : rows) {
        const QModelIndex index = m_proxy->mapToSource(proxyIndex);
        if (auto info = m_vms->domainAt(index)) {
            out.append({index.data(VmModel::UriRole).toString(), *info});
        }
    }
    return out;
}

bool MainWindow::selectVm(const QString &uri, const QString &uuid)
{
    QModelIndex source = m_vms->vmIndex(uri, uuid);
    if (!source.isValid()) {
        return false;
    }
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_ui->searchField->clear();
        index = m_proxy->mapFromSource(source);
    }
    m_ui->vmTree->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->vmTree->scrollTo(index);
    return true;
}

void MainWindow::onVmSelectionChanged()
{
    const QList<SelectedVm> selected = selectedVms();
    if (selected.size() == 1) {
        const SelectedVm &vm = selected.first();
        m_currentUri = vm.uri;
        m_selectionRestored = true; // the user chose; do not jump back to the remembered VM
        GuiSettings::setLastSelectedVm(vm.uri, vm.info.uuid);
        if (vm.info.uuid != m_points->vmUuid() || m_points->repository().path() != m_repository.path()) {
            m_points->load(m_repository, vm.info.uuid, vm.info.name);
        }
    } else {
        m_currentUri.clear();
        m_points->clear();
    }
    onPointSelectionChanged();
    updatePointPane();
    updateActions();
}

void MainWindow::onPointSelectionChanged()
{
    QList<PointRow> selected;
    const QModelIndexList rows = m_ui->timeline->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.row() < m_points->rowCount()) {
            selected.append(m_points->point(index.row()));
        }
    }
    m_pointActions->setContext(
        m_currentUri, m_points->vmUuid(), m_points->vmName(), selected, m_repository.isValid());
}

void MainWindow::updateActions()
{
    const bool vms = !selectedVms().isEmpty();
    m_ui->actionBackupNow->setEnabled(vms && m_repository.isValid());
    m_ui->actionVerifyVm->setEnabled(vms && m_repository.isValid());
    m_ui->actionBackupSettings->setEnabled(selectedVms().size() == 1 && m_repository.isValid());
    m_ui->actionRestoreRemoved->setEnabled(m_repository.isValid());
}

void MainWindow::backUpSelected()
{
    const QList<SelectedVm> selected = selectedVms();
    if (selected.isEmpty()) {
        showStatus(tr("Select the virtual machines to back up first."));
        return;
    }
    for (const SelectedVm &vm : selected) {
        m_jobs->backup(vm.uri, vm.info.uuid, vm.info.name, GuiSettings::backupMethod(vm.info.uuid));
    }
}

void MainWindow::verifySelected()
{
    for (const SelectedVm &vm : selectedVms()) {
        m_jobs->verify(vm.info.uuid, vm.info.name);
    }
}

void MainWindow::showVmContextMenu(const QPoint &pos)
{
    const QList<SelectedVm> selected = selectedVms();
    if (selected.isEmpty()) {
        return;
    }
    const SelectedVm &vm = selected.first();
    const bool tracked = selected.size() == 1 && !ChangeTracking::overlaysInUse(vm.info.disks).isEmpty();
    auto *menu = new VmContextMenu(selected.size() == 1 ? vm.info.uuid : QString(),
        {m_ui->actionBackupNow, m_ui->actionVerifyVm, m_ui->actionBackupSettings}, tracked, this);
    connect(menu, &VmContextMenu::stopTrackingRequested, this,
        [this, vm] { m_jobs->stopTracking(vm.uri, vm.info.uuid, vm.info.name); });
    connect(menu, &VmContextMenu::methodChosen, this, [this](const QString &, PointManifest::Method method) {
        showStatus(tr("Backups of this VM now use: %1").arg(DisplayText::methodText(method)));
    });
    menu->popup(m_ui->vmTree->viewport()->mapToGlobal(pos));
}

// ---- Empty states ---------------------------------------------------------------------

void MainWindow::updateVmEmptyState()
{
    m_ui->vmStack->setCurrentWidget(m_vmEmptyState->update(m_ui->searchField->text())
            ? static_cast<QWidget *>(m_ui->vmEmpty)
            : m_ui->vmTree);
}

void MainWindow::showPointView(bool table)
{
    m_tableMode = table;
    (table ? m_ui->actionShowTable : m_ui->actionShowTimeline)->setChecked(true);
    updatePointPane();
    // The point selected in one view is in sight in the other.
    const QModelIndexList selected = m_ui->timeline->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        QAbstractItemView *view = table ? static_cast<QAbstractItemView *>(m_ui->pointTable) : m_ui->timeline;
        view->scrollTo(selected.last());
    }
}

void MainWindow::updatePointPane()
{
    const bool haveVm = !m_points->vmUuid().isEmpty();
    const int count = m_points->rowCount();
    QString title = haveVm
        ? tr("<b>%1</b> · %n point(s)", nullptr, count).arg(m_points->vmName().toHtmlEscaped())
        : QString();
    // When all of them were last read back (the weekly check, or Verify on the VM).
    const QDateTime checked = haveVm && count > 0 && m_repository.isValid()
        ? GuiSettings::lastVerified(m_repository.path(), m_points->vmUuid())
        : QDateTime();
    if (checked.isValid()) {
        title += QStringLiteral(" · ") + tr("checked %1").arg(DisplayText::age(checked));
    }
    m_ui->vmTitle->setText(title);
    m_ui->zoomCombo->setEnabled(!m_tableMode);
    QWidget *page = m_tableMode ? static_cast<QWidget *>(m_ui->pointTable) : m_ui->timeline;
    if (m_pointEmptyState->update(m_repository)) {
        page = m_ui->pointEmpty;
    }
    m_ui->pointStack->setCurrentWidget(page);
}

// ---- Dialogs --------------------------------------------------------------------------

void MainWindow::chooseRepository()
{
    auto *dialog = new QFileDialog(this, tr("Choose the Backup Repository"),
        m_repository.isValid() ? m_repository.path() : Repository::defaultLocation());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::repositoryChosen);
    dialog->open();
}

void MainWindow::addConnection()
{
    m_ui->connectionsMenu->promptForConnection(this);
}

} // namespace Rewind
