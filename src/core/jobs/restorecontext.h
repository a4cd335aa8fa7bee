#pragma once

#include "jobs/restorefiles.h"
#include "jobs/restoreoperation.h"
#include "libvirt/handle.h"
#include "repository/pointinfo.h"
#include "repository/repository.h"
#include "repository/repositorylock.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace Rewind {

class JobControl;
class Journal;

/// What every kind of restore works from once RestoreOperation has found the point: the
/// connection, the point and its manifest, the VM's repository lock, and the notes
/// collected so far. Owned by RestoreOperation::run() and lent to the mode's class.
struct RestoreContext
{
    Q_DECLARE_TR_FUNCTIONS(RestoreContext)

public:
    RestoreContext(Libvirt::ConnectHandle c, Repository r, RestoreRequest q, JobControl &jc);
    ~RestoreContext(); ///< stops a check still running and waits for it
    RestoreContext(const RestoreContext &) = delete;
    RestoreContext &operator=(const RestoreContext &) = delete;

    Libvirt::ConnectHandle conn;
    Repository repository;
    RestoreRequest request;
    JobControl &control;
    QString vmUuid; ///< the VM the point belongs to
    QString vmName; ///< its name at the time of the point
    PointInfo point;
    PointManifest manifest;
    RepositoryLock lock;
    QStringList notes;

    /// Starts re-reading the point's files against the manifest, on a thread of its own,
    /// while the restore writes its images from the same files: each file is then read
    /// from the disk about once (the slower reader finds it in the page cache) instead of
    /// once to check it and once more to copy it, and the check costs little more time
    /// than the copy. Nothing the user cannot take back may happen before finishVerify().
    void startVerify();
    /// Waits for the check. A damaged point is refused (Damaged; the caller removes what
    /// it wrote and says so) unless the request says to ignore damage; then it becomes a
    /// note.
    Status finishVerify();
    /// Starts the restore's journal with the payload (mode and what it will touch).
    Result<Journal> beginJournal(const QJsonObject &payload) const;
    /// Local folder for Rewind's temporary files of this restore: the VM's folder in the
    /// repository, which this job's lock covers.
    QString scratchDir() const;
    /// RestoreFiles::writeImage with the job's progress: done bytes of total were written
    /// before this image. REWIND_FAULT_STALL=restore-copying stalls in the first copy.
    Status writeImage(const RestoreFiles::ImageSpec &spec, qint64 done, qint64 total);
    /// "Restore of 'web' failed: " etc., for errors.
    QString failurePrefix() const;

private:
    struct BackgroundVerify;
    std::unique_ptr<BackgroundVerify> m_verify;
};

} // namespace Rewind
