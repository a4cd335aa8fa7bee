#pragma once

#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

class JobControl;

/// The verdict on one point.
struct PointVerdict
{
    QString vmUuid;
    QString vmName;
    QString pointId;
    bool ok = false;
    QStringList problems; ///< empty when ok; each names the file and what is wrong
};

/// Re-reads every stored file of the chosen points and compares it with the manifest:
/// presence, SHA-256 of the content, and for qcow2 images `qemu-img check` (which also
/// reads the backing chain of an incremental). An incomplete point (no manifest) and a
/// manifest that cannot be read are reported as damaged too. Read-only: it never
/// changes the repository, so it needs no lock and can run beside a backup.
class VerifyOperation
{
    Q_DECLARE_TR_FUNCTIONS(VerifyOperation)

public:
    /// vm: name or UUID (empty: every VM); pointId: one point (empty: all of the VM's).
    VerifyOperation(Repository repository, QString vm, QString pointId, JobControl &control);
    Result<QList<PointVerdict>> run();

    /// Checks one complete point; also used by restore, beside its copy. dropCache: see
    /// TransferOptions::dropSourceCache (off while a copy reads the same files).
    static PointVerdict verifyPoint(const Repository &repository, const QString &vmUuid,
        const PointInfo &point, JobControl *control, bool dropCache = true);

private:
    Repository m_repository;
    QString m_vm;
    QString m_pointId;
    JobControl &m_control;
};

/// The VM folder for a name or UUID: names are matched against every VM's name history,
/// newest first, so a renamed or deleted VM can still be found by a name it had.
Result<QString> resolveVmUuid(const Repository &repository, const QString &nameOrUuid);

} // namespace Rewind
