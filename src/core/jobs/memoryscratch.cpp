#include "memoryscratch.h"

#include "logging.h"

#include <QFile>
#include <QUrl>

#include <libvirt/libvirt.h>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace Rewind::MemoryScratch {

namespace {

constexpr qint64 MiB = 1024 * 1024;
// Device state and libvirt's header beside the RAM pages.
constexpr qint64 StateMargin = 64 * MiB;
constexpr long TmpfsMagic = 0x01021994;

qint64 memAvailable()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : meminfo.readAll().split('\n')) {
        if (line.startsWith("MemAvailable:")) {
            return line.mid(13).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return 0;
}

// The path names a folder on the daemon's host; only when that is this host can its
// room be judged here.
bool isLocal(const Libvirt::ConnectHandle &conn)
{
    char *uri = virConnectGetURI(conn.get());
    if (!uri) {
        return false;
    }
    const QUrl url(QString::fromUtf8(uri));
    std::free(uri);
    return url.host().isEmpty();
}

} // namespace

bool fits(qint64 guestBytes, const Room &room)
{
    return guestBytes > 0 && guestBytes + StateMargin <= room.scratchFree
        && guestBytes + StateMargin <= room.memoryAvailable / 2;
}

QString directory()
{
    const QByteArray shm("/dev/shm");
    struct statfs fs
    {
    };
    if (::statfs(shm.constData(), &fs) != 0 || long(fs.f_type) != TmpfsMagic) {
        return {};
    }
    const QString dir = QStringLiteral("/dev/shm/rewind-%1").arg(::getuid());
    const QByteArray path = QFile::encodeName(dir);
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST) {
        return {};
    }
    // Only a folder of this user's that no one else can write to.
    struct stat st
    {
    };
    if (::lstat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid()
        || (st.st_mode & 0077) != 0) {
        return {};
    }
    return dir;
}

Room room(const QString &directory)
{
    Room r;
    struct statvfs vfs
    {
    };
    if (::statvfs(QFile::encodeName(directory).constData(), &vfs) == 0) {
        r.scratchFree = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
    }
    r.memoryAvailable = memAvailable();
    return r;
}

Claim::~Claim()
{
    ::close(m_fd); // releases the flock
}

Placement place(const Libvirt::ConnectHandle &conn, qint64 guestBytes, const QString &vmUuid,
    const QString &pointId, const QString &pointDir)
{
    const Placement inPoint {pointDir + QStringLiteral("/memory.save"), {}};
    if (!isLocal(conn)) {
        return inPoint;
    }
    const QString dir = directory();
    if (dir.isEmpty()) {
        return inPoint;
    }
    const int fd = ::open(QFile::encodeName(dir + QStringLiteral("/.lock")).constData(),
        O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return inPoint;
    }
    auto claim = std::make_shared<Claim>(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        qCInfo(lcJobs) << "RAM image written to the point's folder: another backup's is in" << dir;
        return inPoint;
    }
    // Judged once the folder is held: an image another backup left there is gone by now.
    const Room r = room(dir);
    if (!fits(guestBytes, r)) {
        qCInfo(lcJobs) << "RAM image of" << guestBytes
                       << "bytes written to the point's folder:" << r.scratchFree << "bytes free in" << dir
                       << "and" << r.memoryAvailable << "available";
        return inPoint;
    }
    return {dir + QLatin1Char('/') + vmUuid + QLatin1Char('-') + pointId + QStringLiteral(".save"), claim};
}

} // namespace Rewind::MemoryScratch
