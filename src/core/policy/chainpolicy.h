#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace Rewind {

/// When the next point must be a full one instead of an increment on the current chain.
/// Long chains make restores slower and put every later point at risk when one link is
/// damaged, so a chain is cut by length and by age, whichever comes first.
///
/// needsFullPoint() is true when any of these holds:
/// - there is no full point yet (lastFull is invalid);
/// - incrementsSinceFull >= maxIncrements: a chain holds at most maxIncrements
///   increments after its full point, so 0 means every point is full;
/// - now is more than maxChainAgeSeconds after lastFull: a chain spans at most that long
///   (an increment exactly maxChainAgeSeconds after the full point is still allowed);
/// - the input cannot be trusted: now is invalid, now is before lastFull (the clock was
///   set back, so the chain's real age is unknown) or incrementsSinceFull is negative.
///   A full point is always a safe answer; it only costs time and space.
struct ChainPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::ChainPolicy)

public:
    static constexpr qint64 DefaultMaxChainAgeSeconds = 7 * 24 * 60 * 60;

    int maxIncrements = 24;
    qint64 maxChainAgeSeconds = DefaultMaxChainAgeSeconds;

    bool needsFullPoint(int incrementsSinceFull, const QDateTime &lastFull, const QDateTime &now) const;

    /// {"maxIncrements": 24, "maxChainAgeSeconds": 604800}: both keys, always.
    QJsonObject toJson() const;
    /// Absent keys take the defaults above. Fails with ErrorCode::Usage on unknown keys and
    /// on values that are not whole numbers of 0 or more; the message names the key.
    static Result<ChainPolicy> fromJson(const QJsonObject &json);

    bool operator==(const ChainPolicy &other) const = default;
};

} // namespace Rewind
