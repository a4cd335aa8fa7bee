#pragma once

#include "jobs/restorefiles.h"
#include "jobs/restoreoperation.h"

#include <QCoreApplication>

namespace Rewind {

class Journal;
struct RestoreContext;

/// Writes a point's disks as standalone images (no backing file) into a folder, as
/// "<vm>-<point>-<target>.<format>", in qcow2 or raw: for another tool, another host, or
/// to mount them (qemu-nbd, guestmount). No VM is touched and no file is ever replaced;
/// a failed export removes what it wrote.
class PointExport
{
    Q_DECLARE_TR_FUNCTIONS(PointExport)

public:
    explicit PointExport(RestoreContext &ctx);
    Result<RestoreOutcome> run();

private:
    struct Image
    {
        QString path;
        QString format;
    };
    Status preflight();

    RestoreContext &m_ctx;
    RestoreFiles::Access m_access = RestoreFiles::Access::Local;
    QList<Image> m_images;
    qint64 m_totalBytes = 0;
};

} // namespace Rewind
