#include "restorefiles.h"

#include "jobs/jobcontrol.h"
#include "jobs/restoreplan.h"
#include "logging.h"
#include "repository/filesystem.h"
#include "repository/repository.h"
#include "transfer/extentpump.h"
#include "transfer/filesink.h"
#include "transfer/libvirtfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Rewind::RestoreFiles {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::RestoreFiles", text);
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString strError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

// A restore writes VM images, not repository files: its own wording for a full disk.
Error folderError(int err, const QString &folder)
{
    if (err == ENOSPC || err == EDQUOT) {
        return Error(ErrorCode::NoSpace,
            tr("The disk holding %1 is full. Free some space there or restore into another folder.")
                .arg(folder),
            strError(err));
    }
    if (err == EROFS) {
        return Error(ErrorCode::Permission,
            tr("The folder %1 is on a read-only file system. Restore into another folder.").arg(folder),
            strError(err));
    }
    if (err == EACCES || err == EPERM) {
        return Error(ErrorCode::Permission,
            tr("The folder %1 is not writable by user %2. Choose another folder or fix its permissions.")
                .arg(folder, FileSystem::currentUserName()),
            strError(err));
    }
    return FileSystem::writeError(err, folder, QString());
}

// qemu-img is the reference reader and writer of qcow2, and the one tool that flattens a
// backing chain; the process is killed when the job is cancelled.
Status runQemuImg(const QStringList &args, const QString &failure, JobControl &control)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral("qemu-img"), args);
    if (!p.waitForStarted(30000)) {
        return Error(ErrorCode::Failed,
            failure + QLatin1Char(' ') + tr("qemu-img could not be started; install qemu-utils."),
            p.errorString());
    }
    while (!p.waitForFinished(200)) {
        if (control.isCancelled()) {
            p.kill();
            p.waitForFinished(10000);
            return control.cancelledError();
        }
        if (p.state() == QProcess::NotRunning) {
            break;
        }
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString text = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        const bool full = text.contains(QLatin1String("No space left"));
        return Error(full ? ErrorCode::NoSpace : ErrorCode::Io, failure, text.left(500));
    }
    return {};
}

Status syncFile(const QString &path)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error::fromErrno(errno, tr("Could not read %1.").arg(path));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return folderError(err, QFileInfo(path).absolutePath());
    }
    return {};
}

// The final name appears only for a complete, durable file, and never replaces one.
Status linkIntoPlace(const QString &partial, const QString &destination)
{
    if (Status s = syncFile(partial); !s) {
        return s;
    }
    if (::link(encoded(partial).constData(), encoded(destination).constData()) != 0) {
        const int err = errno;
        ::unlink(encoded(partial).constData());
        if (err == EEXIST) {
            return Error(ErrorCode::Conflict,
                tr("%1 exists already; Rewind never overwrites a file. Move it away or choose another "
                   "folder.")
                    .arg(destination));
        }
        return folderError(err, QFileInfo(destination).absolutePath());
    }
    ::unlink(encoded(partial).constData());
    return FileSystem::syncDirectory(QFileInfo(destination).absolutePath());
}

// Creates an empty 0600 file for qemu-img to write into: qemu-img reuses an existing
// inode, so the guest's data never sits in a world-readable file, whatever the umask.
Status createPrivateFile(const QString &path)
{
    ::unlink(encoded(path).constData()); // a leftover of ours (the name is Rewind's)
    const int fd
        = ::open(encoded(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileSystem::FileMode);
    if (fd < 0) {
        return folderError(errno, QFileInfo(path).absolutePath());
    }
    ::fchmod(fd, FileSystem::FileMode);
    ::close(fd);
    return {};
}

Status convert(const ImageSpec &spec, const QString &source, const QString &output, JobControl &control)
{
    if (Status s = createPrivateFile(output); !s) {
        return s;
    }
    const Status converted
        = runQemuImg({QStringLiteral("convert"), QStringLiteral("-q"), QStringLiteral("-f"),
                         spec.disk.storedFormat, QStringLiteral("-O"), spec.format, source, output},
            tr("Converting the stored disk %1 to a %2 image failed.").arg(spec.disk.target, spec.format),
            control);
    if (!converted) {
        ::unlink(encoded(output).constData());
    }
    return converted;
}

Status sparseCopy(const QString &source, const QString &output, JobControl &control,
    const std::function<void(qint64)> &progress)
{
    ::unlink(encoded(output).constData()); // a leftover of ours (the name is Rewind's)
    FileSink sink;
    if (Status s = sink.open(output); !s) {
        return s;
    }
    TransferOptions options;
    options.cancel = control.cancelFlag();
    // The stored file's checksum is checked beside the copy (RestoreContext::startVerify()).
    options.hashSource = false;
    options.progress = [&](qint64 done, qint64) {
        if (progress) {
            progress(done);
        }
    };
    auto copied = ExtentPump::run(source, &sink, options);
    if (!copied) {
        sink.abort();
        return copied.error();
    }
    return {};
}

} // namespace

Result<Access> directoryAccess(const QString &dir)
{
    const bool root = ::geteuid() == 0;
    struct stat st = {};
    if (::stat(encoded(dir).constData(), &st) != 0) {
        const int err = errno;
        if ((err == EACCES || err == EPERM) && !root) {
            return Access::Libvirt; // a folder inside one the user may not enter
        }
        if (err == ENOENT || err == ENOTDIR) {
            return Error(ErrorCode::NotFound,
                tr("The folder %1 does not exist. Create it or choose another folder.").arg(dir));
        }
        return folderError(err, dir);
    }
    if (!S_ISDIR(st.st_mode)) {
        return Error(ErrorCode::NotFound, tr("%1 is not a folder. Choose a folder.").arg(dir));
    }
    if (::access(encoded(dir).constData(), W_OK) != 0) {
        const int err = errno;
        if ((err == EACCES || err == EPERM) && !root) {
            return Access::Libvirt;
        }
        return folderError(err, dir);
    }
    // As root, access() ignores the mode bits; only creating a file tells.
    const QString probe
        = dir + QStringLiteral("/.rewind-write-test-%1").arg(QCoreApplication::applicationPid());
    const int fd = ::open(encoded(probe).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return folderError(errno, dir);
    }
    ::close(fd);
    ::unlink(encoded(probe).constData());
    return Access::Local;
}

