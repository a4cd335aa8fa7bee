// soak_restore: many rounds of full-state backups and in-place restores of one real guest,
// counting the restored guests that did not run on exactly where their point left them.
// Run on demand (not part of ctest's default set):
//
//   build/tests/benchmarks/soak_restore [--rounds N] [--increments K] [--write-mib M]
//       [--no-live] [--no-reboot] [--out FILE]
//
// Needs root and a running system libvirtd (tests/fixtures/setup-libvirt.sh).
//
// A round is what tst_incremental does to its guest, repeated so that a failure seen once
// in a few hundred restores shows up here: the guest boots (unless --no-reboot), its agent
// answers, a full-state point is taken at once, then K times the guest writes M MiB through
// the agent and an incremental point follows; then every point of the round is restored in
// place with its RAM, the newest first, each once the guest has run on for a second. A
// restore passes when the guest resumes at the record its point's disk holds (same boot,
// consecutive counters) and its kernel reports no fault. A round stops at its first failed
// restore; the next round boots the guest again. The repository of a round with a failure
// is kept (its path is printed) with the points whose RAM images the guest failed on.
//
// --no-live takes the points with the guest paused while its RAM is written (rewindctl
// backup --no-live), to tell a fault of QEMU's live RAM capture from one of the restore.
//
// Prints a Markdown summary; exits 1 when any restore failed.

#include "benchsupport.h"
#include "resumechecks.h"
#include "rewindctl.h"
#include "testguest.h"

#include "repository/pointmanifest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Rewind;
using namespace RewindBench;
using namespace RewindTest;

