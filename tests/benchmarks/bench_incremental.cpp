// bench_incremental: what an incremental point costs next to a full one (issue #5), on
// one real guest with a 2 GiB qcow2 disk and 256 MiB of RAM. Prints a Markdown report.
// Run on demand (not part of ctest's default set):
//
//   build/tests/benchmarks/bench_incremental [--runs N] [--full-runs N] [--data-mib M]
//       [--disk-only] [--in-process] [--out FILE]
//
// Needs root and a running system libvirtd (tests/fixtures/setup-libvirt.sh).
//
// 1. The guest writes M MiB (default 1024) of random data to its disk, so the full point
//    has real data to copy. The guest writes it itself (TestGuest::writeDiskData), not
//    qemu-io before boot: the data is incompressible like real data, where a pattern
//    would shrink to nothing in any compressing store, and it takes the same path as the
//    changes measured later.
// 2. Full points of the running guest (`rewindctl backup --json`, disks + RAM), three by
//    default: the repository is new, so the first point is full, and the VM is untracked
//    before each further one. Their median time is what the increments are measured
//    against.
// 3. N times: the guest writes 1 % of its disk (fresh random data, at offsets spread over
//    the disk from 64 MiB on, some over the data of step 1, some over empty space), then
//    the next point, which is incremental once Rewind makes incremental points. Until
//    then these points are full too; the report prints each point's kind and what it
//    measured either way.
//
// Reported: median incremental / full stored disk size (target <= 3 %) and time (target
// <= 15 %), and the RAM image of the idle guest, stored / raw (target <= 40 %).
//
// A point's time is that of the whole `rewindctl backup` command by default. With
// --in-process every point is instead taken in this process as the desktop application's
// backup job takes it: a connection of its own, then BackupOperation, on a worker
// thread. That leaves out the start of a process (loading libvirt's client and its 56
// libraries) and the check of every VM's journals that each rewindctl command makes.

#include "benchsupport.h"
#include "testguest.h"

#include "async.h"
#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "workers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <optional>

using namespace Rewind;
using namespace RewindBench;
using namespace RewindTest;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 DiskBytes = 2048 * MiB;
// Below this the guest's counter keeps its records (sector 0 and a history growing from
// sector 2 by ~18 MiB an hour): the benchmark writes nowhere near them.
constexpr qint64 DataStart = 64 * MiB;

struct Options
{
    int runs = 5;
    int fullRuns = 3; ///< --full-runs: full points whose median time the increments are measured against
    qint64 dataMiB = 1024;
    QString outFile;
    bool diskOnly = false; ///< --disk-only points: the disk chain alone, without the RAM image
    bool trace = false; ///< --trace: print each backup's log with timestamps
    bool inProcess = false; ///< --in-process: BackupOperation here instead of rewindctl
    QString diskCache = QStringLiteral("writethrough"); ///< --cache; empty: no cache attribute
};

/// One point as the benchmark saw it.
struct Point
{
    QString label; ///< "full" or "after change 3": where in the sequence it was taken
    QString kind; ///< what the manifest says it is
    qint64 changedBytes = 0; ///< written by the guest since the previous point
    double seconds = 0; ///< rewindctl backup end to end, or BackupOperation::run() (--in-process)
    qint64 diskStored = 0; ///< sum of the disks' storedSize
    qint64 diskAllocated = 0; ///< sum of the disks' allocatedSize
    qint64 memoryRaw = 0;
    qint64 memoryStored = 0;
    qint64 pauseMs = 0;
};

// A point taken as the desktop application's backup job takes one (Job's runBackup): on
// a worker thread (this one), a connection of its own, then BackupOperation. Seconds of
// both, and the manifest.
std::optional<std::pair<double, PointManifest>> backUpInProcess(
    const QString &repo, const TestGuest &guest, const Options &o)
{
    auto repository = Repository::open(repo, Repository::OpenMode::CreateIfMissing);
    if (!repository) {
        err() << "bench: " << repository.error().toString() << Qt::endl;
        return std::nullopt;
    }
    BackupRequest request;
    request.domain = guest.name();
    if (o.diskOnly) {
        request.method = PointManifest::Method::DiskOnly;
    }
    JobControl control;
    QElapsedTimer timer;
    timer.start();
    auto conn = Libvirt::openConnection(TestGuest::uri());
    if (!conn) {
        err() << "bench: " << conn.error().toString() << Qt::endl;
        return std::nullopt;
    }
    auto outcome = BackupOperation(*conn, *repository, request, control).run();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!outcome) {
        err() << "bench: backup failed: " << outcome.error().toString() << Qt::endl;
        return std::nullopt;
    }
    return std::make_pair(seconds, outcome->manifest);
}

