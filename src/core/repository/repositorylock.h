#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Rewind {

class Repository;

/// The exclusive right to write one VM's part of the repository (REPO/<uuid>/.lock):
/// one backup, restore or prune per VM at a time, across all processes (GUI, rewindctl,
/// a timer-started run).
///
/// It is an flock() on the lock file rather than a pid file because the kernel drops an
/// flock when its process dies, however it dies: a crashed job never leaves a stale lock
/// to be guessed about. flock locks belong to the open file description, so two
/// RepositoryLocks in one process conflict just like two processes do, and the
/// descriptor is close-on-exec so a qemu-img started during the job cannot inherit (and
/// outlive us with) the lock. The lock file is never deleted: unlinking it while another
/// process waits on the old inode would let two holders coexist.
///
/// The holder writes its pid, job kind and start time into the file, only so that the
/// refused one can say who is in the way. Move-only; released by the destructor.
class RepositoryLock
{
    Q_DECLARE_TR_FUNCTIONS(RepositoryLock)

public:
    /// Not holding any lock.
    RepositoryLock() = default;
    ~RepositoryLock();
    RepositoryLock(RepositoryLock &&other) noexcept;
    RepositoryLock &operator=(RepositoryLock &&other) noexcept;
    RepositoryLock(const RepositoryLock &) = delete;
    RepositoryLock &operator=(const RepositoryLock &) = delete;

    /// Takes the VM's lock without waiting. ErrorCode::Busy when someone holds it, with a
    /// message naming the VM (vmName, for the user) and the holder's job and pid.
    /// jobKind is free text for that message ("backup", "restore", "prune").
    static Result<RepositoryLock> acquire(
        const Repository &repository, const QString &vmUuid, const QString &vmName, const QString &jobKind);

    bool isLocked() const { return m_fd >= 0; }
    QString repositoryPath() const { return m_repositoryPath; }
    QString vmUuid() const { return m_vmUuid; }
    QString jobKind() const { return m_jobKind; }

    /// Releases the lock now (the destructor does it otherwise).
    void release();

private:
    int m_fd = -1;
    QString m_repositoryPath;
    QString m_vmUuid;
    QString m_jobKind;
};

} // namespace Rewind
