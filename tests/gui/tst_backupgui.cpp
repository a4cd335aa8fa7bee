// The desktop application against a real libvirtd and a real QEMU guest (TestGuest):
// "Back Up Now" shows progress in the jobs panel and ends with a new point on the
// timeline; cancelling during the copy (with the panel's Cancel button) leaves the VM on
// its own images and no partial point in the repository; the restore dialog brings a
// point back in place (RAM included), exports it, and brings the VM back as it was once
// it has been deleted from libvirt.
//
// Labelled "integration": it needs root, libvirtd and QEMU (tests/fixtures).

#include "backupsettingsdialog.h"
#include "desktopapp.h"
#include "guitestdata.h"
#include "jobdelegate.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "pointcommands.h"
#include "pointmodel.h"
#include "removedvmsdialog.h"
#include "restoredialog.h"
#include "resumechecks.h"
#include "testguest.h"
#include "timelineview.h"
#include "vmcontextmenu.h"
#include "vmmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;
using namespace RewindTest;

namespace {

/// Records what the jobs panel's model showed for the newest job while it ran.
struct ProgressLog
{
    QSet<QString> phases;
    int maxPercent = -1;
    bool sawRunning = false;
    bool sawRate = false;
};

QStyleOptionViewItem optionFor(QListView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.widget = view;
    option.fontMetrics = view->fontMetrics();
    return option;
}

} // namespace

class TestBackupGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_app.reset();
        m_dir.reset();
    }

    void backupNowShowsProgressAndANewPoint()
    {
        TestGuest guest;
        startWithGuest(guest);
        if (QTest::currentTestFailed()) {
            return;
        }
        MainWindow *w = m_app->window();

        JobModel *jobs = m_app->jobManager()->model();
        ProgressLog log;
        QMetaObject::Connection watch = connect(jobs, &QAbstractItemModel::dataChanged, this, [&] {
            const QModelIndex row = jobs->index(0);
            log.sawRunning |= Job::State(row.data(JobModel::StateRole).toInt()) == Job::State::Running;
            log.phases.insert(row.data(JobModel::PhaseTextRole).toString());
            log.maxPercent = std::max(log.maxPercent, row.data(JobModel::PercentRole).toInt());
            log.sawRate |= row.data(JobModel::RateRole).toDouble() > 0;
        });
        QSignalSpy finished(m_app->jobManager(), &JobManager::jobFinished);
        w->backupNowAction()->trigger();
        QCOMPARE(jobs->rowCount(), 1);
        QVERIFY(w->jobsPanel()->view()->isVisible());
        QVERIFY2(finished.wait(600000), "the backup did not finish in 10 minutes");
        disconnect(watch);
        Job *job = jobs->jobAt(0);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->log().join(QLatin1Char('\n'))));
        QVERIFY(log.sawRunning);
        QVERIFY2(log.phases.contains(jobPhaseText(JobPhase::Copy)),
            qPrintable(QStringList(log.phases.cbegin(), log.phases.cend()).join(QStringLiteral(", "))));
        QVERIFY(log.phases.contains(jobPhaseText(JobPhase::Snapshot)));
        QCOMPARE(jobs->index(0).data(JobModel::PercentRole).toInt(), 100);
        QVERIFY(!job->outcome().pointId.isEmpty());

        // The new point is on the timeline of the selected VM.
        QTRY_COMPARE_WITH_TIMEOUT(w->pointModel()->rowCount(), 1, 10000);
        QCOMPARE(w->pointModel()->point(0).id, job->outcome().pointId);
        QCOMPARE(w->pointModel()->point(0).method, PointManifest::Method::FullState);
        QTRY_VERIFY(w->timeline()->isVisible());
        const QRect marker = w->timeline()->visualRect(w->pointModel()->index(0, 0));
        QVERIFY(w->timeline()->viewport()->rect().contains(marker.center()));
        const QModelIndex vm = m_app->vmModel()->vmIndex(TestGuest::uri(), guest.uuid());
        QTRY_COMPARE(vm.data(VmModel::PointCountRole).toInt(), 1);
        QVERIFY(guest.isActive());
        // It goes on writing to the overlay that makes its next point an increment.
        QVERIFY2(guest.activeDiskPath().startsWith(guest.diskPath() + QStringLiteral(".rewind-")),
            qPrintable(guest.activeDiskPath()));
        // ...and its tooltip says so, once the inventory has seen the snapshot's events.
        const auto tooltip = [&] {
            return m_app->vmModel()->vmIndex(TestGuest::uri(), guest.uuid()).data(Qt::ToolTipRole).toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(tooltip().contains(QLatin1String("overlay")), 10000);

        // Its context menu offers to stop tracking; the job puts it back on its own image.
        VmContextMenu menu(guest.uuid(), {}, true);
        QSignalSpy asked(&menu, &VmContextMenu::stopTrackingRequested);
        const QList<QAction *> actions = menu.actions();
        const auto stop = std::find_if(actions.cbegin(), actions.cend(),
            [](const QAction *a) { return a->text().contains(QLatin1String("Tracking")); });
        QVERIFY(stop != actions.cend());
        (*stop)->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), guest.uuid());
        Job *untrack = m_app->jobManager()->stopTracking(TestGuest::uri(), guest.uuid(), guest.name());
        QVERIFY(untrack);
        QTRY_VERIFY_WITH_TIMEOUT(untrack->isFinished(), 60000);
        QCOMPARE(untrack->state(), Job::State::Succeeded);
        QCOMPARE(guest.activeDiskPath(), guest.diskPath());
        QTRY_VERIFY_WITH_TIMEOUT(!tooltip().contains(QLatin1String("overlay")), 10000);
        VmContextMenu untracked(guest.uuid(), {}, false);
        QVERIFY(std::none_of(untracked.actions().cbegin(), untracked.actions().cend(),
            [](const QAction *a) { return a->text().contains(QLatin1String("Tracking")); }));
    }

    void cancelDuringCopyLeavesNoTrace()
    {
        // A raw disk with 1.5 GiB of data, so the copy lasts long enough to cancel in it.
        GuestOptions options;
        options.diskFormat = QStringLiteral("raw");
        options.diskBytes = qint64(2) << 30;
        options.startOnCreate = false;
        TestGuest guest(options);
        QString error;
        QVERIFY2(guest.create(&error), qPrintable(error));
        {
            QFile disk(guest.diskPath());
            QVERIFY(disk.open(QIODevice::ReadWrite));
            QVERIFY(disk.seek(qint64(4) << 20)); // past the guest's counter sectors
            const QByteArray chunk(8 << 20, '\x5a');
            for (int i = 0; i < 192; ++i) {
                QCOMPARE(disk.write(chunk), qint64(chunk.size()));
            }
        }
        QVERIFY2(guest.start(&error), qPrintable(error));
        QVERIFY2(guest.waitForBoot(90000, &error), qPrintable(error));
        const QString liveXmlBefore = guest.domainXml();

        startApp(guest);
        MainWindow *w = m_app->window();
        QVERIFY(w->selectVm(TestGuest::uri(), guest.uuid()));
        QSignalSpy finished(m_app->jobManager(), &JobManager::jobFinished);
        w->backupNowAction()->trigger();
        JobModel *jobs = m_app->jobManager()->model();
        Job *job = jobs->jobAt(0);
        QVERIFY(job);

        // Wait for the copy to be under way, then press the row's Cancel button.
        QTRY_VERIFY_WITH_TIMEOUT(
            job->isFinished() || (job->phase() == JobPhase::Copy && job->doneBytes() > 0), 300000);
        QVERIFY2(!job->isFinished(), "the copy ended before it could be cancelled");
        QListView *view = w->jobsPanel()->view();
        const QModelIndex row = jobs->index(0);
        const QRect cancel
            = w->jobsPanel()->delegate()->buttonRect(optionFor(view, row), row, JobModel::Action::Cancel);
        QVERIFY(!cancel.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cancel.center());
        QVERIFY(job->isCancelRequested());
        QVERIFY(row.data(JobModel::DetailTextRole).toString().contains(QLatin1String("Cancelling")));
        QVERIFY2(finished.wait(300000), "the cancelled backup did not end");
        QVERIFY2(job->state() == Job::State::Cancelled, qPrintable(job->log().join(QLatin1Char('\n'))));

        // The VM runs on its own image again, with no overlay left anywhere.
        QVERIFY(guest.isActive());
        QCOMPARE(guest.activeDiskPath(), guest.diskPath());
        QVERIFY2(!guest.domainXml().contains(QLatin1String(".rewind-")), qPrintable(guest.domainXml()));
        QCOMPARE(QDir(guest.workDir()).entryList({QStringLiteral("*.rewind-*")}, QDir::Files | QDir::Hidden),
            QStringList());
        Q_UNUSED(liveXmlBefore)
        // No point, complete or partial, and no journal in the repository.
        auto repo = Repository::open(m_repoPath);
        QVERIFY(repo);
        auto points = repo->listPoints(guest.uuid());
        QVERIFY(points);
        QCOMPARE(points->size(), 0);
        QCOMPARE(QDir(repo->journalDir(guest.uuid())).entryList(QDir::Files | QDir::NoDotAndDotDot),
            QStringList());
        QCOMPARE(w->pointModel()->rowCount(), 0);
        // And the guest keeps counting.
        const int counter = guest.latestSerialRecord().counter;
        QVERIFY2(guest.waitForCounter(counter + 3, 30000, &error), qPrintable(error));
    }

    // Backup Settings from the main window: keep the last point only. Each backup the
    // application makes then removes what the rule no longer keeps, and says so; the
    // point left is whole (it was an increment on the removed one).
    void retentionAppliesAfterEachBackup()
    {
        TestGuest guest;
        startWithGuest(guest);
        if (QTest::currentTestFailed()) {
            return;
        }
        MainWindow *w = m_app->window();
        auto *settingsAction = w->findChild<QAction *>(QStringLiteral("actionBackupSettings"));
        QVERIFY(settingsAction);
        QTRY_VERIFY_WITH_TIMEOUT(settingsAction->isEnabled(), 10000);
        settingsAction->trigger();
        auto *dialog = w->findChild<BackupSettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        dialog->findChild<QSpinBox *>(QStringLiteral("keepLast"))->setValue(1);
        QSignalSpy saved(dialog, &BackupSettingsDialog::saved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(saved.wait(10000));

        QSignalSpy finished(m_app->jobManager(), &JobManager::jobFinished);
        QStringList pointIds;
        for (int i = 0; i < 2; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(w->backupNowAction()->isEnabled(), 10000);
            w->backupNowAction()->trigger();
            Job *job = nullptr;
            nextJobSucceeds(finished, &job);
            if (QTest::currentTestFailed()) {
                return;
            }
            pointIds << job->outcome().pointId;
            const QString notes = job->outcome().notes.join(QLatin1Char('\n'));
            if (i == 0) {
                QVERIFY2(!notes.contains(QLatin1String("Retention")), qPrintable(notes));
            } else {
                QVERIFY2(notes.contains(QLatin1String("Retention removed 1 older point")), qPrintable(notes));
            }
        }
        // The timeline reloads after the job: the first point is gone, the second stays.
        QTRY_VERIFY_WITH_TIMEOUT(
            w->pointModel()->rowCount() == 1 && w->pointModel()->point(0).id == pointIds.last(), 10000);

        Job *verify = m_app->jobManager()->verify(guest.uuid(), guest.name());
        QVERIFY(verify);
        QTRY_VERIFY_WITH_TIMEOUT(verify->isFinished(), 120000);
        QVERIFY2(verify->state() == Job::State::Succeeded, qPrintable(verify->log().join(QLatin1Char('\n'))));
    }

    // The restore dialog, answered as a user would: in place brings the guest back to the
    // point with its RAM (same boot, counting on from the point); an export writes the
    // point's disk into the chosen folder.
    void restoreThroughTheDialog()
    {
        TestGuest guest;
        startWithGuest(guest);
        if (QTest::currentTestFailed()) {
            return;
        }
        MainWindow *w = m_app->window();
        QSignalSpy finished(m_app->jobManager(), &JobManager::jobFinished);
        w->backupNowAction()->trigger();
        Job *backup = nullptr;
        nextJobSucceeds(finished, &backup);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString pointId = backup->outcome().pointId;
        QTRY_COMPARE_WITH_TIMEOUT(w->pointModel()->rowCount(), 1, 10000);
        const PointRow point = w->pointModel()->point(0);
        QCOMPARE(point.id, pointId);
        QString error;
        const TestGuest::Record stored = TestGuest::readDiskRecord(m_repoPath + QLatin1Char('/')
                + guest.uuid() + QLatin1Char('/') + pointId + QStringLiteral("/vda.qcow2"),
            {}, &error);
        QVERIFY2(stored.isValid(), qPrintable(error));
        QVERIFY2(guest.waitForCounter(stored.counter + 5, 30000, &error), qPrintable(error));

        const auto answer = [&](RestoreRequest::Mode mode, const QString &exportDir = {}) {
            return connect(w->pointCommands(), &PointCommands::restoreDialogOpened, this,
                [mode, exportDir](RestoreDialog *dialog) {
                    dialog->setMode(mode);
                    if (!exportDir.isEmpty()) {
                        dialog->findChild<QLineEdit *>(QStringLiteral("exportDir"))->setText(exportDir);
                    }
                    QMetaObject::invokeMethod(
                        dialog->restoreButton(), &QPushButton::click, Qt::QueuedConnection);
                });
        };
        const qsizetype mark = guest.serialRecords().size();
        QMetaObject::Connection answered = answer(RestoreRequest::Mode::InPlace);
        w->pointCommands()->restore(TestGuest::uri(), guest.uuid(), guest.name(), point, {guest.name()});
        Job *restore = nullptr;
        nextJobSucceeds(finished, &restore);
        disconnect(answered);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(restore->outcome().summary.contains(QLatin1String("restored to point")),
            qPrintable(restore->outcome().summary));
        QList<TestGuest::Record> run;
        QTRY_VERIFY_WITH_TIMEOUT((run = resumedRun(guest.serialRecords(), mark)).size() >= 3, 30000);
        const QString problem = checkContinuation(run, stored);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QString exportDir = m_dir->path() + QStringLiteral("/export");
        QVERIFY(QDir().mkpath(exportDir));
        answered = answer(RestoreRequest::Mode::Export, exportDir);
        w->pointCommands()->restore(TestGuest::uri(), guest.uuid(), guest.name(), point, {guest.name()});
        Job *exported = nullptr;
        nextJobSucceeds(finished, &exported);
        disconnect(answered);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QStringList files = QDir(exportDir).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY2(
            exported->outcome().summary.contains(files.first()), qPrintable(exported->outcome().summary));
        QCOMPARE(TestGuest::readDiskRecord(exportDir + QLatin1Char('/') + files.first()), stored);

        // Deleted from libvirt (keeping its disk), it leaves the list; File > Restore a
        // Removed VM finds it, and "As it was" brings it back under its own UUID, running
        // on from the point.
        QCOMPARE(virDomainDestroy(guest.domain()), 0);
        QCOMPARE(virDomainUndefine(guest.domain()), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->vmModel()->vmIndex(TestGuest::uri(), guest.uuid()).isValid(), 30000);
        RemovedVmsDialog *removed = nullptr;
        connect(w->pointCommands(), &PointCommands::removedVmsDialogOpened, this,
            [&removed](RemovedVmsDialog *d) { removed = d; });
        answered
            = connect(w->pointCommands(), &PointCommands::restoreDialogOpened, this, [](RestoreDialog *d) {
                  d->findChild<QRadioButton *>(QStringLiteral("inPlace"))->click();
                  QMetaObject::invokeMethod(d->restoreButton(), &QPushButton::click, Qt::QueuedConnection);
              });
        auto *action = w->findChild<QAction *>(QStringLiteral("actionRestoreRemoved"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(removed);
        QSignalSpy loaded(removed, &RemovedVmsDialog::loaded);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(removed->vmUuid(), guest.uuid());
        QCOMPARE(removed->point().id, pointId);
        const qsizetype beforeReturn = guest.serialRecords().size();
        removed->restoreButton()->click();
        Job *back = nullptr;
        nextJobSucceeds(finished, &back);
        disconnect(answered);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(back->outcome().summary.contains(QLatin1String("is back as it was")),
            qPrintable(back->outcome().summary));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->vmModel()->vmIndex(TestGuest::uri(), guest.uuid()).isValid(), 30000);
        QCOMPARE(guest.state(), int(VIR_DOMAIN_RUNNING));
        QTRY_VERIFY_WITH_TIMEOUT((run = resumedRun(guest.serialRecords(), beforeReturn)).size() >= 3, 30000);
        const QString again = checkContinuation(run, stored);
        QVERIFY2(again.isEmpty(), qPrintable(again));
    }

private:
    // The next job that finishes (within 10 minutes) succeeded; *job is it.
    static void nextJobSucceeds(QSignalSpy &finished, Job **job)
    {
        QVERIFY2(!finished.isEmpty() || finished.wait(600000), "no job finished in 10 minutes");
        *job = finished.takeFirst().first().value<Job *>();
        QVERIFY2((*job)->state() == Job::State::Succeeded, qPrintable((*job)->log().join(QLatin1Char('\n'))));
    }

    // A running guest, the application on it and the guest selected in the window, ready
    // to be backed up.
    void startWithGuest(TestGuest &guest)
    {
        QString error;
        QVERIFY2(guest.create(&error), qPrintable(error));
        QVERIFY2(guest.waitForBoot(90000, &error), qPrintable(error));
        startApp(guest);
        QVERIFY(m_app->window()->selectVm(TestGuest::uri(), guest.uuid()));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->window()->backupNowAction()->isEnabled(), 10000);
    }

    void startApp(const TestGuest &guest)
    {
        m_repoPath = m_dir->path() + QStringLiteral("/repo");
        DesktopOptions options;
        options.uris = {TestGuest::uri()};
        options.repository = m_repoPath;
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->vmModel()->vmIndex(TestGuest::uri(), guest.uuid()).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->repository().isValid(), 10000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_repoPath;
    std::unique_ptr<DesktopApp> m_app;
};

QTEST_MAIN(TestBackupGui)
#include "tst_backupgui.moc"
