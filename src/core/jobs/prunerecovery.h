#pragma once

#include "repository/pointmanifest.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Rewind {

class Journal;
class RepositoryLock;

/// The states of a prune's journal (see PruneOperation), written by PruneOperation and
/// read by PruneRecovery; also the names REWIND_FAULT_STALL accepts.
namespace PruneState {
inline const QString Removing = QStringLiteral("removing");
inline const QString Removed = QStringLiteral("removed");
inline const QString Merging = QStringLiteral("merging");
inline const QString Replacing = QStringLiteral("replacing");
inline const QString Merged = QStringLiteral("merged");
} // namespace PruneState

/// Finishes or rolls back a prune, or a deletion of chosen points, that a killed process
/// left behind, from its journal: an unfinished "merging" is rolled back (the temporary
/// images go; the point is unchanged), "replacing" is rolled forward (the recorded images
/// and manifest belong together) and "removing" is completed. What was not started is
/// left: the next prune plans anew from what is there, and after a deletion the message
/// names the chosen points still there, to be deleted again.
///
/// The steps that a prune and its repair both take (removing a point, putting merged
/// images in place) are here too, so that there is one implementation of each.
class PruneRecovery
{
    Q_DECLARE_TR_FUNCTIONS(PruneRecovery)

public:
    /// Recovers one prune journal; the caller holds the VM's lock and clears the journal
    /// on success. Appends one message for the user.
    static Status recover(const Repository &repository, const Journal &journal, const RepositoryLock &lock,
        QStringList *messages);

    /// Whether a prune journal is that of a deletion of chosen points (its repair says so,
    /// and names the points still to delete) rather than of a prune by policy.
    static bool isDeletion(const Journal &journal);

    /// A merged image written beside the one it replaces, under a temporary name.
    struct Replacement
    {
        QString temp;
        QString file;
    };
    /// The temporary name of fileName: hidden, so nothing that lists a point's files for
    /// the user picks it up, and in the point's own folder, so the relative backing path
    /// stays valid and the rename is atomic.
    static QString tempName(const QString &fileName);
    static bool isTempName(const QString &name);
    static QJsonArray toJson(const QList<Replacement> &files);

    /// Removes a point if it is still there. unreadableChosen: the user chose to delete
    /// these points although their manifests cannot be read (PrunePlan::buildRemoving);
    /// any other damaged point was never planned and is refused.
    static Status removeIfPresent(const Repository &repository, const QString &uuid, const QString &pointId,
        const RepositoryLock &lock, const QSet<QString> &unreadableChosen);
    /// Renames the merged images over the old ones, then commits the manifest that
    /// describes them. Idempotent: a rename already done is skipped, so a repair can
    /// repeat it. faultHook: stall after the first rename under REWIND_FAULT_STALL.
    static Status replaceImages(const Repository &repository, const QString &uuid, const QString &pointId,
        const QList<Replacement> &files, const PointManifest &manifest, const RepositoryLock &lock,
        bool faultHook);
};

} // namespace Rewind
