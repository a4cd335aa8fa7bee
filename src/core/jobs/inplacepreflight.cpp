#include "inplacepreflight.h"

#include "jobs/changetracking.h"
#include "jobs/restorecontext.h"
#include "jobs/restorefiles.h"
#include "jobs/restorelibvirt.h"
#include "libvirt/domainxml.h"
#include "repository/filesystem.h"

#include <QFileInfo>

#include <libvirt/libvirt.h>

namespace Rewind {

InPlacePreflight::InPlacePreflight(RestoreContext &ctx) : m_ctx(ctx)
{ }

Result<InPlacePlan> InPlacePreflight::run(RestoreContext &ctx)
{
    InPlacePreflight p(ctx);
    p.m_plan.withMemory
        = ctx.manifest.method == PointManifest::Method::FullState && ctx.manifest.memory.has_value();
    auto domain = Libvirt::Domain::lookup(ctx.conn, ctx.vmUuid);
    if (!domain) {
        if (domain.error().code() != ErrorCode::NotFound) {
            return domain.error();
        }
        if (Status s = p.removed(); !s) {
            return s.error();
        }
    } else if (Status s = p.existing(*domain); !s) {
        return s.error();
    }

    QHash<QString, qint64> space;
    if (Status s = p.disks(space); !s) {
        return s.error();
    }
    if (Status s = p.nvram(space); !s) {
        return s.error();
    }
    InPlacePlan &plan = p.m_plan;
    if (plan.withMemory) {
        plan.memoryFile
            = ctx.scratchDir() + QStringLiteral("/.restore-") + ctx.point.id + QStringLiteral(".save");
        space[ctx.scratchDir()] += ctx.manifest.memory->rawSize;
        plan.totalBytes += ctx.manifest.memory->rawSize;
    }
    if (Status s = RestoreFiles::checkSpace(space, tr("Restoring '%1'").arg(plan.info.name)); !s) {
        return s.error();
    }
    return plan;
}

Status InPlacePreflight::existing(const Libvirt::Domain &domain)
{
    m_plan.domain = domain;
    auto info = domain.info();
    if (!info) {
        return info.error();
    }
    m_plan.info = *info;
    const DomainInfo &vm = m_plan.info;
    m_plan.wasActive = vm.state != DomainState::ShutOff;
    if (m_plan.wasActive && !m_ctx.request.force) {
        return Error(ErrorCode::Conflict,
            tr("'%1' is %2. Restoring it in place stops it and replaces its disks%3 with those of point %4. "
               "Add --force to do so, or restore the point beside it as a new VM with --as NAME. Nothing "
               "was changed.")
                .arg(vm.name, domainStateText(vm.state).toLower(),
                    m_plan.withMemory ? tr(" and RAM") : QString(), m_ctx.point.id));
    }
    auto saved = RestoreLibvirt::hasManagedSave(domain);
    if (!saved) {
        return saved.error();
    }
    m_plan.hadManagedSave = *saved;
    if (m_plan.hadManagedSave && !m_ctx.request.force) {
        return Error(ErrorCode::Conflict,
            tr("'%1' has a saved state (virsh managedsave) that belongs to its current disks. Restoring it "
               "in "
               "place discards that state; add --force to do so. Nothing was changed.")
                .arg(vm.name));
    }
    if (!vm.persistent && !m_plan.withMemory) {
        return Error(ErrorCode::Unsupported,
            tr("'%1' is a transient VM (libvirt forgets it once it stops), and point %2 holds no RAM state "
               "to resume it from. Restore the point as a new VM with --as NAME instead. Nothing was "
               "changed.")
                .arg(vm.name, m_ctx.point.id));
    }
    return {};
}

Result<QHash<QString, QString>> InPlacePreflight::pathUsers() const
{
    QHash<QString, QString> users;
    auto all = Libvirt::Domain::listAll(m_ctx.conn);
    if (!all) {
        return all.error();
    }
    for (const Libvirt::Domain &other : std::as_const(*all)) {
        auto definition = other.currentDefinition();
        if (!definition) {
            continue;
        }
        for (const DiskInfo &d : std::as_const(definition->disks)) {
            for (const QString &path : QStringList {d.path} + d.backingChain) {
                users.insert(path, other.name());
            }
        }
        if (const QString vars = DomainXml::nvramPath(definition->xml); !vars.isEmpty()) {
            users.insert(vars, other.name());
        }
    }
    return users;
}

Status InPlacePreflight::removed()
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
    m_plan.removed = true;
    m_plan.info.name = vm;
    m_plan.info.uuid = m_ctx.vmUuid;
    m_plan.info.state = DomainState::ShutOff;
    m_plan.info.persistent = true;

