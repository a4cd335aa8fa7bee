#pragma once

#include "jobs/restorefiles.h"
#include "jobs/restoreoperation.h"
#include "libvirt/domain.h"

#include <QCoreApplication>

namespace Rewind {

class Journal;
struct RestoreContext;

/// Restores a point as a new VM beside the original: new name, a UUID and MAC addresses
/// libvirt generates, the images copied into a chosen folder (default: next to the
/// original images, "<newname>-<target>.<format>"), file-based serial/console logs given
/// paths of their own. The original VM is never touched.
///
/// Why a new VM always boots from the point's disks, even from a full-state point:
/// libvirt 9.0 refuses to resume a saved memory image under another identity. Measured
/// with virDomainRestoreFlags and a dxml changed in one respect at a time:
///   - new name, same UUID:   "Target domain name 'x' does not match source 'y'"
///   - new UUID (any name):   "Target domain uuid ... does not match source ..."
///   - new MAC, same identity: "Target network card mac ... does not match source ..."
///   - other disk paths, other serial log path: accepted (what in-place restore uses).
/// A copy that keeps the original's UUID cannot run beside it, and the MAC lives in the
/// NIC's saved device state as well, so keeping the RAM would give two running VMs the
/// same MAC on the same network. The new VM therefore boots from the point's disks,
/// which were captured atomically with the RAM: crash consistent, like after a power cut.
class NewVmRestore
{
    Q_DECLARE_TR_FUNCTIONS(NewVmRestore)

public:
    explicit NewVmRestore(RestoreContext &ctx);
    Result<RestoreOutcome> run();

private:
    struct Image
    {
        QString target;
        QString path;
        QString format;
        QString originalPath;
        RestoreFiles::Access access = RestoreFiles::Access::Local;
    };

    Status preflight();
    Result<QString> newDefinition();
    Status copyImages(Journal &journal);
    /// A UEFI VM: gives the new VM a copy of the original's variables file at the path
    /// libvirt chose for it (cloneDefinition drops the original's), so that it keeps its
    /// boot entries without sharing the file.
    void copyNvram(const Libvirt::Domain &domain, QStringList *notes) const;
    Error undo(Journal &journal, const Error &cause);

    RestoreContext &m_ctx;
    QList<Image> m_images;
    QStringList m_created;
    qint64 m_totalBytes = 0;
};

} // namespace Rewind
