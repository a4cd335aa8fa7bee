#pragma once

#include "jobs/changetracking.h"
#include "jobs/overlayplan.h"
#include "libvirt/domain.h"
#include "repository/pointmanifest.h"
#include "repository/repository.h"
#include "result.h"

#include <QCoreApplication>

namespace Rewind {

class JobControl;
class Journal;
class RepositoryLock;

/// What to back up and how.
struct BackupRequest
{
    QString domain; ///< name or UUID
    PointManifest::Method method
        = PointManifest::Method::FullState; ///< FullState, DiskOnly or DiskOnlyQuiesced
    /// Keep the guest running while its RAM is written (VIR_DOMAIN_SNAPSHOT_CREATE_LIVE):
    /// the pause shrinks to the final dirty pages, at the price of a longer write.
    bool live = true;
    /// A full point even when the VM's changes since its last point are tracked.
    bool forceFull = false;
};

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
/// Any failure or cancel after the snapshot merges every overlay back, forgets the
/// tracking (the next point is full) and removes the partial point before returning the
/// error; a killed process leaves the journal for Recovery, which does the same later. A
/// shut-off VM gets a cold copy of its disks (no snapshot, nothing to merge).
///
/// REWIND_FAULT_STALL (test builds and tests only rely on it): when set to a journal
/// state name ("snapshotted", "copying", "committing"), the operation stops there and
/// sleeps until killed, so tests can kill a backup at an exact step.
class BackupOperation
{
    Q_DECLARE_TR_FUNCTIONS(BackupOperation)

public:
    BackupOperation(
        Libvirt::ConnectHandle conn, Repository repository, BackupRequest request, JobControl &control);
    Result<BackupOutcome> run();

private:
    struct Plan;
    Result<Plan> preflight(const Libvirt::Domain &domain, const std::optional<Tracking> &tracking);
    Status decideChain(Plan &plan, const Libvirt::Domain &domain, const RepositoryLock &lock,
        std::optional<Tracking> &tracking);
    void recordTracking(const Plan &plan);
    Status copyPoint(Plan &plan, Journal &journal, PointManifest &manifest);
    Result<PointManifest::Disk> copyDisk(const Plan &plan, const OverlayPlan &disk, qint64 doneBefore);
    Result<PointManifest::Memory> storeMemory(const Plan &plan, qint64 doneBefore);
    Error rollback(Plan &plan, Journal &journal, const Error &cause);

    Libvirt::ConnectHandle m_conn;
    Repository m_repository;
    BackupRequest m_request;
    JobControl &m_control;
};

/// Test hook: sleeps forever when REWIND_FAULT_STALL names this state (see above).
void faultPoint(const char *state);

} // namespace Rewind
