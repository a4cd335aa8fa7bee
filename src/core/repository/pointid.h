#pragma once

#include <QDateTime>
#include <QString>

namespace Rewind {

/// The names of point directories: the UTC second of the capture ("20261126T101500Z"),
/// plus "-2", "-3"... when a point of that second exists already. Names sort by time as
/// plain strings in a shell listing (except for ten or more points in one second, which
/// lessThan() orders correctly), and a person can read them.
class PointId
{
public:
    /// The id of a point captured at time (converted to UTC, seconds truncated), with
    /// the collision suffix n (n <= 1 means none).
    static QString fromTime(const QDateTime &time, int n = 1);
    /// True for the exact format above; guards every path built from an id, so a
    /// damaged manifest or a stray folder can never lead outside the VM's directory.
    static bool isValid(const QString &id);
    /// The capture second encoded in id, or an invalid QDateTime.
    static QDateTime time(const QString &id);
    /// The collision suffix of id (1 when there is none).
    static int sequence(const QString &id);
    /// Chronological order: by second, then by suffix as a number.
    static bool lessThan(const QString &a, const QString &b);
};

} // namespace Rewind
