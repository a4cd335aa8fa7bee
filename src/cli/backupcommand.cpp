#include "commands.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Rewind::Cli {

int runBackup(const Context &ctx)
{
    auto session = openSession(ctx, true);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const Libvirt::ConnectHandle &conn = session->conn;
    BackupRequest request;
    request.domain = ctx.positional.value(0);
    request.live = !ctx.has(QStringLiteral("no-live"));
    request.forceFull = ctx.has(QStringLiteral("full"));
    if (ctx.has(QStringLiteral("quiesce"))) {
        request.method = PointManifest::Method::DiskOnlyQuiesced;
    } else if (ctx.has(QStringLiteral("disk-only"))) {
        request.method = PointManifest::Method::DiskOnly;
    }
    JobControl control(progressPrinter(ctx));
    control.linkCancelFlag(ctx.cancel);
    BackupOperation op(conn, repository, request, control);
    auto outcome = op.run();
    if (!outcome) {
        return fail(ctx, outcome.error());
    }
    const PointManifest &m = outcome->manifest;
    const qint64 stored = m.storedBytes();
    if (ctx.json) {
        const QJsonObject o {{QStringLiteral("pointId"), outcome->pointId},
            {QStringLiteral("repository"), repository.path()},
            {QStringLiteral("notes"), QJsonArray::fromStringList(outcome->notes)},
            {QStringLiteral("manifest"), m.toJson()}};
        printJson(QJsonDocument(o));
        return 0;
    }
    for (const QString &note : std::as_const(outcome->notes)) {
        err() << "rewindctl: " << note << Qt::endl;
    }
    out() << "Backup point " << outcome->pointId << " of '" << m.domainName << "' stored in "
          << repository.path() << " (" << PointManifest::methodName(m.method) << ", "
          << QLocale().formattedDataSize(stored);
    if (m.method == PointManifest::Method::FullState) {
        out() << ", guest paused " << m.guestPauseMs << " ms";
    }
    out() << ")." << Qt::endl;
    return 0;
}

} // namespace Rewind::Cli
