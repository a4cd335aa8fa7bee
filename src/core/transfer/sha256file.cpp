#include "sha256file.h"

#include "extentpump.h"

namespace Rewind {

Result<TransferResult> Sha256File::hash(const QString &path, const TransferOptions &options)
{
    return ExtentPump::run(path, nullptr, options);
}

} // namespace Rewind
