// JobModel under QAbstractItemModelTester, the failure -> action mapping, and the jobs
// panel offscreen: the delegate's buttons cancel, retry and dismiss real Job objects.

#include "guitestdata.h"
#include "jobdelegate.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "jobspanel.h"

#include <QAbstractItemModelTester>
#include <QListView>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::Job::State)
Q_DECLARE_METATYPE(Rewind::ErrorCode)

namespace {

Job *fakeJob(const QString &title, Job::Work work)
{
    auto *job = new Job(Job::Kind::Backup, title, std::move(work));
    job->setVm(title + QStringLiteral("-uuid"), title);
    return job;
}

Job::Work failing(ErrorCode code)
{
    return [code](JobControl &) -> Result<JobOutcome> {
        return Error(code, QStringLiteral("It failed. Do this."));
    };
}

Job::Work runningUntilCancelled(std::shared_ptr<QSemaphore> started)
{
    return [started](JobControl &control) -> Result<JobOutcome> {
        control.setPhase(JobPhase::Copy, QStringLiteral("vda"));
        started->release();
        QSemaphore idle;
        qint64 done = 0;
        while (!control.isCancelled()) {
            done += 1 << 20;
            control.report(done, qint64(1) << 40);
            (void)idle.tryAcquire(1, 5);
        }
        return control.cancelledError();
    };
}

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

class TestJobModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void actionsForFailures_data()
    {
        QTest::addColumn<Job::State>("state");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QList<int>>("actions");
        using A = JobModel::Action;
        QTest::newRow("running") << Job::State::Running << ErrorCode::None << QList<int> {int(A::Cancel)};
        QTest::newRow("queued") << Job::State::Queued << ErrorCode::None << QList<int> {int(A::Cancel)};
        QTest::newRow("done") << Job::State::Succeeded << ErrorCode::None << QList<int> {int(A::Dismiss)};
        QTest::newRow("cancelled") << Job::State::Cancelled << ErrorCode::Cancelled
                                   << QList<int> {int(A::Retry), int(A::Dismiss)};
        QTest::newRow("disk full") << Job::State::Failed << ErrorCode::NoSpace
                                   << QList<int> {int(A::OpenSettings), int(A::ShowLog), int(A::Dismiss)};
        QTest::newRow("read-only") << Job::State::Failed << ErrorCode::Permission
                                   << QList<int> {int(A::OpenSettings), int(A::ShowLog), int(A::Dismiss)};
        QTest::newRow("no agent") << Job::State::Failed << ErrorCode::AgentUnavailable
                                  << QList<int> {int(A::OpenSettings), int(A::ShowLog), int(A::Dismiss)};
        QTest::newRow("busy") << Job::State::Failed << ErrorCode::Busy
                              << QList<int> {int(A::Retry), int(A::ShowLog), int(A::Dismiss)};
        QTest::newRow("connection") << Job::State::Failed << ErrorCode::Connection
                                    << QList<int> {int(A::Retry), int(A::ShowLog), int(A::Dismiss)};
        QTest::newRow("damaged") << Job::State::Failed << ErrorCode::Damaged
                                 << QList<int> {int(A::ShowLog), int(A::Dismiss)};
    }

    void actionsForFailures()
    {
        QFETCH(Job::State, state);
        QFETCH(ErrorCode, code);
        QFETCH(QList<int>, actions);
        QList<int> got;
        for (auto a : JobModel::actionsFor(state, code)) {
            got.append(int(a));
        }
        QCOMPARE(got, actions);
    }

    void modelFollowsJobs()
    {
        JobManager manager;
        JobModel *model = manager.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&manager, &JobManager::jobFinished);

