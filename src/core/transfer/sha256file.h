#pragma once

#include "result.h"
#include "transferoptions.h"

#include <QString>

namespace Rewind {

/// Hashes a stored file the way SparseCopy hashed it while copying (logical content,
/// holes as zeros, so equal to `sha256sum FILE`), reading only the data extents: verify
/// uses it to compare a point's files with their manifest. Blocking; progress and cancel
/// as for a copy.
class Sha256File
{
public:
    static Result<TransferResult> hash(const QString &path, const TransferOptions &options = {});
};

} // namespace Rewind
