#include "policy/retentionpolicy.h"

#include "policy/policyjson.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace Rewind {

namespace {

constexpr std::array<RetentionRule, 6> AllRules = {RetentionRule::Last, RetentionRule::Hourly,
    RetentionRule::Daily, RetentionRule::Weekly, RetentionRule::Monthly, RetentionRule::Yearly};

/// A point prepared for the rules: its period key for every rule, computed once, so that
/// each rule's walk is a plain comparison of integers (400 days of hourly points is
/// ~10,000 points; one time-zone conversion per point, not one per point and rule).
struct Candidate
{
    qsizetype index = 0;
    qint64 msecs = 0;
    std::array<qint64, AllRules.size()> period {};
};

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

Candidate makeCandidate(qsizetype index, const QDateTime &time, const QTimeZone &zone)
{
    Candidate c;
    c.index = index;
    c.msecs = time.toMSecsSinceEpoch();
    const QDateTime local = time.toTimeZone(zone);
    const QDate date = local.date();
    int weekYear = 0;
    const int week = date.weekNumber(&weekYear);
    c.period[size_t(RetentionRule::Last)] = floorDiv(c.msecs, 1000);
    c.period[size_t(RetentionRule::Hourly)] = date.toJulianDay() * 24 + local.time().hour();
    c.period[size_t(RetentionRule::Daily)] = date.toJulianDay();
    c.period[size_t(RetentionRule::Weekly)] = qint64(weekYear) * 100 + week;
    c.period[size_t(RetentionRule::Monthly)] = qint64(date.year()) * 100 + date.month();
    c.period[size_t(RetentionRule::Yearly)] = date.year();
    return c;
}

void keep(RetentionDecision &decision, const RetentionReason &reason)
{
    decision.keep = true;
    decision.reasons.append(reason);
}

/// borg's prune_split() for one rule, over candidates sorted newest first.
void applyRule(RetentionRule rule, int count, const std::vector<Candidate> &candidates,
    QList<RetentionDecision> &decisions)
{
    if (count == 0) {
        return;
    }
    const size_t slot = size_t(rule);
    std::optional<qint64> lastPeriod;
    int kept = 0;
    const Candidate *visited = nullptr;
    for (const Candidate &c : candidates) {
        visited = &c;
        if (lastPeriod && *lastPeriod == c.period[slot]) {
            continue;
        }
        lastPeriod = c.period[slot];
        RetentionDecision &decision = decisions[c.index];
        if (decision.keep) {
            // Kept by an earlier rule: the period is used up, but does not count.
            continue;
        }
        keep(decision, {RetentionReason::Kind::Rule, rule, ++kept, false});
        if (kept == count) {
            break;
        }
    }
    // Like borg: `visited` is the oldest point unless the walk stopped early, and then
    // kept == count, so the fallback applies only when the rule ran out of points. With a
    // negative count (no limit) kept < count is never true.
    if (visited && kept < count && !decisions[visited->index].keep) {
        keep(decisions[visited->index], {RetentionReason::Kind::Rule, rule, ++kept, true});
    }
}

} // namespace

QString RetentionReason::ruleName(RetentionRule rule)
{
    switch (rule) {
    case RetentionRule::Last:
        return QStringLiteral("last");
    case RetentionRule::Hourly:
        return QStringLiteral("hourly");
    case RetentionRule::Daily:
        return QStringLiteral("daily");
    case RetentionRule::Weekly:
        return QStringLiteral("weekly");
    case RetentionRule::Monthly:
        return QStringLiteral("monthly");
    case RetentionRule::Yearly:
        return QStringLiteral("yearly");
    }
    return {};
}

QString RetentionReason::toString() const
{
    switch (kind) {
    case Kind::Rule:
        return ruleName(rule) + (oldest ? QStringLiteral("[oldest]") : QString()) + QStringLiteral(" #")
            + QString::number(number);
    case Kind::Golden:
        return QStringLiteral("golden");
    case Kind::NoRules:
        return QStringLiteral("no-rules");
    case Kind::NoTime:
        return QStringLiteral("no-time");
    }
    return {};
}

QString RetentionDecision::reasonText() const
{
    QStringList tags;
    for (const RetentionReason &reason : reasons) {
        tags.append(reason.toString());
    }
    return tags.join(QStringLiteral(", "));
}

