#include "pointexport.h"

#include "jobs/jobcontrol.h"
#include "jobs/restorecontext.h"
#include "jobs/restoreplan.h"
#include "jobs/restorerecovery.h"
#include "logging.h"
#include "repository/journal.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Rewind {

PointExport::PointExport(RestoreContext &ctx) : m_ctx(ctx)
{ }

Status PointExport::preflight()
{
    const QString format = m_ctx.request.exportFormat;
    if (!format.isEmpty() && format != QLatin1String("qcow2") && format != QLatin1String("raw")) {
        return Error(
            ErrorCode::Usage, tr("Images can be exported as qcow2 or raw, not as '%1'.").arg(format));
    }
    if (m_ctx.request.targetDir.isEmpty()) {
        return Error(ErrorCode::Usage, tr("Choose the folder to export into: --export DIR."));
    }
    const QString dir = QFileInfo(m_ctx.request.targetDir).absoluteFilePath();
    auto access = RestoreFiles::directoryAccess(dir);
    if (!access) {
        return Error(access.error().code(), access.error().message() + tr(" Nothing was exported."),
            access.error().detail());
    }
    m_access = *access;
    QHash<QString, qint64> space;
    for (const PointManifest::Disk &d : std::as_const(m_ctx.manifest.disks)) {
        Image image;
        image.format = format.isEmpty() ? d.storedFormat : format;
        image.path = dir + QLatin1Char('/') + RestoreJournal::fileSafeName(m_ctx.vmName) + QLatin1Char('-')
            + m_ctx.point.id + QLatin1Char('-') + d.target + QLatin1Char('.') + image.format;
        if (RestoreFiles::exists(image.path)) {
            return Error(ErrorCode::Conflict,
                tr("%1 exists already; Rewind never overwrites a file. Move it away or export into another "
                   "folder. Nothing was exported.")
                    .arg(image.path));
        }
        const qint64 size = RestoreFiles::restoredSize(d);
        space[dir] += size;
        if (m_access == RestoreFiles::Access::Libvirt
            && (d.storedFormat != image.format || !d.backingFile.isEmpty())) {
            space[m_ctx.scratchDir()] += size;
        }
        m_totalBytes += size;
        m_images.append(image);
    }
    return RestoreFiles::checkSpace(space, tr("The export of point %1").arg(m_ctx.point.id));
}

Result<RestoreOutcome> PointExport::run()
{
    if (Status s = preflight(); !s) {
        return s.error();
    }
    m_ctx.startVerify();
    QStringList files;
    QStringList scratch;
    for (const Image &i : std::as_const(m_images)) {
        files << i.path;
        scratch << RestoreFiles::scratchPathFor(m_ctx.scratchDir(), i.path);
    }
    auto journal = m_ctx.beginJournal(QJsonObject {
        {QLatin1String(RestoreJournal::Mode), QLatin1String(RestoreJournal::Export)},
        {QLatin1String(RestoreJournal::Files), QJsonArray::fromStringList(files)},
        {QLatin1String(RestoreJournal::Scratch), QJsonArray::fromStringList(scratch)},
    });
    if (!journal) {
        return journal.error();
    }
    m_ctx.control.setPhase(JobPhase::Copy);
    (void)journal->advance(QLatin1String(RestoreJournal::Copying));
    QStringList created;
    qint64 done = 0;
    for (int i = 0; i < m_images.size(); ++i) {
        const PointManifest::Disk &disk = m_ctx.manifest.disks.at(i);
        RestoreFiles::ImageSpec spec {
            m_ctx.point.dir, disk, m_images.at(i).path, m_images.at(i).format, m_access, m_ctx.scratchDir()};
        Status written = m_ctx.control.isCancelled() ? Status(m_ctx.control.cancelledError()) : Status();
        if (written) {
            written = m_ctx.writeImage(spec, done, m_totalBytes);
        }
        if (!written) {
            RestoreRecovery::removeCreated(m_ctx.conn, created);
            (void)journal->clear();
            return Error(written.error().code(),
                written.error().message() + QLatin1Char(' ') + tr("The images written so far were removed."),
                written.error().detail(), written.error().libvirtCode());
        }
        created << spec.destination;
        (void)journal->advance(QLatin1String(RestoreJournal::Copying),
            QJsonObject {{QLatin1String(RestoreJournal::Created), QJsonArray::fromStringList(created)}});
        done += RestoreFiles::restoredSize(disk);
    }
    if (Status verified = m_ctx.finishVerify(); !verified) {
        RestoreRecovery::removeCreated(m_ctx.conn, created);
        (void)journal->clear();
        return Error(verified.error().code(),
            verified.error().message() + QLatin1Char(' ') + tr("Nothing was exported."),
            verified.error().detail());
    }
    (void)journal->clear();
    m_ctx.control.report(m_totalBytes, m_totalBytes, true);

    RestoreOutcome outcome;
    outcome.files = files;
    if (m_ctx.manifest.memory) {
        outcome.notes << tr(
            "The RAM state is not part of an export; it stays in the point as %1 (a libvirt save "
            "image once decompressed with zstd -d).")
                             .arg(m_ctx.point.dir + QLatin1Char('/') + m_ctx.manifest.memory->fileName);
    }
    if (m_ctx.manifest.nvram) {
        outcome.notes << tr(
            "The UEFI variables are not part of an export either; they stay in the point as %1 "
            "(a VM booting the exported disks takes them as its <nvram> file).")
                             .arg(m_ctx.point.dir + QLatin1Char('/') + m_ctx.manifest.nvram->fileName);
    }
    qCInfo(lcJobs) << "Exported point" << m_ctx.point.id << "of" << m_ctx.vmName << "to" << files;
    return outcome;
}

} // namespace Rewind
