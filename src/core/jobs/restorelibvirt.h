#pragma once

#include "libvirt/domain.h"
#include "result.h"

namespace Rewind {

/// The few libvirt calls an in-place restore needs that Libvirt::Domain does not wrap.
/// Blocking; workers only.
namespace RestoreLibvirt {

/// The definition stored in a save image, with VIR_DOMAIN_SAVE_IMAGE_XML_SECURE: without
/// it libvirt leaves out passwords (VNC, SPICE), and resuming with that XML as dxml would
/// drop them from the running VM. (Libvirt::saveImageXml() asks without the flag.)
Result<QString> secureSaveImageXml(const Libvirt::ConnectHandle &conn, const QString &file);

/// Whether the VM has a managed save image (virsh managedsave, or a desktop session that
/// saved its VMs). It holds RAM that belongs to the disks a restore replaces: a later
/// start would resume it on the restored disks and corrupt them.
Result<bool> hasManagedSave(const Libvirt::Domain &domain);
Status removeManagedSave(const Libvirt::Domain &domain);

} // namespace RestoreLibvirt
} // namespace Rewind
