// Event-loop latency of the desktop application: how long the GUI thread stalls (the
// longest gap between ticks of a 5 ms timer) while
//   1. a libvirt connection with 500 VMs is listed and shown, with backup summaries of
//      1,000 points read from a repository,
//   2. 2,000 points per VM are shown on the timeline for one VM after another,
//   3. (--with-guest) a real backup of a QEMU guest runs with the jobs panel showing it.
// Prints a Markdown table. Not part of ctest; run by hand:
//
//   build/tests/benchmarks/bench_guilatency [--with-guest] [--vms N] [--points N]

#include "connectionlist.h"
#include "desktopapp.h"
#include "guitestdata.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "pointmodel.h"
#include "testguest.h"
#include "timelineview.h"
#include "vmmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <functional>

using namespace Rewind;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

/// Ticks every 5 ms on the GUI thread and records the gaps between ticks.
class LatencyProbe : public QObject
{
public:
    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gaps.append((now - m_last) / 1000); // microseconds
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    double maxStallMs() const
    {
        const qint64 max = m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.cbegin(), m_gaps.cend());
        return std::max(0.0, max / 1000.0 - 5.0);
    }
    double percentileGapMs(double p) const
    {
        if (m_gaps.isEmpty()) {
            return 0;
        }
        QList<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size()))) / 1000.0;
    }
    qsizetype ticks() const { return m_gaps.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<qint64> m_gaps;
};

struct Row
{
    QString scenario;
    QString result;
    double totalMs;
    double stallMs;
    double p99Ms;
    qsizetype ticks;
};

