// bench_backup: Rewind against the manual virsh procedure and the raw-copy limit of this
// machine, on the same real guests in one run, so the ratios hold on a noisy machine.
// Prints a Markdown table. Run on demand (not part of ctest's default set):
//
//   build/tests/benchmarks/bench_backup [--runs N] [--out FILE] [--only pause,throughput,restore]
//
// Needs root and a running system libvirtd (tests/fixtures/setup-libvirt.sh).

#include "async.h"
#include "benchsupport.h"
#include "readmerecipe.h"
#include "testguest.h"

#include "jobs/domainevents.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "transfer/sha256file.h"
#include "transfer/sparsecopy.h"
#include "workers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

using namespace Rewind;
using namespace RewindBench;
using namespace RewindTest;

namespace {

// What this rewindctl offers. Once backups leave the VM on a tracked overlay and later ones
// become incremental, the bench asks for full points and merges the overlay back after
// each backup, so every run measures the same work; older builds have neither option.
struct CliFeatures
{
    bool full = false;
    bool untrack = false;

    static CliFeatures probe()
    {
        const Run help = runTimed(rewindctl(), {QStringLiteral("--help")});
        CliFeatures f;
        f.full = help.out.contains(QRegularExpression(QStringLiteral("(^|\\s)--full(\\s|$)")));
        f.untrack = help.out.contains(
            QRegularExpression(QStringLiteral("^\\s+untrack\\s"), QRegularExpression::MultilineOption));
        err() << "bench: rewindctl " << (f.full ? "has" : "has no") << " backup --full, "
              << (f.untrack ? "has" : "has no") << " untrack" << Qt::endl;
        return f;
    }

    QStringList backupArgs(const QString &repo, const QString &vm, const QStringList &extra = {}) const
    {
        QStringList args {QStringLiteral("--repo"), repo, QStringLiteral("backup"), vm};
        args << extra;
        if (full) {
            args << QStringLiteral("--full");
        }
        return args;
    }

    // Not timed: puts the VM back on its own image after a backup.
    void untrackAfterBackup(const QString &repo, const QString &vm) const
    {
        if (untrack) {
            runTimed(rewindctl(), {QStringLiteral("--repo"), repo, QStringLiteral("untrack"), vm});
        }
    }
};

QString pointIdOf(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("pointId")).toString();
}

// Prepares the next timed command on path: writes out what earlier commands left dirty
// (its write-back would otherwise run during, and be charged to, the next one), then reads
// the file once so that the command starts from the page cache: Rewind drops the pages it
// has read (POSIX_FADV_DONTNEED), which would otherwise leave whichever copy runs next
// reading from the disk.
void warmPageCache(const QString &path)
{
    ::sync();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return;
    }
    QByteArray buffer(8 << 20, Qt::Uninitialized);
    while (f.read(buffer.data(), buffer.size()) > 0) { }
}

// cp as the reference copy; with durable, followed by `sync FILE`, which Rewind's copy
// also pays (fsync) before a manifest may name it.
Run copyWithCp(const QString &source, const QString &destination, bool durable)
{
    if (!durable) {
        return runTimed(QStringLiteral("cp"), {QStringLiteral("--sparse=always"), source, destination});
    }
    return runTimed(QStringLiteral("sh"),
        {QStringLiteral("-c"), QStringLiteral("cp --sparse=always \"$1\" \"$2\" && sync \"$2\""),
            QStringLiteral("sh"), source, destination});
}

struct Row
{
    QString what;
    QString rewind;
    QString reference;
    QString ratio;
    QString target;
};

QString ratioOf(double a, double b)
{
    return b > 0 ? fmt(a / b) : QString();
}