    // An image path another VM uses now is never taken over, with force or without.
    auto users = pathUsers();
    if (!users) {
        return users.error();
    }
    QStringList present;
    for (const PointManifest::Disk &d : m.disks) {
        if (users->contains(d.originalPath)) {
            return Error(ErrorCode::Conflict,
                tr("'%1' used %2 for disk %3, and the VM '%4' uses that image now. Restore the point as a "
                   "new VM instead (--as NAME). Nothing was changed.")
                    .arg(vm, d.originalPath, d.target, users->value(d.originalPath)));
        }
        if (RestoreFiles::exists(d.originalPath)) {
            present << d.originalPath;
        }
    }
    // Its UEFI variables file, like an image: never another VM's, replaced only with force.
    if (m.nvram) {
        const QString vars = m.nvram->originalPath;
        if (users->contains(vars)) {
            return Error(ErrorCode::Conflict,
                tr("'%1' kept its UEFI variables in %2, and the VM '%3' uses that file now. Restore the "
                   "point "
                   "as a new VM instead (--as NAME). Nothing was changed.")
                    .arg(vm, vars, users->value(vars)));
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
                m_plan.oldOverlays << overlay;
            }
        }
    }
    return {};
}

Status InPlacePreflight::disks(QHash<QString, qint64> &space)
{
    for (const PointManifest::Disk &d : m_ctx.manifest.disks) {
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
                    .arg(m_plan.info.name, dir, FileSystem::currentUserName()));
        }
        auto swap = planSwap(d.target, d.originalPath, d.sourceFormat);
        if (!swap) {
            return swap.error();
        }
        addSwap(*swap, d, space);

        for (const DiskInfo &current : std::as_const(m_plan.info.disks)) {
            const auto tracked = ChangeTracking::overlaysInUse({current});
            const bool trackedOverlay = !tracked.isEmpty() && tracked.first().originalPath == d.originalPath;
            if (current.target == d.target && !current.path.isEmpty() && current.path != d.originalPath
                && !trackedOverlay) {
                m_ctx.notes << tr(
                    "Disk %1 of '%2' now uses %3; the point's image is restored to %4, where it "
                    "was when the point was taken, and %3 is left as it is.")
                                   .arg(d.target, m_plan.info.name, current.path, d.originalPath);
            }
        }
    }
    return {};
}

Status InPlacePreflight::nvram(QHash<QString, qint64> &space)
{
    if (!m_ctx.manifest.nvram) {
        return {}; // not a UEFI VM, or a point taken before points held the variables
    }
    const PointManifest::Nvram &vars = *m_ctx.manifest.nvram;
    const QString stored = m_ctx.point.dir + QLatin1Char('/') + vars.fileName;
    // Where the VM keeps them now; a removed VM is defined again with the point's path.
    QString path = vars.originalPath;
    if (!m_plan.removed) {
        auto xml = m_plan.domain.xmlDesc(VIR_DOMAIN_XML_INACTIVE);
        if (!xml) {
            return xml.error();
        }
        path = DomainXml::nvramPath(*xml);
    }
    if (path.isEmpty()) {
        m_ctx.notes << tr("'%1' no longer has a UEFI variables file; the point's variables are not restored "
                          "and stay in the point as %2.")
                           .arg(m_plan.info.name, stored);
        return {};
    }
    const QString dir = QFileInfo(path).absolutePath();
    auto access = RestoreFiles::directoryAccess(dir);
    if (!access || *access != RestoreFiles::Access::Local) {
        m_ctx.notes << tr("The UEFI variables of '%1' (%2) are left as they are: user %3 may not change %4. "
                          "The point's variables are in %5.")
                           .arg(m_plan.info.name, path, FileSystem::currentUserName(), dir, stored);
        return {};
    }
    auto swap = planSwap(ImageSwap::NvramTarget, path, QStringLiteral("raw"));
    if (!swap) {
        return swap.error();
    }
    // Written like a raw disk image: a plain copy, checked against the point's hash by
    // the verification that runs beside the restore.
    PointManifest::Disk source;
    source.target = swap->target;
    source.sourceFormat = swap->format;
    source.originalPath = path;
    source.fileName = vars.fileName;
    source.storedFormat = swap->format;
    source.virtualSize = vars.storedSize;
    source.storedSize = vars.storedSize;
    source.allocatedSize = vars.storedSize;
    source.sha256 = vars.sha256;
    addSwap(*swap, source, space);
    return {};
}

Result<ImageSwap> InPlacePreflight::planSwap(
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

void InPlacePreflight::addSwap(
    const ImageSwap &swap, const PointManifest::Disk &source, QHash<QString, qint64> &space)
{
    m_plan.swaps.append(swap);
    m_plan.sources.append(source);
    const qint64 size = RestoreFiles::restoredSize(source);
    space[QFileInfo(swap.path).absolutePath()] += size;
    m_plan.totalBytes += size;
}

} // namespace Rewind
