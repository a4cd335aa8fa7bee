#pragma once

namespace Rewind::Libvirt {

/// How "the GUI thread never calls a blocking libvirt function" is guaranteed:
/// every wrapper in this folder that makes a libvirt RPC (everything except reading a
/// handle's cached fields) starts with REWIND_BLOCKING_CALL(). It checks that the
/// calling thread is not the application's main thread. With REWIND_STRICT_THREADING
/// (on in every build that has tests) a violation aborts at once, so any test that
/// drives the GUI or the CLI proves the rule; otherwise it is logged once per function.
/// Code outside src/core/libvirt never includes <libvirt/libvirt.h> except the jobs'
/// workers and the transfer code, which only run inside QtConcurrent. Nothing on the main
/// thread calls QFuture::waitForFinished(): Qt may then run the pending task inline on the
/// waiting thread; results come back through .then(context, ...) continuations instead.
void checkBlockingCallAllowed(const char *function);

} // namespace Rewind::Libvirt

#define REWIND_BLOCKING_CALL() ::Rewind::Libvirt::checkBlockingCallAllowed(Q_FUNC_INFO)
