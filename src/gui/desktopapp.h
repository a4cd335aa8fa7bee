#pragma once

#include "repository/repository.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

class QTimer;

namespace Rewind {

class ConnectionList;
class Connection;
class Inventory;
class Job;
class JobManager;
class MainWindow;
class Notifier;
class Scheduler;
class SleepInhibitor;
class TrayIcon;
class VmModel;

/// How the application was started (src/app/main.cpp fills it from the command line).
struct DesktopOptions
{
    QStringList uris; ///< --connect; empty: the remembered connections
    QString repository; ///< --repo; empty: the remembered or default repository
    bool hidden = false; ///< start in the tray (when there is one)
    bool tray = true; ///< use a tray icon at all
};

/// The desktop application as a whole: creates the connections, models, job manager,
/// scheduler, notifier, tray icon and main window and wires them together. Opening the
/// repository and repairing what killed jobs left behind (Recovery) run in workers;
/// the GUI thread only reacts to their results.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApp(const DesktopOptions &options, QObject *parent = nullptr);
    ~DesktopApp() override;

    /// Opens the connections and the repository and shows the window.
    void start();

    MainWindow *window() const { return m_window; }
    VmModel *vmModel() const { return m_vms; }
    JobManager *jobManager() const { return m_jobs; }
    ConnectionList *connections() const { return m_connections; }
    Notifier *notifier() const { return m_notifier; }
    Scheduler *scheduler() const { return m_scheduler; }
    TrayIcon *trayIcon() const { return m_tray; }
    SleepInhibitor *sleepInhibitor() const { return m_sleepInhibitor; }
    Repository repository() const { return m_repository; }
    /// The remembered repository that could not be opened at the start, or the one in use
    /// that was gone when a job failed (its drive unplugged), tried again every retry
    /// period; empty when none is.
    QString waitingForRepository() const { return m_waitingFor; }
    /// How often a repository that is waited for is tried again (tests shorten it).
    void setRepositoryRetrySeconds(int seconds);

public Q_SLOTS:
    /// Opens (create: or initialises) the repository at path in a worker; on success it
    /// becomes the application's repository (and is remembered when remember is set).
    /// Only the latest request counts: a slower earlier one is dropped. A repository
    /// the user chose that fails says why in a message box; the remembered one (opened
    /// without create) is waited for instead: see waitingForRepository().
    void openRepository(const QString &path, bool create, bool remember);
    /// Quits, but not in the middle of a backup: with jobs running it asks first, cancels
    /// them (a cancelled backup first puts its VM back on its own disks) and quits when
    /// the last one has ended.
    void requestQuit();
    /// Quits without asking (the session ends): cancels the running jobs and quits once
    /// the last one has ended.
    void cancelJobsAndQuit();

Q_SIGNALS:
    void repositoryChanged(const Rewind::Repository &repository);
    /// A repository could not be opened; the message says why and what to do.
    void repositoryFailed(const QString &message);

private:
    void setRepository(const Repository &repository);
    void onConnectionAdded(Connection *connection);
    void recover(Connection *connection);
    void onJobStarted(Job *job);
    void updateTray();
    QString runningText() const;
    QString nextBackupText() const;
    void waitForRepository(const QString &path, const QString &message);
    void retryRepository();
    void stopWaitingForRepository();
    void checkRepositoryIsThere(const std::function<void()> &ifThere);

    DesktopOptions m_options;
    ConnectionList *m_connections;
    VmModel *m_vms;
    JobManager *m_jobs;
    Notifier *m_notifier;
    Scheduler *m_scheduler;
    TrayIcon *m_tray;
    SleepInhibitor *m_sleepInhibitor;
    MainWindow *m_window;
    Repository m_repository;
    QTimer *m_repositoryRetry;
    QTimer *m_dayChange; // "today" and "tomorrow" in the tray's next backup
    QString m_waitingFor;
    QDateTime m_waitingSince; ///< when the wait for m_waitingFor began
    quint64 m_openRequest = 0; ///< the latest openRepository(); older results are dropped
    QSet<QString> m_recovered; ///< "uri|repository" pairs already repaired
    bool m_problem = false;
    bool m_quitting = false;
};

} // namespace Rewind
