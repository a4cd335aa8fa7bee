#include "sparsecopy.h"

#include "extentpump.h"
#include "filesink.h"
#include "logging.h"

namespace Rewind {

Result<TransferResult> SparseCopy::copy(
    const QString &source, const QString &destination, const TransferOptions &options)
{
    FileSink sink;
    if (Status s = sink.open(destination); !s) {
        return s.error();
    }
    Result<TransferResult> result = ExtentPump::run(source, &sink, options);
    if (!result) {
        sink.abort();
        if (result.error().code() != ErrorCode::Cancelled) {
            qCWarning(lcRepository) << "Copy of" << source << "to" << destination
                                    << "failed:" << result.error().toString();
        }
        return result.error();
    }
    qCDebug(lcRepository) << "Copied" << source << "to" << destination << ":" << result->bytesCopied
                          << "data bytes of" << result->logicalSize << "sha256" << result->sha256;
    return result;
}

} // namespace Rewind
