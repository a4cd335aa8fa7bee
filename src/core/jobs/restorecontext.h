#pragma once

#include "jobs/restorefiles.h"
#include "jobs/restoreoperation.h"
#include "libvirt/handle.h"
#include "repository/pointinfo.h"
#include "repository/repository.h"
#include "repository/repositorylock.h"

#include <QCoreApplication>
#include <QJsonObject>

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
    RestoreContext(Libvirt::ConnectHandle c, Repository r, RestoreRequest q, JobControl &jc)
        : conn(std::move(c)), repository(std::move(r)), request(std::move(q)), control(jc)
    { }

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

    /// Re-reads the point's files against the manifest. A damaged point is refused
    /// (Damaged) unless the request says to ignore damage; then it becomes a note.
    Status verifyPoint();
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
};

} // namespace Rewind
