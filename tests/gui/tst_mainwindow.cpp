// The whole desktop application offscreen against libvirt's test driver and a real
// repository of small points: empty states that say what to do, selecting a VM shows its
// points on the timeline and in the table, point actions run jobs, and the search.

#include "autostart.h"
#include "connectionlist.h"
#include "desktopapp.h"
#include "displaytext.h"
#include "emptystatewidget.h"
#include "guisettings.h"
#include "guitestdata.h"
#include "jobmanager.h"
#include "jobmodel.h"
#include "jobs/job.h"
#include "jobs/vmsettings.h"
#include "jobspanel.h"
#include "libvirt/connection.h"
#include "libvirt/domain.h"
#include "mainwindow.h"
#include "notifier.h"
#include "pointactions.h"
#include "pointcommands.h"
#include "pointmodel.h"
#include "removedvmsdialog.h"
#include "repositorylabel.h"
#include "restoredialog.h"
#include "scheduler.h"
#include "timelineview.h"
#include "trayicon.h"
#include "verifyok.h"
#include "vmmodel.h"
#include "vmtreecolumns.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

#include <future>
#include <optional>

using namespace Rewind;

namespace {

const QString TestUri = QStringLiteral("test:///default");
const QString TestUuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f"); // the driver's "test"

QStackedWidget *stackOf(QWidget *page)
{
    return qobject_cast<QStackedWidget *>(page->parentWidget());
}

QString statusBarText(MainWindow *w)
{
    QStringList texts;
    for (QLabel *label : w->statusBar()->findChildren<QLabel *>()) {
        texts.append(label->text());
    }
    return texts.join(QLatin1Char('\n'));
}

bool isShown(QWidget *page)
{
    QStackedWidget *stack = stackOf(page);
    return stack && stack->currentWidget() == page;
}

// VMs defined on the test driver for one test. The driver keeps its VMs while any
// connection to it is open, the application's included, which it lets go of on a worker
// after the test; so they are undefined at the end rather than left to the next test.
// The libvirt calls run off the GUI thread, where they are not allowed.
class TestVms
{
public:
    explicit TestVms(const QStringList &names) : m_names(names)
    {
        m_conn = std::async(std::launch::async, [names]() -> std::optional<Libvirt::ConnectHandle> {
            auto conn = Libvirt::openConnection(TestUri);
            const QString xml = QStringLiteral(
                "<domain "
                "type='test'><name>%1</name><memory>65536</memory><os><type>hvm</type></os></domain>");
            for (const QString &name : names) {
                if (!conn || !Libvirt::Domain::defineXml(*conn, xml.arg(name))) {
                    return std::nullopt;
                }
            }
            return *conn;
        }).get();
    }

    ~TestVms()
    {
        std::async(std::launch::async, [this] {
            if (!m_conn) {
                return;
            }
            for (const QString &name : std::as_const(m_names)) {
                if (auto domain = Libvirt::Domain::lookup(*m_conn, name)) {
                    (void)domain->undefine();
                }
            }
            m_conn.reset();
        }).get();
    }

    bool isValid() const { return m_conn.has_value(); }

private:
    QStringList m_names;
    std::optional<Libvirt::ConnectHandle> m_conn;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    // File > Restore a Removed VM once the VMs are listed; the dialog once it has read the
    // repository, or null.
    RemovedVmsDialog *openRemovedVms(MainWindow *w)
    {
        if (!QTest::qWaitFor([this] { return m_app->vmModel()->vmCount() == 1; }, 10000)) {
            return nullptr;
        }
        auto *action = w->findChild<QAction *>(QStringLiteral("actionRestoreRemoved"));
        if (!action || !QTest::qWaitFor([action] { return action->isEnabled(); }, 10000)) {
            return nullptr;
        }
        RemovedVmsDialog *found = nullptr;
        const auto opened = connect(w->pointCommands(), &PointCommands::removedVmsDialogOpened, this,
            [&found](RemovedVmsDialog *d) { found = d; });
        action->trigger();
        disconnect(opened);
        if (!found) {
            return nullptr;
        }
        QSignalSpy loaded(found, &RemovedVmsDialog::loaded);
        return loaded.wait(10000) ? found : nullptr;
    }

    // The application on the test driver's connection and m_repoPath, without a tray.
    MainWindow *startOnTestRepository()
    {
        DesktopOptions options;
        options.uris = {TestUri};
        options.repository = m_repoPath;
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        return m_app->window();
    }

private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void init()
    {
        GuiSettings::setConnectionUris({});
        GuiSettings::setRepositoryPath({});
        GuiSettings::setFirstRunHintDismissed(false);
        m_dir = std::make_unique<QTemporaryDir>();
        m_repoPath = m_dir->path() + QStringLiteral("/repo");
    }

    void cleanup()
    {
        m_app.reset();
        m_dir.reset();
    }

    void emptyStatesSayWhatToDo()
    {
        DesktopOptions options;
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        MainWindow *w = m_app->window();
        QVERIFY(QTest::qWaitForWindowExposed(w));

        // No connection: offer the two local daemons and "other".
        QVERIFY(isShown(w->vmEmptyState()));
        QCOMPARE(w->vmEmptyState()->title(), QStringLiteral("Not connected to libvirt"));
        QCOMPARE(w->vmEmptyState()->buttons().size(), 3);
        QVERIFY(w->vmEmptyState()->buttons().first()->text().contains(QLatin1String("qemu:///system")));
        // No repository: offer the default location and a folder chooser.
        QVERIFY(isShown(w->pointEmptyState()));
        QCOMPARE(w->pointEmptyState()->title(), QStringLiteral("Choose where backups go"));
        QVERIFY(!w->backupNowAction()->isEnabled());

        // Connecting (remembered in the settings) fills the tree.
        QVERIFY(m_app->connections()->add(TestUri));
        QCOMPARE(GuiSettings::connectionUris(), QStringList {TestUri});
        QTRY_VERIFY(isShown(w->vmTree()));
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);

