#pragma once

#include "jobs/backupplan.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"
#include "result.h"
#include "transfer/transferoptions.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <optional>

namespace Rewind {

class JobControl;
class Journal;

struct BackupOutcome
{
    QString pointId;
    PointManifest manifest;
    QStringList notes; ///< skipped disks and other things the user should know
};

/// One backup point of one VM, start to finish, on the calling (worker) thread:
///
///   preflight -> journal(intent) -> snapshot(disks + RAM, atomic) -> copy(frozen images,
///   RAM image -> repository, hashed) -> merge -> manifest -> tracking record -> clear
///
/// Each arrow is a journal state. The VM's changes are tracked between points (see
/// ChangeTracking): a full point leaves the VM writing to the snapshot's overlay; an
/// incremental point copies the previous, now frozen overlay and merges it into the
/// image (intermediate commit). With a chain policy of full points only, the overlay is
/// merged back at once (active commit, pivot) as in the manual procedure.
///
/// What does not depend on each other overlaps: an increment's merge starts right after
/// the snapshot and runs in QEMU while Rewind copies the same frozen overlay, and the
/// RAM image is compressed on its own thread while the disks are copied.
///
/// Two steps live in classes of their own: BackupChain decides whether the point is an
/// increment and records the tracking after it, PointSnapshot takes the snapshot.
///
/// Any failure or cancel after the snapshot merges every overlay back, forgets the
/// tracking (the next point is full) and removes the partial point before returning the
/// error; a killed process leaves the journal for Recovery, which does the same later. A
/// shut-off VM gets a cold copy of its disks (no snapshot, nothing to merge).
///
/// REWIND_FAULT_STALL (test builds and tests only rely on it): when set to a journal
/// state name ("snapshotted", "copying", "committing"), the operation stops there and
/// sleeps until killed, or until SIGUSR1 lets it go on, so tests can kill a backup at an
/// exact step or change what it works on meanwhile.
class BackupOperation
{
    Q_DECLARE_TR_FUNCTIONS(BackupOperation)

public:
    BackupOperation(
        Libvirt::ConnectHandle conn, Repository repository, BackupRequest request, JobControl &control);
    Result<BackupOutcome> run();

private:
    Status copyPoint(BackupPlan &plan, Journal &journal, PointManifest &manifest);
    /// Copies source into destination (a new file), hashing it: read here when this user
    /// may, else streamed by libvirt.
    Result<TransferResult> storeFile(
        const QString &source, const QString &destination, const TransferOptions &options);
    /// The VM's UEFI variables file into the point; nothing for a VM without one.
    Result<std::optional<PointManifest::Nvram>> storeNvram(const BackupPlan &plan);
    Result<PointManifest::Disk> copyDisk(
        const BackupPlan &plan, const OverlayPlan &disk, const std::function<void(qint64)> &progress);
    /// Runs beside copyDisk() on a thread of its own (see copyPoint()); stops with
    /// ErrorCode::Cancelled once *stop is set.
    Result<PointManifest::Memory> storeMemory(
        const BackupPlan &plan, const std::atomic_bool *stop, const std::function<void(qint64)> &progress);
    Error rollback(BackupPlan &plan, Journal &journal, const Error &cause);

    Libvirt::ConnectHandle m_conn;
    Repository m_repository;
    BackupRequest m_request;
    JobControl &m_control;
};

/// Test hook: sleeps until killed or SIGUSR1 when REWIND_FAULT_STALL names this state
/// (see above).
void faultPoint(const char *state);

} // namespace Rewind