std::optional<std::pair<double, PointManifest>> backUpWithRewindctl(
    const QString &repo, const TestGuest &guest, const QString &label, const Options &o)
{
    QStringList args {
        QStringLiteral("--repo"), repo, QStringLiteral("backup"), guest.name(), QStringLiteral("--json")};
    if (o.diskOnly) {
        args << QStringLiteral("--disk-only");
    }
    QStringList env;
    if (o.trace) {
        args.prepend(QStringLiteral("--verbose"));
        env << QStringLiteral("QT_MESSAGE_PATTERN=%{time process} %{category} %{message}")
            << QStringLiteral("QT_LOGGING_RULES=rewind.*.debug=true");
    }
    const Run r = runTimed(rewindctl(), args, env);
    if (r.exitCode != 0) {
        return std::nullopt;
    }
    if (o.trace) {
        err() << r.err;
    }
    const auto m = manifestOf(r);
    if (!m) {
        err() << "bench: cannot read the manifest of point " << label << ": " << m.error().message()
              << Qt::endl;
        return std::nullopt;
    }
    return std::make_pair(r.seconds, *m);
}

std::optional<Point> takePoint(
    const QString &repo, const TestGuest &guest, const QString &label, const Options &o)
{
    const auto taken
        = o.inProcess ? backUpInProcess(repo, guest, o) : backUpWithRewindctl(repo, guest, label, o);
    if (!taken) {
        return std::nullopt;
    }
    const PointManifest *m = &taken->second;
    Point p;
    p.label = label;
    p.kind = PointManifest::kindName(m->kind);
    p.seconds = taken->first;
    for (const auto &d : m->disks) {
        p.diskStored += d.storedSize;
        p.diskAllocated += d.allocatedSize;
    }
    if (m->memory) {
        p.memoryRaw = m->memory->rawSize;
        p.memoryStored = m->memory->storedSize;
    }
    p.pauseMs = m->guestPauseMs;
    err() << "bench: point " << label << " (kind " << p.kind << "): " << fmt(p.seconds) << " s, disk "
          << fmt(p.diskStored / double(MiB), 1) << " MiB stored" << Qt::endl;
    return p;
}

// Where run i writes: spread over the disk by a prime stride (613 MiB), on MiB
// boundaries (whole qcow2 clusters, so the ideal delta is exactly what was written).
qint64 changeOffset(int i, qint64 changedBytes)
{
    const qint64 span = (DiskBytes - DataStart - changedBytes) / MiB;
    return DataStart + (qint64(i) * 613 % span) * MiB;
}

QString percent(double ratio)
{
    return fmt(ratio * 100, 1) + QStringLiteral(" %");
}

QString mib(qint64 bytes)
{
    return fmt(bytes / double(MiB), 1);
}

