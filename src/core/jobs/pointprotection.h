#pragma once

#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

/// Marks points golden (protected) or ordinary again, and finds a point by what the user
/// typed. Golden points are never pruned (see RetentionPolicy); the flag lives in the
/// point's manifest, so it travels with the point and survives a copied repository.
class PointProtection
{
    Q_DECLARE_TR_FUNCTIONS(PointProtection)

public:
    /// The id of a point of the VM: "latest" is its newest complete point; anything else
    /// must be the id of an existing point. Usage for a malformed id, NotFound otherwise.
    static Result<QString> resolvePoint(
        const Repository &repository, const QString &vmUuid, const QString &point);

    /// Sets the point's golden flag and rewrites its manifest atomically, holding the VM's
    /// lock (Busy while a backup or prune of the VM runs: either could be deciding about
    /// this point). The point must be complete. Returns the manifest as stored; setting the
    /// flag it already has changes nothing and succeeds.
    static Result<PointManifest> setProtected(
        const Repository &repository, const QString &vmUuid, const QString &pointId, bool isProtected);
};

} // namespace Rewind
