#include "policy/chainpolicy.h"

#include "policy/policyjson.h"

#include <limits>

namespace Rewind {

namespace {
const QString MaxIncrementsKey = QStringLiteral("maxIncrements");
const QString MaxChainAgeKey = QStringLiteral("maxChainAgeSeconds");
} // namespace

bool ChainPolicy::needsFullPoint(
    int incrementsSinceFull, const QDateTime &lastFull, const QDateTime &now) const
{
    if (!lastFull.isValid() || !now.isValid() || incrementsSinceFull < 0 || now < lastFull) {
        return true;
    }
    if (incrementsSinceFull >= maxIncrements) {
        return true;
    }
    return lastFull.secsTo(now) > maxChainAgeSeconds;
}

QJsonObject ChainPolicy::toJson() const
{
    return QJsonObject {{MaxIncrementsKey, maxIncrements}, {MaxChainAgeKey, maxChainAgeSeconds}};
}

Result<ChainPolicy> ChainPolicy::fromJson(const QJsonObject &json)
{
    const QString context = tr("Backup chain settings: ");
    if (const Status status = PolicyJson::checkKeys(json, {MaxIncrementsKey, MaxChainAgeKey}); !status) {
        return status.error().withContext(context);
    }
    ChainPolicy policy;
    const Result<qint64> increments = PolicyJson::readInteger(
        json, MaxIncrementsKey, policy.maxIncrements, 0, std::numeric_limits<int>::max());
    if (!increments) {
        return increments.error().withContext(context);
    }
    const Result<qint64> age = PolicyJson::readInteger(
        json, MaxChainAgeKey, policy.maxChainAgeSeconds, 0, PolicyJson::MaxExactInteger);
    if (!age) {
        return age.error().withContext(context);
    }
    policy.maxIncrements = int(*increments);
    policy.maxChainAgeSeconds = *age;
    return policy;
}

} // namespace Rewind
