#pragma once

namespace Rewind::Libvirt {

/// The event loop libvirt's client needs (events, keepalive, stream and close callbacks),
/// Rewind's own, served by poll() on a dedicated thread (virEventRegisterImpl).
///
/// Why a thread and not QSocketNotifier integration: libvirt callbacks then never run on
/// the GUI thread, so a slow callback cannot stall the UI, a worker waiting for an event
/// gets it while the GUI thread is busy, and the CLI and the GUI share one mechanism.
/// Callbacks only copy their arguments and post them to their owner's thread with a
/// queued invocation (see Connection); they never call back into libvirt.
///
/// Why not libvirt's default implementation on that thread: it runs GLib's default main
/// context, which Qt's event dispatcher on Linux holds for the main thread as long as the
/// application exists. libvirt's thread then never ran: its callbacks ran in the main
/// thread's event loop (so a blocked main thread held up every event), and the thread
/// started to run only once QCoreApplication was gone, beside the process's exit.
///
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
