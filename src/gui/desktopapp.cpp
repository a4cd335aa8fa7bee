#include "desktopapp.h"

#include "async.h"
#include "connectionlist.h"
#include "displaytext.h"
#include "guilogging.h"
#include "guisettings.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "jobs/job.h"
#include "jobs/recovery.h"
#include "libvirt/connection.h"
#include "libvirt/domain.h"
#include "libvirt/inventory.h"
#include "mainwindow.h"
#include "notifier.h"
#include "scheduler.h"
#include "sleepinhibitor.h"
#include "sleepwatcher.h"
#include "trayicon.h"
#include "vmmodel.h"
#include "workers.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace Rewind {

DesktopApp::DesktopApp(const DesktopOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_connections(new ConnectionList(this))
    , m_vms(new VmModel(this))
    , m_jobs(new JobManager(this))
    , m_notifier(new Notifier(this))
    , m_scheduler(new Scheduler(m_vms, m_jobs, this))
    , m_tray(new TrayIcon(m_vms, this))
    , m_sleepInhibitor(new SleepInhibitor(QDBusConnection::systemBus(), QDBusConnection::sessionBus(), this))
    , m_window(new MainWindow(m_vms, m_jobs, m_connections))
    , m_repositoryRetry(new QTimer(this))
    , m_dayChange(new QTimer(this))
{
    m_repositoryRetry->setInterval(std::chrono::minutes(1));
    connect(m_repositoryRetry, &QTimer::timeout, this, &DesktopApp::retryRepository);
    m_dayChange->setSingleShot(true);
    m_dayChange->setTimerType(Qt::VeryCoarseTimer);
    connect(m_dayChange, &QTimer::timeout, this, &DesktopApp::updateTray);
    m_connections->setPersistent(options.uris.isEmpty());
    connect(m_connections, &ConnectionList::added, this, [this](Connection *c, Inventory *inventory) {
        m_vms->addInventory(inventory);
        onConnectionAdded(c);
    });
    connect(m_connections, &ConnectionList::aboutToRemove, this,
        [this](Connection *, Inventory *inventory) { m_vms->removeInventory(inventory); });

    connect(m_window, &MainWindow::repositoryChosen, this, [this](const QString &path) {
        // The user's choice replaces the repository waited for, whatever comes of it.
        stopWaitingForRepository();
        m_window->setRepositoryUnavailable({}, {});
        openRepository(path, true, true);
    });
    connect(m_window, &MainWindow::repositoryRetryRequested, this, &DesktopApp::retryRepository);
    connect(m_window, &MainWindow::quitRequested, this, &DesktopApp::requestQuit);
    connect(this, &DesktopApp::repositoryFailed, m_window, [this](const QString &message) {
        auto *box
            = new QMessageBox(QMessageBox::Warning, tr("Repository"), message, QMessageBox::Close, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    connect(m_jobs, &JobManager::jobStarted, this, &DesktopApp::onJobStarted);
    connect(m_jobs, &JobManager::jobFinished, this, [this](Job *job) {
        const bool scheduled = m_jobs->wasScheduled(job);
        m_problem |= job->state() == Job::State::Failed;
        updateTray();
        if (job->state() != Job::State::Failed) {
            m_notifier->jobFinished(job, scheduled);
            return;
        }
        // Its failure is told only once it is known that the repository is still there:
        // when its drive was pulled, "the repository is not available", which says what
        // to do, is the one notification, not that and a failed job besides.
        checkRepositoryIsThere([this, job = QPointer<Job>(job), scheduled]() {
            if (job) {
                m_notifier->jobFinished(job, scheduled);
            }
        });
    });
    connect(m_jobs->model(), &JobModel::activeCountChanged, this, &DesktopApp::updateTray);
    connect(m_jobs->model(), &JobModel::activeCountChanged, this, [this](int active) {
        // The reason the desktop gives when asked to sleep or shut down: the tray's line.
        m_sleepInhibitor->setReason(runningText());
        if (m_quitting && active == 0) {
            QCoreApplication::quit();
        }
    });
    connect(m_scheduler, &Scheduler::overdue, m_notifier, &Notifier::backupOverdue);
    connect(m_scheduler, &Scheduler::planChanged, this, &DesktopApp::updateTray);
    connect(new SleepWatcher(QDBusConnection::systemBus(), this), &SleepWatcher::resumed, m_scheduler,
        &Scheduler::resumed);

    connect(m_tray, &TrayIcon::availableChanged, this, [this](bool available) {
        QApplication::setQuitOnLastWindowClosed(!available);
        m_window->setHideOnClose(available);
        m_notifier->setTrayIcon(m_tray->icon());
        if (!available && !m_window->isVisible()) {
            m_window->showWindow(); // started hidden, but there is no tray to come back from
        }
        updateTray();
    });
    auto open = [this] {
        m_problem = false;
        updateTray();
        m_window->showWindow();
    };
    connect(m_tray, &TrayIcon::openRequested, this, open);
    connect(m_notifier, &Notifier::activated, this, open);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopApp::requestQuit);
    connect(m_tray, &TrayIcon::backupRequested, this,
        [this](const QString &uri, const QString &uuid, const QString &name) {
            m_jobs->backup(uri, uuid, name, GuiSettings::backupMethod(uuid));
        });
}

DesktopApp::~DesktopApp()
{
    delete m_window;
}

void DesktopApp::start()
{
    QStringList uris = m_options.uris.isEmpty() ? GuiSettings::connectionUris() : m_options.uris;
    if (m_options.uris.isEmpty() && !GuiSettings::hasConnectionUris()) {
        // First start: the daemon rewindctl would use too (qemu:///system for root,
        // qemu:///session for a user). Removing it later is remembered.
        uris = {Libvirt::defaultUri()};
    }
    for (const QString &uri : uris) {
        m_connections->add(uri);
    }
    if (!m_options.repository.isEmpty()) {
        openRepository(m_options.repository, true, false);
    } else if (!GuiSettings::repositoryPath().isEmpty()) {
        openRepository(GuiSettings::repositoryPath(), false, false);
    } else if (QFileInfo::exists(Repository::defaultLocation())) {
        openRepository(Repository::defaultLocation(), false, false);
    }
    if (m_options.tray) {
        m_tray->install();
    } else {
        QApplication::setQuitOnLastWindowClosed(true);
    }
    if (!m_options.hidden || !m_options.tray) {
        m_window->showWindow();
    }
}

void DesktopApp::setRepositoryRetrySeconds(int seconds)
{
    m_repositoryRetry->setInterval(std::chrono::seconds(seconds));
}

void DesktopApp::openRepository(const QString &path, bool create, bool remember)
{
    const quint64 request = ++m_openRequest;
    const auto mode = create ? Repository::OpenMode::CreateIfMissing : Repository::OpenMode::OpenExisting;
    Async::run(
        QThreadPool::globalInstance(), this,
        [path, mode]() -> Result<Repository> {
            auto repo = Repository::open(path, mode);
            if (repo) {
                if (Status s = repo->checkWritable(); !s) {
                    return s.error();
                }
            }
            return repo;
        },
        [this, path, create, remember, request](const Result<Repository> &repo) {
            if (request != m_openRequest) {
                return; // a later request decides
            }
            if (!repo) {
                qCWarning(lcGui) << "Cannot use repository" << path << ":" << repo.error().toString();
                if (!create) {
                    waitForRepository(path, repo.error().message());
                    return;
                }
                Q_EMIT repositoryFailed(tr("The folder %1 cannot be used as a backup repository: %2")
                                            .arg(path, repo.error().message()));
                return;
            }
            if (!m_waitingFor.isEmpty()) {
                m_window->showStatus(tr("The backup repository at %1 is available again.").arg(repo->path()));
                stopWaitingForRepository();
            }
            if (remember) {
                GuiSettings::setRepositoryPath(repo->path());
            }
            setRepository(*repo);
        });
}

// The remembered repository is not there (its drive not mounted yet, most often): no
// message box at the start of a session, which may begin hidden in the tray, but a
// notification (again each day it lasts), the reason in the window, and a new try every
// period, so that scheduled backups resume by themselves once it is back.
void DesktopApp::waitForRepository(const QString &path, const QString &message)
{
    if (m_waitingFor != path) {
        m_waitingSince = QDateTime::currentDateTimeUtc();
    }
    // Throttled to once a day: a reminder that no backups are made while it lasts.
    m_notifier->repositoryUnavailable(path, message, m_waitingSince);
    m_waitingFor = path;
    m_window->setRepositoryUnavailable(path, message);
    if (!m_repositoryRetry->isActive()) {
        m_repositoryRetry->start();
    }
    updateTray();
}

void DesktopApp::retryRepository()
{
    if (!m_waitingFor.isEmpty()) {
        openRepository(m_waitingFor, false, false);
    }
}

void DesktopApp::stopWaitingForRepository()
{
    m_repositoryRetry->stop();
    m_waitingFor.clear();
    updateTray();
}

// After a failed job: a repository whose drive was unplugged or unmounted while Rewind
// ran is waited for like one missing at the start, so that the scheduled backups pause
// instead of failing every hour, and resume once the drive is back. ifThere runs when it
// is still there (or no longer the one in use).
void DesktopApp::checkRepositoryIsThere(const std::function<void()> &ifThere)
{
    if (!m_repository.isValid()) {
        ifThere();
        return;
    }
    const QString path = m_repository.path();
    const quint64 request = m_openRequest;
    Async::run(
        QThreadPool::globalInstance(), this,
        [path]() -> Result<Repository> { return Repository::open(path, Repository::OpenMode::OpenExisting); },
        [this, path, request, ifThere](const Result<Repository> &repo) {
            if (repo || request != m_openRequest || m_repository.path() != path) {
                ifThere(); // still there, or another repository was chosen meanwhile
                return;
            }
            qCWarning(lcGui) << "Repository" << path << "is gone:" << repo.error().toString();
            setRepository(Repository());
            waitForRepository(path, repo.error().message());
        });
}

void DesktopApp::requestQuit()
{
    const int active = m_jobs->model()->activeCount();
    if (active == 0) {
        QCoreApplication::quit();
        return;
    }
    m_window->showWindow();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Rewind"),
        tr("%n job(s) still running. Quitting cancels them; a cancelled backup first puts its VM back on its "
           "own disks, which can take a moment.",
            nullptr, active),
        QMessageBox::NoButton, m_window);
    QPushButton *quit = box->addButton(tr("Cancel Jobs and Quit"), QMessageBox::DestructiveRole);
    box->addButton(tr("Keep Running"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *b) {
        if (b == quit) {
            cancelJobsAndQuit();
        }
    });
    box->open();
}

void DesktopApp::cancelJobsAndQuit()
{
    m_quitting = true;
    const auto jobs = m_jobs->model()->jobs();
    for (Job *job : jobs) {
        job->cancel();
    }
    if (m_jobs->model()->activeCount() == 0) {
        QCoreApplication::quit();
    }
}

void DesktopApp::setRepository(const Repository &repository)
{
    m_repository = repository;
    qCInfo(lcGui) << "Repository:" << repository.path();
    m_jobs->setRepository(repository);
    m_vms->setRepository(repository);
    m_window->setRepository(repository);
    for (Connection *c : m_connections->connections()) {
        recover(c);
    }
    m_scheduler->check();
    updateTray();
    Q_EMIT repositoryChanged(repository);
}

void DesktopApp::onConnectionAdded(Connection *connection)
{
    connect(connection, &Connection::stateChanged, this, [this, connection](Connection::State state) {
        if (state == Connection::State::Connected) {
            recover(connection);
        } else if (state == Connection::State::Lost) {
            m_notifier->connectionLost(connection->uri());
            m_problem = true;
            updateTray();
        }
    });
    recover(connection);
}

void DesktopApp::recover(Connection *connection)
{
    // Before this application's first job on a connection, finish what killed jobs left
    // behind (overlays merged back, incomplete points removed). Each job repairs its own
    // VM too; doing it here shows the repairs at start-up.
    const auto handle = connection->handle();
    if (!handle || !m_repository.isValid()) {
        return;
    }
    const QString key = connection->uri() + QLatin1Char('|') + m_repository.path();
    if (m_recovered.contains(key)) {
        return;
    }
    m_recovered.insert(key);
    Async::run(
        Workers::libvirtPool(), this,
        [handle, repository = m_repository] { return Recovery::recoverAll(handle, repository); },
        [this](const QStringList &repairs) {
            for (const QString &line : repairs) {
                qCInfo(lcGui) << "Recovery:" << line;
            }
            if (!repairs.isEmpty()) {
                m_window->showStatus(repairs.join(QLatin1Char(' ')));
                m_vms->setRepository(m_repository); // points may have been removed
            }
        });
}

void DesktopApp::onJobStarted(Job *job)
{
    const QString uuid = job->vmUuid();
    if (uuid.isEmpty()) {
        return;
    }
    auto update = [this, job, uuid] {
        if (job->isFinished()) {
            m_vms->setBusyText(uuid, {});
            m_vms->refreshSummary(uuid);
            return;
        }
        const int percent = job->percent();
        const QString verb
            = job->kind() == Job::Kind::Backup ? tr("Backing up") : Job::stateText(job->state());
        m_vms->setBusyText(uuid, percent >= 0 ? tr("%1… %2 %").arg(verb).arg(percent) : tr("%1…").arg(verb));
    };
    connect(job, &Job::progressChanged, this, update);
    connect(job, &Job::phaseChanged, this, update);
    connect(job, &Job::stateChanged, this, update);
    update();
}

void DesktopApp::updateTray()
{
    const int running = m_jobs->model()->activeCount();
    QString tip = running > 0 ? tr("Rewind: %n job(s) running", nullptr, running) : tr("Rewind");
    if (!m_waitingFor.isEmpty()) {
        tip += QLatin1Char('\n') + tr("Waiting for the backup repository at %1.").arg(m_waitingFor);
    }
    if (m_problem) {
        tip += QLatin1Char('\n') + tr("Something needs your attention; open Rewind.");
    }
    const QString next = nextBackupText();
    if (!next.isEmpty()) {
        tip += QLatin1Char('\n') + next;
        // Said again just after midnight, when "tomorrow" becomes "today".
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime midnight(now.date().addDays(1), QTime(0, 0, 1));
        m_dayChange->start(std::chrono::milliseconds(std::max<qint64>(1000, now.msecsTo(midnight))));
    }
    // The menu's line: what keeps backups from running comes first, then what runs.
    QString state = next;
    if (!m_waitingFor.isEmpty()) {
        state = tr("Waiting for the backup repository");
    } else if (running > 0) {
        state = runningText();
    }
    m_tray->setStatus(running, m_problem || !m_waitingFor.isEmpty(), tip, state);
}

// "Running: Back up 'web' and 2 more"; empty when no job runs.
QString DesktopApp::runningText() const
{
    const auto jobs = m_jobs->model()->jobs();
    const auto active
        = std::find_if(jobs.cbegin(), jobs.cend(), [](const Job *j) { return !j->isFinished(); });
    if (active == jobs.cend()) {
        return {};
    }
    const int running = m_jobs->model()->activeCount();
    return running == 1 ? tr("Running: %1").arg((*active)->title())
                        : tr("Running: %1 and %n more", nullptr, running - 1).arg((*active)->title());
}

// The scheduler's plan in words, for a tray that sits there all day: an absolute time,
// which stays true while the tooltip or menu is shown.
QString DesktopApp::nextBackupText() const
{
    if (!m_repository.isValid()) {
        return {}; // nothing runs; the waiting line says why
    }
    const QDateTime next = m_scheduler->nextBackup();
    if (!next.isValid()) {
        return tr("No backups scheduled");
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (next <= now) {
        return tr("Next backup: '%1', as soon as it can run").arg(m_scheduler->nextBackupVmName());
    }
    return tr("Next backup: '%1', %2").arg(m_scheduler->nextBackupVmName(), DisplayText::moment(next, now));
}

} // namespace Rewind
