#pragma once

#include "jobs/restoreoperation.h"
#include "jobs/restoreplan.h"
#include "libvirt/domain.h"

#include <QCoreApplication>

namespace Rewind {

class Journal;
struct RestoreContext;

/// Restores a VM in place (see RestoreOperation for the sequence and RestoreRecovery for
/// what happens after a crash).
///
/// Why the point's images are written next to the VM's images before the VM is stopped,
/// rather than after its images were moved aside: the copy is the long step and the one
/// most likely to fail (a full disk, a damaged file, a cancel). Done first, it fails with
/// the VM still running untouched, and the VM is down only for the renames and the RAM
/// restore (well under a second for small guests). The space needed is the same either
/// way, as the safety copies exist until the end.
class InPlaceRestore
{
    Q_DECLARE_TR_FUNCTIONS(InPlaceRestore)

public:
    explicit InPlaceRestore(RestoreContext &ctx);
    Result<RestoreOutcome> run();

private:
    Status preflight();
    Status stage(Journal &journal);
    Status prepareMemory();
    Status swapImages(Journal &journal);
    Status resume();
    Error rollback(Journal &journal, const Error &cause, bool vmTouched);
    bool stillRunning() const;

    RestoreContext &m_ctx;
    Libvirt::Domain m_domain;
    DomainInfo m_info;
    bool m_wasActive = false;
    bool m_withMemory = false;
    bool m_hadManagedSave = false;
    QList<ImageSwap> m_swaps;
    QString m_memoryFile; ///< the decompressed RAM image (full-state points)
    QString m_resumeXml; ///< dxml for the RAM restore: the saved definition, disks rewritten
    qint64 m_totalBytes = 0;
};

} // namespace Rewind
