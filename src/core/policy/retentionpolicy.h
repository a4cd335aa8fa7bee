#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Rewind {

/// The retention rules, in the order they are applied (the order matters, see RetentionPolicy).
enum class RetentionRule { Last, Hourly, Daily, Weekly, Monthly, Yearly };

/// One backup point as the retention policy sees it.
struct RetentionPoint
{
    QString id;
    QDateTime time; ///< when the point was taken (an instant; normally UTC)
    bool isProtected = false; ///< a golden point: never pruned
};

/// Why a point is kept. toString() gives a short, stable tag in borg's style for
/// `rewindctl prune --dry-run` and the log: "last #1", "daily #3", "monthly[oldest] #12",
/// "golden", "no-rules", "no-time". The tags are identifiers, not prose, and are not
/// translated (scripts parse them).
struct RetentionReason
{
    enum class Kind {
        Rule, ///< kept by `rule` as its `number`-th point
        Golden, ///< a protected point
        NoRules, ///< the policy has no rules, so everything is kept
        NoTime, ///< the point has no valid time and cannot be placed in any period
    };

    Kind kind = Kind::Rule;
    RetentionRule rule = RetentionRule::Last; ///< Kind::Rule only
    int number = 0; ///< Kind::Rule only: 1-based count among the points this rule kept
    bool oldest = false; ///< Kind::Rule only: kept by borg's "keep the oldest" fallback

    QString toString() const;
    /// "last", "hourly", "daily", "weekly", "monthly", "yearly".
    static QString ruleName(RetentionRule rule);

    bool operator==(const RetentionReason &other) const = default;
};

/// The verdict on one point.
struct RetentionDecision
{
    QString id;
    QDateTime time;
    bool keep = false;
    /// Empty when the point is pruned. A kept point currently has exactly one reason,
    /// because borg attributes a point to the first rule that keeps it; it is a list so
    /// that printing code need not change if a future rule attributes more.
    QList<RetentionReason> reasons;

    /// The reasons' tags joined by ", " ("daily #3"); empty for a pruned point.
    QString reasonText() const;
};

/// Which backup points to keep: borg prune's rules (--keep-last, --keep-hourly, ...,
/// --keep-yearly), plus golden points that are never pruned. Plain settings; evaluate()
/// is a pure function of the points, the settings and a time zone.
///
/// Semantics (those of `borg prune` 1.2 and later, see borg's prune_split()):
///
/// - The rules are applied one after the other, in the fixed order last, hourly, daily,
///   weekly, monthly, yearly, to the same list of points sorted newest first. The kept set
///   is the union of what every rule keeps. The rules are NOT independent: a point is
///   kept by (and attributed to) only the first rule that selects it, and later rules do
///   not count it towards their totals (borg: "backups selected by previous rules do not
///   count towards those of later rules").
/// - One rule with count N walks the points from newest to oldest and groups them into
///   periods: the hour (date and hour of the wall clock), the day, the ISO 8601 week
///   (Monday to Sunday, ISO week-year), the month or the year, all read in the evaluation
///   time zone. At the newest point of each period: if an earlier rule already keeps that
///   point, the period is used up without counting and the older points in it are not
///   looked at; otherwise the rule keeps it as its next "#n". The walk stops once the
///   rule has kept N points. Periods without points do not count ("keep-daily 7" keeps the
///   7 most recent days that have points, however far back).
/// - Keep-the-oldest (borg >= 1.2): if the walk runs out of points before the rule kept N,
///   and the oldest point is not kept yet, the rule keeps it too ("daily[oldest] #8").
///   So the first point ages until a newer one fills the rule.
/// - keep-last N is borg's --keep-last, which is --keep-secondly: the periods are
///   seconds. With points taken in different seconds it keeps the N newest points; two
///   points in the same second count once. One deliberate difference from borg: the
///   second is taken from the instant (UTC), not from the local wall clock, so two points
///   made at the same wall-clock second an hour apart in the repeated hour of a
///   DST-to-standard-time change are two periods, not one. (This only ever keeps more.)
///   Hourly periods follow borg: they are wall-clock hours, so the repeated hour of such a
///   change is one period.
/// - A negative count means "no limit", as in borg (every period is kept and there is no
///   oldest fallback). fromJson() rejects negative counts; the UI offers no "unlimited".
///
/// Rewind's additions:
///
/// - Golden (protected) points are always kept (reason "golden") and are taken out before
///   the rules run: they neither fill a period nor count towards any rule. The rules
///   therefore keep exactly the non-golden points they would keep if the golden points
///   did not exist; marking a point golden never makes the policy prune another point.
/// - An all-zero policy keeps everything (reason "no-rules"). borg refuses to prune
///   without rules; a default-constructed or empty policy must never delete all backups.
/// - A non-golden point without a valid time is kept (reason "no-time"): a point that
///   cannot be placed in any period is never pruned on a guess. Such points take no part
///   in the rules.
/// - Points with the same time are ordered as they come in the input list.
struct RetentionPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::RetentionPolicy)

public:
    int keepLast = 0;
    int keepHourly = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;
    int keepYearly = 0;

    int count(RetentionRule rule) const;
    void setCount(RetentionRule rule, int count);
    /// True when every count is zero: evaluate() then keeps every point.
    bool keepsEverything() const;

    /// Decisions for points, in the same order as points, with periods read in the
    /// system's local time zone.
    QList<RetentionDecision> evaluate(const QList<RetentionPoint> &points) const;
    /// The same in the given time zone (an invalid zone means local time).
    QList<RetentionDecision> evaluate(const QList<RetentionPoint> &points, const QTimeZone &zone) const;

    /// {"keepLast": 0, "keepHourly": 0, "keepDaily": 7, ...}: every key, always.
    QJsonObject toJson() const;
    /// Absent keys are 0. Fails with ErrorCode::Usage on unknown keys, on values that are
    /// not whole numbers and on negative or too large numbers; the message names the key.
    static Result<RetentionPolicy> fromJson(const QJsonObject &json);
    /// The JSON key of a rule: "keepLast", "keepHourly", ...
    static QString jsonKey(RetentionRule rule);

    bool operator==(const RetentionPolicy &other) const = default;
};

} // namespace Rewind