        Job *ok = manager.start(fakeJob(QStringLiteral("ok"), [](JobControl &c) -> Result<JobOutcome> {
            c.setPhase(JobPhase::Copy);
            c.report(10, 10, true);
            return JobOutcome {QStringLiteral("Stored."), {}, {}};
        }));
        QVERIFY(finished.wait(10000));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0).data().toString(), QStringLiteral("ok"));
        QCOMPARE(Job::State(model->index(0).data(JobModel::StateRole).toInt()), Job::State::Succeeded);
        QCOMPARE(model->index(0).data(JobModel::PercentRole).toInt(), 100);
        QCOMPARE(model->index(0).data(JobModel::DetailTextRole).toString(), QStringLiteral("Stored."));

        // What else a finished job did follows its summary (here: retention pruned).
        Job *noted = manager.start(fakeJob(QStringLiteral("noted"), [](JobControl &) -> Result<JobOutcome> {
            return JobOutcome {
                QStringLiteral("Stored."), {}, {QStringLiteral("Retention removed 2 older points.")}};
        }));
        QVERIFY(finished.wait(10000));
        QCOMPARE(model->rowOf(noted), 0);
        QCOMPARE(model->index(0).data(JobModel::DetailTextRole).toString(),
            QStringLiteral("Stored. Retention removed 2 older points."));
        manager.dismiss(noted);

        Job *bad = manager.start(fakeJob(QStringLiteral("bad"), failing(ErrorCode::NoSpace)));
        QVERIFY(finished.wait(10000));
        QCOMPARE(model->rowOf(bad), 0); // newest first
        QCOMPARE(model->index(0).data(JobModel::ErrorMessageRole).toString(),
            QStringLiteral("It failed. Do this."));
        QCOMPARE(model->index(0).data(JobModel::ActionsRole).toList().first().toInt(),
            int(JobModel::Action::OpenSettings));

        // Progress ticks change only progress roles of that one row.
        auto started = std::make_shared<QSemaphore>();
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        Job *running = manager.start(fakeJob(QStringLiteral("run"), runningUntilCancelled(started)));
        QVERIFY(started->tryAcquire(1, 10000));
        QTRY_VERIFY(model->index(0).data(JobModel::DoneBytesRole).toLongLong() > 0);
        QCOMPARE(model->activeCount(), 1);
        QCOMPARE(manager.activeJob(QStringLiteral("run-uuid")), running);
        bool sawProgressOnly = false;
        for (const auto &args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().row(), 0);
            const auto roles = args.at(2).value<QList<int>>();
            QVERIFY(!roles.contains(Qt::DisplayRole));
            sawProgressOnly
                |= roles.contains(JobModel::DoneBytesRole) && !roles.contains(JobModel::StateRole);
        }
        QVERIFY(sawProgressOnly);
        QVERIFY(
            model->index(0).data(JobModel::DetailTextRole).toString().contains(QLatin1String("Copying vda")));
        running->cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(Job::State(model->index(0).data(JobModel::StateRole).toInt()), Job::State::Cancelled);

        // Retry replaces the row with a fresh job; dismissing removes rows.
        Job *again = manager.retry(bad);
        QVERIFY(again);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->rowOf(bad), -1);
        QVERIFY(finished.wait(10000));
        manager.dismissFinished();
        QCOMPARE(model->rowCount(), 0);
        Q_UNUSED(ok)
    }

    void panelButtons()
    {
        JobManager manager;
        JobsPanel panel;
        panel.setJobManager(&manager);
        panel.resize(700, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *view = panel.view();
        QVERIFY(!view->isVisible()); // the placeholder says what to do instead

        auto started = std::make_shared<QSemaphore>();
        QSignalSpy finished(&manager, &JobManager::jobFinished);
        Job *running = manager.start(fakeJob(QStringLiteral("web"), runningUntilCancelled(started)));
        QVERIFY(view->isVisible());
        QVERIFY(started->tryAcquire(1, 10000));
        QTRY_VERIFY(running->doneBytes() > 0);

        if (qEnvironmentVariableIsSet("REWIND_TEST_DUMP_DIR")) { // to look at it
            QTRY_VERIFY(running->bytesPerSecond() > 0);
            panel.grab().save(
                qEnvironmentVariable("REWIND_TEST_DUMP_DIR") + QStringLiteral("/jobs-running.png"));
        }
        const QModelIndex row = manager.model()->index(0);
        QRect cancel = panel.delegate()->buttonRect(optionFor(view, row), row, JobModel::Action::Cancel);
        QVERIFY(!cancel.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cancel.center());
        QVERIFY(running->isCancelRequested());
        QVERIFY(finished.wait(10000));
        QCOMPARE(running->state(), Job::State::Cancelled);

        // A cancelled job offers Retry: clicking it starts a new job in its place.
        QTRY_VERIFY(
            !panel.delegate()->buttonRect(optionFor(view, row), row, JobModel::Action::Retry).isEmpty());
        const QRect retry = panel.delegate()->buttonRect(optionFor(view, row), row, JobModel::Action::Retry);
        QSignalSpy startedJobs(&manager, &JobManager::jobStarted);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.center());
        QCOMPARE(startedJobs.size(), 1);
        Job *second = startedJobs.first().at(0).value<Job *>();
        QVERIFY(started->tryAcquire(1, 10000));
        second->cancel();
        QTRY_COMPARE(second->state(), Job::State::Cancelled);

        // A failure that a setting causes offers "Open settings".
        QSignalSpy settings(&panel, &JobsPanel::settingsRequested);
        manager.start(fakeJob(QStringLiteral("full"), failing(ErrorCode::NoSpace)));
        QVERIFY(finished.wait(10000));
        const QModelIndex top = manager.model()->index(0);
        QTRY_VERIFY(!panel.delegate()
                         ->buttonRect(optionFor(view, top), top, JobModel::Action::OpenSettings)
                         .isEmpty());
        const QRect open
            = panel.delegate()->buttonRect(optionFor(view, top), top, JobModel::Action::OpenSettings);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, open.center());
        QCOMPARE(settings.size(), 1);

        // The panel paints (delegate with progress bar and buttons) without trouble.
        QVERIFY(!panel.grab().isNull());
        if (qEnvironmentVariableIsSet("REWIND_TEST_DUMP_DIR")) {
            panel.grab().save(
                qEnvironmentVariable("REWIND_TEST_DUMP_DIR") + QStringLiteral("/jobs-failed.png"));
        }
    }
};

QTEST_MAIN(TestJobModel)
#include "tst_jobmodel.moc"
