#pragma once

#include "libvirt/domaininfo.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"

#include <QMainWindow>

#include <memory>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;

namespace Ui {
class MainWindow;
}

namespace Rewind {

class ConnectionList;
class EmptyStateWidget;
class JobManager;
class JobsPanel;
class PointActions;
class PointCommands;
class PointEmptyState;
class PointModel;
class RepositoryLabel;
class TimelineView;
class VmEmptyState;
class VmModel;

/// The main window: the VMs of every connection on the left (with search), the backup
/// points of the selected VM on the right as a timeline or a table, the jobs at the
/// bottom. Layout in ui/mainwindow.ui. Where a list would be empty, the window says why
/// and offers the step that helps (connect, choose a repository, back up now).
///
/// The window only shows and asks; the models, the job manager and the connection list
/// it is given do the work, so a test can drive it with libvirt's test driver.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct SelectedVm
    {
        QString uri;
        DomainInfo info;
    };

    MainWindow(VmModel *vms, JobManager *jobs, ConnectionList *connections, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The repository the views read; an invalid one shows "choose a repository".
    void setRepository(const Repository &repository);
    /// The repository at path could not be opened (message says why), and the
    /// application waits for it: the point pane says so and offers to try again or to
    /// choose another folder. An empty path ends the wait; so does setRepository().
    void setRepositoryUnavailable(const QString &path, const QString &message);
    /// Closing the window hides it (the tray icon keeps the application running).
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }

    /// Selects the VM in the tree (clearing the search if it hides it).
    bool selectVm(const QString &uri, const QString &uuid);
    QList<SelectedVm> selectedVms() const;

    QTreeView *vmTree() const;
    QLineEdit *searchField() const;
    QSortFilterProxyModel *vmProxy() const { return m_proxy; }
    TimelineView *timeline() const;
    QTableView *pointTable() const;
    PointModel *pointModel() const { return m_points; }
    PointActions *pointActions() const { return m_pointActions; }
    PointCommands *pointCommands() const { return m_pointCommands; }
    JobsPanel *jobsPanel() const;
    EmptyStateWidget *vmEmptyState() const;
    EmptyStateWidget *pointEmptyState() const;
    QAction *backupNowAction() const;
    QAction *startAtLoginAction() const;
    QAction *verifyAction() const;

public Q_SLOTS:
    void backUpSelected();
    void verifySelected();
    void showStatus(const QString &text);
    void showWindow();
    void chooseRepository();
    void addConnection();

Q_SIGNALS:
    /// The user picked a folder for the repository; the application opens it.
    void repositoryChosen(const QString &path);
    /// "Try Again" on an unavailable repository.
    void repositoryRetryRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpActions();
    void setUpViews();
    void restoreLayout();
    void saveLayout() const;
    void onVmSelectionChanged();
    void onPointSelectionChanged();
    void showPointView(bool table);
    void updateVmEmptyState();
    void updatePointPane();
    void updateActions();
    void showVmContextMenu(const QPoint &pos);

    std::unique_ptr<Ui::MainWindow> m_ui;
    VmModel *m_vms;
    JobManager *m_jobs;
    ConnectionList *m_connections;
    QSortFilterProxyModel *m_proxy;
    PointModel *m_points;
    PointActions *m_pointActions;
    PointCommands *m_pointCommands;
    RepositoryLabel *m_repositoryLabel;
    VmEmptyState *m_vmEmptyState = nullptr;
    PointEmptyState *m_pointEmptyState = nullptr;
    Repository m_repository;
    QString m_currentUri;
    bool m_hideOnClose = false;
    bool m_tableMode = false;
    bool m_selectionRestored = false;
};

} // namespace Rewind
