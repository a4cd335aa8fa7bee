#pragma once

#include "pointinfo.h"
#include "pointmanifest.h"
#include "result.h"
#include "vmrecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Rewind {

class RepositoryLock;

/// A backup repository: a directory that Rewind owns, laid out so that standard tools can
/// restore from it without Rewind (qemu-img, zstd, virsh):
///
///     REPO/rewind-repo.json                  {"format":1,"createdBy":"Rewind x.y","created":...}
///     REPO/<vm-uuid>/vm.json                 name history, retention policy, schedule
///     REPO/<vm-uuid>/<point-id>/manifest.json  written last: its presence makes the point real
///     REPO/<vm-uuid>/<point-id>/<files>      disk images, memory image, domain XML
///     REPO/<vm-uuid>/.journal/               intent records of jobs in flight (Journal)
///     REPO/<vm-uuid>/.lock                   one writer per VM (RepositoryLock)
///
/// An incomplete point is a point directory without manifest.json. The directory gets its
/// final name when it is created and is never renamed: incremental images refer to their
/// parent's image through a relative path ("../<id>/vda.qcow2") and journals record the
/// paths being written, both of which a rename at commit time would break. The manifest
/// is the single atomic commit (temp file, fsync, rename, fsync dir).
///
/// Operations that create or delete points take the VM's RepositoryLock as proof that the
/// caller is the VM's only writer; otherwise removing "incomplete" points could delete
/// one that another process is still writing.
///
/// A Repository is a small value (its path and marker); copies are cheap and every
/// method may be called from any thread.
class Repository
{
    Q_DECLARE_TR_FUNCTIONS(Repository)

public:
    static constexpr int CurrentFormat = 1;

    enum class OpenMode {
        OpenExisting, ///< fail with NotFound when there is no repository
        CreateIfMissing, ///< initialise an empty or missing folder
    };

    /// An invalid repository (isValid() is false); use open().
    Repository() = default;

    /// $XDG_DATA_HOME/rewind/repository (~/.local/share/rewind/repository) for a normal
    /// user; /var/lib/rewind/repository for root, whose home is not the place for
    /// backups of the system's VMs.
    static QString defaultLocation();

    /// Opens the repository at path, or initialises it with CreateIfMissing. A folder that
    /// holds other files is never turned into a repository (Conflict): choosing a wrong
    /// folder must not mix backups into someone's documents. A repository of a newer
    /// format is refused (Unsupported).
    static Result<Repository> open(const QString &path, OpenMode mode = OpenMode::OpenExisting);

    bool isValid() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    int format() const { return m_format; }
    QString createdBy() const { return m_createdBy; }
    QDateTime created() const { return m_created; }

    /// Creates and removes a file in the repository: as root, permission bits say nothing,
    /// and only trying tells whether a read-only mount or an ACL is in the way.
    Status checkWritable() const;
    /// Bytes available to this user on the file system holding path.
    static Result<qint64> freeSpace(const QString &path);
    Result<qint64> freeSpace() const { return freeSpace(m_path); }

    /// True for a canonical lower-case UUID without braces, the only form of VM folder names.
    static bool isValidVmUuid(const QString &uuid);

    QString markerPath() const;
    QString vmDir(const QString &uuid) const;
    QString vmRecordPath(const QString &uuid) const;
    QString journalDir(const QString &uuid) const;
    QString lockFilePath(const QString &uuid) const;
    QString pointDir(const QString &uuid, const QString &pointId) const;
    QString manifestPath(const QString &uuid, const QString &pointId) const;

    /// The UUIDs of the VMs that have a folder in the repository, sorted.
    Result<QStringList> listVms() const;

    /// NotFound when the VM has no vm.json yet.
    Result<VmRecord> loadVm(const QString &uuid) const;
    /// Writes vm.json atomically, creating the VM's folder. No lock is needed: the file
    /// is replaced whole, and the last writer wins.
    Status saveVm(const VmRecord &record) const;

    /// The VM's points in chronological order, complete or not; an empty list when the VM
    /// has no folder.
    Result<QList<PointInfo>> listPoints(const QString &uuid) const;
    /// One point; NotFound when its folder does not exist.
    Result<PointInfo> point(const QString &uuid, const QString &pointId) const;

    /// Creates the (incomplete) folder of a new point captured at when and returns its id:
    /// the UTC second, suffixed "-2", "-3"... when a point of that second exists.
    Result<QString> createPointDir(
        const QString &uuid, const QDateTime &when, const RepositoryLock &lock) const;
    /// Makes a point real: checks that every file the manifest names exists with its
    /// stored size, fsyncs them, then writes manifest.json atomically.
    Status commitPoint(const QString &uuid, const QString &pointId, const PointManifest &manifest,
        const RepositoryLock &lock) const;
    /// Removes a point. The manifest goes first, so a crash half way leaves an
    /// incomplete point (cleaned up later), never a complete-looking one with files
    /// missing. Refused (Conflict) while a later incremental point builds on it.
    Status removePoint(const QString &uuid, const QString &pointId, const RepositoryLock &lock) const;
    /// Removes the folders of points without manifest.json (leftovers of interrupted
    /// jobs) and returns their ids. Points with a damaged manifest are left alone.
    Result<QStringList> removeIncompletePoints(const QString &uuid, const RepositoryLock &lock) const;

private:
    Status checkLock(const QString &uuid, const RepositoryLock &lock) const;
    PointInfo readPoint(const QString &uuid, const QString &pointId) const;

    QString m_path;
    int m_format = 0;
    QString m_createdBy;
    QDateTime m_created;
};

} // namespace Rewind
