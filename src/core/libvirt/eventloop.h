#pragma once

namespace Rewind::Libvirt {

/// libvirt's event loop (virEventRegisterDefaultImpl) running on a dedicated thread.
///
/// Why a thread and not QSocketNotifier integration: libvirt callbacks then never run on
/// the GUI thread, so a slow callback cannot stall the UI, and the CLI and the GUI share
/// one mechanism. Callbacks only copy their arguments and post them to their owner's
/// thread with a queued invocation (see Connection); they never call back into libvirt.
/// The loop must be registered before the first connection is opened, otherwise that
/// connection gets neither events nor keepalive.
class EventLoop
{
public:
    /// Registers the implementation and starts the thread on first use; idempotent and
    /// thread-safe.
    static void ensureRunning();
};

} // namespace Rewind::Libvirt
