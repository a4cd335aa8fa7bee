// rewindctl: the command-line face of Rewind. Parses the command line, runs one command
// in a worker thread and exits with its code. Options may come before or after the
// command name (QCommandLineParser takes them anywhere).

#include "async.h"
#include "commands.h"

#include "error.h"
#include "libvirt/domain.h"
#include "workers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <limits>

using namespace Rewind;
using namespace Rewind::Cli;

namespace {

std::atomic_bool g_cancel {false};

void onSignal(int)
{
    g_cancel.store(true); // lock-free atomic: async-signal-safe
}

struct Command
{
    const char *name;
    int (*run)(const Context &);
    int minArgs;
    int maxArgs;
    QStringList options; ///< command options it accepts
    const char *synopsis;
};

const QList<Command> &commands()
{
    static const QList<Command> list {
        {"list", runList, 0, 0, {},
            QT_TRANSLATE_NOOP("rewindctl",
                "list [--json]                     the VMs with state and disks, and those removed\n"
                "                                    from libvirt that have points in the repository")},
        {"backup", runBackup, 1, 1,
            {QStringLiteral("disk-only"), QStringLiteral("quiesce"), QStringLiteral("no-live"),
                QStringLiteral("full")},
            QT_TRANSLATE_NOOP("rewindctl",
                "backup VM [--disk-only] [--quiesce] [--no-live] [--full]\n"
                "                                    store a backup point (disks + RAM by default; after\n"
                "                                    the first, only what changed, while the VM runs)")},
        {"untrack", runUntrack, 1, 1, {},
            QT_TRANSLATE_NOOP("rewindctl",
                "untrack VM                        merge Rewind's overlay back: the VM runs on its own\n"
                "                                    images, and its next point is full")},
        {"points", runPoints, 1, 1, {},
            QT_TRANSLATE_NOOP("rewindctl", "points VM [--json]                the VM's backup points")},
        {"verify", runVerify, 0, 2, {},
            QT_TRANSLATE_NOOP(
                "rewindctl", "verify [VM [POINT]] [--json]      re-read stored files and check them")},
        {"restore", runRestore, 2, 2,
            {QStringLiteral("as"), QStringLiteral("to"), QStringLiteral("export"), QStringLiteral("format"),
                QStringLiteral("force"), QStringLiteral("ignore-damage"), QStringLiteral("keep-safety-copy"),
                QStringLiteral("start")},
            QT_TRANSLATE_NOOP("rewindctl",
                "restore VM POINT [--force] [--keep-safety-copy] [--start] [--ignore-damage] [--json]\n"
                "                                    bring the VM back to a point (POINT may be latest);\n"
                "                                    a full-state point resumes where it was; a VM\n"
                "                                    removed from libvirt comes back as it was\n"
                "        VM POINT --as NAME [--to DIR] [--start]\n"
                "                                    restore the point as a new VM beside the original\n"
                "        VM POINT --export DIR [--format qcow2|raw]\n"
                "                                    write the point's disks as standalone images")},
        {"prune", runPrune, 1, 1, {QStringLiteral("dry-run")},
            QT_TRANSLATE_NOOP("rewindctl",
                "prune VM [--dry-run] [--json]     remove the points the retention policy does not keep")},
        {"delete", runDelete, 2, std::numeric_limits<int>::max(), {QStringLiteral("dry-run")},
            QT_TRANSLATE_NOOP("rewindctl",
                "delete VM POINT... [--dry-run] [--json]\n"
                "                                    delete the points given (POINT may be latest); later\n"
                "                                    points built on them take in their changes first")},
        {"protect", runProtect, 2, 2, {},
            QT_TRANSLATE_NOOP("rewindctl",
                "protect VM POINT                  make a point golden: never pruned or deleted (POINT\n"
                "                                    may be latest)")},
        {"unprotect", runUnprotect, 2, 2, {},
            QT_TRANSLATE_NOOP(
                "rewindctl", "unprotect VM POINT                make a golden point ordinary again")},
        {"policy", runPolicy, 1, 1,
            {QStringLiteral("keep-last"), QStringLiteral("keep-hourly"), QStringLiteral("keep-daily"),
                QStringLiteral("keep-weekly"), QStringLiteral("keep-monthly"), QStringLiteral("keep-yearly"),
                QStringLiteral("full-every"), QStringLiteral("full-after-days")},
            QT_TRANSLATE_NOOP("rewindctl",
                "policy VM [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N]\n"
                "          [--keep-monthly N] [--keep-yearly N] [--full-every N] [--full-after-days D]\n"
                "          [--json]\n"
                "                                    show the retention and chain policy, or change the\n"
                "                                    rules given")},
        {"schedule", runSchedule, 1, 1,
            {QStringLiteral("every"), QStringLiteral("daily"), QStringLiteral("weekly"), QStringLiteral("at"),
                QStringLiteral("off"), QStringLiteral("time-zone")},
            QT_TRANSLATE_NOOP("rewindctl",
                "schedule VM [--every MINUTES | --daily HH:MM | --weekly DAYS --at HH:MM | --off]\n"
                "            [--time-zone ZONE] [--json]\n"
                "                                    show when the desktop application backs the VM up,\n"
                "                                    or set it (DAYS: mon,tue,...,sun)")},
    };
    return list;
}

QString exitCodesHelp()
{
    QString text = QStringLiteral("\nExit codes:\n");
    for (int c = 0; c <= int(ErrorCode::Conflict); ++c) {
        text += QStringLiteral("  %1  %2\n").arg(c, 2).arg(Error::codeName(ErrorCode(c)));
    }
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rewindctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REWIND_VERSION));

    QString commandsHelp = QStringLiteral("\nCommands:\n");
    for (const auto &c : commands()) {
        commandsHelp += QStringLiteral("  ") + QCoreApplication::translate("rewindctl", c.synopsis)
            + QLatin1Char('\n');
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("rewindctl", "Live full-state backups of libvirt virtual machines.")
        + commandsHelp + exitCodesHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOpt({QStringLiteral("c"), QStringLiteral("connect")},
        QCoreApplication::translate("rewindctl",
            "libvirt URI (default: $LIBVIRT_DEFAULT_URI, else qemu:///system "
            "for root and qemu:///session for other users)."),
        QStringLiteral("URI"));
    const QCommandLineOption repoOpt({QStringLiteral("r"), QStringLiteral("repo")},
        QCoreApplication::translate("rewindctl",
            "Backup repository folder (default: ~/.local/share/rewind/repository; "
            "/var/lib/rewind/repository for root)."),
        QStringLiteral("DIR"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QCoreApplication::translate("rewindctl", "Print machine-readable JSON."));
    const QCommandLineOption verboseOpt(
        QStringLiteral("verbose"), QCoreApplication::translate("rewindctl", "Print progress and details."));
    parser.addOptions({connectOpt, repoOpt, jsonOpt, verboseOpt});
    // Command options; each command says which it accepts.
    const QList<QCommandLineOption> commandOptions {
        {QStringLiteral("disk-only"),
            QCoreApplication::translate("rewindctl", "backup: disks only, no RAM (crash consistent).")},
        {QStringLiteral("quiesce"),
            QCoreApplication::translate(
                "rewindctl", "backup: disks only, file systems frozen by the guest agent.")},
        {QStringLiteral("no-live"),
            QCoreApplication::translate("rewindctl",
                "backup: pause the guest while its RAM is written (smaller image, longer pause).")},
        {QStringLiteral("as"),
            QCoreApplication::translate(
                "rewindctl", "restore: as a new VM with this name (new UUID and MACs)."),
            QStringLiteral("NAME")},
        {QStringLiteral("to"),
            QCoreApplication::translate("rewindctl",
                "restore --as: folder for the new VM's images (default: next to the originals)."),
            QStringLiteral("DIR")},
        {QStringLiteral("export"),
            QCoreApplication::translate(
                "rewindctl", "restore: write the point's disks as standalone images into this folder."),
            QStringLiteral("DIR")},
        {QStringLiteral("format"),
            QCoreApplication::translate("rewindctl", "restore --export: image format, qcow2 or raw."),
            QStringLiteral("FORMAT")},
        {QStringLiteral("force"),
            QCoreApplication::translate("rewindctl",
                "restore: stop the VM if it runs (its current state is lost); for a "
                "removed VM, replace images still at its paths.")},
        {QStringLiteral("ignore-damage"),
            QCoreApplication::translate(
                "rewindctl", "restore: restore a point that fails verification anyway.")},
        {QStringLiteral("keep-safety-copy"),
            QCoreApplication::translate(
                "rewindctl", "restore: keep the replaced images as <image>.rewind-safety-<point>.")},
        {QStringLiteral("start"),
            QCoreApplication::translate(
                "rewindctl", "restore: start the VM afterwards when the point holds no RAM state.")},
        {QStringLiteral("dry-run"),
            QCoreApplication::translate(
                "rewindctl", "prune: show what would be removed and why; change nothing.")},
        {QStringLiteral("full"),
            QCoreApplication::translate(
                "rewindctl", "backup: a full point even when only the changes could be stored.")},
        {QStringLiteral("full-every"),
            QCoreApplication::translate("rewindctl",
                "policy: a full point after N incremental ones (default 24; 0: every point is full and "
                "the VM is not left on an overlay)."),
            QStringLiteral("N")},
        {QStringLiteral("full-after-days"),
            QCoreApplication::translate(
                "rewindctl", "policy: a full point once the chain is D days old (default 7)."),
            QStringLiteral("D")},
        {QStringLiteral("keep-last"),
            QCoreApplication::translate("rewindctl", "policy: keep the N newest points."),
            QStringLiteral("N")},
        {QStringLiteral("keep-hourly"),
            QCoreApplication::translate(
                "rewindctl", "policy: keep the newest point of each of the last N hours."),
            QStringLiteral("N")},
        {QStringLiteral("keep-daily"),
            QCoreApplication::translate(
                "rewindctl", "policy: keep the newest point of each of the last N days."),
            QStringLiteral("N")},
        {QStringLiteral("keep-weekly"),
            QCoreApplication::translate(
                "rewindctl", "policy: keep the newest point of each of the last N weeks."),
            QStringLiteral("N")},
        {QStringLiteral("keep-monthly"),
            QCoreApplication::translate(
                "rewindctl", "policy: keep the newest point of each of the last N months."),
            QStringLiteral("N")},
        {QStringLiteral("every"),
            QCoreApplication::translate("rewindctl", "schedule: back up every N minutes (60: hourly)."),
            QStringLiteral("MINUTES")},
        {QStringLiteral("daily"),
            QCoreApplication::translate("rewindctl", "schedule: back up every day at this time."),
            QStringLiteral("HH:MM")},
        {QStringLiteral("weekly"),
            QCoreApplication::translate(
                "rewindctl", "schedule: back up on these weekdays (mon,thu) at the time of --at."),
            QStringLiteral("DAYS")},
        {QStringLiteral("at"),
            QCoreApplication::translate("rewindctl", "schedule --weekly: the time of day."),
            QStringLiteral("HH:MM")},
        {QStringLiteral("off"),
            QCoreApplication::translate("rewindctl", "schedule: no scheduled backups of the VM.")},
        {QStringLiteral("time-zone"),
            QCoreApplication::translate("rewindctl",
                "schedule --daily/--weekly: read the time in this zone (Europe/Berlin) instead of local "
                "time."),
            QStringLiteral("ZONE")},
        {QStringLiteral("keep-yearly"),
            QCoreApplication::translate(
                "rewindctl", "policy: keep the newest point of each of the last N years."),
            QStringLiteral("N")},
    };
    parser.addOptions(commandOptions);
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("rewindctl", "What to do."), QStringLiteral("COMMAND [ARGS...]"));

    if (!parser.parse(QCoreApplication::arguments())) {
        Cli::err() << "rewindctl: " << parser.errorText() << "\nTry 'rewindctl --help'." << Qt::endl;
        return int(ErrorCode::Usage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        Cli::out() << "rewindctl " << REWIND_VERSION << Qt::endl;
        return 0;
    }
    QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        Cli::err() << "rewindctl: no command given.\n" << parser.helpText();
        return int(ErrorCode::Usage);
    }
    const QString name = args.takeFirst();
    const auto it = std::find_if(commands().cbegin(), commands().cend(),
        [&](const Command &c) { return name == QLatin1String(c.name); });
    if (it == commands().cend()) {
        Cli::err() << "rewindctl: unknown command '" << name << "'. Try 'rewindctl --help'." << Qt::endl;
        return int(ErrorCode::Usage);
    }
    if (args.size() < it->minArgs || args.size() > it->maxArgs) {
        // The command's lines of --help, indented as there, so that its description and
        // any further forms (restore's) line up.
        Cli::err() << "rewindctl: wrong number of arguments for '" << name << "':\n  "
                   << QCoreApplication::translate("rewindctl", it->synopsis) << "\nTry 'rewindctl --help'."
                   << Qt::endl;
        return int(ErrorCode::Usage);
    }

    Context ctx;
    for (const auto &opt : commandOptions) {
        const QString optName = opt.names().constFirst();
        if (!parser.isSet(optName)) {
            continue;
        }
        if (!it->options.contains(optName)) {
            Cli::err() << "rewindctl: option --" << optName << " does not apply to '" << name << "'."
                       << Qt::endl;
            return int(ErrorCode::Usage);
        }
        if (opt.valueName().isEmpty()) {
            ctx.flags << optName;
        } else {
            ctx.values.insert(optName, parser.value(optName));
        }
    }
    ctx.uri = parser.isSet(connectOpt) ? parser.value(connectOpt) : Libvirt::defaultUri();
    ctx.repository = parser.value(repoOpt);
    ctx.json = parser.isSet(jsonOpt);
    ctx.verbose = parser.isSet(verboseOpt);
    if (!ctx.verbose) {
        // The outcome is printed by the command; the core's log is for --verbose.
        QLoggingCategory::setFilterRules(QStringLiteral("rewind.*.info=false"));
    }
    ctx.positional = args;
    ctx.cancel = &g_cancel;

    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);

    const auto run = it->run;
    // The result goes through the event loop: exit() before exec() has started would be
    // lost and leave the process waiting forever.
    Async::run(
        Workers::jobPool(), &app, [run, ctx] { return run(ctx); },
        [](int rc) {
            Cli::out().flush();
            QCoreApplication::exit(rc);
        });
    return app.exec();
}
