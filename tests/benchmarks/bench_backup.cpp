// bench_backup: Rewind against the manual virsh procedure and the raw-copy limit of this
// machine, on the same real guests in one run, so the ratios hold on a noisy machine.
// Prints a Markdown table. Run on demand (not part of ctest's default set):
//
//   build/tests/benchmarks/bench_backup [--runs N] [--out FILE]
//
// Needs root and a running system libvirtd (tests/fixtures/setup-libvirt.sh).

#include "benchsupport.h"
#include "testguest.h"

#include "jobs/domainevents.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "workers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtConcurrent>

using namespace Rewind;
using namespace RewindBench;
using namespace RewindTest;

namespace {

struct PauseResult
{
    double rewindMs = 0;
    double manualMs = 0;
};

// One guest, runs x (Rewind full-state backup, manual snapshot-create-as --atomic).
PauseResult measurePause(TestGuest &guest, const QString &repo, int runs)
{
    auto conn = Libvirt::openConnection(TestGuest::uri());
    auto dom = Libvirt::Domain::lookup(*conn, guest.uuid());
    QList<double> rewind, manual;
    for (int i = 0; i < runs; ++i) {
        const Run r = runTimed(rewindctl(),
            {QStringLiteral("--repo"), repo, QStringLiteral("backup"), guest.name(),
                QStringLiteral("--json")});
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
    return {median(rewind), median(manual)};
}

struct Row
{
    QString what;
    QString rewind;
    QString reference;
    QString ratio;
    QString target;
};

void body(int runs, const QString &outFile)
{
    QList<Row> rows;
    QTemporaryDir work(QStringLiteral("/var/tmp/rewind-bench-XXXXXX"));
    const QString repo = work.path() + QStringLiteral("/repo");
    QString error;

    // 1. Guest pause, idle and dirtying RAM.
    for (int dirty : {0, 50}) {
        GuestOptions o;
        o.dirtyRamMiBPerSecond = dirty;
        TestGuest g(o);
        if (!g.create(&error) || !g.waitForBoot(120000, &error)) {
            err() << "bench: guest failed: " << error << Qt::endl;
            return;
        }
        QThread::sleep(3); // let the dirtying loop run
        const PauseResult p = measurePause(g, repo, runs);
        const double ratio = p.manualMs > 0 ? p.rewindMs / p.manualMs : 0;
        rows << Row {dirty ? QStringLiteral("Guest pause, full-state, guest dirtying ~50 MiB/s of RAM (ms)")
                           : QStringLiteral("Guest pause, full-state, idle guest (ms)"),
            fmt(p.rewindMs, 0), fmt(p.manualMs, 0), fmt(ratio),
            dirty ? QStringLiteral("<= 1.0") : QStringLiteral("<= 0.6")};
    }

    // 2. Throughput on a 2 GiB disk holding 1 GiB of data.
    GuestOptions big;
    big.diskBytes = qint64(2) << 30;
    big.startOnCreate = false;
    TestGuest g(big);
    if (!g.create(&error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return;
    }
    runTimed(QStringLiteral("qemu-io"),
        {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
            QStringLiteral("write -P 0x5a 64M 1G"), g.diskPath()});
    if (!g.start(&error) || !g.waitForBoot(120000, &error)) {
        err() << "bench: guest failed: " << error << Qt::endl;
        return;
    }
    const qint64 allocated = allocatedBytes(g.diskPath());
    QList<double> rewindLocal, cp, rewindStream, volDownload;
    qint64 stored = 0;
    qint64 peakRss = 0;
    const QString pool = QStringLiteral("rewind-bench-%1").arg(QCoreApplication::applicationPid());
    runTimed(QStringLiteral("virsh"),
        {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("pool-create-as"), pool,
            QStringLiteral("dir"), QStringLiteral("--target"), g.workDir()});
    for (int i = 0; i < runs; ++i) {
        const Run local = runTimed(rewindctl(),
            {QStringLiteral("--repo"), repo, QStringLiteral("backup"), g.name(),
                QStringLiteral("--disk-only"), QStringLiteral("--json")});
        rewindLocal << local.seconds;
        peakRss = std::max(peakRss, local.peakRssKiB);
        if (manifestOf(local)) {
            stored = allocatedBytes(repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/')
                + QJsonDocument::fromJson(local.out.toUtf8())
                      .object()
                      .value(QLatin1String("pointId"))
                      .toString()
                + QStringLiteral("/vda.qcow2"));
        }
        const QString cpOut = work.path() + QStringLiteral("/cp.qcow2");
        cp << runTimed(QStringLiteral("cp"), {QStringLiteral("--sparse=always"), g.diskPath(), cpOut})
                  .seconds;
        QFile::remove(cpOut);

        const Run stream = runTimed(rewindctl(),
            {QStringLiteral("--repo"), repo, QStringLiteral("backup"), g.name(),
                QStringLiteral("--disk-only")},
            {QStringLiteral("REWIND_FORCE_STREAMS=1")});
        rewindStream << stream.seconds;
        const QString dlOut = work.path() + QStringLiteral("/dl.qcow2");
        volDownload << runTimed(QStringLiteral("virsh"),
            {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("vol-download"),
                QStringLiteral("--sparse"), QStringLiteral("--pool"), pool,
                QFileInfo(g.diskPath()).fileName(), dlOut})
                           .seconds;
        QFile::remove(dlOut);
        QDir(repo + QLatin1Char('/') + g.uuid()).removeRecursively(); // keep the disk from filling up
    }
    // Full-state backup of the same guest for the peak memory: RAM image included.
    const Run full
        = runTimed(rewindctl(), {QStringLiteral("--repo"), repo, QStringLiteral("backup"), g.name()});
    peakRss = std::max(peakRss, full.peakRssKiB);
    runTimed(QStringLiteral("virsh"),
        {QStringLiteral("-c"), TestGuest::uri(), QStringLiteral("pool-destroy"), pool});

    const double gib = allocated / double(1 << 30);
    rows << Row {
        QStringLiteral(
            "Backup of 2 GiB disk with 1 GiB data, local path (s; Rewind end to end vs cp --sparse=always)"),
        fmt(median(rewindLocal)), fmt(median(cp)), fmt(median(cp) / median(rewindLocal)),
        QStringLiteral(">= 0.85 (throughput ratio)")};
    rows << Row {QStringLiteral("Throughput, local path (GiB/s)"), fmt(gib / median(rewindLocal)),
        fmt(gib / median(cp)), QString(), QString()};
    rows << Row {QStringLiteral("Same, libvirt stream path (s; vs virsh vol-download --sparse)"),
        fmt(median(rewindStream)), fmt(median(volDownload)), fmt(median(volDownload) / median(rewindStream)),
        QStringLiteral(">= 0.9 (throughput ratio)")};
    rows << Row {QStringLiteral("Stored size vs allocated size of the disk (MiB)"),
        fmt(stored / 1048576.0, 0), fmt(allocated / 1048576.0, 0), fmt(double(stored) / allocated),
        QStringLiteral("<= 1.0")};
    rows << Row {QStringLiteral("Peak RSS of rewindctl during backups of the 2 GiB guest (MiB)"),
        fmt(peakRss / 1024.0, 0), QStringLiteral("-"), QString(), QStringLiteral("<= 100 MiB")};

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
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString out = parser.value(QStringLiteral("out"));
    // Libvirt calls run off the main thread, as everywhere in Rewind.
    QtConcurrent::run(Workers::jobPool(), [runs, out] { body(runs, out); }).then(&app, [] {
        QCoreApplication::exit(0);
    });
    return app.exec();
}