// False when the guest or the full point failed and there is nothing to report.
bool body(const Options &o)
{
    QTemporaryDir work(QStringLiteral("/var/tmp/rewind-bench-incremental-XXXXXX"));
    if (!work.isValid()) {
        err() << "bench: cannot create a work dir: " << work.errorString() << Qt::endl;
        return false;
    }
    const QString repo = work.path() + QStringLiteral("/repo");
    QString error;

    GuestOptions go;
    go.diskBytes = DiskBytes;
    go.memoryMiB = 256;
    go.withAgent = true;
    go.diskCache = o.diskCache;
    TestGuest guest(go);
    if (!guest.create(&error) || !guest.waitForBoot(120000, &error) || !guest.waitForAgent(60000, &error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return false;
    }

    // 1. Data for the full point to copy.
    QElapsedTimer fillTimer;
    fillTimer.start();
    if (!guest.writeDiskData(DataStart, o.dataMiB * MiB, &error)) {
        err() << "bench: filling the disk failed: " << error << Qt::endl;
        return false;
    }
    err() << "bench: guest wrote " << o.dataMiB << " MiB in " << fmt(fillTimer.elapsed() / 1000.0) << " s"
          << Qt::endl;

    const auto untrack = [&] {
        return runTimed(
                   rewindctl(), {QStringLiteral("--repo"), repo, QStringLiteral("untrack"), guest.name()})
                   .exitCode
            == 0;
    };

    // 2. Full points: the first of a new repository is full, and the VM is untracked
    // (not timed) before each further one, so that it is full too. The increments are
    // measured against their median: one full point's time varies by a third from run to
    // run on a busy machine. The increments then go on from the last of them.
    QList<Point> points;
    QList<double> fullSeconds;
    for (int i = 1; i <= o.fullRuns; ++i) {
        if (i > 1 && !untrack()) {
            err() << "bench: untrack before full point " << i << " failed" << Qt::endl;
            return false;
        }
        auto f = takePoint(repo, guest, QStringLiteral("full %1").arg(i), o);
        if (!f) {
            return false;
        }
        points << *f;
        fullSeconds << f->seconds;
    }
    Point reference = points.constLast();
    reference.seconds = median(fullSeconds);
    const Point *full = &reference;

    // 3. Change 1 % of the disk, then a point, N times. Whole 64 KiB clusters.
    const qint64 changed = DiskBytes / 100 / (64 * 1024) * (64 * 1024);
    for (int i = 1; i <= o.runs; ++i) {
        if (!guest.writeDiskData(changeOffset(i, changed), changed, &error)) {
            err() << "bench: guest write " << i << " failed: " << error << Qt::endl;
            break;
        }
        auto p = takePoint(repo, guest, QStringLiteral("after change %1").arg(i), o);
        if (!p) {
            break;
        }
        p->changedBytes = changed;
        points << *p;
    }

    // Gives the disk back to the VM's own image; the guest is destroyed next either way.
    if (!untrack()) {
        err() << "bench: untrack failed (see above); the guest is destroyed anyway" << Qt::endl;
    }
    const int incrementalRuns = int(points.size()) - o.fullRuns;
    if (incrementalRuns < o.runs) {
        err() << "bench: only " << incrementalRuns << " of " << o.runs << " incremental runs completed"
              << Qt::endl;
    }

    QList<double> storedRatio, timeRatio, memoryRatio, incSeconds, incStored;
    int reallyIncremental = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const Point &p = points.at(i);
        if (p.memoryRaw > 0) {
            memoryRatio << double(p.memoryStored) / p.memoryRaw;
        }
        if (i < o.fullRuns) {
            continue;
        }
        reallyIncremental += p.kind == PointManifest::kindName(PointManifest::Kind::Incremental);
        incSeconds << p.seconds;
        incStored << double(p.diskStored);
        storedRatio << (full->diskStored > 0 ? double(p.diskStored) / full->diskStored : 0);
        timeRatio << (full->seconds > 0 ? p.seconds / full->seconds : 0);
    }

    QString report;
    QTextStream t(&report);
    t << machineLine() << " Guest: " << DiskBytes / MiB / 1024 << " GiB qcow2 disk holding " << o.dataMiB
      << " MiB of random data (written by the guest), disk cache mode "
      << (go.diskCache.isEmpty() ? QStringLiteral("QEMU's default (writeback)") : go.diskCache) << ", "
      << go.memoryMiB << " MiB RAM, idle. "
      << (o.diskOnly ? "Disk-only points (--disk-only). " : "Full-state points (disks + RAM). ")
      << (o.inProcess ? "Time: a connection and BackupOperation::run() in a running process, as the desktop "
                        "application's backup job takes a point (--in-process). "
                      : "Time: the rewindctl backup command, end to end. ")
      << o.fullRuns << " full points (untracked between them; their median is the reference), then "
      << incrementalRuns << " runs of: guest writes " << mib(changed)
      << " MiB (1 % of the disk), then a point.\n\n";
    t << "| Point | Kind | Changed (MiB) | Time (s) | Disk stored (MiB) | Disk allocated (MiB) "
         "| RAM raw (MiB) | RAM stored (MiB) | Pause (ms) |\n"
         "|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Point &p : std::as_const(points)) {
        t << "| " << p.label << " | " << p.kind << " | "
          << (p.changedBytes ? mib(p.changedBytes) : QStringLiteral("-")) << " | " << fmt(p.seconds) << " | "
          << mib(p.diskStored) << " | " << mib(p.diskAllocated) << " | " << mib(p.memoryRaw) << " | "
          << mib(p.memoryStored) << " | " << p.pauseMs << " |\n";
    }
    const auto row = [&t](const QString &what, const QString &value, const QString &target,
                         std::optional<bool> met) {
        t << "| " << what << " | " << value << " | " << target << " | "
          << (met ? (*met ? QStringLiteral("yes") : QStringLiteral("no")) : QStringLiteral("-")) << " |\n";
    };
    t << "\n| Measure | Result | Target | Met |\n|---|---|---|---|\n";
    row(QStringLiteral("Full points, median of %1: time (s) / disk stored (MiB)").arg(o.fullRuns),
        fmt(full->seconds) + QStringLiteral(" / ") + mib(full->diskStored), QStringLiteral("-"),
        std::nullopt);
    if (incrementalRuns > 0) {
        row(QStringLiteral("Following points, median: time (s) / disk stored (MiB)"),
            fmt(median(incSeconds)) + QStringLiteral(" / ") + mib(qint64(median(incStored))),
            QStringLiteral("-"), std::nullopt);
        row(QStringLiteral("Following points of kind incremental"),
            QStringLiteral("%1 of %2").arg(reallyIncremental).arg(incrementalRuns), QStringLiteral("all"),
            reallyIncremental == incrementalRuns);
        row(QStringLiteral("Incremental / full disk stored size, median"), percent(median(storedRatio)),
            QStringLiteral("<= 3 %"), median(storedRatio) <= 0.03);
        row(QStringLiteral("Changed data / full disk stored: the floor for the ratio above"),
            percent(full->diskStored > 0 ? double(changed) / full->diskStored : 0), QStringLiteral("-"),
            std::nullopt);
        row(QStringLiteral("Incremental / full time, median"), percent(median(timeRatio)),
            QStringLiteral("<= 15 %"), median(timeRatio) <= 0.15);
    }
    if (!memoryRatio.isEmpty()) {
        row(QStringLiteral("RAM image of the idle %1 MiB guest, stored / raw, median").arg(go.memoryMiB),
            percent(median(memoryRatio)), QStringLiteral("<= 40 %"), median(memoryRatio) <= 0.40);
    }
    if (reallyIncremental < incrementalRuns) {
        t << "\n"
          << incrementalRuns - reallyIncremental << " of the " << incrementalRuns
          << " points after a change were stored in full (kind full), so their ratios describe full "
             "points. Until Rewind makes incremental points, every point is full.\n";
    }
    t.flush();
    printReport(report, o.outFile);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Changes + points after the full point."),
        QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("full-runs"),
        QStringLiteral("Full points taken first; the increments' times are measured against their median."),
        QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption(
        {QStringLiteral("data-mib"), QStringLiteral("MiB of data the guest writes before the full point."),
            QStringLiteral("M"), QStringLiteral("1024")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Also write the report to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("disk-only"), QStringLiteral("Disk-only points (no RAM image).")});
    parser.addOption({QStringLiteral("cache"),
        QStringLiteral("The guest disk's cache mode: writethrough (the tests' guest), none, writeback, or "
                       "default (none given: QEMU's default, as virt-manager defines a disk)."),
        QStringLiteral("MODE"), QStringLiteral("writethrough")});
    parser.addOption({QStringLiteral("trace"),
        QStringLiteral("Print the log of each backup (rewindctl --verbose, debug messages, timestamps).")});
    parser.addOption({QStringLiteral("in-process"),
        QStringLiteral("Take every point in this process as the desktop application's backup job does (a "
                       "connection, then BackupOperation) instead of running rewindctl.")});
    parser.process(app);
    Options o;
    o.runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    o.fullRuns = std::max(1, parser.value(QStringLiteral("full-runs")).toInt());
    // The data must fit into the 2 GiB disk above DataStart.
    o.dataMiB = std::clamp<qint64>(parser.value(QStringLiteral("data-mib")).toLongLong(), 1, 1536);
    o.outFile = parser.value(QStringLiteral("out"));
    o.diskOnly = parser.isSet(QStringLiteral("disk-only"));
    o.trace = parser.isSet(QStringLiteral("trace"));
    o.inProcess = parser.isSet(QStringLiteral("in-process"));
    if (o.trace && o.inProcess) {
        qSetMessagePattern(QStringLiteral("%{time process} %{category} %{message}"));
        QLoggingCategory::setFilterRules(QStringLiteral("rewind.*.debug=true"));
    }
    const QString cache = parser.value(QStringLiteral("cache"));
    if (!QStringList {QStringLiteral("writethrough"), QStringLiteral("none"), QStringLiteral("writeback"),
            QStringLiteral("default")}
             .contains(cache)) {
        err() << "bench: --cache takes writethrough, none, writeback or default, not " << cache << Qt::endl;
        return 2;
    }
    o.diskCache = cache == QLatin1String("default") ? QString() : cache;
    // Libvirt calls run off the main thread, as everywhere in Rewind.
    Async::run(
        Workers::jobPool(), &app, [o] { return body(o); },
        [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
    return app.exec();
}