/// Spins the event loop until done() or the timeout; returns whether done() held.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption guestOption(QStringLiteral("with-guest"),
        QStringLiteral("Also measure during a real backup (root, libvirtd, QEMU: tests/fixtures)."));
    const QCommandLineOption vmsOption(QStringLiteral("vms"), QStringLiteral("VMs in the inventory (500)."),
        QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("Points per VM (2000)."),
        QStringLiteral("N"), QStringLiteral("2000"));
    parser.addOptions({guestOption, vmsOption, pointsOption});
    parser.process(app);
    const int vmCount = parser.value(vmsOption).toInt();
    const int pointCount = parser.value(pointsOption).toInt();
    GuiTestData::initApplication();
    QLoggingCategory::setFilterRules(QStringLiteral("rewind.*.info=false"));

    QTemporaryDir dir;
    const QString uri = GuiTestData::writeNode(dir.path(), vmCount);
    const QString repoPath = dir.path() + QStringLiteral("/repo");
    auto repo = Repository::open(repoPath, Repository::OpenMode::CreateIfMissing);
    if (!repo) {
        qFatal("cannot create the repository: %s", qPrintable(repo.error().toString()));
    }
    // Two real points for every VM: the summaries are read from 1,000 manifests.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < vmCount; ++i) {
        for (int k = 0; k < 2; ++k) {
            if (GuiTestData::writePoint(*repo, GuiTestData::uuidFor(i), GuiTestData::nameFor(i),
                    now.addDays(-k - 1).addSecs(i), false)
                    .isEmpty()) {
                qFatal("cannot write a point");
            }
        }
    }

    QList<Row> rows;
    LatencyProbe probe;

    // 1. The inventory: connection, 500 domains, their summaries, shown in the tree.
    DesktopOptions options;
    options.uris = {uri};
    options.repository = repoPath;
    options.tray = false;
    probe.start();
    DesktopApp desktop(options);
    desktop.start();
    MainWindow *window = desktop.window();
    VmModel *vms = desktop.vmModel();
    bool shown = spinUntil([&] { return vms->vmCount() == vmCount; }, 60000);
    const double listedMs = probe.elapsedMs();
    shown = shown && spinUntil([&] { return vms->summaries().size() == vmCount; }, 120000);
    window->vmTree()->viewport()->repaint();
    const double summariesMs = probe.elapsedMs();
    probe.stop();
    rows.append({QStringLiteral("Inventory of %1 VMs listed and shown").arg(vmCount),
        shown ? QStringLiteral("%1 ms to all rows; %2 ms to all summaries (%3 points)")
                    .arg(listedMs, 0, 'f', 0)
                    .arg(summariesMs, 0, 'f', 0)
                    .arg(2 * vmCount)
              : QStringLiteral("TIMED OUT"),
        summariesMs, probe.maxStallMs(), probe.percentileGapMs(0.99), probe.ticks()});

    // 2. 2,000 synthetic points per VM on the timeline, VM after VM (reset + layout + paint).
    const QList<PointRow> points = GuiTestData::syntheticPoints(pointCount, now);
    probe.start();
    const int switches = 20;
    for (int i = 0; i < switches; ++i) {
        window->pointModel()->setPoints(GuiTestData::uuidFor(i), GuiTestData::nameFor(i), points);
        window->timeline()->viewport()->repaint();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const double pointsMs = probe.elapsedMs();
    probe.stop();
    rows.append({QStringLiteral("%1 points per VM shown on the timeline, %2 VMs in a row")
                     .arg(pointCount)
                     .arg(switches),
        QStringLiteral("%1 ms per VM").arg(pointsMs / switches, 0, 'f', 1), pointsMs, probe.maxStallMs(),
        probe.percentileGapMs(0.99), probe.ticks()});

    // 2b. The same at year zoom, where the markers crowd and stack.
    window->timeline()->setZoom(TimelineView::Zoom::Year);
    probe.start();
    for (int i = 0; i < switches; ++i) {
        window->pointModel()->setPoints(GuiTestData::uuidFor(100 + i), GuiTestData::nameFor(100 + i), points);
        window->timeline()->viewport()->repaint();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const double yearMs = probe.elapsedMs();
    probe.stop();
    rows.append({QStringLiteral("The same at year zoom"),
        QStringLiteral("%1 ms per VM").arg(yearMs / switches, 0, 'f', 1), yearMs, probe.maxStallMs(),
        probe.percentileGapMs(0.99), probe.ticks()});

    // 3. A real backup, with the window and the jobs panel showing its progress.
    if (parser.isSet(guestOption)) {
        RewindTest::TestGuest guest;
        QString error;
        if (!guest.create(&error) || !guest.waitForBoot(90000, &error)) {
            qFatal("guest: %s", qPrintable(error));
        }
        desktop.connections()->add(RewindTest::TestGuest::uri());
        spinUntil([&] { return vms->vmIndex(RewindTest::TestGuest::uri(), guest.uuid()).isValid(); }, 30000);
        window->selectVm(RewindTest::TestGuest::uri(), guest.uuid());
        QSignalSpy finished(desktop.jobManager(), &JobManager::jobFinished);
        probe.start();
        window->backUpSelected();
        const bool done = spinUntil([&] { return !finished.isEmpty(); }, 600000);
        const double backupMs = probe.elapsedMs();
        probe.stop();
        rows.append({QStringLiteral("Full-state backup of a running guest (jobs panel live)"),
            done ? QStringLiteral("%1 s").arg(backupMs / 1000, 0, 'f', 1) : QStringLiteral("TIMED OUT"),
            backupMs, probe.maxStallMs(), probe.percentileGapMs(0.99), probe.ticks()});
    }

    out() << "\n| Scenario | Result | Longest GUI stall | 99th percentile tick gap (5 ms timer) | Ticks |\n";
    out() << "|---|---|---:|---:|---:|\n";
    for (const Row &r : rows) {
        out() << "| " << r.scenario << " | " << r.result << " | " << QString::number(r.stallMs, 'f', 1)
              << " ms | " << QString::number(r.p99Ms, 'f', 1) << " ms | " << r.ticks << " |\n";
    }
    out() << "\nPlatform: " << QGuiApplication::platformName() << ", " << QThread::idealThreadCount()
          << " cores, Qt " << qVersion() << "\n";
    out().flush();
    return 0;
}
