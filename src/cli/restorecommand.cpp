#include "commands.h"

#include "jobs/jobcontrol.h"
#include "jobs/restoreoperation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Rewind::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rewindctl", text);
}

QString modeName(RestoreRequest::Mode mode)
{
    switch (mode) {
    case RestoreRequest::Mode::InPlace:
        return QStringLiteral("in-place");
    case RestoreRequest::Mode::AsNewVm:
        return QStringLiteral("as-new");
    case RestoreRequest::Mode::Export:
        return QStringLiteral("export");
    }
    return {};
}

// The options that only make sense together; anything else is a usage error, before
// anything is looked at.
Result<RestoreRequest> parseRequest(const Context &ctx)
{
    RestoreRequest request;
    request.vm = ctx.positional.value(0);
    request.pointId = ctx.positional.value(1);
    request.force = ctx.has(QStringLiteral("force"));
    request.ignoreDamage = ctx.has(QStringLiteral("ignore-damage"));
    request.keepSafetyCopy = ctx.has(QStringLiteral("keep-safety-copy"));
    request.start = ctx.has(QStringLiteral("start"));
    const bool asNew = ctx.values.contains(QStringLiteral("as"));
    const bool exporting = ctx.values.contains(QStringLiteral("export"));
    if (asNew && exporting) {
        return Error(ErrorCode::Usage, tr("Choose one: --as NAME (a new VM) or --export DIR (images only)."));
    }
    if (ctx.values.contains(QStringLiteral("to")) && !asNew) {
        return Error(
            ErrorCode::Usage, tr("--to DIR chooses the folder of a new VM's images; use it with --as NAME."));
    }
    if (ctx.values.contains(QStringLiteral("format")) && !exporting) {
        return Error(ErrorCode::Usage, tr("--format applies to --export DIR only."));
    }
    if ((asNew || exporting) && (request.force || request.keepSafetyCopy)) {
        return Error(ErrorCode::Usage,
            tr("--force and --keep-safety-copy apply to a restore in place only; --as and --export never "
               "touch the VM."));
    }
    if (exporting && request.start) {
        return Error(ErrorCode::Usage, tr("--start does not apply to --export: no VM is made."));
    }
    if (asNew) {
        request.mode = RestoreRequest::Mode::AsNewVm;
        request.newName = ctx.values.value(QStringLiteral("as"));
        request.targetDir = ctx.values.value(QStringLiteral("to"));
        if (request.newName.trimmed().isEmpty()) {
            return Error(ErrorCode::Usage, tr("--as needs the name of the new VM."));
        }
    } else if (exporting) {
        request.mode = RestoreRequest::Mode::Export;
        request.targetDir = ctx.values.value(QStringLiteral("export"));
        request.exportFormat = ctx.values.value(QStringLiteral("format"));
        if (!request.exportFormat.isEmpty() && request.exportFormat != QLatin1String("qcow2")
            && request.exportFormat != QLatin1String("raw")) {
            return Error(ErrorCode::Usage, tr("--format is qcow2 or raw."));
        }
    }
    return request;
}

void printOutcome(const RestoreOutcome &o, const QString &vm)
{
    switch (o.mode) {
    case RestoreRequest::Mode::InPlace:
        if (o.memoryRestored) {
            out() << "'" << o.domainName << "' is back at point " << o.pointId
                  << " and runs on from that moment (RAM restored)." << Qt::endl;
        } else {
            out() << "'" << o.domainName << "' has the disks of point " << o.pointId << " ("
                  << PointManifest::methodName(o.method) << ") and is "
                  << (o.running ? "running" : "shut off") << "." << Qt::endl;
        }
        if (o.redefined) {
            out() << "It is defined in libvirt again, under its own name and UUID " << o.domainUuid << "."
                  << Qt::endl;
        }
        for (const QString &s : o.safetyCopies) {
            out() << "  previous image kept as " << s << Qt::endl;
        }
        break;
    case RestoreRequest::Mode::AsNewVm:
        out() << "Point " << o.pointId << " of '" << vm << "' restored as the new VM '" << o.domainName
              << "' (UUID " << o.domainUuid << "), " << (o.running ? "running" : "shut off") << "."
              << Qt::endl;
        for (const QString &f : o.files) {
            out() << "  " << f << Qt::endl;
        }
        break;
    case RestoreRequest::Mode::Export:
        out() << "Point " << o.pointId << " of '" << vm << "' exported:" << Qt::endl;
        for (const QString &f : o.files) {
            out() << "  " << f << Qt::endl;
        }
        break;
    }
}

} // namespace

int runRestore(const Context &ctx)
{
    auto request = parseRequest(ctx);
    if (!request) {
        return fail(ctx, request.error());
    }
    auto session = openSession(ctx, false);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const Libvirt::ConnectHandle &conn = session->conn;
    JobControl control(progressPrinter(ctx));
    control.linkCancelFlag(ctx.cancel);
    RestoreOperation op(conn, repository, *request, control);
    auto outcome = op.run();
    if (!outcome) {
        return fail(ctx, outcome.error());
    }
    const RestoreOutcome &o = *outcome;
    if (ctx.json) {
        QJsonObject json {{QStringLiteral("mode"), modeName(o.mode)}, {QStringLiteral("vm"), request->vm},
            {QStringLiteral("pointId"), o.pointId},
            {QStringLiteral("method"), PointManifest::methodName(o.method)},
            {QStringLiteral("domain"), o.domainName}, {QStringLiteral("uuid"), o.domainUuid},
            {QStringLiteral("memoryRestored"), o.memoryRestored}, {QStringLiteral("running"), o.running},
            {QStringLiteral("redefined"), o.redefined},
            {QStringLiteral("files"), QJsonArray::fromStringList(o.files)},
            {QStringLiteral("safetyCopies"), QJsonArray::fromStringList(o.safetyCopies)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(o.notes)}};
        printJson(QJsonDocument(json));
        return 0;
    }
    for (const QString &note : o.notes) {
        err() << "rewindctl: " << note << Qt::endl;
    }
    printOutcome(o, request->vm);
    return 0;
}

} // namespace Rewind::Cli
