// Job: runs a synchronous function in Workers::jobPool(), forwards JobControl progress as
// rate-limited signals on the owner's thread, and ends in exactly one final state.

#include "jobs/job.h"
#include "workers.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

using namespace Rewind;

namespace {

Job::Work succeedWith(const QString &summary)
{
    return [summary](JobControl &control) -> Result<JobOutcome> {
        control.setPhase(JobPhase::Copy, QStringLiteral("vda"));
        control.report(50, 100, true);
        control.report(100, 100, true);
        control.setPhase(JobPhase::Finalize);
        return JobOutcome {summary, QStringLiteral("20261126T101500Z"), {QStringLiteral("a note")}};
    };
}

/// Runs until cancelled, after announcing the copy phase; signals `entered` when it runs.
Job::Work untilCancelled(std::shared_ptr<QSemaphore> entered)
{
    return [entered](JobControl &control) -> Result<JobOutcome> {
        control.setPhase(JobPhase::Copy);
        entered->release();
        QSemaphore idle;
        qint64 done = 0;
        while (!control.isCancelled()) {
            control.report(++done, 1'000'000'000);
            (void)idle.tryAcquire(1, 5); // stands in for a chunk of I/O
        }
        return control.cancelledError();
    };
}

} // namespace

class TestJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void succeeds()
    {
        Job job(Job::Kind::Backup, QStringLiteral("Back up 'web'"), succeedWith(QStringLiteral("stored")));
        QSignalSpy states(&job, &Job::stateChanged);
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy phases(&job, &Job::phaseChanged);
        QCOMPARE(job.state(), Job::State::Queued);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job.state(), Job::State::Succeeded);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<Job::State>(), Job::State::Running);
        QCOMPARE(states.at(1).at(0).value<Job::State>(), Job::State::Succeeded);
        QCOMPARE(job.outcome().summary, QStringLiteral("stored"));
        QCOMPARE(job.outcome().pointId, QStringLiteral("20261126T101500Z"));
        QVERIFY(!job.error().isError());
        QCOMPARE(job.phase(), JobPhase::Finalize);
        // Preparing, Copy(vda), Finalize: none lost by the coalescing.
        QCOMPARE(phases.size(), 3);
        QVERIFY(job.log().join(QLatin1Char('\n')).contains(QLatin1String("a note")));
        QVERIFY(job.startedAt().isValid());
        QVERIFY(job.finishedAt() >= job.startedAt());
        QCOMPARE(job.etaSeconds(), -1);
    }

    void fails()
    {
        Job job(Job::Kind::Backup, QStringLiteral("b"), [](JobControl &) -> Result<JobOutcome> {
            return Error(ErrorCode::NoSpace, QStringLiteral("Disk full on /backup. Free space."),
                QStringLiteral("ENOSPC"));
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error().code(), ErrorCode::NoSpace);
        const QString log = job.log().join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QLatin1String("Disk full")) && log.contains(QLatin1String("ENOSPC")),
            qPrintable(log));
    }

    void cancelWhileRunning()
    {
        auto entered = std::make_shared<QSemaphore>();
        Job job(Job::Kind::Backup, QStringLiteral("b"), untilCancelled(entered));
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy states(&job, &Job::stateChanged);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.phase() == JobPhase::Copy && job.state() == Job::State::Running, 10000);
        QTRY_VERIFY(job.doneBytes() > 0);
        QCOMPARE(job.totalBytes(), 1'000'000'000);
        job.cancel();
        QVERIFY(job.isCancelRequested());
        QCOMPARE(job.state(), Job::State::Running); // until the worker has stopped
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(job.error().code(), ErrorCode::Cancelled);
        QCOMPARE(states.last().at(0).value<Job::State>(), Job::State::Cancelled);
        job.cancel(); // no effect once finished
        QCOMPARE(finished.size(), 1);
    }

    void cancelBeforeItRuns()
    {
        // Occupy every worker of the job pool, so the next job surely waits in the queue.
        const int workers = Workers::jobPool()->maxThreadCount();
        auto gate = std::make_shared<QSemaphore>();
        auto entered = std::make_shared<QSemaphore>();
        std::vector<std::unique_ptr<Job>> blockers;
        for (int i = 0; i < workers; ++i) {
            blockers.push_back(std::make_unique<Job>(Job::Kind::Backup, QStringLiteral("blocker"),
                [gate, entered](JobControl &) -> Result<JobOutcome> {
                    entered->release();
                    gate->acquire();
                    return JobOutcome {};
                }));
            blockers.back()->start();
        }
        QVERIFY(entered->tryAcquire(workers, 10000));

        std::atomic_bool ran {false};
        Job job(Job::Kind::Verify, QStringLiteral("v"), [&ran](JobControl &) -> Result<JobOutcome> {
            ran = true;
            return JobOutcome {};
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        job.cancel(); // still queued: the job ends now
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(finished.size(), 1);

        gate->release(workers);
        for (auto &b : blockers) {
            QTRY_VERIFY_WITH_TIMEOUT(b->isFinished(), 10000);
        }
        // The abandoned job never runs, even once a worker is free.
        QTRY_COMPARE(Workers::jobPool()->activeThreadCount(), 0);
        QVERIFY(!ran);
        QCOMPARE(finished.size(), 1);
    }

    void cancelRightAfterStart()
    {
        // Whether or not a worker picked the job up yet, it ends cancelled, once.
        Job job(Job::Kind::Verify, QStringLiteral("v"), [](JobControl &c) -> Result<JobOutcome> {
            return c.isCancelled() ? Result<JobOutcome>(c.cancelledError()) : JobOutcome {};
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        job.cancel();
        // Cancelled, or done if the work had finished before the flag was set.
        QTRY_VERIFY(job.isFinished());
        QVERIFY(job.state() == Job::State::Cancelled || job.state() == Job::State::Succeeded);
        QCOMPARE(finished.size(), 1);
    }

    void progressIsRateLimited()
    {
        // 200,000 forced reports (forced ones bypass JobControl's own limit) in a tight loop.
        Job job(Job::Kind::Backup, QStringLiteral("b"), [](JobControl &control) -> Result<JobOutcome> {
            control.setPhase(JobPhase::Copy);
            const qint64 total = 200'000;
            for (qint64 i = 1; i <= total; ++i) {
                control.report(i, total, true);
            }
            return JobOutcome {};
        });
        QSignalSpy progress(&job, &Job::progressChanged);
        QSignalSpy finished(&job, &Job::finished);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QVERIFY(finished.wait(20000));
        const qint64 ms = clock.elapsed();
        // ~5 per second, plus the first one and the final one.
        QVERIFY2(progress.size() <= ms / 200 + 3,
            qPrintable(QStringLiteral("%1 signals in %2 ms").arg(progress.size()).arg(ms)));
        QCOMPARE(job.doneBytes(), 200'000);
        QCOMPARE(job.percent(), 100);
    }

    void rateAndEta()
    {
        // A "copy" of 1 GB at ~100 MB per 50 ms; the test does not sleep, the worker stands
        // in for I/O.
        auto gate = std::make_shared<QSemaphore>();
        Job job(Job::Kind::Backup, QStringLiteral("b"), [gate](JobControl &control) -> Result<JobOutcome> {
            control.setPhase(JobPhase::Copy);
            const qint64 total = 1'000'000'000;
            for (qint64 done = 0; done <= total / 2; done += total / 20) {
                control.report(done, total, true);
                (void)gate->tryAcquire(1, 50);
            }
            gate->acquire(); // hold at 50 % until the test has looked
            return JobOutcome {};
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.percent() == 50, 10000);
        QVERIFY2(job.bytesPerSecond() > 100e6 && job.bytesPerSecond() < 5e9,
            qPrintable(QString::number(job.bytesPerSecond())));
        QVERIFY(job.etaSeconds() >= 0 && job.etaSeconds() < 10);
        gate->release(1000);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.bytesPerSecond(), 0.0);
        QCOMPARE(job.etaSeconds(), -1);
    }

    void deletedWhileRunning()
    {
        auto entered = std::make_shared<QSemaphore>();
        auto done = std::make_shared<std::atomic_bool>(false);
        auto *job = new Job(Job::Kind::Backup, QStringLiteral("b"), [entered, done](JobControl &c) {
            auto r = untilCancelled(entered)(c); // the destructor cancels
            *done = true;
            return r;
        });
        job->start();
        QVERIFY(entered->tryAcquire(1, 10000));
        delete job;
        QTRY_VERIFY_WITH_TIMEOUT(done->load(), 10000);
    }

    void cloneRunsTheSameWork()
    {
        std::atomic_int runs {0};
        Job job(Job::Kind::Prune, QStringLiteral("p"), [&runs](JobControl &) -> Result<JobOutcome> {
            ++runs;
            return JobOutcome {};
        });
        job.setVm(QStringLiteral("uuid"), QStringLiteral("web"));
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        std::unique_ptr<Job> again(job.clone());
        QCOMPARE(again->state(), Job::State::Queued);
        QCOMPARE(again->kind(), Job::Kind::Prune);
        QCOMPARE(again->vmName(), QStringLiteral("web"));
        QVERIFY(again->id() > job.id());
        QSignalSpy finished2(again.get(), &Job::finished);
        again->start();
        QVERIFY(finished2.wait(10000));
        QCOMPARE(runs.load(), 2);
    }

    void backupJobReportsLibvirtFailures()
    {
        QTemporaryDir dir;
        auto repo
            = Repository::open(dir.path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        BackupRequest request;
        request.domain = QStringLiteral("no-such-vm");
        BackupJob job(QStringLiteral("test:///default"), *repo, request, QStringLiteral("no-such-vm"));
        QCOMPARE(job.kind(), Job::Kind::Backup);
        QVERIFY(job.title().contains(QLatin1String("no-such-vm")));
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error().code(), ErrorCode::NotFound);

        std::unique_ptr<Job> retry(job.clone());
        auto *backup = qobject_cast<BackupJob *>(retry.get());
        QVERIFY(backup);
        QCOMPARE(backup->request().domain, QStringLiteral("no-such-vm"));
        QCOMPARE(backup->uri(), QStringLiteral("test:///default"));

        BackupJob unreachable(QStringLiteral("test:///no/such/node.xml"), *repo, request, {});
        QSignalSpy finished2(&unreachable, &Job::finished);
        unreachable.start();
        QVERIFY(finished2.wait(20000));
        QCOMPARE(unreachable.state(), Job::State::Failed);
        QCOMPARE(unreachable.error().code(), ErrorCode::Connection);
    }

    void verifyJobOnEmptyRepository()
    {
        QTemporaryDir dir;
        auto repo
            = Repository::open(dir.path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        VerifyJob job(*repo, {}, {}, {});
        QCOMPARE(job.kind(), Job::Kind::Verify);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(job.state(), Job::State::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
