#pragma once

// Synthetic repositories for the prune tests: full points with tiny raw files, and
// incremental chains built with qemu-img exactly as an incremental backup lays them out
// (a qcow2 overlay in the point's folder whose backing file is "../<parent>/vda.qcow2"),
// each committed through Repository::commitPoint.

#include "repository/pointid.h"
#include "repository/repository.h"
#include "repository/repositorylock.h"
#include "transfer/sha256file.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>
#include <utility>

namespace PruneTest {

using namespace Rewind;

inline const QString VmUuid = QStringLiteral("6c1f3a2e-4b5d-4e6f-8a7b-9c0d1e2f3a4b");
inline const QString VmName = QStringLiteral("web");

/// Runs a tool and returns its stdout; *ok false (and a warning with stderr) on failure.
inline QString tool(const QString &program, const QStringList &args, bool *ok = nullptr)
{
    QProcess p;
    p.start(program, args);
    const bool finished = p.waitForFinished(60000);
    const bool success = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!success) {
        qWarning().noquote() << program << args.join(QLatin1Char(' '))
                             << "failed:" << p.readAllStandardError();
    }
    if (ok) {
        *ok = success;
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline bool qemuImg(const QStringList &args)
{
    bool ok = false;
    tool(QStringLiteral("qemu-img"), args, &ok);
    return ok;
}

/// A write into an image with qemu-io: pattern byte, offset and length in KiB.
struct Write
{
    int pattern;
    int offsetKiB;
    int lengthKiB;
};

/// A repository in a temporary folder with one VM ("web") and helpers to add points.
/// Every point gets a distinct capture time, one day apart from 2026-01-01 10:00 UTC
/// onwards (so "keep-last" and "keep-daily" decide the same in UTC).
class SyntheticRepo
{
public:
    static constexpr qint64 DiskBytes = 4 * 1024 * 1024;

    SyntheticRepo()
    {
        // REWIND_KEEP_REPO=1 leaves the repositories behind for a post-mortem.
        if (qEnvironmentVariableIntValue("REWIND_KEEP_REPO") == 1) {
            m_dir.setAutoRemove(false);
            qInfo() << "keeping synthetic repository" << m_dir.path();
        }
        m_repo
            = Repository::open(m_dir.path() + QStringLiteral("/repo"), Repository::OpenMode::CreateIfMissing)
                  .value();
        VmRecord record;
        record.uuid = VmUuid;
        record.noteName(VmName, QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc()));
        (void)m_repo.saveVm(record);
    }

    const Repository &repo() const { return m_repo; }
    QString path() const { return m_repo.path(); }
    QString pointDir(const QString &id) const { return m_repo.pointDir(VmUuid, id); }
    QString image(const QString &id) const { return pointDir(id) + QStringLiteral("/vda.qcow2"); }

    bool setPolicy(const QJsonObject &retention)
    {
        auto record = m_repo.loadVm(VmUuid);
        if (!record) {
            return false;
        }
        record->retention = retention;
        return m_repo.saveVm(*record).ok();
    }

    /// The next point is taken in the same second as the previous one (its id gets "-2").
    void nextPointAtSameTime() { m_sameTime = true; }

    /// A full point with a tiny raw disk (its content is its index) and no backing.
    QString addRawPoint(bool golden = false)
    {
        return commit(golden, [&](const QString &dir, PointManifest::Disk &disk) {
            disk.fileName = QStringLiteral("vda.raw");
            disk.storedFormat = QStringLiteral("raw");
            disk.sourceFormat = QStringLiteral("raw");
            QFile f(dir + QLatin1Char('/') + disk.fileName);
            if (!f.open(QIODevice::WriteOnly)) {
                return false;
            }
            f.write(QByteArray(4096, char('a' + m_count % 26)));
            return true;
        });
    }

    /// A full qcow2 point holding writes.
    QString addFullPoint(const QList<Write> &writes, bool golden = false)
    {
        return commit(golden, [&](const QString &dir, PointManifest::Disk &disk) {
            const QString file = dir + QStringLiteral("/vda.qcow2");
            return qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                       QStringLiteral("qcow2"), file, QString::number(DiskBytes)})
                && writeAll(file, writes, disk);
        });
    }

    /// An incremental point: a qcow2 overlay on parent's vda.qcow2 holding writes.
    QString addIncrementalPoint(const QString &parent, const QList<Write> &writes, bool golden = false)
    {
        return commit(
            golden,
            [&](const QString &dir, PointManifest::Disk &disk) {
                const QString file = dir + QStringLiteral("/vda.qcow2");
                disk.backingFile = QStringLiteral("../%1/vda.qcow2").arg(parent);
                return qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                           QStringLiteral("qcow2"), QStringLiteral("-b"), disk.backingFile,
                           QStringLiteral("-F"), QStringLiteral("qcow2"), file})
                    && writeAll(file, writes, disk);
            },
            parent);
    }

    /// The guest's view of a point's disk, flattened into a standalone raw file, for
    /// comparing after the prune changed the chain underneath.
    QString flatten(const QString &id)
    {
        const QString flat = m_dir.path() + QStringLiteral("/flat-") + id + QStringLiteral(".raw");
        QFile::remove(flat);
        if (!qemuImg(
                {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"), image(id), flat})) {
            return {};
        }
        return flat;
    }

    /// Whether a point's disk still shows exactly the flattened content.
    static bool sameData(const QString &image, const QString &flat)
    {
        return qemuImg({QStringLiteral("compare"), QStringLiteral("-q"), QStringLiteral("-f"),
            QStringLiteral("qcow2"), QStringLiteral("-F"), QStringLiteral("raw"), image, flat});
    }

    /// Every file under the VM's folder with size, mtime and content hash: a dry run must
    /// leave it exactly the same.
    QStringList snapshot() const
    {
        QStringList lines;
        const QDir base(m_repo.vmDir(VmUuid));
        QDirIterator it(
            base.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QFileInfo info(file);
            if (info.fileName() == QLatin1String(".lock")) {
                continue; // rewritten by every lock holder; holds no data
            }
            auto hash = Sha256File::hash(file);
            lines << QStringLiteral("%1 %2 %3 %4")
                         .arg(base.relativeFilePath(file))
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch())
                         .arg(hash ? hash->sha256 : QStringLiteral("?"));
        }
        lines.sort();
        return lines;
    }

    std::optional<PointManifest> manifest(const QString &id) const
    {
        auto p = m_repo.point(VmUuid, id);
        return p && p->manifest ? p->manifest : std::nullopt;
    }

    /// Makes the point's manifest unreadable, as damage would: the point counts as damaged.
    bool breakManifest(const QString &id) const
    {
        QFile manifest(m_repo.manifestPath(VmUuid, id));
        return manifest.open(QIODevice::WriteOnly | QIODevice::Truncate) && manifest.write("{ not json") > 0;
    }

    QStringList pointIds() const
    {
        QStringList ids;
        const QList<PointInfo> points = m_repo.listPoints(VmUuid).value();
        for (const auto &p : points) {
            ids << p.id;
        }
        return ids;
    }

private:
    bool writeAll(const QString &file, const QList<Write> &writes, PointManifest::Disk &disk)
    {
        for (const Write &w : writes) {
            const QString cmd = QStringLiteral("write -P 0x%1 %2k %3k")
                                    .arg(w.pattern, 2, 16, QLatin1Char('0'))
                                    .arg(w.offsetKiB)
                                    .arg(w.lengthKiB);
            bool ok = false;
            tool(QStringLiteral("qemu-io"),
                {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"), cmd, file}, &ok);
            if (!ok) {
                return false;
            }
        }
        disk.fileName = QStringLiteral("vda.qcow2");
        disk.storedFormat = QStringLiteral("qcow2");
        disk.sourceFormat = QStringLiteral("qcow2");
        return true;
    }

    template<typename MakeDisk>
    QString commit(bool golden, MakeDisk makeDisk, const QString &parent = {})
    {
        auto lock = RepositoryLock::acquire(m_repo, VmUuid, VmName, QStringLiteral("test"));
        if (!lock) {
            qWarning() << lock.error().toString();
            return {};
        }
        const QDateTime when = QDateTime(QDate(2026, 1, 1), QTime(10, 0), QTimeZone::utc())
                                   .addDays(std::exchange(m_sameTime, false) ? m_count - 1 : m_count++);
        auto id = m_repo.createPointDir(VmUuid, when, *lock);
        if (!id) {
            return {};
        }
        const QString dir = m_repo.pointDir(VmUuid, *id);
        PointManifest m;
        m.domainName = VmName;
        m.domainUuid = VmUuid;
        m.domainXml = QStringLiteral("<domain/>");
        m.created = when;
        m.method = PointManifest::Method::DiskOnly;
        m.kind = parent.isEmpty() ? PointManifest::Kind::Full : PointManifest::Kind::Incremental;
        m.parentId = parent;
        m.rewindVersion = QStringLiteral(REWIND_VERSION);
        m.isProtected = golden;
        PointManifest::Disk disk;
        disk.target = QStringLiteral("vda");
        disk.originalPath = QStringLiteral("/var/lib/libvirt/images/web.img");
        disk.virtualSize = DiskBytes;
        if (!makeDisk(dir, disk)) {
            return {};
        }
        const QString file = dir + QLatin1Char('/') + disk.fileName;
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        auto hash = Sha256File::hash(file);
        if (!hash) {
            return {};
        }
        disk.sha256 = hash->sha256;
        disk.storedSize = QFileInfo(file).size();
        disk.allocatedSize = hash->bytesCopied;
        m.disks = {disk};
        if (Status s = m_repo.commitPoint(VmUuid, *id, m, *lock); !s) {
            qWarning() << s.error().toString();
            return {};
        }
        return *id;
    }

    QTemporaryDir m_dir;
    Repository m_repo;
    int m_count = 0;
    bool m_sameTime = false;
};

} // namespace PruneTest
