#pragma once

#include "result.h"

#include <QJsonObject>
#include <QStringList>

/// Internal helpers shared by the policy classes to read their JSON settings strictly.
/// Every failure is an ErrorCode::Usage error whose message names the offending key and
/// says what to write instead; callers prefix it with their own context
/// (Error::withContext) so the user also learns which setting group is wrong.
namespace Rewind::PolicyJson {

/// The largest integer a JSON number (an IEEE double) holds exactly.
inline constexpr qint64 MaxExactInteger = (qint64(1) << 53) - 1;

/// Fails on any key not in allowed. Unknown keys are rejected rather than ignored: a
/// misspelt retention rule ("keepDayly") silently ignored would prune what the user
/// meant to keep.
Status checkKeys(const QJsonObject &json, const QStringList &allowed);

/// Reads an optional whole number in [min, max]; an absent key yields fallback.
Result<qint64> readInteger(
    const QJsonObject &json, const QString &key, qint64 fallback, qint64 min, qint64 max);

/// Reads a required string.
Result<QString> readString(const QJsonObject &json, const QString &key);

/// A JSON value as the user wrote it, for messages: 7, -1.5, "seven", true, null, a list.
QString describeValue(const QJsonValue &value);

} // namespace Rewind::PolicyJson
