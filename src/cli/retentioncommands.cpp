// rewindctl prune, protect, unprotect and policy: what to keep, and removing the rest.

#include "commands.h"

#include "jobs/jobcontrol.h"
#include "jobs/pointprotection.h"
#include "jobs/pruneoperation.h"
#include "jobs/verifyoperation.h"
#include "jobs/vmsettings.h"
#include "libvirt/domain.h"
#include "policy/chainpolicy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <array>

namespace Rewind::Cli {

namespace {

constexpr std::array<RetentionRule, 6> Rules = {RetentionRule::Last, RetentionRule::Hourly,
    RetentionRule::Daily, RetentionRule::Weekly, RetentionRule::Monthly, RetentionRule::Yearly};

QString tr(const char *text)
{
    return QCoreApplication::translate("rewindctl", text);
}

/// The command-line option of a rule: "keep-daily".
QString optionName(RetentionRule rule)
{
    return QStringLiteral("keep-") + RetentionReason::ruleName(rule);
}

/// "keep-last 1, keep-daily 7", or a sentence when every point is kept.
QString describePolicy(const RetentionPolicy &policy)
{
    if (policy.keepsEverything()) {
        return tr("no rules, every point is kept");
    }
    QStringList parts;
    for (RetentionRule rule : Rules) {
        if (policy.count(rule) != 0) {
            parts << optionName(rule) + QLatin1Char(' ') + QString::number(policy.count(rule));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QJsonObject decisionToJson(const PruneDecision &d)
{
    QJsonObject o {{QStringLiteral("id"), d.id},
        {QStringLiteral("created"), d.time.toString(Qt::ISODateWithMs)}, {QStringLiteral("keep"), d.keep},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(d.reasons)},
        {QStringLiteral("damaged"), d.damaged}, {QStringLiteral("protected"), d.isProtected},
        {QStringLiteral("storedSize"), double(d.storedBytes)}};
    if (!d.damaged) {
        o.insert(QStringLiteral("kind"), PointManifest::kindName(d.kind));
        o.insert(QStringLiteral("parent"), d.parentId);
    }
    if (!d.absorbs.isEmpty()) {
        o.insert(QStringLiteral("absorbs"), QJsonArray::fromStringList(d.absorbs));
        o.insert(QStringLiteral("newParent"), d.newParentId);
        o.insert(QStringLiteral("becomesFull"), d.newParentId.isEmpty());
    }
    return o;
}

/// Runs a prune or a delete with progress on the terminal and Ctrl+C as cancel, and
/// prints the notes of an earlier interrupted one that it repaired first.
Result<PruneOutcome> runPruneOperation(
    const Context &ctx, const Repository &repository, const PruneRequest &request)
{
    JobControl control(progressPrinter(ctx));
    control.linkCancelFlag(ctx.cancel);
    PruneOperation op(repository, request, control);
    auto outcome = op.run();
    if (outcome) {
        for (const QString &note : std::as_const(outcome->notes)) {
            err() << "rewindctl: " << note << Qt::endl;
        }
    }
    return outcome;
}

/// What a prune or a delete did (or would do), for --json.
QJsonObject outcomeToJson(const PruneOutcome &outcome)
{
    QJsonArray points;
    for (const PruneDecision &d : outcome.decisions) {
        points.append(decisionToJson(d));
    }
    return QJsonObject {{QStringLiteral("vm"), outcome.vmName}, {QStringLiteral("uuid"), outcome.vmUuid},
        {QStringLiteral("dryRun"), outcome.dryRun}, {QStringLiteral("points"), points},
        {QStringLiteral("removed"), QJsonArray::fromStringList(outcome.removed)},
        {QStringLiteral("merged"), QJsonArray::fromStringList(outcome.merged)},
        {QStringLiteral("freedBytes"), double(outcome.freedBytes)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(outcome.notes)}};
}

/// One point's cells in a prune's listing, or a delete's (deleting: "delete" instead of
/// "prune"): id, time, what happens, why.
QStringList decisionRow(const PruneDecision &d, bool deleting = false)
{
    QStringList why;
    if (!d.reasons.isEmpty()) {
        why << d.reasonText();
    }
    if (!d.absorbs.isEmpty()) {
        why << (d.newParentId.isEmpty() ? tr("takes in the data of %1 and becomes a full point")
                                              .arg(d.absorbs.join(QStringLiteral(", ")))
                                        : tr("takes in the data of %1 and then builds on %2")
                                              .arg(d.absorbs.join(QStringLiteral(", ")), d.newParentId));
    }
    const QString action = d.keep ? tr("keep") : deleting ? tr("delete") : tr("prune");
    const QString time
        = d.time.isValid() ? QLocale().toString(d.time.toLocalTime(), QLocale::ShortFormat) : QString();
    return {d.id, time, action, why.join(QStringLiteral("; "))};
}

int setProtection(const Context &ctx, bool protect)
{
    auto session = openVmSession(ctx);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const QString &uuid = session->vmUuid;
    auto pointId = PointProtection::resolvePoint(repository, uuid, ctx.positional.value(1));
    if (!pointId) {
        return fail(ctx, pointId.error());
    }
    auto manifest = PointProtection::setProtected(repository, uuid, *pointId, protect);
    if (!manifest) {
        return fail(ctx, manifest.error());
    }
    if (ctx.json) {
        printJson(QJsonDocument(
            QJsonObject {{QStringLiteral("vm"), manifest->domainName}, {QStringLiteral("uuid"), uuid},
                {QStringLiteral("point"), *pointId}, {QStringLiteral("protected"), manifest->isProtected}}));
        return 0;
    }
    out() << (protect ? tr("Point %1 of '%2' is golden now: retention never prunes it.")
                      : tr("Point %1 of '%2' is no longer golden: its retention policy may prune it."))
                 .arg(*pointId, manifest->domainName)
          << Qt::endl;
    return 0;
}

} // namespace

int runPrune(const Context &ctx)
{
    auto session = openSession(ctx, false);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    PruneRequest request;
    request.vm = ctx.positional.value(0);
    request.dryRun = ctx.has(QStringLiteral("dry-run"));
    auto outcome = runPruneOperation(ctx, repository, request);
    if (!outcome) {
        return fail(ctx, outcome.error());
    }
    if (ctx.json) {
        QJsonObject json = outcomeToJson(*outcome);
        json.insert(QStringLiteral("policy"), outcome->policy.toJson());
        printJson(QJsonDocument(json));
        return 0;
    }
    out() << tr("Retention policy of '%1': %2.").arg(outcome->vmName, describePolicy(outcome->policy))
          << Qt::endl;
    QList<QStringList> rows;
    for (const PruneDecision &d : std::as_const(outcome->decisions)) {
        rows.append(decisionRow(d));
    }
    for (const QString &line : alignedColumns(rows)) {
        out() << line << Qt::endl;
    }
    const QString count = QString::number(outcome->removed.size());
    const QString total = QString::number(outcome->decisions.size());
    const QString size = QLocale().formattedDataSize(outcome->freedBytes);
    if (outcome->removed.isEmpty()) {
        out() << tr("Nothing to prune: the policy keeps all %1 points.").arg(total) << Qt::endl;
    } else if (outcome->dryRun) {
        // Less is freed when later points take in the pruned data; a dry run cannot tell how much.
        out() << tr("Would prune %1 of %2 points, freeing up to %3. Nothing was changed: this was a dry run.")
                     .arg(count, total, size)
              << Qt::endl;
    } else {
        out() << tr("Pruned %1 of %2 points; %3 freed.").arg(count, total, size) << Qt::endl;
    }
    return 0;
}

int runDelete(const Context &ctx)
{
    auto session = openVmSession(ctx);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const QString &uuid = session->vmUuid;
    PruneRequest request;
    request.vm = uuid;
    request.dryRun = ctx.has(QStringLiteral("dry-run"));
    for (const QString &given : ctx.positional.mid(1)) {
        auto pointId = PointProtection::resolvePoint(repository, uuid, given);
        if (!pointId) {
            return fail(ctx, pointId.error());
        }
        if (!request.points.contains(*pointId)) {
            request.points.append(*pointId);
        }
    }
    auto outcome = runPruneOperation(ctx, repository, request);
    if (!outcome) {
        return fail(ctx, outcome.error());
    }
    if (ctx.json) {
        printJson(QJsonDocument(outcomeToJson(*outcome)));
        return 0;
    }
    // Only what changes: the points that go and the ones that take in their data.
    QList<QStringList> rows;
    for (const PruneDecision &d : std::as_const(outcome->decisions)) {
        if (!d.keep || !d.absorbs.isEmpty()) {
            PruneDecision shown = d;
            shown.reasons.clear(); // "not-chosen" says nothing here
            rows.append(decisionRow(shown, true));
        }
    }
    for (const QString &line : alignedColumns(rows)) {
        out() << line << Qt::endl;
    }
    const qsizetype n = outcome->removed.size();
    const QString count = n == 1 ? tr("1 point") : tr("%1 points").arg(n);
    const QString size = QLocale().formattedDataSize(outcome->freedBytes);
    if (outcome->dryRun) {
        out() << tr("Would delete %1 of '%2', freeing up to %3. Nothing was changed: this was a dry run.")
                     .arg(count, outcome->vmName, size)
              << Qt::endl;
    } else {
        out() << tr("Deleted %1 of '%2'; %3 freed.").arg(count, outcome->vmName, size) << Qt::endl;
    }
    return 0;
}

int runProtect(const Context &ctx)
{
    return setProtection(ctx, true);
}

int runUnprotect(const Context &ctx)
{
    return setProtection(ctx, false);
}

QString describeChain(const ChainPolicy &chain)
{
    if (chain.maxIncrements == 0) {
        return tr("Chains: every point is full (--full-every 0).");
    }
    return tr("Chains: a full point after %1 incremental ones or %2 days (--full-every, --full-after-days).")
        .arg(chain.maxIncrements)
        .arg(chain.maxChainAgeSeconds / (24 * 60 * 60));
}

int runPolicy(const Context &ctx)
{
    // Options not given keep their value: changing one rule must never drop another one
    // silently (that would prune what the user still means to keep).
    QList<std::pair<RetentionRule, int>> changes;
    for (RetentionRule rule : Rules) {
        const QString option = optionName(rule);
        if (!ctx.values.contains(option)) {
            continue;
        }
        bool ok = false;
        const int count = ctx.values.value(option).trimmed().toInt(&ok);
        if (!ok || count < 0) {
            return fail(ctx,
                Error(ErrorCode::Usage,
                    tr("--%1 needs a whole number of 0 or more (0 turns the rule off), not '%2'.")
                        .arg(option, ctx.values.value(option))));
        }
        changes.append({rule, count});
    }
    std::optional<int> fullEvery, fullAfterDays;
    for (const auto &[option, target] : {std::pair {QStringLiteral("full-every"), &fullEvery},
             std::pair {QStringLiteral("full-after-days"), &fullAfterDays}}) {
        if (!ctx.values.contains(option)) {
            continue;
        }
        bool ok = false;
        const int value = ctx.values.value(option).trimmed().toInt(&ok);
        if (!ok || value < 0 || (option == QLatin1String("full-after-days") && value > 36500)) {
            return fail(ctx,
                Error(ErrorCode::Usage,
                    tr("--%1 needs a whole number of 0 or more, not '%2'.")
                        .arg(option, ctx.values.value(option))));
        }
        *target = value;
    }
    const bool setting = !changes.isEmpty() || fullEvery || fullAfterDays;

    auto session = openSession(ctx, setting);
    if (!session) {
        return fail(ctx, session.error());
    }
    const Repository &repository = session->repository;
    const QString vm = ctx.positional.value(0);
    // A policy may be set before the first backup: the VM is then found in libvirt.
    auto found = findVmRecord(*session, vm, setting);
    if (!found) {
        return fail(ctx, found.error());
    }
    VmRecord record = *found;
    const QString name = record.currentName().isEmpty() ? vm : record.currentName();

    RetentionPolicy policy;
    ChainPolicy chain;
    if (!setting) {
        auto stored = RetentionPolicy::fromJson(record.retention);
        if (!stored) {
            return fail(ctx,
                Error(ErrorCode::Damaged,
                    tr("The retention policy stored for '%1' is invalid (%2). Set it again with the --keep "
                       "options.")
                        .arg(name, stored.error().message())));
        }
        policy = *stored;
        auto storedChain = ChainPolicy::fromJson(record.chain);
        chain = storedChain ? *storedChain : ChainPolicy();
    } else {
        // Applied to vm.json as it is under the lock, so that what others stored since it
        // was read above (a backup's tracking record, a schedule) stays, and what is
        // changed, or reported as unreadable, is what is stored now.
        QString invalidPolicy;
        const Status saved = VmSettings::update(
            repository, record.uuid, name, QStringLiteral("policy"), [&](VmRecord &fresh) {
                auto current = RetentionPolicy::fromJson(fresh.retention);
                policy = current ? *current : RetentionPolicy();
                invalidPolicy = current ? QString() : current.error().message();
                auto currentChain = ChainPolicy::fromJson(fresh.chain);
                chain = currentChain ? *currentChain : ChainPolicy();
                for (const auto &[rule, count] : std::as_const(changes)) {
                    policy.setCount(rule, count);
                }
                if (fullEvery) {
                    chain.maxIncrements = *fullEvery;
                }
                if (fullAfterDays) {
                    chain.maxChainAgeSeconds = qint64(*fullAfterDays) * 24 * 60 * 60;
                }
                // The same check every reader of vm.json applies, so nothing is stored that a
                // later prune would refuse.
                if (auto valid = RetentionPolicy::fromJson(policy.toJson()); !valid) {
                    return Status(valid.error());
                }
                fresh.retention = policy.toJson();
                fresh.chain = chain.toJson();
                record = fresh;
                return Status();
            });
        if (!saved) {
            return fail(ctx, saved.error());
        }
        if (!invalidPolicy.isEmpty()) {
            err() << "rewindctl: "
                  << tr("The stored retention policy of '%1' was invalid (%2); only the rules given now are "
                        "set.")
                         .arg(name, invalidPolicy)
                  << Qt::endl;
        }
    }

    if (ctx.json) {
        printJson(
            QJsonDocument(QJsonObject {{QStringLiteral("vm"), name}, {QStringLiteral("uuid"), record.uuid},
                {QStringLiteral("policy"), policy.toJson()}, {QStringLiteral("chain"), chain.toJson()},
                {QStringLiteral("keepsEverything"), policy.keepsEverything()}}));
        return 0;
    }
    if (setting) {
        out() << tr("Retention policy of '%1' set: %2. See what it would remove with: rewindctl prune '%1' "
                    "--dry-run")
                     .arg(name, describePolicy(policy))
              << Qt::endl;
        out() << describeChain(chain) << Qt::endl;
        return 0;
    }
    if (policy.keepsEverything()) {
        out() << tr("'%1' has no retention policy: every point is kept. Set one with, for example: rewindctl "
                    "policy '%1' --keep-daily 7 --keep-weekly 4")
                     .arg(name)
              << Qt::endl;
        out() << describeChain(chain) << Qt::endl;
        return 0;
    }
    out() << tr("Retention policy of '%1':").arg(name) << Qt::endl;
    for (RetentionRule rule : Rules) {
        out() << QStringLiteral("  %1  %2").arg(optionName(rule).leftJustified(13)).arg(policy.count(rule))
              << Qt::endl;
    }
    out() << describeChain(chain) << Qt::endl;
    return 0;
}

} // namespace Rewind::Cli
