#pragma once

#include "jobs/restoreplan.h"
#include "libvirt/handle.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

class Journal;

/// Finishes or undoes a restore that a killed process left behind, from its journal
/// (see RestoreJournal for the states). The rule: a VM ends on either its own images or
/// the restored ones, never on neither, and never on a half-written file.
///
/// In place: before the swap the VM's images were not touched, so only the staged copies
/// and the RAM image are removed. From the swap on, the VM's own images are put back
/// (a restored image at the VM's path is removed first) unless the restore had completed:
/// the libvirt restore (or, for a disk-only point, the start) was the last step that can
/// fail, so a VM found running in state "restoring" runs on the restored images and the
/// restore is finished instead (definition updated, safety copies removed unless kept).
/// A removed VM brought back in place is recovered the same way; undone, it is also
/// undefined again if the restore had defined it, finished, it is defined if it runs as a
/// transient VM.
/// As a new VM: before it was defined its partial images are removed; once defined with
/// whole images it is kept. Export: partial files are removed, finished images kept.
///
/// The undo and finish steps are also what RestoreOperation runs on its own failures, so
/// there is one implementation of each.
class RestoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(RestoreRecovery)

public:
    /// Recovers one restore journal; the caller holds the VM's lock and clears the
    /// journal on success. Appends one message for the user.
    static Status recover(const Libvirt::ConnectHandle &conn, const Repository &repository,
        const Journal &journal, QStringList *messages);

    /// Puts the VM's own images back at their paths (removing a restored image there)
    /// and removes the staged copies. Idempotent: works from any point of the swap.
    static Status undoSwaps(const Libvirt::ConnectHandle &conn, const QList<ImageSwap> &swaps);
    /// After a completed restore: removes the safety copies (unless kept) and any
    /// staged leftovers.
    static Status dropSafetyCopies(
        const Libvirt::ConnectHandle &conn, const QList<ImageSwap> &swaps, bool keepSafetyCopies);
    enum class Persistence {
        AsItIs, ///< a transient VM stays transient
        Define, ///< a transient VM is defined from its running definition (a removed VM brought back)
    };
    /// Points the persistent definition of the VM at the restored images, as the
    /// running instance already is (a later cold boot must use them too). A transient VM
    /// has nothing to update, unless persistence says to define it.
    static Status defineRestoredDisks(const Libvirt::ConnectHandle &conn, const QString &vmUuid,
        const QList<ImageSwap> &swaps, Persistence persistence = Persistence::AsItIs);
    /// Removes the definition of a removed VM that a restore failed to bring back, so it
    /// is removed again as before; one that runs is left alone.
    static Status undefineRecreated(const Libvirt::ConnectHandle &conn, const QString &vmUuid);
    /// Removes files a failed or killed restore created, with their partial names.
    static void removeCreated(const Libvirt::ConnectHandle &conn, const QStringList &files);
};

} // namespace Rewind