int RetentionPolicy::count(RetentionRule rule) const
{
    switch (rule) {
    case RetentionRule::Last:
        return keepLast;
    case RetentionRule::Hourly:
        return keepHourly;
    case RetentionRule::Daily:
        return keepDaily;
    case RetentionRule::Weekly:
        return keepWeekly;
    case RetentionRule::Monthly:
        return keepMonthly;
    case RetentionRule::Yearly:
        return keepYearly;
    }
    return 0;
}

void RetentionPolicy::setCount(RetentionRule rule, int count)
{
    switch (rule) {
    case RetentionRule::Last:
        keepLast = count;
        break;
    case RetentionRule::Hourly:
        keepHourly = count;
        break;
    case RetentionRule::Daily:
        keepDaily = count;
        break;
    case RetentionRule::Weekly:
        keepWeekly = count;
        break;
    case RetentionRule::Monthly:
        keepMonthly = count;
        break;
    case RetentionRule::Yearly:
        keepYearly = count;
        break;
    }
}

bool RetentionPolicy::keepsEverything() const
{
    return std::all_of(
        AllRules.begin(), AllRules.end(), [this](RetentionRule rule) { return count(rule) == 0; });
}

QList<RetentionDecision> RetentionPolicy::evaluate(const QList<RetentionPoint> &points) const
{
    return evaluate(points, QTimeZone::systemTimeZone());
}

QList<RetentionDecision> RetentionPolicy::evaluate(
    const QList<RetentionPoint> &points, const QTimeZone &zone) const
{
    const QTimeZone effectiveZone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    const bool noRules = keepsEverything();

    QList<RetentionDecision> decisions;
    decisions.reserve(points.size());
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(points.size()));
    for (qsizetype i = 0; i < points.size(); ++i) {
        const RetentionPoint &point = points.at(i);
        decisions.append(RetentionDecision {point.id, point.time, false, {}});
        RetentionDecision &decision = decisions.last();
        if (point.isProtected) {
            keep(decision, {RetentionReason::Kind::Golden});
        } else if (noRules) {
            keep(decision, {RetentionReason::Kind::NoRules});
        } else if (!point.time.isValid()) {
            keep(decision, {RetentionReason::Kind::NoTime});
        } else {
            candidates.push_back(makeCandidate(i, point.time, effectiveZone));
        }
    }

    std::stable_sort(candidates.begin(), candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.msecs > b.msecs; });
    for (RetentionRule rule : AllRules) {
        applyRule(rule, count(rule), candidates, decisions);
    }
    return decisions;
}

QString RetentionPolicy::jsonKey(RetentionRule rule)
{
    switch (rule) {
    case RetentionRule::Last:
        return QStringLiteral("keepLast");
    case RetentionRule::Hourly:
        return QStringLiteral("keepHourly");
    case RetentionRule::Daily:
        return QStringLiteral("keepDaily");
    case RetentionRule::Weekly:
        return QStringLiteral("keepWeekly");
    case RetentionRule::Monthly:
        return QStringLiteral("keepMonthly");
    case RetentionRule::Yearly:
        return QStringLiteral("keepYearly");
    }
    return {};
}

QJsonObject RetentionPolicy::toJson() const
{
    QJsonObject json;
    for (RetentionRule rule : AllRules) {
        json.insert(jsonKey(rule), count(rule));
    }
    return json;
}

Result<RetentionPolicy> RetentionPolicy::fromJson(const QJsonObject &json)
{
    const QString context = tr("Retention policy: ");
    QStringList keys;
    for (RetentionRule rule : AllRules) {
        keys.append(jsonKey(rule));
    }
    if (const Status status = PolicyJson::checkKeys(json, keys); !status) {
        return status.error().withContext(context);
    }
    RetentionPolicy policy;
    for (RetentionRule rule : AllRules) {
        const Result<qint64> value
            = PolicyJson::readInteger(json, jsonKey(rule), 0, 0, std::numeric_limits<int>::max());
        if (!value) {
            return value.error().withContext(context);
        }
        policy.setCount(rule, int(*value));
    }
    return policy;
}

} // namespace Rewind
