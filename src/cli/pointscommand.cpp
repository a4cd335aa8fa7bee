#include "commands.h"

#include "jobs/jobcontrol.h"
#include "jobs/verifyoperation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Rewind::Cli {

namespace {

QString stateName(PointInfo::State s)
{
    switch (s) {
    case PointInfo::State::Complete:
        return QStringLiteral("complete");
    case PointInfo::State::Incomplete:
        return QStringLiteral("incomplete");
    case PointInfo::State::Damaged:
        return QStringLiteral("damaged");
    }
    return {};
}

} // namespace

int runPoints(const Context &ctx)
{
    auto session = openVmSession(ctx);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const QString &uuid = session->vmUuid;
    auto points = repository.listPoints(uuid);
    if (!points) {
        return fail(ctx, points.error());
    }
    if (ctx.json) {
        QJsonArray arr;
        for (const auto &p : std::as_const(*points)) {
            QJsonObject o {{QStringLiteral("id"), p.id}, {QStringLiteral("state"), stateName(p.state)}};
            if (p.manifest) {
                o.insert(QStringLiteral("created"), p.manifest->created.toString(Qt::ISODateWithMs));
                o.insert(QStringLiteral("method"), PointManifest::methodName(p.manifest->method));
                o.insert(QStringLiteral("kind"), PointManifest::kindName(p.manifest->kind));
                o.insert(QStringLiteral("parent"), p.manifest->parentId);
                o.insert(QStringLiteral("protected"), p.manifest->isProtected);
                o.insert(QStringLiteral("storedSize"), double(p.manifest->storedBytes()));
                o.insert(QStringLiteral("guestPauseMs"), double(p.manifest->guestPauseMs));
                o.insert(QStringLiteral("domainName"), p.manifest->domainName);
            }
            arr.append(o);
        }
        printJson(QJsonDocument(arr));
        return 0;
    }
    if (points->isEmpty()) {
        out() << "No backup points of '" << ctx.positional.value(0) << "' yet." << Qt::endl;
        return 0;
    }
    QList<QStringList> rows;
    for (const auto &p : std::as_const(*points)) {
        if (!p.manifest) {
            rows.append({p.id, stateName(p.state)});
            continue;
        }
        const auto &m = *p.manifest;
        rows.append({p.id, QLocale().toString(m.created.toLocalTime(), QLocale::ShortFormat),
            PointManifest::methodName(m.method), PointManifest::kindName(m.kind),
            QLocale().formattedDataSize(m.storedBytes()),
            m.isProtected ? QStringLiteral("golden") : QString()});
    }
    for (const QString &line : alignedColumns(rows)) {
        out() << line << Qt::endl;
    }
    return 0;
}

int runVerify(const Context &ctx)
{
    auto session = openSession(ctx, false);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    JobControl control;
    control.linkCancelFlag(ctx.cancel);
    VerifyOperation op(repository, ctx.positional.value(0), ctx.positional.value(1), control);
    auto verdicts = op.run();
    if (!verdicts) {
        return fail(ctx, verdicts.error());
    }
    const bool allOk = std::all_of(verdicts->cbegin(), verdicts->cend(), [](const auto &v) { return v.ok; });
    if (ctx.json) {
        QJsonArray arr;
        for (const auto &v : std::as_const(*verdicts)) {
            arr.append(QJsonObject {{QStringLiteral("vm"), v.vmName}, {QStringLiteral("uuid"), v.vmUuid},
                {QStringLiteral("point"), v.pointId}, {QStringLiteral("ok"), v.ok},
                {QStringLiteral("problems"), QJsonArray::fromStringList(v.problems)}});
        }
        printJson(QJsonDocument(arr));
        return allOk ? 0 : int(ErrorCode::Damaged);
    }
    QList<QStringList> rows;
    for (const auto &v : std::as_const(*verdicts)) {
        rows.append({v.vmName, v.pointId, v.ok ? QStringLiteral("ok") : QStringLiteral("DAMAGED")});
    }
    const QStringList lines = alignedColumns(rows);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out() << lines.at(i) << Qt::endl;
        for (const auto &p : verdicts->at(i).problems) {
            out() << "    " << p << Qt::endl;
        }
    }
    return allOk ? 0 : int(ErrorCode::Damaged);
}

} // namespace Rewind::Cli