        // Choosing the repository (the first button: the default location) is only
        // simulated with a temporary folder here.
        QSignalSpy repoChanged(m_app.get(), &DesktopApp::repositoryChanged);
        Q_EMIT w->repositoryChosen(m_repoPath);
        QVERIFY(repoChanged.wait(10000));
        QCOMPARE(GuiSettings::repositoryPath(), m_repoPath);
        QCOMPARE(w->pointEmptyState()->title(), QStringLiteral("Select a virtual machine"));

        // A VM without points explains the first backup and offers it.
        QVERIFY(w->selectVm(TestUri, TestUuid));
        QTRY_COMPARE(w->pointEmptyState()->title(), QStringLiteral("No backups of 'test' yet"));
        QVERIFY(w->pointEmptyState()->text().contains(QLatin1String("RAM")));
        QCOMPARE(w->pointEmptyState()->buttons().size(), 1);
        QVERIFY(w->backupNowAction()->isEnabled());

        // A search without match says so and offers to clear it.
        QTest::keyClicks(w->searchField(), QStringLiteral("zzz"));
        QVERIFY(isShown(w->vmEmptyState()));
        QVERIFY(w->vmEmptyState()->title().contains(QLatin1String("zzz")));
        w->vmEmptyState()->buttons().first()->click();
        QVERIFY(w->searchField()->text().isEmpty());
        QVERIFY(isShown(w->vmTree()));
        // Ctrl+F from anywhere in the window goes to the search; Escape there clears it.
        QVERIFY(QTest::qWaitForWindowActive(w));
        w->vmTree()->setFocus();
        QTest::keySequence(w, QKeySequence::Find);
        QVERIFY(w->searchField()->hasFocus());
        QTest::keyClicks(w->searchField(), QStringLiteral("zzz"));
        QVERIFY(isShown(w->vmEmptyState()));
        QTest::keyClick(w->searchField(), Qt::Key_Escape);
        QVERIFY(w->searchField()->text().isEmpty());
        QVERIFY(isShown(w->vmTree()));

        // Removing the connection forgets it.
        m_app->connections()->remove(TestUri);
        QCOMPARE(GuiSettings::connectionUris(), QStringList());
        QTRY_VERIFY(isShown(w->vmEmptyState()));
    }

