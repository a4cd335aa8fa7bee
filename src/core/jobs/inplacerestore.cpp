#include "inplacerestore.h"

#include "jobs/backupoperation.h"
#include "jobs/changetracking.h"
#include "jobs/jobcontrol.h"
#include "jobs/restorecontext.h"
#include "jobs/restorefiles.h"
#include "jobs/restorelibvirt.h"
#include "jobs/restorerecovery.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "repository/filesystem.h"
#include "repository/journal.h"
#include "transfer/zstdwriter.h"

#include <QFileInfo>
#include <QJsonObject>

#include <libvirt/libvirt.h>

namespace Rewind {

InPlaceRestore::InPlaceRestore(RestoreContext &ctx) : m_ctx(ctx)
{ }

Result<ImageSwap> InPlaceRestore::planSwap(
    const QString &target, const QString &path, const QString &format) const
{
    ImageSwap s;
    s.target = target;
    s.path = path;
    s.format = format;
    s.staged = ImageSwap::stagedPathFor(s.path, m_ctx.point.id);
    s.safety = ImageSwap::safetyPathFor(s.path, m_ctx.point.id);
    s.hadImage = RestoreFiles::exists(s.path);
    for (const QString &leftover : {s.staged, s.safety}) {
        if (RestoreFiles::exists(leftover)) {
            return Error(ErrorCode::Conflict,
                tr("%1 exists, left by an earlier restore. Remove it (or move it away if you still need "
                   "it), then restore again. Nothing was changed.")
                    .arg(leftover));
        }
    }
    return s;
}

Status InPlaceRestore::preflightExisting(const Libvirt::Domain &domain)
{
    const PointManifest &m = m_ctx.manifest;
    m_domain = domain;
    auto info = m_domain.info();
    if (!info) {
        return info.error();
    }
    m_info = *info;
    m_withMemory = m.method == PointManifest::Method::FullState && m.memory.has_value();
    m_wasActive = m_info.state != DomainState::ShutOff;
    if (m_wasActive && !m_ctx.request.force) {
        return Error(ErrorCode::Conflict,
            tr("'%1' is %2. Restoring it in place stops it and replaces its disks%3 with those of point %4. "
               "Add --force to do so, or restore the point beside it as a new VM with --as NAME. Nothing "
               "was changed.")
                .arg(m_info.name, domainStateText(m_info.state).toLower(),
                    m_withMemory ? tr(" and RAM") : QString(), m_ctx.point.id));
    }
    auto saved = RestoreLibvirt::hasManagedSave(m_domain);
    if (!saved) {
        return saved.error();
    }
    m_hadManagedSave = *saved;
    if (m_hadManagedSave && !m_ctx.request.force) {
        return Error(ErrorCode::Conflict,
            tr("'%1' has a saved state (virsh managedsave) that belongs to its current disks. Restoring it "
               "in "
               "place discards that state; add --force to do so. Nothing was changed.")
                .arg(m_info.name));
    }
    if (!m_info.persistent && !m_withMemory) {
        return Error(ErrorCode::Unsupported,
            tr("'%1' is a transient VM (libvirt forgets it once it stops), and point %2 holds no RAM state "
               "to resume it from. Restore the point as a new VM with --as NAME instead. Nothing was "
               "changed.")
                .arg(m_info.name, m_ctx.point.id));
    }
    return {};
}

Status InPlaceRestore::preflightRemoved()
{
    const QString vm = m_ctx.vmName;
    const PointManifest &m = m_ctx.manifest;
    auto namesake = Libvirt::Domain::lookup(m_ctx.conn, vm);
    if (namesake) {
        return Error(ErrorCode::Conflict,
            tr("'%1' was removed from libvirt, and the VM now called '%1' is another one (UUID %2), so it "
               "cannot come back under its own name. Restore the point as a new VM instead: rewindctl "
               "restore %3 %4 --as NAME. Nothing was changed.")
                .arg(vm, namesake->uuid(), m_ctx.vmUuid, m_ctx.point.id));
    }
    if (namesake.error().code() != ErrorCode::NotFound) {
        return namesake.error();
    }
    if (m.domainXml.isEmpty()) {
        return Error(ErrorCode::Damaged,
            tr("Point %1 holds no definition of '%2', so '%2' cannot be defined again from it. Export its "
               "disks instead (--export DIR). Nothing was changed.")
                .arg(m_ctx.point.id, vm));
    }
    m_removed = true;
    m_info.name = vm;
    m_info.uuid = m_ctx.vmUuid;
    m_info.state = DomainState::ShutOff;
    m_info.persistent = true;
    m_withMemory = m.method == PointManifest::Method::FullState && m.memory.has_value();

    // An image path another VM uses now is never taken over, with force or without.
    QHash<QString, QString> users;
    auto all = Libvirt::Domain::listAll(m_ctx.conn);
    if (!all) {
        return all.error();
    }
    for (const Libvirt::Domain &other : std::as_const(*all)) {
        auto definition = other.currentDefinition();
        for (const DiskInfo &d : definition ? definition->disks : QList<DiskInfo>()) {
            for (const QString &path : QStringList {d.path} + d.backingChain) {
                users.insert(path, other.name());
            }
        }
        if (definition && !DomainXml::nvramPath(definition->xml).isEmpty()) {
            users.insert(DomainXml::nvramPath(definition->xml), other.name());
        }
    }
    QStringList present;
    for (const PointManifest::Disk &d : m.disks) {
        if (users.contains(d.originalPath)) {
            return Error(ErrorCode::Conflict,
                tr("'%1' used %2 for disk %3, and the VM '%4' uses that image now. Restore the point as a "
                   "new VM instead (--as NAME). Nothing was changed.")
                    .arg(vm, d.originalPath, d.target, users.value(d.originalPath)));
        }
        if (RestoreFiles::exists(d.originalPath)) {
            present << d.originalPath;
        }
    }
    // Its UEFI variables file, like an image: never another VM's, replaced only with force.
    if (m.nvram) {
        const QString vars = m.nvram->originalPath;
        if (users.contains(vars)) {
            return Error(ErrorCode::Conflict,
                tr("'%1' kept its UEFI variables in %2, and the VM '%3' uses that file now. Restore the "
                   "point "
                   "as a new VM instead (--as NAME). Nothing was changed.")
                    .arg(vm, vars, users.value(vars)));
        }
        if (RestoreFiles::exists(vars)) {
            present << vars;
        }
    }
    if (!present.isEmpty() && !m_ctx.request.force) {
        return Error(ErrorCode::Conflict,
            tr("'%1' is no longer defined in libvirt, but its images are still there: %2. Bringing it back "
               "as it was at point %3 replaces them with the point's; add --force to do so "
               "(--keep-safety-copy keeps them beside), or restore the point as a new VM with --as NAME. "
               "Nothing was changed.")
                .arg(vm, present.join(QStringLiteral(", ")), m_ctx.point.id));
    }
    // Its tracking overlays hold what it wrote after its last point, on top of the images
    // replaced here: not Rewind's to throw away, and of no use to the VM brought back.
    auto record = m_ctx.repository.loadVm(m_ctx.vmUuid);
    const std::optional<Tracking> tracking = record ? ChangeTracking::load(*record) : std::nullopt;
    for (const OverlayPlan &p : tracking ? tracking->disks : QList<OverlayPlan>()) {
        for (const QString &overlay : {p.trackedOverlay, p.overlayPath}) {
            if (!overlay.isEmpty() && RestoreFiles::exists(overlay)) {
                m_oldOverlays << overlay;
            }
        }
    }
    return {};
}

Status InPlaceRestore::preflight()
{
    const QString vm = m_ctx.vmName;
    const PointManifest &m = m_ctx.manifest;
    auto domain = Libvirt::Domain::lookup(m_ctx.conn, m_ctx.vmUuid);
    if (!domain) {
        if (domain.error().code() != ErrorCode::NotFound) {
            return domain.error();
        }
        if (Status s = preflightRemoved(); !s) {
            return s;
        }
    } else if (Status s = preflightExisting(*domain); !s) {
        return s;
    }

    QHash<QString, qint64> space;
    for (const PointManifest::Disk &d : m.disks) {
        if (d.originalPath.isEmpty()) {
            return Error(ErrorCode::Damaged,
                tr("Point %1 does not say where the image of disk %2 was.").arg(m_ctx.point.id, d.target));
        }
        if (d.sourceFormat != QLatin1String("qcow2") && d.sourceFormat != QLatin1String("raw")) {
            return Error(ErrorCode::Unsupported,
                tr("Disk %1 of point %2 is in %3 format; Rewind restores qcow2 and raw images.")
                    .arg(d.target, m_ctx.point.id, d.sourceFormat));
        }
        const QString dir = QFileInfo(d.originalPath).absolutePath();
        auto access = RestoreFiles::directoryAccess(dir);
        if (!access) {
            return access.error();
        }
        if (*access == RestoreFiles::Access::Libvirt) {
            return Error(ErrorCode::Permission,
                tr("Restoring '%1' in place replaces its images in %2, which user %3 may not change, and "
                   "libvirt cannot rename files for Rewind. Run rewindctl as a user who may write there, or "
                   "restore the point as a new VM into a folder of yours: --as NAME --to DIR. Nothing was "
                   "changed.")
                    .arg(m_info.name, dir, FileSystem::currentUserName()));
        }
        auto swap = planSwap(d.target, d.originalPath, d.sourceFormat);
        if (!swap) {
            return swap.error();
        }
        m_swaps.append(*swap);
        m_sources.append(d);
        space[dir] += RestoreFiles::restoredSize(d);
        m_totalBytes += RestoreFiles::restoredSize(d);

        for (const DiskInfo &current : std::as_const(m_info.disks)) {
            const auto tracked = ChangeTracking::overlaysInUse({current});
            const bool trackedOverlay = !tracked.isEmpty() && tracked.first().originalPath == d.originalPath;
            if (current.target == d.target && !current.path.isEmpty() && current.path != d.originalPath
                && !trackedOverlay) {
                m_ctx.notes << tr(
                    "Disk %1 of '%2' now uses %3; the point's image is restored to %4, where it "
                    "was when the point was taken, and %3 is left as it is.")
                                   .arg(d.target, m_info.name, current.path, d.originalPath);
            }
        }
    }
    if (Status s = preflightNvram(space); !s) {
        return s;
    }
    if (m_withMemory) {
        m_memoryFile
            = m_ctx.scratchDir() + QStringLiteral("/.restore-") + m_ctx.point.id + QStringLiteral(".save");
        space[m_ctx.scratchDir()] += m.memory->rawSize;
        m_totalBytes += m.memory->rawSize;
    }
    return RestoreFiles::checkSpace(space, tr("Restoring '%1'").arg(m_info.name));
}

Status InPlaceRestore::preflightNvram(QHash<QString, qint64> &space)
{
    if (!m_ctx.manifest.nvram) {
        return {}; // not a UEFI VM, or a point taken before points held the variables
    }
    const PointManifest::Nvram &vars = *m_ctx.manifest.nvram;
    const QString stored = m_ctx.point.dir + QLatin1Char('/') + vars.fileName;
    // Where the VM keeps them now; a removed VM is defined again with the point's path.
    QString path = vars.originalPath;
    if (!m_removed) {
        auto xml = m_domain.xmlDesc(VIR_DOMAIN_XML_INACTIVE);
        if (!xml) {
            return xml.error();
        }
        path = DomainXml::nvramPath(*xml);
    }
    if (path.isEmpty()) {
        m_ctx.notes << tr("'%1' no longer has a UEFI variables file; the point's variables are not restored "
                          "and stay in the point as %2.")
                           .arg(m_info.name, stored);
        return {};
    }
    const QString dir = QFileInfo(path).absolutePath();
    auto access = RestoreFiles::directoryAccess(dir);
    if (!access || *access != RestoreFiles::Access::Local) {
        m_ctx.notes << tr("The UEFI variables of '%1' (%2) are left as they are: user %3 may not change %4. "
                          "The point's variables are in %5.")
                           .arg(m_info.name, path, FileSystem::currentUserName(), dir, stored);
        return {};
    }
    auto swap = planSwap(ImageSwap::NvramTarget, path, QStringLiteral("raw"));
    if (!swap) {
        return swap.error();
    }
    const ImageSwap &s = *swap;
    // Written like a raw disk image: a plain copy, checked against the point's hash by
    // the verification that runs beside the restore.
    PointManifest::Disk source;
    source.target = s.target;
    source.sourceFormat = s.format;
    source.originalPath = path;
    source.fileName = vars.fileName;
    source.storedFormat = s.format;
    source.virtualSize = vars.storedSize;
    source.storedSize = vars.storedSize;
    source.allocatedSize = vars.storedSize;
    source.sha256 = vars.sha256;
    m_swaps.append(s);
    m_sources.append(source);
    space[dir] += RestoreFiles::restoredSize(source);
    m_totalBytes += RestoreFiles::restoredSize(source);
    return {};
}

Status InPlaceRestore::stage(Journal &journal)
{
    m_ctx.control.setPhase(JobPhase::Copy);
    (void)journal.advance(QLatin1String(RestoreJournal::Copying));
    qint64 done = 0;
    for (int i = 0; i < m_swaps.size(); ++i) {
        const ImageSwap &s = m_swaps.at(i);
        const PointManifest::Disk &disk = m_sources.at(i);
        if (m_ctx.control.isCancelled()) {
            return m_ctx.control.cancelledError();
        }
        RestoreFiles::ImageSpec spec {
            m_ctx.point.dir, disk, s.staged, s.format, RestoreFiles::Access::Local, m_ctx.scratchDir()};
        const Status written = m_ctx.writeImage(spec, done, m_totalBytes);
        if (!written) {
            return written;
        }
        if (s.hadImage) {
            RestoreFiles::copyOwnership(s.path, s.staged);
        }
        done += RestoreFiles::restoredSize(disk);
    }
    return {};
}

Result<QString> InPlaceRestore::withRestoredDisks(const QString &xml) const
{
    QHash<QString, QString> paths;
    QHash<QString, QString> formats;
    for (const ImageSwap &s : std::as_const(m_swaps)) {
        if (s.target == ImageSwap::NvramTarget) {
            continue; // not a disk; the definition names that file already
        }
        paths.insert(s.target, s.path);
        formats.insert(s.target, s.format);
    }
    return DomainXml::rewriteDisks(xml, paths, formats);
}

Status InPlaceRestore::prepareMemory()
{
    const PointManifest::Memory &memory = *m_ctx.manifest.memory;
    const QString stored = m_ctx.point.dir + QLatin1Char('/') + memory.fileName;
    const qint64 before = m_totalBytes - memory.rawSize;
    const Status unpacked = zstdDecompressFile(
        stored, m_memoryFile, m_ctx.control.cancelFlag(), [&](qint64 done, qint64 total) {
            // done/total count compressed bytes read; scale them to the RAM image's size.
            m_ctx.control.report(before + (total > 0 ? memory.rawSize * done / total : 0), m_totalBytes);
        });
    if (!unpacked) {
        return unpacked;
    }
    auto saved = RestoreLibvirt::secureSaveImageXml(m_ctx.conn, m_memoryFile);
    if (!saved) {
        return saved.error();
    }
    // The saved definition names the images the VM had when the point was taken, which
    // are normally these very paths; rewritten all the same, so the RAM always resumes on
    // exactly the images just restored (and their format), never on what a path held before.
    auto xml = withRestoredDisks(*saved);
    if (!xml) {
        return xml.error();
    }
    m_resumeXml = *xml;
    return {};
}

Status InPlaceRestore::stopVm(Journal &journal)
{
    m_ctx.control.setPhase(JobPhase::Restore);
    (void)journal.advance(QLatin1String(RestoreJournal::Stopping));
    if (!m_removed) {
        // Read again rather than taken from the preflight: a VM shut off then may have been
        // started (virt-manager, virsh) while the point's images were written.
        auto state = m_domain.state();
        if (!state) {
            return state.error();
        }
        if (*state != DomainState::ShutOff) {
            if (!m_ctx.request.force) {
                return Error(ErrorCode::Conflict,
                    tr("'%1' was started while the point's images were being written. Restoring it in place "
                       "stops it and replaces its disks; restore again with --force to do so, or once it is "
                       "shut off.")
                        .arg(m_info.name));
            }
            qCInfo(lcJobs) << "Stopping" << m_info.name << "for the restore, as asked (--force)";
            if (Status s = m_domain.destroy(); !s) {
                return s;
            }
            m_wasActive = true;
        }
    }
    faultPoint("restore-stopped");
    return {};
}

Status InPlaceRestore::swapImages(Journal &journal)
{
    // Journalled before the first rename: from here on recovery looks for safety copies.
    if (Status s = journal.advance(QLatin1String(RestoreJournal::Swapping)); !s) {
        return s;
    }
    for (const ImageSwap &s : std::as_const(m_swaps)) {
        if (s.hadImage) {
            if (Status r = RestoreFiles::renameFile(s.path, s.safety); !r) {
                return r;
            }
        }
    }
    faultPoint("restore-moved-aside");
    for (const ImageSwap &s : std::as_const(m_swaps)) {
        if (Status r = RestoreFiles::renameFile(s.staged, s.path); !r) {
            return r;
        }
    }
    faultPoint("restore-swapped");
    // A start after the check above and before the renames opened the VM's own images,
    // which now sit at their safety names and would be deleted under it. (A start while
    // they are renamed finds no image and fails; one from now on opens the restored ones.)
    if (!m_removed && stillRunning()) {
        return Error(ErrorCode::Conflict,
            tr("'%1' was started while its images were being replaced.").arg(m_info.name));
    }
    return {};
}

QString InPlaceRestore::definitionToRecreate() const
{
    // The point's domain.xml has the passwords (VNC, SPICE) the manifest's lacks; taken only
    // when it reads as this VM's definition (older points, or one edited by hand, may not).
    QFile file(m_ctx.point.dir + QStringLiteral("/domain.xml"));
    if (file.open(QIODevice::ReadOnly)) {
        const QString secure = QString::fromUtf8(file.readAll());
        auto parsed = DomainXml::parseDomain(secure);
        if (parsed && parsed->uuid.compare(m_ctx.vmUuid, Qt::CaseInsensitive) == 0) {
            return secure;
        }
        qCInfo(lcJobs) << "Not using" << file.fileName()
                       << "of another or no VM; the manifest's definition instead";
    }
    return m_ctx.manifest.domainXml;
}

Status InPlaceRestore::recreate()
{
    if (m_withMemory) {
        qCInfo(lcJobs) << "Bringing back" << m_info.name << "from the point's RAM image";
        if (Status s = Libvirt::restoreDomain(m_ctx.conn, m_memoryFile, m_resumeXml, VIR_DOMAIN_SAVE_RUNNING);
            !s) {
            return s;
        }
        // Running now as a transient VM; made persistent once the restore is recorded as done.
        return {};
    }
    auto xml = withRestoredDisks(definitionToRecreate());
    if (!xml) {
        return xml.error();
    }
    qCInfo(lcJobs) << "Defining" << m_info.name << "again from point" << m_ctx.point.id;
    auto defined = Libvirt::Domain::defineXml(m_ctx.conn, *xml);
    if (!defined) {
        return defined.error();
    }
    m_defined = true;
    m_domain = *defined;
    return m_ctx.request.start ? m_domain.create() : Status();
}

Status InPlaceRestore::resume()
{
    if (m_removed) {
        return recreate();
    }
    if (m_withMemory) {
        qCInfo(lcJobs) << "Resuming" << m_info.name << "from the point's RAM image";
        if (Status s = Libvirt::restoreDomain(m_ctx.conn, m_memoryFile, m_resumeXml, VIR_DOMAIN_SAVE_RUNNING);
            !s) {
            return s;
        }
        // Only now: had the restore failed, the saved state would still match the disks put back.
        if (m_hadManagedSave) {
            if (Status s = RestoreLibvirt::removeManagedSave(m_domain); !s) {
                m_ctx.notes << tr("The old saved state of '%1' could not be removed (%2); remove it with "
                                  "'virsh managedsave-remove' before its next start.")
                                   .arg(m_info.name, s.error().message());
            }
        }
        return {};
    }
    // Before a start, which would otherwise resume the saved state on the restored disks.
    if (m_hadManagedSave) {
        if (Status s = RestoreLibvirt::removeManagedSave(m_domain); !s) {
            return s;
        }
    }
    if (Status s = RestoreRecovery::defineRestoredDisks(m_ctx.conn, m_ctx.vmUuid, m_swaps); !s) {
        return s;
    }
    if (m_ctx.request.start) {
        auto domain = Libvirt::Domain::lookup(m_ctx.conn, m_ctx.vmUuid);
        if (!domain) {
            return domain.error();
        }
        return domain->create();
    }
    return {};
}

bool InPlaceRestore::stillRunning() const
{
    // A transient VM is gone once stopped: the lookup fails, which also means "not running".
    auto domain = Libvirt::Domain::lookup(m_ctx.conn, m_ctx.vmUuid);
    auto state = domain ? domain->state() : Result<DomainState>(domain.error());
    return state && *state != DomainState::ShutOff;
}

Error InPlaceRestore::rollback(Journal &journal, const Error &cause, bool vmTouched)
{
    qCWarning(lcJobs).noquote() << "Restore of" << m_info.name << "failed, undoing:" << cause.toString();
    const Status undone = RestoreRecovery::undoSwaps(m_ctx.conn, m_swaps);
    if (m_defined) {
        // Removed again, as it was before the restore; its images are back where they were.
        if (Status s = RestoreRecovery::undefineRecreated(m_ctx.conn, m_ctx.vmUuid); !s) {
            qCWarning(lcJobs).noquote() << s.error().toString();
        }
    }
    if (!m_memoryFile.isEmpty()) {
        (void)RestoreFiles::remove(m_ctx.conn, m_memoryFile);
    }
    if (!undone) {
        // Keep the journal: Recovery tries again at the next start of Rewind.
        return Error(cause.code(),
            tr("%1 Putting the images of '%2' back failed as well (%3); Rewind tries again the next time it "
               "starts. Its own images are at: %4")
                .arg(cause.message(), m_info.name, undone.error().message(),
                    [this] {
                        QStringList names;
                        for (const ImageSwap &s : std::as_const(m_swaps)) {
                            names << s.safety;
                        }
                        return names.join(QStringLiteral(", "));
                    }()),
            cause.detail() + QStringLiteral("; ") + undone.error().detail());
    }
    (void)journal.clear();
    QString after;
    if (m_removed) {
        after = vmTouched ? tr("Images that were at the paths of '%1' are back in place, and '%1' is still "
                               "not defined in libvirt.")
                                .arg(m_info.name)
                          : tr("Nothing was changed.");
    } else if (!vmTouched) {
        after = tr("'%1' was not changed.").arg(m_info.name);
    } else if (m_wasActive && !stillRunning()) {
        after = tr("'%1' is back on its own images, but it was stopped for the restore; start it with: virsh "
                   "start '%1'")
                    .arg(m_info.name);
    } else {
        after = tr("'%1' is back on its own images.").arg(m_info.name);
    }
    return Error(
        cause.code(), cause.message() + QLatin1Char(' ') + after, cause.detail(), cause.libvirtCode());
}

Result<RestoreOutcome> InPlaceRestore::run()
{
    if (Status s = preflight(); !s) {
        return s.error();
    }
    m_ctx.startVerify();
    auto journal = m_ctx.beginJournal(QJsonObject {
        {QLatin1String(RestoreJournal::Mode), QLatin1String(RestoreJournal::InPlace)},
        {QLatin1String(RestoreJournal::Swaps), ImageSwap::toJson(m_swaps)},
        {QLatin1String(RestoreJournal::MemoryFile), m_memoryFile},
        {QLatin1String(RestoreJournal::KeepSafety), m_ctx.request.keepSafetyCopy},
        {QLatin1String(RestoreJournal::Recreate), m_removed},
    });
    if (!journal) {
        return journal.error();
    }
    if (Status s = stage(*journal); !s) {
        return rollback(*journal, s.error(), false);
    }
    if (m_withMemory) {
        if (Status s = prepareMemory(); !s) {
            return rollback(*journal, s.error(), false);
        }
    }
    if (Status s = m_ctx.finishVerify(); !s) {
        return rollback(*journal, s.error(), false);
    }
    // The VM's images are replaced below it; an overlay of Rewind's on top would be left
    // pointing at the wrong content, so the VM goes back to its own images first. Only
    // now, so that a restore refused or cancelled before leaves the tracking as it was.
    // A removed VM runs on nothing; its record is dropped once it is back.
    if (!m_removed) {
        if (Status s = ChangeTracking::stop(m_ctx.conn, m_ctx.repository, m_domain, m_ctx.lock, &m_ctx.notes);
            !s) {
            return rollback(*journal, s.error(), false);
        }
    }
    if (m_ctx.control.isCancelled()) {
        return rollback(*journal, m_ctx.control.cancelledError(), false);
    }
    // From here on the VM is stopped and its images move: no more cancelling. A VM found
    // started since the preflight and not stopped (no force) has not been touched.
    if (Status s = stopVm(*journal); !s) {
        return rollback(*journal, s.error(), m_wasActive);
    }
    if (Status s = swapImages(*journal); !s) {
        return rollback(*journal, s.error(), true);
    }
    (void)journal->advance(QLatin1String(RestoreJournal::Restoring));
    if (Status s = resume(); !s) {
        return rollback(*journal, s.error(), true);
    }
    (void)journal->advance(QLatin1String(RestoreJournal::Restored));

    m_ctx.control.setPhase(JobPhase::Finalize);
    RestoreOutcome outcome;
    if (m_removed) {
        // Its overlays build on the images just replaced: its next point is a full one.
        if (Status s = ChangeTracking::forget(m_ctx.repository, m_ctx.vmUuid); !s) {
            qCWarning(lcJobs).noquote() << s.error().toString();
        }
    }
    if (m_withMemory) {
        // The running VM has the restored disks; a later cold boot must get them too.
        // A removed VM runs as a transient one until this defines it.
        const auto persistence
            = m_removed ? RestoreRecovery::Persistence::Define : RestoreRecovery::Persistence::AsItIs;
        if (Status s = RestoreRecovery::defineRestoredDisks(m_ctx.conn, m_ctx.vmUuid, m_swaps, persistence);
            !s) {
            outcome.notes << (m_removed
                    ? tr(
                        "'%1' runs again, but it could not be defined in libvirt (%2), so libvirt forgets it "
                        "once it stops. Define it while it runs: virsh dumpxml --security-info '%1' > "
                        "'%1.xml' && virsh define '%1.xml'")
                    : tr("The definition of '%1' could not be updated to the restored images (%2); it "
                         "runs from them now, but check its disks before the next cold boot."))
                                 .arg(m_info.name, s.error().message());
        }
        (void)RestoreFiles::remove(m_ctx.conn, m_memoryFile);
    }
    if (Status s = RestoreRecovery::dropSafetyCopies(m_ctx.conn, m_swaps, m_ctx.request.keepSafetyCopy); !s) {
        outcome.notes << tr("A replaced image could not be removed: %1").arg(s.error().message());
    }
    (void)journal->clear();
    m_ctx.control.report(m_totalBytes, m_totalBytes, true);

    outcome.domainName = m_info.name;
    outcome.domainUuid = m_info.uuid;
    outcome.memoryRestored = m_withMemory;
    outcome.redefined = m_removed;
    outcome.running = stillRunning();
    for (const ImageSwap &s : std::as_const(m_swaps)) {
        outcome.files << s.path;
        if (m_ctx.request.keepSafetyCopy && s.hadImage) {
            outcome.safetyCopies << s.safety;
        }
    }
    if (!m_oldOverlays.isEmpty()) {
        outcome.notes << tr("The overlays of Rewind's that '%1' ran on until it was removed are left as "
                            "they were: %2. They build on the images replaced now, so '%1' does not use "
                            "them; delete them once you no longer need what '%1' wrote after its last point.")
                             .arg(m_info.name, m_oldOverlays.join(QStringLiteral(", ")));
    }
    if (!m_withMemory && !outcome.running) {
        outcome.notes << tr(
            "Point %1 holds no RAM state, so '%2' is shut off on the restored disks. Start it "
            "with: virsh start '%2'")
                             .arg(m_ctx.point.id, m_info.name);
    }
    qCInfo(lcJobs) << "Restored" << m_info.name << "to point" << m_ctx.point.id;
    return outcome;
}

} // namespace Rewind