// Guest pause during a full-state backup: one guest, runs x (Rewind, manual
// snapshot-create-as --atomic), measured on the host from lifecycle events.
QList<Row> measurePause(const CliFeatures &cli, const QString &repo, int runs)
{
    QList<Row> rows;
    for (int dirty : {0, 50}) {
        GuestOptions o;
        o.name = QStringLiteral("rewind-bench-pause-%1").arg(QCoreApplication::applicationPid());
        o.dirtyRamMiBPerSecond = dirty;
        TestGuest guest(o);
        QString error;
        if (!guest.create(&error) || !guest.waitForBoot(120000, &error)) {
            err() << "bench: guest failed: " << error << Qt::endl;
            return rows;
        }
        QThread::sleep(3); // let the dirtying loop run
        auto conn = Libvirt::openConnection(TestGuest::uri());
        auto dom = Libvirt::Domain::lookup(*conn, guest.uuid());
        QList<double> rewind, manual;
        for (int i = 0; i < runs; ++i) {
            const Run r
                = runTimed(rewindctl(), cli.backupArgs(repo, guest.name(), {QStringLiteral("--json")}));
            cli.untrackAfterBackup(repo, guest.name());
            const auto m = manifestOf(r);
            if (m) {
                rewind << double(m->guestPauseMs);
            }

            const QString overlay = guest.workDir() + QStringLiteral("/manual-%1.qcow2").arg(i);
            const QString mem = guest.workDir() + QStringLiteral("/manual-%1.mem").arg(i);
            DomainEvents events(*conn, dom->handle());
            const Run s = runTimed(QStringLiteral("virsh"),
                {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("snapshot-create-as"), guest.name(),
                    QStringLiteral("manual%1").arg(i), QStringLiteral("--no-metadata"),
                    QStringLiteral("--diskspec"), QStringLiteral("vda,snapshot=external,file=") + overlay,
                    QStringLiteral("--memspec"), QStringLiteral("file=%1,snapshot=external").arg(mem),
                    QStringLiteral("--atomic")});
            if (s.exitCode == 0) {
                manual << double(events.pauseMs());
            }
            runTimed(QStringLiteral("virsh"),
                {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("blockcommit"), guest.name(),
                    QStringLiteral("vda"), QStringLiteral("--active"), QStringLiteral("--pivot"),
                    QStringLiteral("--wait")});
            QFile::remove(overlay);
            QFile::remove(mem);
        }
        const double rewindMs = median(rewind);
        const double manualMs = median(manual);
        rows << Row {dirty ? QStringLiteral("Guest pause, full-state, guest dirtying ~50 MiB/s of RAM (ms)")
                           : QStringLiteral("Guest pause, full-state, idle guest (ms)"),
            fmt(rewindMs, 0), fmt(manualMs, 0), ratioOf(rewindMs, manualMs),
            dirty ? QStringLiteral("<= 1.0") : QStringLiteral("<= 0.6")};
    }
    return rows;
}

// The copy phase alone, in this process: Rewind's transfer path (the ExtentPump +
// FileSink pair that a backup uses for each disk: SHA-256, zero blocks to holes, fsync)
// against cp of the same frozen image, each starting from the page cache.
QList<Row> measureCopyPhase(const QString &image, const QString &workDir, int runs)
{
    const QString out = workDir + QStringLiteral("/copy-phase.img");
    QList<double> rewind, cpDurable, cpCached, hashOnly;
    for (int i = 0; i < runs; ++i) {
        warmPageCache(image);
        QElapsedTimer t;
        t.start();
        const auto copied = SparseCopy::copy(image, out);
        const double copySeconds = t.nsecsElapsed() / 1e9;
        if (copied) {
            rewind << copySeconds;
        } else {
            err() << "bench: SparseCopy failed: " << copied.error().toString() << Qt::endl;
        }
        QFile::remove(out);

        warmPageCache(image);
        cpDurable << copyWithCp(image, out, true).seconds;
        QFile::remove(out);

        warmPageCache(image);
        cpCached << copyWithCp(image, out, false).seconds;
        QFile::remove(out);

        warmPageCache(image);
        t.restart();
        const bool hashed = Sha256File::hash(image).ok();
        const double hashSeconds = t.nsecsElapsed() / 1e9;
        if (hashed) {
            hashOnly << hashSeconds;
        }
        err() << "bench: copy phase " << i + 1 << "/" << runs << ": Rewind " << fmt(copySeconds)
              << " s, cp && sync " << fmt(cpDurable.last()) << " s, cp " << fmt(cpCached.last())
              << " s, read + SHA-256 " << fmt(hashSeconds) << " s" << Qt::endl;
    }
    const double r = median(rewind);
    return {
        Row {QStringLiteral("Copy phase alone, same frozen image from the page cache (s; ExtentPump + "
                            "FileSink vs cp --sparse=always && sync FILE)"),
            fmt(r), fmt(median(cpDurable)), ratioOf(median(cpDurable), r),
            QStringLiteral(">= 0.85 (throughput ratio)")},
        Row {QStringLiteral("Same, against cp --sparse=always without sync (s)"), fmt(r),
            fmt(median(cpCached)), ratioOf(median(cpCached), r), QString()},
        Row {QStringLiteral("Read + SHA-256 of the image alone, no write (s; vs the copy phase)"),
            fmt(median(hashOnly)), fmt(r), ratioOf(median(hashOnly), r), QString()},
    };
}

