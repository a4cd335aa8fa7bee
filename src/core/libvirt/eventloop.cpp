#include "eventloop.h"

#include "logging.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <csignal>
#include <mutex>
#include <thread>

namespace Rewind::Libvirt {

namespace {
void silenceDefaultErrorHandler(void *, virErrorPtr)
{
    // libvirt prints every error to stderr by default. Errors are reported through
    // Rewind::Error instead, so the default printout would only duplicate them.
}
} // namespace

void EventLoop::ensureRunning()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virSetErrorFunc(nullptr, silenceDefaultErrorHandler);
        // A write to the socket of a daemon that just went away must fail with EPIPE,
        // which libvirt reports as a lost connection, not kill the process.
        std::signal(SIGPIPE, SIG_IGN);
        if (virInitialize() < 0 || virEventRegisterDefaultImpl() < 0) {
            qCCritical(lcLibvirt, "Could not initialise libvirt's event loop; events will not arrive");
            return;
        }
        // Detached on purpose: the loop runs for the life of the process, and joining it at
        // exit would need a wake-up libvirt does not offer.
        std::thread([] {
            for (;;) {
                if (virEventRunDefaultImpl() < 0) {
                    qCWarning(lcLibvirt, "libvirt event loop iteration failed");
                }
            }
        }).detach();
    });
}

} // namespace Rewind::Libvirt
