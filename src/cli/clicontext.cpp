#include "clicontext.h"

#include <QJsonObject>

#include <cstdio>

namespace Rewind::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const Context &ctx, const Error &error)
{
    if (ctx.json) {
        QJsonObject o {{QStringLiteral("error"), Error::codeName(error.code())},
            {QStringLiteral("message"), error.message()}, {QStringLiteral("detail"), error.detail()}};
        err() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        err() << "rewindctl: " << error.message() << Qt::endl;
        if (!error.detail().isEmpty()) {
            err() << "  detail: " << error.detail() << Qt::endl;
        }
    }
    return int(error.code());
}

void printJson(const QJsonDocument &doc)
{
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

QStringList alignedColumns(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i + 1 < row.size(); ++i) {
            if (i == widths.size()) {
                widths.append(0);
            }
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        }
        while (line.endsWith(QLatin1Char(' '))) {
            line.chop(1);
        }
        lines.append(line);
    }
    return lines;
}

} // namespace Rewind::Cli

#include "jobs/jobcontrol.h"
#include "jobs/recovery.h"
#include "jobs/verifyoperation.h"
#include "libvirt/domain.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <unistd.h>

namespace Rewind::Cli {

Result<Repository> openRepository(const Context &ctx, bool create)
{
    const QString path = ctx.repository.isEmpty() ? Repository::defaultLocation() : ctx.repository;
    auto repository = Repository::open(
        path, create ? Repository::OpenMode::CreateIfMissing : Repository::OpenMode::OpenExisting);
    if (!repository && repository.error().code() == ErrorCode::NotFound
        && repository.error().detail().isEmpty()) {
        // The core's message speaks of choosing a folder, as the application does; here
        // that is an option, and the first backup creates the repository. (A drive that
        // is not mounted comes with a detail and a message of its own, kept.)
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("rewindctl",
                "There is no Rewind repository at %1. Give the folder of an existing one with --repo DIR; "
                "the first rewindctl backup creates one.")
                .arg(QDir::cleanPath(QFileInfo(path).absoluteFilePath())),
            repository.error().detail());
    }
    return repository;
}

Result<Libvirt::ConnectHandle> connectAndRecover(const Context &ctx, const Repository &repository)
{
    auto conn = Libvirt::openConnection(ctx.uri);
    if (!conn) {
        return conn.error();
    }
    const QStringList repaired = Recovery::recoverAll(*conn, repository);
    for (const QString &line : repaired) {
        err() << "rewindctl: " << line << Qt::endl;
    }
    return conn;
}

Result<Session> openSession(const Context &ctx, bool createRepository)
{
    auto repository = openRepository(ctx, createRepository);
    if (!repository) {
        return repository.error();
    }
    auto conn = connectAndRecover(ctx, *repository);
    if (!conn) {
        return conn.error();
    }
    return Session {*repository, *conn};
}

Result<VmSession> openVmSession(const Context &ctx)
{
    auto session = openSession(ctx, false);
    if (!session) {
        return session.error();
    }
    auto uuid = resolveVmUuid(session->repository, ctx.positional.value(0));
    if (!uuid) {
        return uuid.error();
    }
    return VmSession {*session, *uuid};
}

Result<VmRecord> findVmRecord(const Session &session, const QString &vm, bool mayBeNew)
{
    VmRecord record;
    auto uuid = resolveVmUuid(session.repository, vm);
    if (uuid) {
        auto loaded = session.repository.loadVm(*uuid);
        if (loaded) {
            return *loaded;
        }
        if (loaded.error().code() != ErrorCode::NotFound) {
            return loaded.error();
        }
        record.uuid = *uuid;
        return record;
    }
    if (uuid.error().code() != ErrorCode::NotFound || !mayBeNew) {
        return uuid.error();
    }
    auto domain = Libvirt::Domain::lookup(session.conn, vm);
    if (!domain) {
        return domain.error();
    }
    record.uuid = domain->uuid();
    record.noteName(domain->name());
    return record;
}

JobControl::ProgressFn progressPrinter(const Context &ctx)
{
    if (!ctx.verbose && !::isatty(STDERR_FILENO)) {
        return {};
    }
    return [](JobPhase phase, qint64 done, qint64 total, const QString &detail) {
        QString line = jobPhaseText(phase);
        if (!detail.isEmpty()) {
            line += QStringLiteral(" ") + detail;
        }
        if (total > 0) {
            line += QStringLiteral(": %1 / %2 (%3 %)")
                        .arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total))
                        .arg(done * 100 / total);
        }
        err() << line << Qt::endl;
    };
}

} // namespace Rewind::Cli
