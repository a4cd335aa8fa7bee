#include "newvmrestore.h"

#include "jobs/backupoperation.h"
#include "jobs/jobcontrol.h"
#include "jobs/restorecontext.h"
#include "jobs/restoreplan.h"
#include "jobs/restorerecovery.h"
#include "jobs/restorexml.h"
#include "libvirt/domain.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "repository/journal.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <libvirt/libvirt.h>

namespace Rewind {

NewVmRestore::NewVmRestore(RestoreContext &ctx) : m_ctx(ctx)
{ }

Status NewVmRestore::preflight()
{
    const QString name = m_ctx.request.newName;
    if (name.trimmed().isEmpty()) {
        return Error(ErrorCode::Usage, tr("The new VM needs a name: --as NAME."));
    }
    auto existing = Libvirt::Domain::lookup(m_ctx.conn, name);
    if (existing) {
        return Error(ErrorCode::Conflict,
            tr("A VM called '%1' exists already. Choose another name with --as. Nothing was changed.")
                .arg(name));
    }
    if (existing.error().code() != ErrorCode::NotFound) {
        return existing.error();
    }

    QHash<QString, qint64> space;
    for (const PointManifest::Disk &d : std::as_const(m_ctx.manifest.disks)) {
        QString dir = m_ctx.request.targetDir;
        if (dir.isEmpty()) {
            if (d.originalPath.isEmpty()) {
                return Error(ErrorCode::Usage,
                    tr("Point %1 does not say where the image of disk %2 was; choose a folder for the new "
                       "images with --to DIR.")
                        .arg(m_ctx.point.id, d.target));
            }
            dir = QFileInfo(d.originalPath).absolutePath();
        }
        dir = QFileInfo(dir).absoluteFilePath();
        auto access = RestoreFiles::directoryAccess(dir);
        if (!access) {
            return Error(access.error().code(), access.error().message() + tr(" Nothing was changed."),
                access.error().detail());
        }
        Image image;
        image.target = d.target;
        image.format = d.sourceFormat.isEmpty() ? d.storedFormat : d.sourceFormat;
        image.path = dir + QLatin1Char('/') + RestoreJournal::fileSafeName(name) + QLatin1Char('-') + d.target
            + QLatin1Char('.') + image.format;
        image.originalPath = d.originalPath;
        image.access = *access;
        if (RestoreFiles::exists(image.path)) {
            return Error(ErrorCode::Conflict,
                tr("%1 exists already; Rewind never overwrites a file. Choose another name, or another "
                   "folder "
                   "with --to. Nothing was changed.")
                    .arg(image.path));
        }
        const qint64 size = RestoreFiles::restoredSize(d);
        space[dir] += size;
        if (image.access == RestoreFiles::Access::Libvirt
            && (d.storedFormat != image.format || !d.backingFile.isEmpty())) {
            space[m_ctx.scratchDir()] += size; // converted here, then streamed
        }
        m_totalBytes += size;
        m_images.append(image);
    }
    return RestoreFiles::checkSpace(space, tr("The new VM '%1'").arg(name));
}

Result<QString> NewVmRestore::newDefinition()
{
    const QString name = m_ctx.request.newName;
    QHash<QString, QString> paths;
    QHash<QString, QString> formats;
    for (const Image &i : std::as_const(m_images)) {
        paths.insert(i.target, i.path);
        formats.insert(i.target, i.format);
    }
    // No UUID and no MACs: libvirt generates new ones at define time.
    auto clone = DomainXml::cloneDefinition(m_ctx.manifest.domainXml, name, paths, formats);
    if (!clone) {
        return clone.error();
    }
    auto separated = RestoreXml::separateChardevFiles(*clone, name);
    if (!separated) {
        return separated.error();
    }
    for (auto it = separated->renamed.cbegin(); it != separated->renamed.cend(); ++it) {
        m_ctx.notes << tr(
            "The new VM writes its console output to %1 rather than to %2, so the two VMs never "
            "append to one file.")
                           .arg(it.value(), it.key());
    }
    return separated->xml;
}

Status NewVmRestore::copyImages(Journal &journal)
{
    m_ctx.control.setPhase(JobPhase::Copy);
    (void)journal.advance(QLatin1String(RestoreJournal::Copying));
    qint64 done = 0;
    for (int i = 0; i < m_images.size(); ++i) {
        const Image &image = m_images.at(i);
        const PointManifest::Disk &disk = m_ctx.manifest.disks.at(i);
        if (m_ctx.control.isCancelled()) {
            return m_ctx.control.cancelledError();
        }
        RestoreFiles::ImageSpec spec {
            m_ctx.point.dir, disk, image.path, image.format, image.access, m_ctx.scratchDir()};
        const Status written = m_ctx.writeImage(spec, done, m_totalBytes);
        if (!written) {
            return written;
        }
        m_created << image.path;
        (void)journal.advance(QLatin1String(RestoreJournal::Copying),
            QJsonObject {{QLatin1String(RestoreJournal::Created), QJsonArray::fromStringList(m_created)}});
        if (image.access == RestoreFiles::Access::Local && !image.originalPath.isEmpty()) {
            RestoreFiles::copyOwnership(image.originalPath, image.path);
        }
        done += RestoreFiles::restoredSize(disk);
    }
    return {};
}

void NewVmRestore::copyNvram(const Libvirt::Domain &domain, QStringList *notes) const
{
    const QString original = DomainXml::nvramPath(m_ctx.manifest.domainXml);
    if (original.isEmpty()) {
        return; // not a UEFI VM
    }
    auto xml = domain.xmlDesc(VIR_DOMAIN_XML_INACTIVE);
    const QString own = xml ? DomainXml::nvramPath(*xml) : QString();
    // A file already there is libvirt's or another VM's: never overwritten.
    if (own.isEmpty() || own == original || QFileInfo::exists(own)) {
        return;
    }
    // The point's variables carry the boot entries its bootloader had written by then.
    // Points taken before points held them: the original's as they are now. Without any
    // the firmware only finds the fallback loader (\EFI\BOOT\BOOTX64.EFI), which not
    // every distribution installs.
    const bool fromPoint = m_ctx.manifest.nvram.has_value();
    const QString source
        = fromPoint ? m_ctx.point.dir + QLatin1Char('/') + m_ctx.manifest.nvram->fileName : original;
    if (QFile::copy(source, own)) {
        RestoreFiles::copyOwnership(original, own);
        notes->append(fromPoint
                ? tr("'%1' has UEFI variables of its own (%2): those of point %3.")
                      .arg(domain.name(), own, m_ctx.point.id)
                : tr("'%1' has UEFI variables of its own (%2), copied from those of '%3' as they are now.")
                      .arg(domain.name(), own, m_ctx.vmName));
        return;
    }
    notes->append(
        tr("The UEFI variables of '%1' (%2) could not be copied, so '%3' starts with the firmware's "
           "defaults; should it not find its bootloader, choose its disk in the firmware's boot "
           "manager.")
            .arg(m_ctx.vmName, source, domain.name()));
}

Error NewVmRestore::undo(Journal &journal, const Error &cause)
{
    QStringList files;
    for (const Image &i : std::as_const(m_images)) {
        files << i.path;
    }
    // Only what this job created: a file found at a planned path was refused up front.
    RestoreRecovery::removeCreated(m_ctx.conn, m_created);
    for (const QString &f : std::as_const(files)) {
        (void)RestoreFiles::remove(m_ctx.conn, RestoreJournal::partialPathFor(f));
        (void)RestoreFiles::remove(m_ctx.conn,
            RestoreJournal::partialPathFor(m_ctx.scratchDir() + QLatin1Char('/') + QFileInfo(f).fileName()));
    }
    (void)journal.clear();
    return Error(cause.code(),
        cause.message() + QLatin1Char(' ')
            + tr("'%1' was not touched, and the partial copies were removed.").arg(m_ctx.vmName),
        cause.detail(), cause.libvirtCode());
}

Result<RestoreOutcome> NewVmRestore::run()
{
    const QString name = m_ctx.request.newName;
    if (Status s = preflight(); !s) {
        return s.error();
    }
    m_ctx.startVerify();
    auto xml = newDefinition();
    if (!xml) {
        return xml.error();
    }
    QStringList files;
    QStringList scratch;
    for (const Image &i : std::as_const(m_images)) {
        files << i.path;
        scratch << RestoreFiles::scratchPathFor(m_ctx.scratchDir(), i.path);
    }
    auto journal = m_ctx.beginJournal(QJsonObject {
        {QLatin1String(RestoreJournal::Mode), QLatin1String(RestoreJournal::AsNew)},
        {QLatin1String(RestoreJournal::NewName), name},
        {QLatin1String(RestoreJournal::Files), QJsonArray::fromStringList(files)},
        {QLatin1String(RestoreJournal::Scratch), QJsonArray::fromStringList(scratch)},
    });
    if (!journal) {
        return journal.error();
    }
    if (Status s = copyImages(*journal); !s) {
        return undo(*journal, s.error());
    }
    if (Status s = m_ctx.finishVerify(); !s) {
        return undo(*journal, s.error());
    }

    m_ctx.control.setPhase(JobPhase::Restore);
    auto domain = Libvirt::Domain::defineXml(m_ctx.conn, *xml);
    if (!domain) {
        return undo(*journal, domain.error());
    }
    (void)journal->advance(QLatin1String(RestoreJournal::Defined),
        QJsonObject {{QLatin1String(RestoreJournal::NewUuid), domain->uuid()}});
    faultPoint("restore-defined");

    RestoreOutcome outcome;
    copyNvram(*domain, &outcome.notes);
    outcome.domainName = domain->name();
    outcome.domainUuid = domain->uuid();
    outcome.files = files;
    const bool fullState = m_ctx.manifest.method == PointManifest::Method::FullState;
    if (fullState || m_ctx.request.start) {
        if (Status s = domain->create(); !s) {
            (void)journal->clear();
            return Error(s.error().code(),
                tr("'%1' was created with all its disks, but it could not be started: %2 Start it with: "
                   "virsh "
                   "start '%1'")
                    .arg(outcome.domainName, s.error().message()),
                s.error().detail(), s.error().libvirtCode());
        }
        outcome.running = true;
    }
    if (fullState) {
        outcome.notes << tr(
            "'%1' booted from the point's disks: libvirt resumes a saved RAM image only under the "
            "name and UUID it was saved with, which belong to '%2'. The disks were captured at "
            "the same instant as the RAM, so '%1' starts as after a power cut at that moment. To "
            "resume the RAM itself, restore '%2' in place.")
                             .arg(outcome.domainName, m_ctx.vmName);
    } else if (!outcome.running) {
        outcome.notes << tr("'%1' is shut off. Start it with: virsh start '%1'").arg(outcome.domainName);
    }
    (void)journal->clear();
    m_ctx.control.report(m_totalBytes, m_totalBytes, true);
    qCInfo(lcJobs) << "Restored point" << m_ctx.point.id << "of" << m_ctx.vmName << "as"
                   << outcome.domainName;
    return outcome;
}

} // namespace Rewind