    // The remembered repository on a drive that is not mounted yet: no message box at the
    // start, one notification, the reason in the window, and it opens by itself once it
    // is there; "Try Again" does not wait for the next period.
    void rememberedRepositoryIsWaitedFor()
    {
        GuiSettings::setRepositoryPath(m_repoPath); // not created: the drive is away
        DesktopOptions options;
        options.uris = {TestUri};
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->notifier()->setBackend(Notifier::Backend::LogOnly);
        m_app->setRepositoryRetrySeconds(1);
        QSignalSpy notified(m_app->notifier(), &Notifier::notified);
        QSignalSpy repoChanged(m_app.get(), &DesktopApp::repositoryChanged);
        m_app->start();
        MainWindow *w = m_app->window();
        QVERIFY(QTest::qWaitForWindowExposed(w));

        QTRY_COMPARE(m_app->waitingForRepository(), m_repoPath);
        QCOMPARE(w->pointEmptyState()->title(), QStringLiteral("The backup repository is not available"));
        QVERIFY2(w->pointEmptyState()->text().contains(m_repoPath), qPrintable(w->pointEmptyState()->text()));
        // What to do about a drive, said once (the reason says it; the pane adds the retry).
        QCOMPARE(w->pointEmptyState()->text().count(QLatin1String("mount it")), 1);
        QCOMPARE(w->pointEmptyState()->buttons().size(), 2);
        QVERIFY(statusBarText(w).contains(QStringLiteral("Repository: %1 (not available)").arg(m_repoPath)));
        // Also in the tray's menu, which every tray shows (not all show tooltips).
        QCOMPARE(m_app->trayIcon()->stateText(), QStringLiteral("Waiting for the backup repository"));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).value<Notifier::Event>(), Notifier::Event::RepositoryUnavailable);
        for (QWidget *top : QApplication::topLevelWidgets()) {
            QVERIFY2(!(qobject_cast<QMessageBox *>(top) && top->isVisible()), "a message box popped up");
        }
        // Tried again every period, and said once.
        QTest::qWait(2500);
        QCOMPARE(notified.size(), 1);
        QVERIFY(repoChanged.isEmpty());
        QVERIFY(!QFileInfo::exists(m_repoPath)); // waiting never creates it

        // The drive is back: the repository opens by itself.
        VERIFY_OK(Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing));
        QVERIFY(repoChanged.wait(5000));
        QCOMPARE(m_app->repository().path(), m_repoPath);
        QVERIFY(m_app->waitingForRepository().isEmpty());
        // What the pane shows next depends on the VM selected (remembered from earlier).
        QVERIFY(w->pointEmptyState()->title() != QStringLiteral("The backup repository is not available"));
        QVERIFY(statusBarText(w).contains(QStringLiteral("Repository: %1").arg(m_repoPath)));
        QVERIFY(!statusBarText(w).contains(QLatin1String("not available")));
        QTRY_COMPARE(m_app->trayIcon()->stateText(), QStringLiteral("No backups scheduled"));

        // Away again at the next start; "Try Again" opens it at once, without a period.
        m_app.reset();
        const QString away = m_repoPath + QStringLiteral(".away");
        QVERIFY(QDir().rename(m_repoPath, away));
        m_app = std::make_unique<DesktopApp>(options);
        m_app->notifier()->setBackend(Notifier::Backend::LogOnly);
        QSignalSpy changedAgain(m_app.get(), &DesktopApp::repositoryChanged);
        m_app->start();
        QTRY_COMPARE(m_app->waitingForRepository(), m_repoPath);
        QVERIFY(QDir().rename(away, m_repoPath));
        m_app->window()->pointEmptyState()->buttons().first()->click();
        QVERIFY(changedAgain.wait(5000));
        QVERIFY(m_app->waitingForRepository().isEmpty());
    }

    // The drive of the repository in use is unplugged: the next failed job finds it gone,
    // and the application waits for it as for one missing at the start.
    void repositoryGoneWhileRunningIsWaitedFor()
    {
        MainWindow *w = startOnTestRepository();
        m_app->notifier()->setBackend(Notifier::Backend::LogOnly);
        m_app->notifier()->setThrottleSeconds(0);
        QSignalSpy notified(m_app->notifier(), &Notifier::notified);
        m_app->setRepositoryRetrySeconds(1);
        QTRY_COMPARE(m_app->repository().path(), m_repoPath);
        QTRY_COMPARE(m_app->connections()->connections().first()->state(), Connection::State::Connected);

        // A job that fails for another reason (the test driver's VM cannot be backed up)
        // changes nothing: the repository is still there, and the failure is notified.
        Job *failing = m_app->jobManager()->backup(
            TestUri, TestUuid, QStringLiteral("test"), PointManifest::Method::FullState);
        QVERIFY(failing);
        QTRY_COMPARE_WITH_TIMEOUT(failing->state(), Job::State::Failed, 20000);
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).value<Notifier::Event>(), Notifier::Event::BackupFailed);
        QTest::qWait(500);
        QVERIFY(m_app->waitingForRepository().isEmpty());
        QCOMPARE(m_app->repository().path(), m_repoPath);
        notified.clear();

        const QString away = m_repoPath + QStringLiteral(".away");
        QVERIFY(QDir().rename(m_repoPath, away));
        QVERIFY(QDir().mkdir(m_repoPath)); // the empty mount point
        Job *gone = m_app->jobManager()->backup(
            TestUri, TestUuid, QStringLiteral("test"), PointManifest::Method::FullState);
        QVERIFY(gone);
        QTRY_COMPARE_WITH_TIMEOUT(gone->state(), Job::State::Failed, 20000);
        QVERIFY2(gone->error().message().contains(QLatin1String("no longer there")),
            qPrintable(gone->error().message()));
        QTRY_COMPARE(m_app->waitingForRepository(), m_repoPath);
        QVERIFY(!m_app->repository().isValid());
        QCOMPARE(w->pointEmptyState()->title(), QStringLiteral("The backup repository is not available"));
        // One notification, the one that says what to do: not the failed job besides.
        QTest::qWait(500);
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).value<Notifier::Event>(), Notifier::Event::RepositoryUnavailable);
        // No backup can start while it is away: it would fail the same way.
        QVERIFY(!m_app->jobManager()->backup(
            TestUri, TestUuid, QStringLiteral("test"), PointManifest::Method::FullState));
        QCOMPARE(QDir(m_repoPath).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());

        // Plugged in again.
        QVERIFY(QDir().rmdir(m_repoPath));
        QVERIFY(QDir().rename(away, m_repoPath));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->repository().path(), m_repoPath, 5000);
        QVERIFY(m_app->waitingForRepository().isEmpty());
    }

    // The tray says when the next scheduled backup is, as an absolute time.
    void trayTellsTheNextBackup()
    {
        startOnTestRepository();
        TrayIcon *tray = m_app->trayIcon();
        QTRY_COMPARE(tray->stateText(), QStringLiteral("No backups scheduled"));
        // Every day, two hours from now: the first run is then.
        const QTime at = QTime::currentTime().addSecs(2 * 3600);
        const QTime slot(at.hour(), at.minute());
        QVERIFY(VmSettings::update(m_app->repository(), TestUuid, QStringLiteral("test"),
            QStringLiteral("schedule"), [slot](VmRecord &vm) {
                vm.schedule = Schedule::daily(slot).toJson();
                return Status();
            }).ok());
        m_app->vmModel()->refreshSummary(TestUuid);
        QTRY_VERIFY(m_app->scheduler()->nextBackup().isValid());
        const QDateTime next = m_app->scheduler()->nextBackup();
        QCOMPARE(next.toLocalTime().time(), slot);
        QVERIFY(next > QDateTime::currentDateTimeUtc().addSecs(3600));
        QTRY_COMPARE(
            tray->stateText(), QStringLiteral("Next backup: 'test', %1").arg(DisplayText::moment(next)));
    }

    // File > Start at Login writes the autostart entry that starts this program hidden,
    // and removes it again.
    void startAtLoginWritesTheEntry()
    {
        QFile::remove(Autostart::entryPath()); // in the test's own folders (GuiTestData)
        MainWindow *w = startOnTestRepository();
        QAction *action = w->startAtLoginAction();
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
        action->trigger();
        QVERIFY(action->isChecked());
        QFile entry(Autostart::entryPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QByteArray text = entry.readAll();
        entry.close();
        const QByteArray exec
            = "\nExec=" + QFile::encodeName(QCoreApplication::applicationFilePath()) + " --hidden\n";
        QVERIFY2(text.contains(exec), text.constData());
        action->trigger();
        QVERIFY(!action->isChecked());
        QVERIFY(!QFileInfo::exists(Autostart::entryPath()));

        // Under Flatpak the desktop answers later; a refusal unchecks it and is said.
        action->trigger();
        QVERIFY(action->isChecked());
        const QString refusal = QStringLiteral("The desktop did not allow it.");
        Q_EMIT Autostart::instance()->portalRefused(refusal);
        QVERIFY(!action->isChecked());
        QCOMPARE(w->statusBar()->currentMessage(), refusal);
        QVERIFY(QFile::remove(Autostart::entryPath())); // what the refusal means here
    }

    // The VM list's other empty states: a connection without VMs, and one that failed,
    // each with the next step.
    void vmListSaysWhyItIsEmpty()
    {
        const QString emptyNode = GuiTestData::writeNode(m_dir->path(), 0);
        QVERIFY(!emptyNode.isEmpty());
        DesktopOptions options;
        options.uris = {emptyNode};
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        MainWindow *w = m_app->window();
        QTRY_VERIFY(w->vmEmptyState()->title().startsWith(QLatin1String("No virtual machines on")));
        QVERIFY(isShown(w->vmEmptyState()));
        QCOMPARE(w->vmEmptyState()->buttons().size(), 1); // Connect Elsewhere…

        // A connection that cannot be opened: why, and Retry.
        m_app->connections()->remove(emptyNode);
        const QString missing = QStringLiteral("test://") + m_dir->path() + QStringLiteral("/missing.xml");
        QVERIFY(m_app->connections()->add(missing));
        QTRY_COMPARE_WITH_TIMEOUT(
            w->vmEmptyState()->title(), QStringLiteral("Could not connect to %1").arg(missing), 10000);
        QVERIFY(!w->vmEmptyState()->text().isEmpty());
        QCOMPARE(w->vmEmptyState()->buttons().size(), 2);
        QCOMPARE(w->vmEmptyState()->buttons().first()->text(), QStringLiteral("Retry"));
    }

    // German titles are longer than the English ones the starting widths were chosen for.
    void columnTitlesFitInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/rewind_de.qm")));
        QCoreApplication::installTranslator(&german);
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        QSettings().remove(QStringLiteral("ui/topSplitter")); // a first start: the default layout
        DesktopOptions options;
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        QTreeView *tree = m_app->window()->vmTree();
        QCOMPARE(tree->model()->headerData(VmModel::NextRunColumn, Qt::Horizontal).toString(),
            QStringLiteral("Nächste Sicherung"));
        for (int column = 0; column < tree->header()->count() - 1; ++column) { // the last one stretches
            QVERIFY2(tree->columnWidth(column) >= tree->header()->sectionSizeHint(column),
                qPrintable(tree->model()->headerData(column, Qt::Horizontal).toString()));
        }
        // The list gets the room its columns need (up to 62 % of the splitter) on a first
        // start, not a fixed share that leaves German titles behind a horizontal scroll bar.
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        // A window in which half is too little for the list (on a 1280 pixel wide screen,
        // it is): the list would take 55 % of it.
        const auto *splitter = m_app->window()->findChild<QSplitter *>(QStringLiteral("topSplitter"));
        QVERIFY(splitter);
        const int margins = m_app->window()->width() - splitter->width();
        const int wanted = VmTreeColumns::neededWidth(tree) * 100 / 55 + margins;
        m_app->window()->resize(wanted, 800);
        QTRY_VERIFY(std::abs(m_app->window()->width() - wanted) <= 2);
        // The timeline pane's minimum width may leave less.
        const int total = splitter->width();
        const int room = total - splitter->handleWidth() - splitter->widget(1)->minimumSizeHint().width();
        const int needed = std::min({VmTreeColumns::neededWidth(tree), total * 62 / 100, room});
        QVERIFY2(
            needed > total * 49 / 100 + 5, qPrintable(QString::number(needed))); // else this proves little
        QTRY_VERIFY2(splitter->sizes().value(0) >= needed - 1,
            qPrintable(QStringLiteral("%1 < %2").arg(splitter->sizes().value(0)).arg(needed)));
    }

    // The help texts that tell which button to press quote it as it is labelled, in
    // every language.
    void helpTextsNameTheBackupButtonAsLabelled_data()
    {
        QTest::addColumn<QString>("translation");
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("close");
        QTest::newRow("English") << QString() << QStringLiteral("\"") << QStringLiteral("\"");
        QTest::newRow("German") << QStringLiteral(":/i18n/rewind_de.qm") << QStringLiteral("\u201E")
                                << QStringLiteral("\u201C");
    }

    void helpTextsNameTheBackupButtonAsLabelled()
    {
        QFETCH(QString, translation);
        QFETCH(QString, open);
        QFETCH(QString, close);
        QTranslator translator;
        if (!translation.isEmpty()) {
            QVERIFY(translator.load(translation));
            QCoreApplication::installTranslator(&translator);
        }
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        GuiSettings::setLastSelectedVm({}, {}); // nothing selected at the start
        MainWindow *w = startOnTestRepository();
        const QString quoted = open + w->backupNowAction()->text().remove(QLatin1Char('&')) + close;

        auto *jobs = w->jobsPanel()->findChild<QLabel *>(QStringLiteral("jobsPlaceholder"));
        QVERIFY(jobs);
        QVERIFY2(jobs->text().contains(quoted), qPrintable(jobs->text() + QStringLiteral(" / ") + quoted));
        // The point pane once the repository is open and no VM is selected.
        QTRY_VERIFY2(w->pointEmptyState()->text().contains(quoted),
            qPrintable(w->pointEmptyState()->text() + QStringLiteral(" / ") + quoted));
    }

    // On a first start the list is wide enough for a VM's summary after its golden star,
    // not just for the column's title: "★ 12 points, 7..." says little. In a window of
    // 1024 pixels, half of it (the split's floor) is too little for that.
    void backupSummaryFitsOnAFirstStart()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-12);
        for (int i = 0; i < 12; ++i) {
            QString error;
            const QString id = GuiTestData::writePoint(
                *repo, TestUuid, QStringLiteral("test"), t0.addSecs(i * 86400), i == 3, &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
        }
        QSettings().remove(QStringLiteral("ui/topSplitter"));
        MainWindow *w = startOnTestRepository();
        w->resize(1024, 740);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
        const QModelIndex source = m_app->vmModel()->vmIndex(TestUri, TestUuid);
        QTRY_COMPARE(source.data(VmModel::PointCountRole).toInt(), 12);
        QTreeView *tree = w->vmTree();
        const QModelIndex cell = w->vmProxy()->mapFromSource(source).siblingAtColumn(VmModel::StatusColumn);
        QVERIFY(cell.data().toString().startsWith(QLatin1String("12 points")));
        QVERIFY(!cell.data(Qt::DecorationRole).isNull()); // the golden star
        const auto *splitter = w->findChild<QSplitter *>(QStringLiteral("topSplitter"));
        QVERIFY(splitter);
        const int hint = tree->sizeHintForIndex(cell).width();
        QTRY_VERIFY2(tree->columnWidth(VmModel::StatusColumn) >= hint,
            qPrintable(QStringLiteral("%1 < %2 (list %3 of %4, needed %5)")
                           .arg(tree->columnWidth(VmModel::StatusColumn))
                           .arg(hint)
                           .arg(splitter->sizes().value(0))
                           .arg(splitter->width())
                           .arg(VmTreeColumns::neededWidth(tree))));

        // The connection's row sums up the backups of its one VM after the VM count, short
        // enough not to be cut off, with the space they take in its tooltip.
        const QModelIndex connection
            = w->vmProxy()->mapFromSource(source.parent()).siblingAtColumn(VmModel::StatusColumn);
        QTRY_COMPARE(connection.data().toString(), QStringLiteral("1 VM · 12 points"));
        QVERIFY2(connection.data(Qt::ToolTipRole).toString().contains(cell.data().toString()),
            qPrintable(connection.data(Qt::ToolTipRole).toString()));
        QVERIFY2(tree->columnWidth(VmModel::StatusColumn) >= tree->sizeHintForIndex(connection).width(),
            qPrintable(QStringLiteral("%1 < %2")
                           .arg(tree->columnWidth(VmModel::StatusColumn))
                           .arg(tree->sizeHintForIndex(connection).width())));
    }

    // The status bar says how much room the repository's file system has left, read
    // again after every job.
    void statusBarSaysTheRoomLeft()
    {
        MainWindow *w = startOnTestRepository();
        auto *label = w->findChild<RepositoryLabel *>(QStringLiteral("repositoryLabel"));
        QVERIFY(label);
        QTRY_VERIFY(label->freeBytes() >= 0);
        const auto free = Repository::freeSpace(m_repoPath);
        QVERIFY(free);
        QVERIFY2(std::abs(*free - label->freeBytes()) < 1024LL * 1024 * 1024,
            qPrintable(QStringLiteral("%1 against %2").arg(label->freeBytes()).arg(*free)));
        QVERIFY2(statusBarText(w).contains(QStringLiteral("Repository: %1 · ").arg(m_repoPath)
                     + DisplayText::size(label->freeBytes()) + QStringLiteral(" free")),
            qPrintable(statusBarText(w)));

        QSignalSpy read(label, &RepositoryLabel::freeBytesRead);
        QVERIFY(m_app->jobManager()->verify(TestUuid, QStringLiteral("test")));
        QVERIFY(read.wait(20000));
        QCOMPARE(read.size(), 1);
        QTRY_COMPARE(m_app->jobManager()->model()->activeCount(), 0);
    }

    // A VM deleted from libvirt still has its backups: File > Restore a Removed VM finds
    // it (and only it), lists its complete points newest first, and asks how to restore
    // the chosen one: as a new VM that may take the old name, or as it was.
    void removedVmCanBeRestored()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QString goneUuid = QStringLiteral("0b1c2d3e-0000-4000-8000-00000000beef");
        const QString emptyUuid = QStringLiteral("0b1c2d3e-0000-4000-8000-00000000e0e0");
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-3);
        QStringList goneIds;
        QString error;
        for (int i = 0; i < 3; ++i) {
            goneIds.prepend(GuiTestData::writePoint(
                *repo, goneUuid, QStringLiteral("gone"), t0.addSecs(i * 3600), false, &error));
            QVERIFY2(!goneIds.first().isEmpty(), qPrintable(error));
        }
        QVERIFY2(
            !GuiTestData::writePoint(*repo, TestUuid, QStringLiteral("test"), t0, false, &error).isEmpty(),
            qPrintable(error));
        // A VM whose only point was never completed has nothing to restore from.
        QVERIFY(
            QDir().mkpath(m_repoPath + QLatin1Char('/') + emptyUuid + QStringLiteral("/20260101T000000Z")));

        MainWindow *w = startOnTestRepository();
        RemovedVmsDialog *found = openRemovedVms(w);
        QVERIFY(found);
        QCOMPARE(found->vmList()->topLevelItemCount(), 1);
        QCOMPARE(found->vmList()->topLevelItem(0)->text(0), QStringLiteral("gone"));
        QCOMPARE(found->vmList()->topLevelItem(0)->text(1), QStringLiteral("3"));
        QCOMPARE(found->vmUuid(), goneUuid);
        QCOMPARE(found->pointList()->count(), 3);
        QCOMPARE(found->point().id, goneIds.first()); // the newest
        found->pointList()->setCurrentIndex(2);
        QCOMPARE(found->point().id, goneIds.last());
        QCOMPARE(found->uri(), TestUri);
        QVERIFY(found->restoreButton()->isEnabled());

        RestoreDialog *how = nullptr;
        connect(w->pointCommands(), &PointCommands::restoreDialogOpened, this,
            [&how](RestoreDialog *d) { how = d; });
        found->restoreButton()->click();
        QVERIFY(how);
        QVERIFY(how->findChild<QLabel *>(QStringLiteral("originalRemoved")));
        const RestoreRequest request = how->request();
        QCOMPARE(request.mode, RestoreRequest::Mode::AsNewVm); // the default replaces nothing
        QCOMPARE(request.pointId, goneIds.last());
        QCOMPARE(request.newName, QStringLiteral("gone")); // the old name is free again
        QVERIFY(how->restoreButton()->isEnabled());
        // Or back as it was: in place, which defines it again under its own identity.
        auto *asItWas = how->findChild<QRadioButton *>(QStringLiteral("inPlace"));
        QVERIFY(asItWas->isEnabled());
        QCOMPARE(asItWas->text(), QStringLiteral("As it &was"));
        asItWas->click();
        QCOMPARE(how->request().mode, RestoreRequest::Mode::InPlace);
        QVERIFY(how->request().force); // chosen with the note that images at its paths are replaced
        QCOMPARE(how->restoreButton()->text(), QStringLiteral("Bring Back"));
        how->reject();

        // Once it is defined again, there is nothing to find: the dialog says so.
        RemovedVmsDialog none(m_app->repository(), {TestUuid, goneUuid}, {TestUri});
        QSignalSpy noneLoaded(&none, &RemovedVmsDialog::loaded);
        QVERIFY(noneLoaded.wait(10000));
        QCOMPARE(none.vmList()->topLevelItemCount(), 0);
        QVERIFY(!none.restoreButton()->isEnabled());
        QVERIFY(!none.findChild<QLabel *>(QStringLiteral("status"))->text().isEmpty());
        QVERIFY(!none.findChild<QLabel *>(QStringLiteral("unreachable")));
        // A connection that is down may define what looks removed: said.
        const QString away = QStringLiteral("qemu+ssh://away.example/system");
        RemovedVmsDialog maybe(m_app->repository(), {TestUuid}, {TestUri}, {away});
        auto *unreachable = maybe.findChild<QLabel *>(QStringLiteral("unreachable"));
        QVERIFY(unreachable);
        QVERIFY(unreachable->text().contains(away));
        // Nowhere to restore to: said, and nothing to click.
        RemovedVmsDialog nowhere(m_app->repository(), {TestUuid}, {}, {away});
        QSignalSpy nowhereLoaded(&nowhere, &RemovedVmsDialog::loaded);
        QVERIFY(nowhereLoaded.wait(10000));
        QCOMPARE(nowhere.vmList()->topLevelItemCount(), 1);
        QVERIFY(!nowhere.restoreButton()->isEnabled());
        QVERIFY(nowhere.findChild<QLabel *>(QStringLiteral("status"))
                    ->text()
                    .contains(QLatin1String("Connections")));
    }

    // A removed VM whose name another VM took meanwhile (here the driver's "test") can
    // only come back as a new VM: the dialog says so before anything runs.
    void removedVmWhoseNameIsTakenComesBackAsNew()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QString goneUuid = QStringLiteral("0b1c2d3e-0000-4000-8000-0000000075e7");
        QString error;
        QVERIFY2(!GuiTestData::writePoint(*repo, goneUuid, QStringLiteral("test"),
                     QDateTime::currentDateTimeUtc().addDays(-1), false, &error)
                      .isEmpty(),
            qPrintable(error));
        MainWindow *w = startOnTestRepository();
        RemovedVmsDialog *found = openRemovedVms(w);
        QVERIFY(found);
        QCOMPARE(found->vmUuid(), goneUuid);
        RestoreDialog *how = nullptr;
        connect(w->pointCommands(), &PointCommands::restoreDialogOpened, this,
            [&how](RestoreDialog *d) { how = d; });
        found->restoreButton()->click();
        QVERIFY(how);
        QVERIFY(!how->findChild<QRadioButton *>(QStringLiteral("inPlace"))->isEnabled());
        QCOMPARE(how->request().mode, RestoreRequest::Mode::AsNewVm);
        QVERIFY(how->request().newName != QStringLiteral("test"));
        how->reject();
    }

    // A next backup a few days out ("Thu 23:59") fits its column; a full date and time
    // was cut off there.
    void nextBackupFitsItsColumn()
    {
        MainWindow *w = startOnTestRepository();
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
        const QDate day = QDate::currentDate().addDays(2);
        const Status written = VmSettings::update(m_app->repository(), TestUuid, QStringLiteral("test"),
            QStringLiteral("schedule"), [day](VmRecord &vm) {
                vm.schedule = Schedule::weekly({Qt::DayOfWeek(day.dayOfWeek())}, QTime(23, 59)).toJson();
                return Status();
            });
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message()));
        m_app->vmModel()->refreshSummary(TestUuid);
        const QModelIndex cell = w->vmProxy()
                                     ->mapFromSource(m_app->vmModel()->vmIndex(TestUri, TestUuid))
                                     .siblingAtColumn(VmModel::NextRunColumn);
        const QString text = QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ')
            + QLocale().toString(QTime(23, 59), QLocale::ShortFormat);
        QTRY_COMPARE(cell.data().toString(), text);
        QVERIFY2(
            w->vmTree()->sizeHintForIndex(cell).width() <= w->vmTree()->columnWidth(VmModel::NextRunColumn),
            qPrintable(QStringLiteral("%1 > %2")
                           .arg(w->vmTree()->sizeHintForIndex(cell).width())
                           .arg(w->vmTree()->columnWidth(VmModel::NextRunColumn))));
    }

    void firstStartConnectsToTheDefault()
    {
        QSettings().remove(QStringLiteral("connections/uris")); // never configured
        qputenv("LIBVIRT_DEFAULT_URI", TestUri.toUtf8());
        DesktopOptions options;
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        qunsetenv("LIBVIRT_DEFAULT_URI");
        QCOMPARE(m_app->connections()->uris(), QStringList {TestUri});
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
    }

    void selectingAVmShowsItsPoints()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-3);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            QString error;
            ids.append(GuiTestData::writePoint(
                *repo, TestUuid, QStringLiteral("test"), t0.addSecs(i * 86400), false, &error));
            QVERIFY2(!ids.last().isEmpty(), qPrintable(error));
        }

        MainWindow *w = startOnTestRepository();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(GuiSettings::connectionUris().isEmpty()); // --connect is for this session only
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
        QTRY_VERIFY(m_app->repository().isValid());

        // The tree shows the summary: three points, the last a day old... well, one day.
        const QModelIndex source = m_app->vmModel()->vmIndex(TestUri, TestUuid);
        QTRY_COMPARE(source.data(VmModel::PointCountRole).toInt(), 3);
        QVERIFY(source.siblingAtColumn(VmModel::StatusColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("3 points")));

        // Click the VM in the tree.
        QTreeView *tree = w->vmTree();
        const QModelIndex proxyIndex = w->vmProxy()->mapFromSource(source);
        const QRect rect = tree->visualRect(proxyIndex);
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(w->selectedVms().size(), 1);
        QTRY_COMPARE(w->pointModel()->rowCount(), 3);
        QTRY_VERIFY(isShown(w->timeline()));
        QCOMPARE(w->pointModel()->vmName(), QStringLiteral("test"));
        auto *title = w->findChild<QLabel *>(QStringLiteral("vmTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("<b>test</b> · 3 points"));
        // Verify on the VM reads all of them back: the title says when.
        w->findChild<QAction *>(QStringLiteral("actionVerifyVm"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            title->text(), QStringLiteral("<b>test</b> · 3 points · checked just now"), 20000);
        QVERIFY(GuiSettings::lastVerified(m_app->repository().path(), TestUuid).isValid());
        QTRY_COMPARE(m_app->jobManager()->model()->activeCount(), 0);
        m_app->jobManager()->dismissFinished();
        for (int row = 0; row < 3; ++row) {
            const QRect marker = w->timeline()->visualRect(w->pointModel()->index(row, 0));
            QVERIFY(w->timeline()->viewport()->rect().contains(marker.center()));
            QCOMPARE(w->timeline()->indexAt(marker.center()).row(), row);
        }

        // The table shows the same points; a selection there drives the point actions.
        w->findChild<QAction *>(QStringLiteral("actionShowTable"))->trigger();
        QVERIFY(isShown(w->pointTable()));
        QCOMPARE(w->pointTable()->model()->rowCount(), 3);
        w->pointTable()->selectRow(2);
        PointActions *actions = w->pointActions();
        QVERIFY(actions->verifyAction()->isEnabled());
        QVERIFY(actions->deleteAction()->isEnabled());
        QVERIFY(actions->restoreAction()->isEnabled());

        // Verify runs as a job in the jobs panel and succeeds.
        JobManager *jobs = m_app->jobManager();
        QSignalSpy finished(jobs, &JobManager::jobFinished);
        actions->verifyAction()->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(jobs->model()->rowCount(), 1);
        QCOMPARE(
            Job::State(jobs->model()->index(0).data(JobModel::StateRole).toInt()), Job::State::Succeeded);
        QVERIFY(w->jobsPanel()->view()->isVisible());

        // Golden: the flag is written and the point reloads as golden.
        QVERIFY(actions->protectAction()->isEnabled());
        actions->protectAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w->pointModel()->point(2).golden, 10000);
        w->pointTable()->selectRow(2);
        QVERIFY(actions->protectAction()->isChecked());

        // A golden point is protected from deletion too: the action says so, and a deletion
        // that includes one fails and removes nothing.
        QVERIFY(!actions->deleteAction()->isEnabled());
        QVERIFY2(actions->deleteAction()->toolTip().contains(QLatin1String("Golden")),
            qPrintable(actions->deleteAction()->toolTip()));
        w->pointCommands()->removeConfirmed(TestUuid, QStringLiteral("test"), {ids.at(1), ids.at(2)});
        QVERIFY(finished.wait(20000));
        QCOMPARE(Job::State(jobs->model()->index(0).data(JobModel::StateRole).toInt()), Job::State::Failed);
        QCOMPARE(w->pointModel()->rowCount(), 3);

        // Deleting an ordinary point removes its row (no reset: the selection model survives).
        w->pointTable()->selectRow(1);
        QVERIFY(actions->deleteAction()->isEnabled());
        QSignalSpy removed(w->pointModel(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(w->pointModel(), &QAbstractItemModel::modelReset);
        w->pointCommands()->removeConfirmed(TestUuid, QStringLiteral("test"), {ids.at(1)});
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE(w->pointModel()->rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QTRY_COMPARE(source.data(VmModel::PointCountRole).toInt(), 2);
    }

    // Restore from the point actions: the new VM is offered a name that says the point's
    // time and that no VM on the connection has, and a name another VM has is refused
    // before anything runs.
    void restoreOffersANameNoVmHas()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QDateTime when = QDateTime::currentDateTimeUtc().addDays(-1);
        QString error;
        QVERIFY2(
            !GuiTestData::writePoint(*repo, TestUuid, QStringLiteral("test"), when, false, &error).isEmpty(),
            qPrintable(error));
        const QString pointName
            = QStringLiteral("test-") + when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"));
        const TestVms vms({pointName, QStringLiteral("other")});
        QVERIFY(vms.isValid());

        MainWindow *w = startOnTestRepository();
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 3);
        QTRY_VERIFY(m_app->repository().isValid());
        const QModelIndex source = m_app->vmModel()->vmIndex(TestUri, TestUuid);
        w->vmTree()->setCurrentIndex(w->vmProxy()->mapFromSource(source));
        QTRY_COMPARE(w->pointModel()->rowCount(), 1);
        w->findChild<QAction *>(QStringLiteral("actionShowTable"))->trigger();
        w->pointTable()->selectRow(0);
        RestoreDialog *how = nullptr;
        connect(w->pointCommands(), &PointCommands::restoreDialogOpened, this,
            [&how](RestoreDialog *d) { how = d; });
        QVERIFY(w->pointActions()->restoreAction()->isEnabled());
        w->pointActions()->restoreAction()->trigger();
        QVERIFY(how);
        QCOMPARE(how->request().newName, pointName + QStringLiteral("-2"));
        QVERIFY(how->restoreButton()->isEnabled());

        auto *name = how->findChild<QLineEdit *>(QStringLiteral("newName"));
        auto *problem = how->findChild<QLabel *>(QStringLiteral("problem"));
        name->setText(QStringLiteral("other"));
        QVERIFY(!how->restoreButton()->isEnabled());
        QCOMPARE(problem->text(), QStringLiteral("A VM called 'other' exists already; choose another name."));
        name->setText(QStringLiteral("other-2"));
        QVERIFY(how->restoreButton()->isEnabled());
        how->reject();
    }

    // The table opens on the newest points, and the point selected in the timeline is in
    // sight when the table is shown.
    void pointTableShowsTheNewest()
    {
        auto repo = Repository::open(m_repoPath, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-3);
        constexpr int Count = 40;
        for (int i = 0; i < Count; ++i) {
            QString error;
            QVERIFY2(!GuiTestData::writePoint(
                         *repo, TestUuid, QStringLiteral("test"), t0.addSecs(i * 3600), false, &error)
                          .isEmpty(),
                qPrintable(error));
        }
        MainWindow *w = startOnTestRepository();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->findChild<QAction *>(QStringLiteral("actionShowTable"))->trigger();
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
        w->vmTree()->setCurrentIndex(
            w->vmProxy()->mapFromSource(m_app->vmModel()->vmIndex(TestUri, TestUuid)));
        QTRY_COMPARE(w->pointModel()->rowCount(), Count);
        QTableView *table = w->pointTable();
        QVERIFY(isShown(table));
        const auto inSight = [table](int row) {
            const QRect rect = table->visualRect(table->model()->index(row, 0));
            return !rect.isEmpty() && table->viewport()->rect().contains(rect);
        };
        QTRY_VERIFY(inSight(Count - 1));
        QVERIFY(!inSight(0)); // more points than rows in sight

        // A new point comes into sight while the end is shown, and does not move the
        // table when the user looks at older points.
        const auto addPoint = [&](int hours) {
            QString error;
            const QString id = GuiTestData::writePoint(
                *repo, TestUuid, QStringLiteral("test"), t0.addSecs(hours * 3600), false, &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
            const int rows = w->pointModel()->rowCount();
            w->pointModel()->reload();
            QTRY_COMPARE(w->pointModel()->rowCount(), rows + 1);
        };
        addPoint(Count);
        QTRY_VERIFY(inSight(Count));
        table->scrollToTop();
        addPoint(Count + 1);
        QVERIFY(inSight(0));
        QVERIFY(!inSight(Count + 1));

        w->findChild<QAction *>(QStringLiteral("actionShowTimeline"))->trigger();
        w->timeline()->selectionModel()->select(
            w->pointModel()->index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table->scrollToBottom();
        w->findChild<QAction *>(QStringLiteral("actionShowTable"))->trigger();
        QVERIFY(inSight(2));
        QVERIFY(!inSight(Count - 1));
    }

    // Names that differ only at their end (copies of one VM) still look different when
    // they are too long for the name column: the middle is elided, not the end.
    void longNamesKeepTheirEnds()
    {
        const QString base = QStringLiteral("a-virtual-machine-with-a-long-name-");
        const QStringList names {
            base + QStringLiteral("2026-11-30-0711"), base + QStringLiteral("2026-11-30-0712")};
        const TestVms vms(names);
        QVERIFY(vms.isValid());
        MainWindow *w = startOnTestRepository();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 3);
        QTreeView *tree = w->vmTree();
        tree->setColumnWidth(VmModel::NameColumn, 20 * tree->fontMetrics().averageCharWidth());
        // Both cells drawn alike but for their text.
        tree->setAlternatingRowColors(false);
        tree->selectionModel()->clear();
        QList<QImage> cells;
        for (const QString &name : names) {
            const QModelIndexList found = w->vmProxy()->match(w->vmProxy()->index(0, VmModel::NameColumn),
                Qt::DisplayRole, name, 1, Qt::MatchExactly | Qt::MatchRecursive);
            QCOMPARE(found.size(), 1);
            const QRect rect = tree->visualRect(found.first());
            QVERIFY(!rect.isEmpty());
            QVERIFY(tree->fontMetrics().horizontalAdvance(name) > rect.width()); // it is elided
            cells.append(tree->viewport()->grab(rect).toImage());
        }
        QVERIFY(cells.at(0) != cells.at(1));
    }

    // Help > About names the versions a bug report needs and the licence; About Qt is there.
    void aboutSaysTheVersions()
    {
        MainWindow *w = startOnTestRepository();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
        auto *box = w->findChild<QMessageBox *>(QStringLiteral("aboutBox"));
        QVERIFY(box);
        const QString text = box->text();
        QVERIFY2(text.contains(QLatin1String("Rewind " REWIND_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QLatin1String(qVersion()))), qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral("libvirt \\d+\\.\\d+\\.\\d+")).match(text).hasMatch(),
            qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("GNU General Public License, version 3")), qPrintable(text));
        box->close();
        QVERIFY(w->findChild<QAction *>(QStringLiteral("actionAboutQt")));
    }

    void backupOnTheTestDriverFailsWithAMessage()
    {
        MainWindow *w = startOnTestRepository();
        QTRY_COMPARE(m_app->vmModel()->vmCount(), 1);
        QTRY_VERIFY(m_app->repository().isValid());
        QVERIFY(w->selectVm(TestUri, TestUuid));
        QTRY_VERIFY(w->backupNowAction()->isEnabled());

        JobManager *jobs = m_app->jobManager();
        QSignalSpy finished(jobs, &JobManager::jobFinished);
        w->backupNowAction()->trigger();
        QCOMPARE(jobs->model()->rowCount(), 1);
        // The VM list shows that a job runs on it, then the failure's message.
        QVERIFY(finished.wait(30000));
        const QModelIndex row = jobs->model()->index(0);
        QCOMPARE(Job::State(row.data(JobModel::StateRole).toInt()), Job::State::Failed);
        QVERIFY(!row.data(JobModel::ErrorMessageRole).toString().isEmpty());
        QVERIFY(row.data(JobModel::ActionsRole).toList().contains(int(JobModel::Action::ShowLog)));
        const QModelIndex vm = m_app->vmModel()->vmIndex(TestUri, TestUuid);
        QTRY_VERIFY(!vm.data(VmModel::BusyRole).toBool());
        // Nothing half-written stays behind.
        auto repo = Repository::open(m_repoPath);
        QVERIFY(repo);
        auto points = repo->listPoints(TestUuid);
        QVERIFY(points);
        QCOMPARE(points->size(), 0);
    }

    void quitWaitsForRunningJobs()
    {
        DesktopOptions options;
        options.uris = {TestUri};
        options.tray = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start();
        // A job that runs until cancelled stands in for a long backup.
        auto *job
            = new Job(Job::Kind::Backup, QStringLiteral("long"), [](JobControl &c) -> Result<JobOutcome> {
                  QSemaphore idle;
                  while (!c.isCancelled()) {
                      (void)idle.tryAcquire(1, 5);
                  }
                  return c.cancelledError();
              });
        m_app->jobManager()->start(job);
        QTRY_COMPARE(job->state(), Job::State::Running);

        // The tray's menu says what runs.
        QTRY_COMPARE(m_app->trayIcon()->stateText(), QStringLiteral("Running: long"));

        m_app->requestQuit(); // asks instead of quitting
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_app->window()->findChild<QMessageBox *>()) != nullptr);
        QVERIFY(box->text().contains(QLatin1String("1 job still running")));
        QAbstractButton *quit = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == QStringLiteral("Cancel Jobs and Quit")) {
                quit = b;
            }
        }
        QVERIFY(quit);
        // QCoreApplication::quit() is only observable through the event loop's exit; the
        // job is cancelled and ends first.
        quit->click();
        QVERIFY(job->isCancelRequested());
        QTRY_COMPARE(job->state(), Job::State::Cancelled);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_repoPath;
    std::unique_ptr<DesktopApp> m_app;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
