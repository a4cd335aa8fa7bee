// rewindctl schedule: when the desktop application backs a VM up.

#include "commands.h"

#include "jobs/vmsettings.h"
#include "policy/schedule.h"

#include <QJsonObject>
#include <QTimeZone>

namespace Rewind::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rewindctl", text);
}

Result<QTime> parseTime(const QString &option, const QString &text)
{
    const QTime time = QTime::fromString(text.trimmed(), QStringLiteral("H:mm"));
    if (!time.isValid()) {
        return Error(ErrorCode::Usage,
            tr("--%1 needs a time of day as HH:MM (for example 22:30), not '%2'.").arg(option, text));
    }
    return time;
}

Result<QList<Qt::DayOfWeek>> parseDays(const QString &text)
{
    // Short or full English names, in any case: mon, Mon, monday.
    static const QStringList names {QStringLiteral("monday"), QStringLiteral("tuesday"),
        QStringLiteral("wednesday"), QStringLiteral("thursday"), QStringLiteral("friday"),
        QStringLiteral("saturday"), QStringLiteral("sunday")};
    QList<Qt::DayOfWeek> days;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString day = part.trimmed().toLower();
        const auto it = std::find_if(names.cbegin(), names.cend(),
            [&](const QString &name) { return day == name || day == name.left(3); });
        const qsizetype index = it - names.cbegin();
        if (it == names.cend()) {
            return Error(ErrorCode::Usage,
                tr("--weekly needs weekdays separated by commas, such as mon,thu (mon tue wed thu fri sat "
                   "sun), not '%1'.")
                    .arg(text));
        }
        days.append(Qt::DayOfWeek(index + 1));
    }
    return days;
}

// The schedule the options ask for, or nullopt when none is asked (show only).
Result<std::optional<Schedule>> requestedSchedule(const Context &ctx)
{
    const QStringList kinds {QStringLiteral("every"), QStringLiteral("daily"), QStringLiteral("weekly")};
    int given = ctx.has(QStringLiteral("off")) ? 1 : 0;
    for (const QString &kind : kinds) {
        given += ctx.values.contains(kind) ? 1 : 0;
    }
    const bool zone = ctx.values.contains(QStringLiteral("time-zone"));
    const bool at = ctx.values.contains(QStringLiteral("at"));
    if (given == 0) {
        if (zone || at) {
            return Error(ErrorCode::Usage,
                tr("--at and --time-zone go with --daily or --weekly, for example: --weekly mon,thu --at "
                   "22:00"));
        }
        return std::optional<Schedule>();
    }
    if (given > 1) {
        return Error(ErrorCode::Usage, tr("Give one of --every, --daily, --weekly and --off."));
    }
    if (at && !ctx.values.contains(QStringLiteral("weekly"))) {
        return Error(ErrorCode::Usage, tr("--at goes with --weekly; --daily takes its time itself."));
    }
    Schedule schedule;
    if (ctx.values.contains(QStringLiteral("every"))) {
        bool ok = false;
        const int minutes = ctx.values.value(QStringLiteral("every")).trimmed().toInt(&ok);
        if (!ok) {
            return Error(ErrorCode::Usage,
                tr("--every needs a number of minutes (60 for hourly), not '%1'.")
                    .arg(ctx.values.value(QStringLiteral("every"))));
        }
        schedule = Schedule::interval(minutes);
    } else if (ctx.values.contains(QStringLiteral("daily"))) {
        auto time = parseTime(QStringLiteral("daily"), ctx.values.value(QStringLiteral("daily")));
        if (!time) {
            return time.error();
        }
        schedule = Schedule::daily(*time);
    } else if (ctx.values.contains(QStringLiteral("weekly"))) {
        if (!at) {
            return Error(ErrorCode::Usage, tr("--weekly needs the time of day as well: --at HH:MM"));
        }
        auto days = parseDays(ctx.values.value(QStringLiteral("weekly")));
        if (!days) {
            return days.error();
        }
        auto time = parseTime(QStringLiteral("at"), ctx.values.value(QStringLiteral("at")));
        if (!time) {
            return time.error();
        }
        schedule = Schedule::weekly(*days, *time);
    }
    if (zone) {
        if (schedule.kind() != Schedule::Kind::Daily && schedule.kind() != Schedule::Kind::Weekly) {
            return Error(ErrorCode::Usage, tr("--time-zone goes with --daily or --weekly."));
        }
        const QByteArray id = ctx.values.value(QStringLiteral("time-zone")).trimmed().toUtf8();
        const QTimeZone timeZone(id);
        if (!timeZone.isValid()) {
            return Error(ErrorCode::Usage,
                tr("Unknown time zone '%1'. Use a name such as Europe/Berlin (timedatectl "
                   "list-timezones lists them).")
                    .arg(QString::fromUtf8(id)));
        }
        schedule.setTimeZone(timeZone);
    }
    if (Status valid = schedule.validate(); !valid) {
        return valid.error();
    }
    return std::optional<Schedule>(schedule);
}