namespace {

constexpr qint64 MiB = 1024 * 1024;
// The guest's counter history grows from sector 2; the written regions stay above it.
constexpr qint64 FirstRegion = 32 * MiB;

struct Options
{
    int rounds = 10;
    int increments = 3;
    int writeMiB = 8;
    bool live = true;
    bool reboot = true;
    QString outFile;
};

struct Point
{
    QString id;
    TestGuest::Record stored; ///< the record on the point's disk
};

struct Failure
{
    int round = 0;
    QString point;
    QString what; ///< first line: the check that failed; then the guest's diagnostics
};

struct Tally
{
    int rounds = 0;
    int points = 0;
    int restores = 0;
    QList<Failure> failures;
};

QStringList ctlCommon(const QString &repo)
{
    return {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"), repo};
}

// One point of the guest; an empty id (and the reason on err()) when the backup failed.
Point backUp(const TestGuest &g, const QString &repo, const Options &o)
{
    QStringList args = ctlCommon(repo) << QStringLiteral("backup") << g.name() << QStringLiteral("--json");
    if (!o.live) {
        args << QStringLiteral("--no-live");
    }
    const CtlResult r = runCtl(args);
    if (r.exitCode != 0) {
        err() << "soak: backup failed: " << r.describe() << Qt::endl;
        return {};
    }
    const QJsonObject out = r.json().object();
    const auto m = PointManifest::fromJson(out.value(QLatin1String("manifest")).toObject());
    if (!m || m->disks.isEmpty()) {
        err() << "soak: backup printed no manifest: " << r.out << Qt::endl;
        return {};
    }
    Point p;
    p.id = out.value(QLatin1String("pointId")).toString();
    const QString image = repo + QLatin1Char('/') + g.uuid() + QLatin1Char('/') + p.id + QLatin1Char('/')
        + m->disks.first().fileName;
    QString error;
    p.stored = TestGuest::readDiskRecord(image, {}, &error);
    if (!p.stored.isValid()) {
        err() << "soak: no counter record on " << image << ": " << error << Qt::endl;
        return {};
    }
    return p;
}

// Restores p in place and checks that the guest runs on from it. Empty on success.
QString restoreAndCheck(TestGuest &g, const QString &repo, const Point &p)
{
    QString error;
    // The resumed run is told apart by its counter going back: run on past the point.
    if (!g.waitForCounter(p.stored.counter + 10, 60000, &error)) {
        return QStringLiteral("the guest did not run on before the restore: ") + error;
    }
    const qsizetype mark = g.serialRecords().size();
    const QStringList restore = ctlCommon(repo) << QStringLiteral("restore") << g.name() << p.id
                                                << QStringLiteral("--force") << QStringLiteral("--json");
    const CtlResult r = runCtl(restore);
    if (r.exitCode != 0) {
        return QStringLiteral("restore failed: ") + r.describe();
    }
    QString failure;
    const QList<TestGuest::Record> run = waitForResumedRun(g, mark, 3, &failure);
    if (!failure.isEmpty()) {
        return failure + restoreOnceMoreAfterFault(g, p.stored, restore);
    }
    const QString problem = checkContinuation(run, p.stored);
    if (!problem.isEmpty()) {
        return problem + QLatin1Char('\n') + g.diagnostics();
    }
    const QString fault = g.kernelCrashReport();
    if (!fault.isEmpty()) {
        return QStringLiteral("the guest ran on, but its kernel reported a fault\n") + fault;
    }
    return {};
}

bool bootGuest(TestGuest &g, bool restart, QString *error)
{
    if (restart && !(g.destroy(error) && g.start(error))) {
        return false;
    }
    return g.waitForBoot(90000, error) && g.waitForAgent(60000, error);
}

// One round; false only when the guest could not be prepared (the soak cannot go on).
bool round(TestGuest &g, int index, const Options &o, const QString &workDir, Tally *tally)
{
    QString error;
    if (!bootGuest(g, index > 0 && o.reboot, &error)) {
        err() << "soak: round " << index + 1 << ": the guest did not boot: " << error << Qt::endl;
        return false;
    }
    QTemporaryDir repo(workDir + QStringLiteral("/repo-XXXXXX"));
    QList<Point> points;
    for (int k = 0; k <= o.increments; ++k) {
        if (k > 0 && o.writeMiB > 0) {
            const qint64 offset = FirstRegion + (k - 1) * o.writeMiB * MiB;
            if (!g.writeDiskData(offset, o.writeMiB * MiB, &error)) {
                err() << "soak: round " << index + 1 << ": the guest's write failed: " << error << Qt::endl;
                return false;
            }
        }
        const Point p = backUp(g, repo.path(), o);
        if (p.id.isEmpty()) {
            return false;
        }
        points << p;
        ++tally->points;
    }
    ++tally->rounds;
    for (qsizetype i = points.size() - 1; i >= 0; --i) {
        QElapsedTimer t;
        t.start();
        const QString failure = restoreAndCheck(g, repo.path(), points.at(i));
        ++tally->restores;
        err() << "soak: round " << index + 1 << ", point " << points.at(i).id << " ("
              << points.at(i).stored.toString() << "): " << (failure.isEmpty() ? "ok" : "FAILED") << " in "
              << fmt(t.elapsed() / 1000.0) << " s" << Qt::endl;
        if (!failure.isEmpty()) {
            repo.setAutoRemove(false);
            err() << failure << "\nsoak: repository kept: " << repo.path() << Qt::endl;
            tally->failures.append({index + 1, points.at(i).id, failure});
            // The guest may be dead: with --no-reboot the next round needs it running.
            if (!o.reboot && !bootGuest(g, true, &error)) {
                err() << "soak: the guest did not boot again: " << error << Qt::endl;
                return false;
            }
            return true;
        }
    }
    return true;
}

QString report(const Options &o, const Tally &t, double seconds)
{
    QString s;
    QTextStream out(&s);
    out << machineLine() << "\n\n";
    out << "Guest: 128 MiB qcow2 disk, 256 MiB RAM, qemu-ga. " << o.rounds
        << " rounds of: " << (o.reboot ? "boot, " : "") << "a full-state point, " << o.increments
        << " x (guest writes " << o.writeMiB
        << " MiB, an incremental point), then every point of the round restored in place, "
        << "newest first. RAM captured " << (o.live ? "live" : "with the guest paused (--no-live)") << ". "
        << fmt(seconds / 60.0, 1) << " minutes.\n\n";
    out << "| Rounds | Points | Restores | Failed |\n|---:|---:|---:|---:|\n";
    out << "| " << t.rounds << " | " << t.points << " | " << t.restores << " | " << t.failures.size()
        << " |\n";
    for (const Failure &f : t.failures) {
        out << "\n- round " << f.round << ", point " << f.point << ": "
            << f.what.section(QLatin1Char('\n'), 0, 0);
        const QString fault = TestGuest::kernelCrashReport(f.what.toUtf8());
        if (!fault.isEmpty()) {
            out << " (" << fault.section(QLatin1Char('\n'), 0, 0).trimmed() << ")";
        }
    }
    out << "\n";
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds to run."), QStringLiteral("N"),
        QStringLiteral("10")});
    parser.addOption({QStringLiteral("increments"), QStringLiteral("Incremental points per round."),
        QStringLiteral("K"), QStringLiteral("3")});
    parser.addOption(
        {QStringLiteral("write-mib"), QStringLiteral("MiB the guest writes before each increment."),
            QStringLiteral("M"), QStringLiteral("8")});
    parser.addOption(
        {QStringLiteral("no-live"), QStringLiteral("Pause the guest while its RAM is written.")});
    parser.addOption({QStringLiteral("no-reboot"), QStringLiteral("Boot the guest only once.")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Also write the report to FILE."), QStringLiteral("FILE")});
    parser.process(app);
    Options o;
    o.rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    o.increments = std::clamp(parser.value(QStringLiteral("increments")).toInt(), 0, 8);
    // The regions must fit into the 128 MiB disk above FirstRegion.
    o.writeMiB
        = std::clamp(parser.value(QStringLiteral("write-mib")).toInt(), 0, 96 / std::max(1, o.increments));
    o.live = !parser.isSet(QStringLiteral("no-live"));
    o.reboot = !parser.isSet(QStringLiteral("no-reboot"));
    o.outFile = parser.value(QStringLiteral("out"));

    QTemporaryDir work(QStringLiteral("/var/tmp/rewind-soak-XXXXXX"));
    GuestOptions go;
    go.withAgent = true;
    go.diskBytes = 128 * MiB;
    TestGuest guest(go);
    QString error;
    if (!work.isValid() || !guest.create(&error)) {
        err() << "soak: cannot create the guest: " << error << Qt::endl;
        return 2;
    }
    Tally tally;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < o.rounds; ++i) {
        if (!round(guest, i, o, work.path(), &tally)) {
            break;
        }
    }
    if (!tally.failures.isEmpty()) {
        work.setAutoRemove(false);
    }
    printReport(report(o, tally, total.elapsed() / 1000.0), o.outFile);
    return tally.failures.isEmpty() && tally.rounds == o.rounds ? 0 : 1;
}
