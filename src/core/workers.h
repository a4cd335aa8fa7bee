#pragma once

class QThreadPool;

namespace Rewind {

/// Thread pools for work that must stay off the GUI thread.
///
/// Short libvirt calls (listing, lookups, state) and long jobs (a backup copying
/// gigabytes) get separate pools: the global pool has only as many threads as cores, and
/// two long jobs in it would starve the inventory's refreshes on a two-core machine.
namespace Workers {
QThreadPool *libvirtPool();
QThreadPool *jobPool();
} // namespace Workers

} // namespace Rewind
