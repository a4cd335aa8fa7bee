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
#include "repository/journal.h"
#include "transfer/zstdwriter.h"

#include <QFile>
#include <QJsonObject>

#include <libvirt/libvirt.h>

namespace Rewind {

InPlaceRestore::InPlaceRestore(RestoreContext &ctx) : m_ctx(ctx)
{ }

Status InPlaceRestore::stage(Journal &journal)
{
    m_ctx.control.setPhase(JobPhase::Copy);
    (void)journal.advance(QLatin1String(RestoreJournal::Copying));
    qint64 done = 0;
    for (int i = 0; i < m_plan.swaps.size(); ++i) {
        const ImageSwap &s = m_plan.swaps.at(i);
        const PointManifest::Disk &disk = m_plan.sources.at(i);
        if (m_ctx.control.isCancelled()) {
            return m_ctx.control.cancelledError();
        }
        RestoreFiles::ImageSpec spec {
            m_ctx.point.dir, disk, s.staged, s.format, RestoreFiles::Access::Local, m_ctx.scratchDir()};
        const Status written = m_ctx.writeImage(spec, done, m_plan.totalBytes);
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
    QString nvram;
    for (const ImageSwap &s : std::as_const(m_plan.swaps)) {
        if (s.target == ImageSwap::NvramTarget) {
            nvram = s.path;
            continue;
        }
        paths.insert(s.target, s.path);
        formats.insert(s.target, s.format);
    }
    auto rewritten = DomainXml::rewriteDisks(xml, paths, formats);
    if (!rewritten || nvram.isEmpty()) {
        return rewritten;
    }
    // The variables were put back where the VM keeps them now, which the saved definition
    // of a full-state point does not name if the file has moved since the point.
    return DomainXml::rewriteNvram(*rewritten, nvram);
}

Status InPlaceRestore::prepareMemory()
{
    const PointManifest::Memory &memory = *m_ctx.manifest.memory;
    const QString stored = m_ctx.point.dir + QLatin1Char('/') + memory.fileName;
    const qint64 before = m_plan.totalBytes - memory.rawSize;
    const Status unpacked = zstdDecompressFile(
        stored, m_plan.memoryFile, m_ctx.control.cancelFlag(), [&](qint64 done, qint64 total) {
            // done/total count compressed bytes read; scale them to the RAM image's size.
            m_ctx.control.report(before + (total > 0 ? memory.rawSize * done / total : 0), m_plan.totalBytes);
        });
    if (!unpacked) {
        return unpacked;
    }
    auto saved = RestoreLibvirt::secureSaveImageXml(m_ctx.conn, m_plan.memoryFile);
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
    if (!m_plan.removed) {
        // Read again rather than taken from the preflight: a VM shut off then may have been
        // started (virt-manager, virsh) while the point's images were written.
        auto state = m_plan.domain.state();
        if (!state) {
            return state.error();
        }
        if (*state != DomainState::ShutOff) {
            if (!m_ctx.request.force) {
                return Error(ErrorCode::Conflict,
                    tr("'%1' was started while the point's images were being written. Restoring it in place "
                       "stops it and replaces its disks; restore again with --force to do so, or once it is "
                       "shut off.")
                        .arg(m_plan.info.name));
            }
            qCInfo(lcJobs) << "Stopping" << m_plan.info.name << "for the restore, as asked (--force)";
            if (Status s = m_plan.domain.destroy(); !s) {
                return s;
            }
            m_plan.wasActive = true;
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
    for (const ImageSwap &s : std::as_const(m_plan.swaps)) {
        if (s.hadImage) {
            if (Status r = RestoreFiles::renameFile(s.path, s.safety); !r) {
                return r;
            }
        }
    }
    faultPoint("restore-moved-aside");
    for (const ImageSwap &s : std::as_const(m_plan.swaps)) {
        if (Status r = RestoreFiles::renameFile(s.staged, s.path); !r) {
            return r;
        }
    }
    faultPoint("restore-swapped");
    // A start after the check above and before the renames opened the VM's own images,
    // which now sit at their safety names and would be deleted under it. (A start while
    // they are renamed finds no image and fails; one from now on opens the restored ones.)
    if (!m_plan.removed && stillRunning()) {
        return Error(ErrorCode::Conflict,
            tr("'%1' was started while its images were being replaced.").arg(m_plan.info.name));
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
    if (m_plan.withMemory) {
        qCInfo(lcJobs) << "Bringing back" << m_plan.info.name << "from the point's RAM image";
        if (Status s
            = Libvirt::restoreDomain(m_ctx.conn, m_plan.memoryFile, m_resumeXml, VIR_DOMAIN_SAVE_RUNNING);
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
    qCInfo(lcJobs) << "Defining" << m_plan.info.name << "again from point" << m_ctx.point.id;
    auto defined = Libvirt::Domain::defineXml(m_ctx.conn, *xml);
    if (!defined) {
        return defined.error();
    }
    m_defined = true;
    m_plan.domain = *defined;
    return m_ctx.request.start ? m_plan.domain.create() : Status();
}

Status InPlaceRestore::resume()
{
    if (m_plan.removed) {
        return recreate();
    }
    if (m_plan.withMemory) {
        qCInfo(lcJobs) << "Resuming" << m_plan.info.name << "from the point's RAM image";
        if (Status s
            = Libvirt::restoreDomain(m_ctx.conn, m_plan.memoryFile, m_resumeXml, VIR_DOMAIN_SAVE_RUNNING);
            !s) {
            return s;
        }
        // Only now: had the restore failed, the saved state would still match the disks put back.
        if (m_plan.hadManagedSave) {
            if (Status s = RestoreLibvirt::removeManagedSave(m_plan.domain); !s) {
                m_ctx.notes << tr("The old saved state of '%1' could not be removed (%2); remove it with "
                                  "'virsh managedsave-remove' before its next start.")
                                   .arg(m_plan.info.name, s.error().message());
            }
        }
        return {};
    }
    // Before a start, which would otherwise resume the saved state on the restored disks.
    if (m_plan.hadManagedSave) {
        if (Status s = RestoreLibvirt::removeManagedSave(m_plan.domain); !s) {
            return s;
        }
    }
    if (Status s = RestoreRecovery::defineRestoredDisks(m_ctx.conn, m_ctx.vmUuid, m_plan.swaps); !s) {
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
    qCWarning(lcJobs).noquote() << "Restore of" << m_plan.info.name << "failed, undoing:" << cause.toString();
    const Status undone = RestoreRecovery::undoSwaps(m_ctx.conn, m_plan.swaps);
    if (m_defined) {
        // Removed again, as it was before the restore; its images are back where they were.
        if (Status s = RestoreRecovery::undefineRecreated(m_ctx.conn, m_ctx.vmUuid); !s) {
            qCWarning(lcJobs).noquote() << s.error().toString();
        }
    }
    if (!m_plan.memoryFile.isEmpty()) {
        (void)RestoreFiles::remove(m_ctx.conn, m_plan.memoryFile);
    }
    if (!undone) {
        // Keep the journal: Recovery tries again at the next start of Rewind.
        return Error(cause.code(),
            tr("%1 Putting the images of '%2' back failed as well (%3); Rewind tries again the next time it "
               "starts. Its own images are at: %4")
                .arg(cause.message(), m_plan.info.name, undone.error().message(),
                    [this] {
                        QStringList names;
                        for (const ImageSwap &s : std::as_const(m_plan.swaps)) {
                            names << s.safety;
                        }
                        return names.join(QStringLiteral(", "));
                    }()),
            cause.detail() + QStringLiteral("; ") + undone.error().detail());
    }
    (void)journal.clear();
    QString after;
    if (m_plan.removed) {
        after = vmTouched ? tr("Images that were at the paths of '%1' are back in place, and '%1' is still "
                               "not defined in libvirt.")
                                .arg(m_plan.info.name)
                          : tr("Nothing was changed.");
    } else if (!vmTouched) {
        after = tr("'%1' was not changed.").arg(m_plan.info.name);
    } else if (m_plan.wasActive && !stillRunning()) {
        after = tr("'%1' is back on its own images, but it was stopped for the restore; start it with: virsh "
                   "start '%1'")
                    .arg(m_plan.info.name);
    } else {
        after = tr("'%1' is back on its own images.").arg(m_plan.info.name);
    }
    return Error(
        cause.code(), cause.message() + QLatin1Char(' ') + after, cause.detail(), cause.libvirtCode());
}

Result<RestoreOutcome> InPlaceRestore::run()
{
    auto plan = InPlacePreflight::run(m_ctx);
    if (!plan) {
        return plan.error();
    }
    m_plan = std::move(*plan);
    m_ctx.startVerify();
    auto journal = m_ctx.beginJournal(QJsonObject {
        {QLatin1String(RestoreJournal::Mode), QLatin1String(RestoreJournal::InPlace)},
        {QLatin1String(RestoreJournal::Swaps), ImageSwap::toJson(m_plan.swaps)},
        {QLatin1String(RestoreJournal::MemoryFile), m_plan.memoryFile},
        {QLatin1String(RestoreJournal::KeepSafety), m_ctx.request.keepSafetyCopy},
        {QLatin1String(RestoreJournal::Recreate), m_plan.removed},
    });
    if (!journal) {
        return journal.error();
    }
    if (Status s = stage(*journal); !s) {
        return rollback(*journal, s.error(), false);
    }
    if (m_plan.withMemory) {
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
    if (!m_plan.removed) {
        if (Status s
            = ChangeTracking::stop(m_ctx.conn, m_ctx.repository, m_plan.domain, m_ctx.lock, &m_ctx.notes);
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
        return rollback(*journal, s.error(), m_plan.wasActive);
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
    if (m_plan.removed) {
        // Its overlays build on the images just replaced: its next point is a full one.
        if (Status s = ChangeTracking::forget(m_ctx.repository, m_ctx.vmUuid); !s) {
            qCWarning(lcJobs).noquote() << s.error().toString();
        }
    }
    if (m_plan.withMemory) {
        // The running VM has the restored disks; a later cold boot must get them too.
        // A removed VM runs as a transient one until this defines it.
        const auto persistence
            = m_plan.removed ? RestoreRecovery::Persistence::Define : RestoreRecovery::Persistence::AsItIs;
        if (Status s
            = RestoreRecovery::defineRestoredDisks(m_ctx.conn, m_ctx.vmUuid, m_plan.swaps, persistence);
            !s) {
            outcome.notes << (m_plan.removed
                    ? tr(
                        "'%1' runs again, but it could not be defined in libvirt (%2), so libvirt forgets it "
                        "once it stops. Define it while it runs: virsh dumpxml --security-info '%1' > "
                        "'%1.xml' && virsh define '%1.xml'")
                    : tr("The definition of '%1' could not be updated to the restored images (%2); it "
                         "runs from them now, but check its disks before the next cold boot."))
                                 .arg(m_plan.info.name, s.error().message());
        }
        (void)RestoreFiles::remove(m_ctx.conn, m_plan.memoryFile);
    }
    if (Status s = RestoreRecovery::dropSafetyCopies(m_ctx.conn, m_plan.swaps, m_ctx.request.keepSafetyCopy);
        !s) {
        outcome.notes << tr("A replaced image could not be removed: %1").arg(s.error().message());
    }
    (void)journal->clear();
    m_ctx.control.report(m_plan.totalBytes, m_plan.totalBytes, true);

    outcome.domainName = m_plan.info.name;
    outcome.domainUuid = m_plan.info.uuid;
    outcome.memoryRestored = m_plan.withMemory;
    outcome.redefined = m_plan.removed;
    outcome.running = stillRunning();
    for (const ImageSwap &s : std::as_const(m_plan.swaps)) {
        outcome.files << s.path;
        if (m_ctx.request.keepSafetyCopy && s.hadImage) {
            outcome.safetyCopies << s.safety;
        }
    }
    if (!m_plan.oldOverlays.isEmpty()) {
        outcome.notes << tr("The overlays of Rewind's that '%1' ran on until it was removed are left as "
                            "they were: %2. They build on the images replaced now, so '%1' does not use "
                            "them; delete them once you no longer need what '%1' wrote after its last point.")
                             .arg(m_plan.info.name, m_plan.oldOverlays.join(QStringLiteral(", ")));
    }
    if (!m_plan.withMemory && !outcome.running) {
        outcome.notes << tr(
            "Point %1 holds no RAM state, so '%2' is shut off on the restored disks. Start it "
            "with: virsh start '%2'")
                             .arg(m_ctx.point.id, m_plan.info.name);
    }
    qCInfo(lcJobs) << "Restored" << m_plan.info.name << "to point" << m_ctx.point.id;
    return outcome;
}

} // namespace Rewind