qint64 restoredSize(const PointManifest::Disk &disk)
{
    // An incremental stores only its changes; flattened it can take up to the guest's size.
    if (!disk.backingFile.isEmpty()) {
        return disk.virtualSize;
    }
    return std::max(disk.allocatedSize, qint64(0)) + 1024 * 1024;
}

Status checkSpace(const QHash<QString, qint64> &bytesPerDir, const QString &what)
{
    constexpr qint64 Margin = 16 * 1024 * 1024;
    QHash<dev_t, qint64> needed;
    QHash<dev_t, QString> folderOf;
    for (auto it = bytesPerDir.cbegin(); it != bytesPerDir.cend(); ++it) {
        struct stat st = {};
        if (::stat(encoded(it.key()).constData(), &st) != 0) {
            if (errno == EACCES && ::geteuid() != 0) {
                // A daemon-owned folder this user cannot even look into: libvirt writes
                // there and reports a full disk itself.
                qCInfo(lcJobs) << "Cannot check the free space of" << it.key() << "; libvirt will";
                continue;
            }
            return Error::fromErrno(errno, tr("Could not read the folder %1.").arg(it.key()));
        }
        needed[st.st_dev] += it.value();
        if (!folderOf.contains(st.st_dev)) {
            folderOf.insert(st.st_dev, it.key());
        }
    }
    for (auto it = needed.cbegin(); it != needed.cend(); ++it) {
        const QString folder = folderOf.value(it.key());
        auto free = Repository::freeSpace(folder);
        if (!free) {
            return free.error();
        }
        if (*free < it.value() + Margin) {
            return Error(ErrorCode::NoSpace,
                tr("%1 needs about %2 in %3, but only %4 are free there. Free some space or choose "
                   "another folder. Nothing was changed.")
                    .arg(what, QLocale().formattedDataSize(it.value() + Margin), folder,
                        QLocale().formattedDataSize(*free)));
        }
    }
    return {};
}

QString scratchPathFor(const QString &scratchDir, const QString &destination)
{
    return scratchDir + QLatin1Char('/') + QFileInfo(destination).fileName();
}

Status writeImage(const Libvirt::ConnectHandle &conn, const ImageSpec &spec, JobControl &control,
    const std::function<void(qint64 done)> &progress)
{
    const QString source = spec.pointDir + QLatin1Char('/') + spec.disk.fileName;
    // A full point's image already is a standalone image: copying it sparsely is all.
    const bool direct = spec.disk.storedFormat == spec.format && spec.disk.backingFile.isEmpty();
    if (spec.access == Access::Local) {
        const QString partial = RestoreJournal::partialPathFor(spec.destination);
        const Status written = direct ? sparseCopy(source, partial, control, progress)
                                      : convert(spec, source, partial, control);
        if (!written) {
            return written;
        }
        return linkIntoPlace(partial, spec.destination);
    }

    QString local = source;
    const QString scratch = RestoreJournal::partialPathFor(scratchPathFor(spec.scratchDir, spec.destination));
    auto removeScratch = qScopeGuard([&] {
        if (!direct) {
            ::unlink(encoded(scratch).constData());
        }
    });
    if (!direct) {
        if (Status s = convert(spec, source, scratch, control); !s) {
            return s;
        }
        local = scratch;
    }
    qCInfo(lcJobs) << "Writing" << spec.destination << "through a libvirt storage-volume stream";
    const Status uploaded
        = LibvirtFiles::upload(conn, local, spec.destination, control.cancelFlag(), [&](qint64 done, qint64) {
              if (progress) {
                  progress(done);
              }
          });
    if (!uploaded && uploaded.error().code() != ErrorCode::Conflict
        && uploaded.error().code() != ErrorCode::Cancelled) {
        return Error(uploaded.error().code(),
            tr("libvirt could not write %1 for you either. Choose a folder you may write to.")
                .arg(spec.destination),
            uploaded.error().toString());
    }
    return uploaded;
}

void copyOwnership(const QString &from, const QString &to)
{
    struct stat st = {};
    if (::stat(encoded(from).constData(), &st) != 0) {
        return;
    }
    if (::geteuid() == 0 && ::chown(encoded(to).constData(), st.st_uid, st.st_gid) != 0) {
        qCWarning(lcJobs) << "Could not give" << to << "the owner of" << from << ":" << strError(errno);
    }
    if (::chmod(encoded(to).constData(), st.st_mode & 07777) != 0) {
        qCWarning(lcJobs) << "Could not give" << to << "the mode of" << from << ":" << strError(errno);
    }
}

bool exists(const QString &path)
{
    struct stat st = {};
    return ::lstat(encoded(path).constData(), &st) == 0;
}

Status remove(const Libvirt::ConnectHandle &conn, const QString &path)
{
    return LibvirtFiles::remove(conn, path);
}

Status renameFile(const QString &from, const QString &to)
{
    if (::rename(encoded(from).constData(), encoded(to).constData()) != 0) {
        const int err = errno;
        return Error::fromErrno(err, tr("Could not rename %1 to %2.").arg(from, to));
    }
    return FileSystem::syncDirectory(QFileInfo(to).absolutePath());
}

} // namespace Rewind::RestoreFiles