// Throughput on a 2 GiB disk holding 1 GiB of data, and the peak memory of rewindctl.
QList<Row> measureThroughput(const CliFeatures &cli, const QString &repo, const QString &workDir, int runs)
{
    QList<Row> rows;
    GuestOptions big;
    big.name = QStringLiteral("rewind-bench-copy-%1").arg(QCoreApplication::applicationPid());
    big.diskBytes = qint64(2) << 30;
    big.startOnCreate = false;
    TestGuest g(big);
    QString error;
    if (!g.create(&error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return rows;
    }
    runTimed(QStringLiteral("qemu-io"),
        {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
            QStringLiteral("write -P 0x5a 64M 1G"), g.diskPath()});
    ::sync();
    // Before the guest starts its image is frozen, as the base image is during a backup.
    const QList<Row> copyPhase = measureCopyPhase(g.diskPath(), workDir, runs);

    if (!g.start(&error) || !g.waitForBoot(120000, &error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return rows;
    }
    // The running guest keeps writing its counter records, which can allocate more of the
    // image: its allocation is taken right before each backup, beside the copy's.
    qint64 allocated = 0;
    QList<double> rewindLocal, cp, cpDurable, rewindStream, volDownload, exported, verified, cpStored;
    qint64 stored = 0;
    qint64 peakRss = 0;
    const QString pool = QStringLiteral("rewind-bench-%1").arg(QCoreApplication::applicationPid());
    runTimed(QStringLiteral("virsh"),
        {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("pool-create-as"), pool,
            QStringLiteral("dir"), QStringLiteral("--target"), g.workDir()});
    const QString cpOut = workDir + QStringLiteral("/cp.qcow2");
    for (int i = 0; i < runs; ++i) {
        warmPageCache(g.diskPath());
        const qint64 allocatedNow = allocatedBytes(g.diskPath());
        const Run local = runTimed(rewindctl(),
            cli.backupArgs(repo, g.name(), {QStringLiteral("--disk-only"), QStringLiteral("--json")}));
        cli.untrackAfterBackup(repo, g.name());
        rewindLocal << local.seconds;
        peakRss = std::max(peakRss, local.peakRssKiB);
        if (manifestOf(local)) {
            const QString storedImage = repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/')
                + pointIdOf(local) + QStringLiteral("/vda.qcow2");
            stored = allocatedBytes(storedImage);
            allocated = allocatedNow;
            // Reading the point back: an export checks every stored file while it copies.
            const QString exportDir = workDir + QStringLiteral("/export");
            QDir().mkpath(exportDir);
            warmPageCache(storedImage);
            const Run exportRun = runTimed(rewindctl(),
                {QStringLiteral("--repo"), repo, QStringLiteral("restore"), g.name(), pointIdOf(local),
                    QStringLiteral("--export"), exportDir});
            if (exportRun.exitCode == 0) {
                exported << exportRun.seconds;
            }
            QDir(exportDir).removeRecursively();
            warmPageCache(storedImage);
            const Run verifyRun = runTimed(rewindctl(),
                {QStringLiteral("--repo"), repo, QStringLiteral("verify"), g.name(), pointIdOf(local)});
            if (verifyRun.exitCode == 0) {
                verified << verifyRun.seconds;
            }
            warmPageCache(storedImage);
            cpStored << copyWithCp(storedImage, cpOut, true).seconds;
            QFile::remove(cpOut);
        }
        warmPageCache(g.diskPath());
        cp << copyWithCp(g.diskPath(), cpOut, false).seconds;
        QFile::remove(cpOut);
        warmPageCache(g.diskPath());
        cpDurable << copyWithCp(g.diskPath(), cpOut, true).seconds;
        QFile::remove(cpOut);

        warmPageCache(g.diskPath());
        const Run stream
            = runTimed(rewindctl(), cli.backupArgs(repo, g.name(), {QStringLiteral("--disk-only")}),
                {QStringLiteral("REWIND_FORCE_STREAMS=1")});
        cli.untrackAfterBackup(repo, g.name());
        rewindStream << stream.seconds;
        const QString dlOut = workDir + QStringLiteral("/dl.qcow2");
        warmPageCache(g.diskPath());
        volDownload << runTimed(QStringLiteral("virsh"),
            {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("vol-download"),
                QStringLiteral("--sparse"), QStringLiteral("--pool"), pool,
                QFileInfo(g.diskPath()).fileName(), dlOut})
                           .seconds;
        QFile::remove(dlOut);
        QDir(repo + QLatin1Char('/') + g.uuid()).removeRecursively(); // keep the disk from filling up
        const auto last = [](const QList<double> &l) {
            return l.isEmpty() ? QStringLiteral("-") : fmt(l.last());
        };
        err() << "bench: throughput " << i + 1 << "/" << runs << ": Rewind " << fmt(local.seconds)
              << " s, cp " << last(cp) << " s, cp && sync " << last(cpDurable) << " s; stream "
              << fmt(stream.seconds) << " s, vol-download " << last(volDownload) << " s; export "
              << last(exported) << " s, verify " << last(verified) << " s" << Qt::endl;
    }
    // Full-state backup of the same guest for the peak memory: RAM image included.
    const Run full = runTimed(rewindctl(), cli.backupArgs(repo, g.name()));
    cli.untrackAfterBackup(repo, g.name());
    peakRss = std::max(peakRss, full.peakRssKiB);
    QDir(repo + QLatin1Char('/') + g.uuid()).removeRecursively();
    runTimed(QStringLiteral("virsh"),
        {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("pool-destroy"), pool});

    const double gib = allocated / double(1 << 30);
    const double r = median(rewindLocal);
    rows << Row {
        QStringLiteral(
            "Backup of 2 GiB disk with 1 GiB data, local path (s; Rewind end to end vs cp --sparse=always)"),
        fmt(r), fmt(median(cp)), ratioOf(median(cp), r), QStringLiteral(">= 0.85 (throughput ratio)")};
    rows << Row {QStringLiteral("Same, against cp --sparse=always && sync FILE (s)"), fmt(r),
        fmt(median(cpDurable)), ratioOf(median(cpDurable), r), QStringLiteral(">= 0.85 (throughput ratio)")};
    rows << Row {QStringLiteral("Throughput, local path (GiB/s)"), fmt(gib / r), fmt(gib / median(cp)),
        QString(), QString()};
    rows << copyPhase;
    rows << Row {QStringLiteral("Same, libvirt stream path (s; vs virsh vol-download --sparse)"),
        fmt(median(rewindStream)), fmt(median(volDownload)),
        ratioOf(median(volDownload), median(rewindStream)), QStringLiteral(">= 0.9 (throughput ratio)")};
    rows << Row {QStringLiteral("Stored size vs allocated size of the disk (MiB)"),
        fmt(stored / 1048576.0, 0), fmt(allocated / 1048576.0, 0), ratioOf(double(stored), double(allocated)),
        QStringLiteral("<= 1.0")};
    rows << Row {QStringLiteral("Peak RSS of rewindctl during backups of the 2 GiB guest (MiB)"),
        fmt(peakRss / 1024.0, 0), QStringLiteral("-"), QString(), QStringLiteral("<= 100 MiB")};
    rows << Row {
        QStringLiteral(
            "Export of a local point of that guest as a standalone image (s; rewindctl restore --export, "
            "checksums checked while copying, vs cp --sparse=always && sync FILE of the "
            "stored image)"),
        fmt(median(exported)), fmt(median(cpStored)), ratioOf(median(cpStored), median(exported)), QString()};
    rows << Row {QStringLiteral("Same point, checked alone (s; rewindctl verify VM POINT, vs the export)"),
        fmt(median(verified)), fmt(median(exported)), ratioOf(median(verified), median(exported)), QString()};
    return rows;
}

// In-place restore of a full-state point of a running guest: `rewindctl restore VM POINT
// --force` against the README's recipe without Rewind (ReadmeRecipe) on the same point,
// alternating which goes first. Both end with the guest running from the point's RAM on
// the point's disk. Twice as many pairs as other measures have runs: a restore takes
// about two seconds, most of it in libvirt (stopping the old QEMU, starting the new one),
// and a short run is at the mercy of whatever else the machine does.
QList<Row> measureRestore(const CliFeatures &cli, const QString &repo, int runs)
{
    const int pairs = 2 * runs;
    GuestOptions o;
    o.name = QStringLiteral("rewind-bench-restore-%1").arg(QCoreApplication::applicationPid());
    TestGuest g(o);
    QString error;
    if (!g.create(&error) || !g.waitForBoot(120000, &error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return {};
    }
    const Run backup = runTimed(rewindctl(), cli.backupArgs(repo, g.name(), {QStringLiteral("--json")}));
    cli.untrackAfterBackup(repo, g.name());
    const auto manifest = manifestOf(backup);
    if (!manifest || !manifest->memory || manifest->disks.size() != 1) {
        err() << "bench: no full-state point to restore" << Qt::endl;
        return {};
    }
    const QString pointId = pointIdOf(backup);
    const QString pointDir = repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/') + pointId;
    const QString image = manifest->disks.first().originalPath;

    auto timeRewind = [&] {
        const Run r = runTimed(rewindctl(),
            {QStringLiteral("--repo"), repo, QStringLiteral("restore"), g.name(), pointId,
                QStringLiteral("--force")});
        return r.exitCode == 0 && g.state() == VIR_DOMAIN_RUNNING ? r.seconds : -1.0;
    };
    const QString recipe = ReadmeRecipe::restoreWithoutRewind(g.name(), pointDir, image, &error);
    if (recipe.isEmpty()) {
        err() << "bench: " << error << Qt::endl;
        return {};
    }
    auto timeManual = [&] {
        const Run r = runTimed(QStringLiteral("bash"),
            {QStringLiteral("-euo"), QStringLiteral("pipefail"), QStringLiteral("-c"), recipe},
            {QStringLiteral("LIBVIRT_DEFAULT_URI=") + TestGuest::uri()});
        return r.exitCode == 0 && g.state() == VIR_DOMAIN_RUNNING ? r.seconds : -1.0;
    };
    QList<double> rewind, manual;
    for (int i = 0; i < pairs; ++i) {
        const double first = i % 2 ? timeManual() : timeRewind();
        const double second = i % 2 ? timeRewind() : timeManual();
        const double r = i % 2 ? second : first;
        const double m = i % 2 ? first : second;
        err() << "bench: restore " << i + 1 << "/" << pairs << ": rewindctl " << fmt(r) << " s, manual "
              << fmt(m) << " s" << Qt::endl;
        if (r > 0) {
            rewind << r;
        }
        if (m > 0) {
            manual << m;
        }
    }
    QDir(repo + QLatin1Char('/') + g.uuid()).removeRecursively();
    return {
        Row {QStringLiteral("Restore in place of a full-state point of a running guest, 64 MiB disk, 256 MiB "
                            "RAM (s, %1 pairs; rewindctl restore --force vs the README's virsh recipe)")
                 .arg(pairs),
            fmt(median(rewind)), fmt(median(manual)), ratioOf(median(rewind), median(manual)),
            QStringLiteral("<= 1.2")}};
}

void body(int runs, const QStringList &only, const QString &outFile)
{
    QList<Row> rows;
    QTemporaryDir work(QStringLiteral("/var/tmp/rewind-bench-XXXXXX"));
    const QString repo = work.path() + QStringLiteral("/repo");
    const CliFeatures cli = CliFeatures::probe();
    auto wanted = [&](const char *section) {
        return only.isEmpty() || only.contains(QLatin1String(section));
    };

    if (wanted("pause")) {
        rows << measurePause(cli, repo, runs);
    }
    if (wanted("throughput")) {
        rows << measureThroughput(cli, repo, work.path(), runs);
    }
    if (wanted("restore")) {
        rows << measureRestore(cli, repo, runs);
    }

    QString table;
    QTextStream t(&table);
    t << machineLine() << " Medians of " << runs << " runs.\n\n";
    t << "| Measure | Rewind | Reference | Ratio | Target |\n|---|---|---|---|---|\n";
    for (const Row &r : std::as_const(rows)) {
        t << "| " << r.what << " | " << r.rewind << " | " << r.reference << " | " << r.ratio << " | "
          << r.target << " |\n";
    }
    t.flush();
    printReport(table, outFile);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement."), QStringLiteral("N"),
        QStringLiteral("5")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Also write the table to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("only"),
        QStringLiteral("Comma-separated sections to run: pause, throughput, restore (default: all)."),
        QStringLiteral("LIST")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString out = parser.value(QStringLiteral("out"));
    const QStringList only = parser.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Libvirt calls run off the main thread, as everywhere in Rewind.
    Async::run(
        Workers::jobPool(), &app,
        [runs, only, out] {
            body(runs, only, out);
            return 0;
        },
        [](int rc) { QCoreApplication::exit(rc); });
    return app.exec();
}
