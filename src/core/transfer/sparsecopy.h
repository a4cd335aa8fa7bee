#pragma once

#include "result.h"
#include "transferoptions.h"

#include <QCoreApplication>
#include <QString>

namespace Rewind {

/// Copies a local file (a frozen disk image) into the repository as a new sparse file,
/// hashing it on the way: holes stay holes, zero blocks become holes, and the result
/// carries the SHA-256 of the content (equal to `sha256sum SOURCE`) for the manifest.
/// The destination is created with mode 0600, must not exist, is fsynced before
/// copy() returns, and is removed again on failure or cancel: a caller never sees a
/// partial file. Blocking; run it on a worker thread.
class SparseCopy
{
    Q_DECLARE_TR_FUNCTIONS(SparseCopy)

public:
    /// Errors: Cancelled, NoSpace (naming the destination folder), Permission, Conflict
    /// (destination exists), NotFound/Io for the source.
    static Result<TransferResult> copy(
        const QString &source, const QString &destination, const TransferOptions &options = {});
};

} // namespace Rewind
