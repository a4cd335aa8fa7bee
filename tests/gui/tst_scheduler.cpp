// Scheduler: starts a backup when a VM's schedule is due, waits a retry delay after a
// failed one instead of hammering, aims its timer at the next run, and reports VMs whose
// backups are overdue.

#include "guisettings.h"
#include "guitestdata.h"
#include "jobmanager.h"
#include "jobs/job.h"
#include "libvirt/connection.h"
#include "libvirt/inventory.h"
#include "scheduler.h"
#include "vmmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Rewind;

class TestScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto repo = Repository::open(
            m_dir->path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        m_connection = std::make_unique<Connection>(QStringLiteral("test:///default"));
        m_inventory = std::make_unique<Inventory>(m_connection.get());
        m_vms = std::make_unique<VmModel>();
        m_vms->addInventory(m_inventory.get());
        m_jobs = std::make_unique<JobManager>();
        m_jobs->setRepository(*repo);
        QSignalSpy loaded(m_inventory.get(), &Inventory::loaded);
        m_connection->open();
        QVERIFY(loaded.wait(10000));
        m_uuid = m_vms->vms().first().info.uuid;
        m_scheduler = std::make_unique<Scheduler>(m_vms.get(), m_jobs.get());
        m_scheduler->setClock([this] { return m_now; });
        m_vms->setClock([this] { return m_now; });
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_jobs.reset();
        m_vms.reset();
        m_inventory.reset();
        m_connection.reset();
        m_dir.reset();
    }

    void nothingScheduledNothingRuns()
    {
        BackupSummary s;
        s.lastSuccess = m_now.addDays(-30); // old, but no schedule
        m_vms->setSummary(m_uuid, s);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        QSignalSpy overdue(m_scheduler.get(), &Scheduler::overdue);
        m_scheduler->check();
        QCOMPARE(started.size(), 0);
        QCOMPARE(overdue.size(), 0);
        QVERIFY(!m_scheduler->nextBackup().isValid());
    }

    void aimsAtTheNextRun()
    {
        BackupSummary s;
        s.lastSuccess = m_now.addSecs(-600);
        s.schedule = Schedule::interval(60);
        m_vms->setSummary(m_uuid, s);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        QSignalSpy planned(m_scheduler.get(), &Scheduler::planChanged);
        m_scheduler->check();
        QCOMPARE(started.size(), 0);
        QCOMPARE(m_scheduler->nextBackup(), m_now.addSecs(3000));
        QCOMPARE(m_scheduler->nextBackupVmName(), m_vms->vms().first().info.name);
        QCOMPARE(planned.size(), 1);
        m_scheduler->check(); // the same plan: nothing to tell
        QCOMPARE(planned.size(), 1);
        m_scheduler->setEnabled(false);
        QVERIFY(!m_scheduler->nextBackup().isValid());
        QCOMPARE(planned.size(), 2);
    }

    void dueRunsThenWaitsAfterAFailure()
    {
        BackupSummary s;
        s.lastSuccess = m_now.addDays(-3);
        s.schedule = Schedule::daily(QTime(2, 0));
        m_vms->setSummary(m_uuid, s);
        m_scheduler->setRetryDelaySeconds(1800);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        QSignalSpy overdue(m_scheduler.get(), &Scheduler::overdue);
        QSignalSpy finished(m_jobs.get(), &JobManager::jobFinished);
        m_scheduler->check();
        QCOMPARE(started.size(), 1);
        // Three days without a daily backup, but it starts now: nothing to warn about yet.
        QCOMPARE(overdue.size(), 0);
        Job *job = started.first().at(0).value<Job *>();
        QVERIFY(m_jobs->wasScheduled(job));
        QCOMPARE(job->vmUuid(), m_uuid);
        // The test driver's disks cannot be backed up: the scheduled job fails.
        QVERIFY(finished.wait(30000));
        QCOMPARE(job->state(), Job::State::Failed);

        // Still due, but it failed a moment ago: wait for the retry delay. Now the three
        // days are worth a warning.
        m_now = m_now.addSecs(60);
        m_scheduler->check();
        QCOMPARE(started.size(), 1);
        QVERIFY(overdue.size() >= 1);
        QCOMPARE(overdue.last().at(0).toString(), m_uuid);
        QCOMPARE(m_scheduler->nextBackup(), m_now.addSecs(1800 - 60));
        m_now = m_now.addSecs(1800);
        m_scheduler->check();
        QCOMPARE(started.size(), 2);
        QVERIFY(finished.wait(30000));
    }

    // Timers do not count the time the computer sleeps: after waking up, what became due
    // in the night is checked a little later, not at the next hourly check.
    void wakingUpChecksAfterADelay()
    {
        BackupSummary s;
        s.lastSuccess = m_now.addSecs(-600);
        s.schedule = Schedule::interval(60);
        m_vms->setSummary(m_uuid, s);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        QSignalSpy finished(m_jobs.get(), &JobManager::jobFinished);
        QTest::qWait(400); // the check that new summaries bring
        QCOMPARE(started.size(), 0);
        QCOMPARE(m_scheduler->nextBackup(), m_now.addSecs(3000));

        m_now = m_now.addSecs(8 * 3600); // a night asleep
        m_scheduler->setResumeDelaySeconds(1);
        m_scheduler->resumed();
        QTest::qWait(300);
        QCOMPARE(started.size(), 0); // the session and drives settle first
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); // the test driver's VM: fails
    }

    // The stored points of a VM with a schedule are read back once a week, only while no
    // other job runs.
    void checksStoredPointsWeeklyWhenIdle()
    {
        const Repository repo = m_jobs->repository();
        const QString name = m_vms->vms().first().info.name;
        QString error;
        QVERIFY2(!GuiTestData::writePoint(repo, m_uuid, name, m_now.addSecs(-3600), false, &error).isEmpty(),
            qPrintable(error));
        QVERIFY(!GuiSettings::lastVerified(repo.path(), m_uuid).isValid());
        QSignalSpy verifying(m_scheduler.get(), &Scheduler::verifyStarted);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        QSignalSpy finished(m_jobs.get(), &JobManager::jobFinished);

        BackupSummary s;
        s.points = s.complete = 1;
        s.lastSuccess = m_now.addSecs(-3600);
        s.schedule = Schedule::daily(m_now.addSecs(-2 * 3600).time());
        // Never checked, first backed up an hour ago: what it wrote was hashed as it was
        // written, the first check comes a week later.
        s.knownSince = s.lastSuccess;
        m_vms->setSummary(m_uuid, s);
        m_scheduler->check();
        QTest::qWait(300);
        QCOMPARE(verifying.size(), 0);
        // Known for a week and more, never checked: now, as nothing else runs.
        s.knownSince = m_now.addDays(-8);
        m_vms->setSummary(m_uuid, s);
        QTRY_COMPARE(verifying.size(), 1);
        QCOMPARE(started.size(), 0);
        Job *check = verifying.first().first().value<Job *>();
        QCOMPARE(check->kind(), Job::Kind::Verify);
        QVERIFY(m_jobs->wasScheduled(check));
        QTRY_COMPARE_WITH_TIMEOUT(check->state(), Job::State::Succeeded, 30000);
        QCOMPARE(GuiSettings::lastVerified(repo.path(), m_uuid), m_now);

        // Within the week: nothing to do; the timer aims at the daily backup.
        m_now = m_now.addDays(1).addSecs(-3 * 3600);
        m_scheduler->check();
        QCOMPARE(verifying.size(), 1);
        QCOMPARE(started.size(), 0);

        // A week and a day later both are due: the backup first, the check once it ended.
        m_now = m_now.addDays(7);
        finished.clear();
        m_scheduler->check();
        QCOMPARE(started.size(), 1);
        QCOMPARE(verifying.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); // the test driver's VM: fails
        QTRY_COMPARE(verifying.size(), 2);
        Job *second = verifying.last().first().value<Job *>();
        QTRY_COMPARE_WITH_TIMEOUT(second->state(), Job::State::Succeeded, 30000);
        QCOMPARE(GuiSettings::lastVerified(repo.path(), m_uuid), m_now);

        m_scheduler->setVerifyIntervalDays(0); // off
        GuiSettings::setLastVerified(repo.path(), m_uuid, {});
        m_scheduler->check();
        QTest::qWait(300);
        QCOMPARE(verifying.size(), 2);
        m_scheduler->setVerifyIntervalDays(7);
        GuiSettings::setWeeklyCheck(m_uuid, false); // off for this VM (Backup Settings)
        m_scheduler->check();
        QTest::qWait(300);
        QCOMPARE(verifying.size(), 2);
        GuiSettings::setWeeklyCheck(m_uuid, true);

        // A VM backed up by hand, without a schedule, has its points checked as well.
        s.schedule.reset();
        m_vms->setSummary(m_uuid, s);
        m_now = m_now.addDays(1); // past the retry delay of the check before
        m_scheduler->check();
        QTRY_COMPARE(verifying.size(), 3);
        QCOMPARE(started.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            verifying.last().first().value<Job *>()->state(), Job::State::Succeeded, 30000);
        QCOMPARE(GuiSettings::lastVerified(repo.path(), m_uuid), m_now);
    }

    // A VM deleted from libvirt still has its points checked: they may be all that is left
    // of it. First a week after its newest point, then weekly.
    void checksPointsOfRemovedVms()
    {
        const Repository repo = m_jobs->repository();
        const QString goneUuid = QStringLiteral("0b1c2d3e-0000-4000-8000-00000000beef");
        QString error;
        QVERIFY2(
            !GuiTestData::writePoint(repo, goneUuid, QStringLiteral("gone"), m_now.addDays(-2), false, &error)
                 .isEmpty(),
            qPrintable(error));
        QSignalSpy verifying(m_scheduler.get(), &Scheduler::verifyStarted);
        m_scheduler->check();
        QTest::qWait(500); // the repository is read, then checked again
        QCOMPARE(verifying.size(), 0); // its newest point is two days old

        m_now = m_now.addDays(6);
        m_scheduler->check();
        QTRY_COMPARE(verifying.size(), 1);
        Job *check = verifying.first().first().value<Job *>();
        QCOMPARE(check->kind(), Job::Kind::Verify);
        QCOMPARE(check->vmUuid(), goneUuid);
        QCOMPARE(check->vmName(), QStringLiteral("gone"));
        QTRY_COMPARE_WITH_TIMEOUT(check->state(), Job::State::Succeeded, 30000);
        QCOMPARE(GuiSettings::lastVerified(repo.path(), goneUuid), m_now);

        m_now = m_now.addDays(6);
        m_scheduler->check();
        QTest::qWait(500);
        QCOMPARE(verifying.size(), 1);
        m_now = m_now.addDays(2);
        m_scheduler->check();
        QTRY_COMPARE(verifying.size(), 2);
        QCOMPARE(verifying.last().first().value<Job *>()->vmUuid(), goneUuid);
        QTRY_COMPARE_WITH_TIMEOUT(
            verifying.last().first().value<Job *>()->state(), Job::State::Succeeded, 30000);
    }

    void disabledDoesNothing()
    {
        BackupSummary s;
        s.schedule = Schedule::interval(5);
        m_vms->setSummary(m_uuid, s);
        QSignalSpy started(m_scheduler.get(), &Scheduler::backupStarted);
        m_scheduler->setEnabled(false);
        m_scheduler->check();
        QCOMPARE(started.size(), 0);
    }

private:
    QDateTime m_now {QDate(2026, 5, 4), QTime(12, 0), QTimeZone::utc()};
    QString m_uuid;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<VmModel> m_vms;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<Scheduler> m_scheduler;
};

QTEST_MAIN(TestScheduler)
#include "tst_scheduler.moc"
