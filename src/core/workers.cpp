#include "workers.h"

#include <QThreadPool>

namespace Rewind::Workers {

namespace {
QThreadPool *makePool(const char *name, int threads)
{
    auto *pool = new QThreadPool; // lives for the process; threads expire when idle
    pool->setObjectName(QLatin1String(name));
    pool->setMaxThreadCount(threads);
    pool->setExpiryTimeout(30000);
    return pool;
}
} // namespace

QThreadPool *libvirtPool()
{
    // Mostly waiting on RPC replies, not computing: more threads than cores is fine.
    static QThreadPool *pool = makePool("libvirt", 6);
    return pool;
}

QThreadPool *jobPool()
{
    static QThreadPool *pool = makePool("jobs", 4);
    return pool;
}

} // namespace Rewind::Workers