// The capture time of the VM's newest complete point, as the desktop scheduler counts.
QDateTime lastSuccess(const Repository &repository, const QString &uuid)
{
    QDateTime last;
    auto points = repository.listPoints(uuid);
    if (!points) {
        return last;
    }
    for (const PointInfo &p : std::as_const(*points)) {
        if (p.complete() && p.manifest && (!last.isValid() || p.manifest->created > last)) {
            last = p.manifest->created;
        }
    }
    return last;
}

} // namespace

int runSchedule(const Context &ctx)
{
    auto requested = requestedSchedule(ctx);
    if (!requested) {
        return fail(ctx, requested.error());
    }
    const bool setting = requested->has_value();
    auto session = openSession(ctx, setting);
    if (!session) {
        return fail(ctx, session.error());
    }
    // A schedule may be set before the first backup: the VM is then found in libvirt.
    auto record = findVmRecord(*session, ctx.positional.value(0), setting);
    if (!record) {
        return fail(ctx, record.error());
    }
    const QString name = record->currentName().isEmpty() ? ctx.positional.value(0) : record->currentName();
    // Only the schedule is read and written: a retention policy that cannot be read is
    // `rewindctl policy`'s business, not a reason to refuse this.
    Schedule schedule;
    if (setting) {
        schedule = **requested;
        if (Status valid = schedule.validate(); !valid) {
            return fail(ctx, valid.error());
        }
        const Status saved = VmSettings::update(
            session->repository, record->uuid, name, QStringLiteral("schedule"), [&](VmRecord &vm) {
                vm.schedule = schedule.toJson();
                return Status();
            });
        if (!saved) {
            return fail(ctx, saved.error());
        }
    } else if (!record->schedule.isEmpty()) {
        auto stored = Schedule::fromJson(record->schedule);
        if (!stored) {
            return fail(ctx,
                stored.error().withContext(
                    tr("The schedule stored for '%1' cannot be read (set it again with --every, --daily or "
                       "--weekly): ")
                        .arg(name)));
        }
        schedule = *stored;
    }

    const QDateTime next
        = schedule.nextRun(lastSuccess(session->repository, record->uuid), QDateTime::currentDateTimeUtc());
    if (ctx.json) {
        QJsonObject json {{QStringLiteral("vm"), name}, {QStringLiteral("uuid"), record->uuid},
            {QStringLiteral("schedule"), schedule.toJson()},
            {QStringLiteral("description"), schedule.describe()}};
        if (next.isValid()) {
            json.insert(QStringLiteral("nextRun"), next.toString(Qt::ISODate));
        }
        printJson(QJsonDocument(json));
        return 0;
    }
    if (schedule.kind() == Schedule::Kind::Off) {
        out() << (setting ? tr("'%1' is no longer backed up on a schedule.")
                          : tr("'%1' is not backed up on a schedule. Set one with, for example: rewindctl "
                               "schedule '%1' --daily 22:30"))
                     .arg(name)
              << Qt::endl;
        return 0;
    }
    out() << tr("Schedule of '%1': %2.").arg(name, schedule.describe()) << Qt::endl;
    out() << tr("Next backup: %1. Scheduled backups are made by the desktop application while it runs "
                "(rewind, in the system tray; its File > Start at Login starts it with your session); it "
                "catches up on one it missed.")
                 .arg(next.toLocalTime().toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")))
          << Qt::endl;
    return 0;
}

} // namespace Rewind::Cli
