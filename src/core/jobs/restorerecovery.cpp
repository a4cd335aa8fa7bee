#include "restorerecovery.h"

#include "jobs/changetracking.h"
#include "jobs/restorefiles.h"
#include "libvirt/domain.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "repository/journal.h"

#include <QJsonArray>
#include <QLocale>

#include <libvirt/libvirt.h>

namespace Rewind {

namespace {

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const auto &v : value.toArray()) {
        list << v.toString();
    }
    return list;
}

int stateRank(const QString &state)
{
    static const QStringList order {QStringLiteral("intent"), QLatin1String(RestoreJournal::Copying),
        QLatin1String(RestoreJournal::Stopping), QLatin1String(RestoreJournal::Swapping),
        QLatin1String(RestoreJournal::Restoring), QLatin1String(RestoreJournal::Restored),
        QLatin1String(RestoreJournal::Defined)};
    return int(order.indexOf(state));
}

bool isRunning(const Libvirt::ConnectHandle &conn, const QString &uuid)
{
    auto domain = Libvirt::Domain::lookup(conn, uuid);
    if (!domain) {
        return false;
    }
    auto state = domain->state();
    return state && *state != DomainState::ShutOff;
}

QString startHint(const Libvirt::ConnectHandle &conn, const QString &uuid, const QString &name)
{
    if (isRunning(conn, uuid)) {
        return {};
    }
    return RestoreRecovery::tr(" It is shut off; start it with: virsh start '%1'").arg(name);
}

} // namespace

Status RestoreRecovery::undoSwaps(const Libvirt::ConnectHandle &conn, const QList<ImageSwap> &swaps)
{
    Status result;
    for (const ImageSwap &s : swaps) {
        if (s.hadImage && RestoreFiles::exists(s.safety)) {
            // The VM's own image is at the safety name, so whatever is at path is ours.
            Status step = RestoreFiles::remove(conn, s.path);
            if (step) {
                step = RestoreFiles::renameFile(s.safety, s.path);
            }
            if (!step && result) {
                result = step;
            }
        } else if (!s.hadImage && !RestoreFiles::exists(s.staged) && RestoreFiles::exists(s.path)) {
            // There was no image to move aside, and the staged copy was renamed in.
            (void)RestoreFiles::remove(conn, s.path);
        }
        (void)RestoreFiles::remove(conn, s.staged);
        (void)RestoreFiles::remove(conn, RestoreJournal::partialPathFor(s.staged));
    }
    return result;
}

Status RestoreRecovery::dropSafetyCopies(
    const Libvirt::ConnectHandle &conn, const QList<ImageSwap> &swaps, bool keepSafetyCopies)
{
    Status result;
    for (const ImageSwap &s : swaps) {
        (void)RestoreFiles::remove(conn, s.staged);
        (void)RestoreFiles::remove(conn, RestoreJournal::partialPathFor(s.staged));
        if (!keepSafetyCopies && s.hadImage) {
            if (Status r = RestoreFiles::remove(conn, s.safety); !r && result) {
                result = r;
            }
        }
    }
    return result;
}

Status RestoreRecovery::defineRestoredDisks(const Libvirt::ConnectHandle &conn, const QString &vmUuid,
    const QList<ImageSwap> &swaps, Persistence persistence)
{
    auto domain = Libvirt::Domain::lookup(conn, vmUuid);
    if (!domain) {
        return domain.error();
    }
    auto persistent = domain->isPersistent();
    if (!persistent) {
        return persistent.error();
    }
    if (!*persistent && persistence == Persistence::AsItIs) {
        return {};
    }
    // SECURE: a definition read without it lacks passwords (VNC, SPICE), and defining it
    // would silently remove them. A transient VM has only its running definition.
    const unsigned flags = VIR_DOMAIN_XML_SECURE | (*persistent ? VIR_DOMAIN_XML_INACTIVE : 0);
    auto inactive = domain->xmlDesc(flags);
    if (!inactive) {
        return inactive.error();
    }
    auto disks = DomainXml::parseDisks(*inactive);
    if (!disks) {
        return disks.error();
    }
    QHash<QString, QString> paths;
    QHash<QString, QString> formats;
    for (const ImageSwap &s : swaps) {
        const bool known = std::any_of(
            disks->cbegin(), disks->cend(), [&](const DiskInfo &d) { return d.target == s.target; });
        if (known) {
            paths.insert(s.target, s.path);
            formats.insert(s.target, s.format);
        }
    }
    auto xml = DomainXml::rewriteDisks(*inactive, paths, formats);
    if (!xml) {
        return xml.error();
    }
    auto defined = Libvirt::Domain::defineXml(conn, *xml);
    return defined ? Status() : Status(defined.error());
}

Status RestoreRecovery::undefineRecreated(const Libvirt::ConnectHandle &conn, const QString &vmUuid)
{
    auto domain = Libvirt::Domain::lookup(conn, vmUuid);
    if (!domain) {
        return domain.error().code() == ErrorCode::NotFound ? Status() : Status(domain.error());
    }
    auto state = domain->state();
    if (!state) {
        return state.error();
    }
    if (*state != DomainState::ShutOff) {
        return {};
    }
    auto persistent = domain->isPersistent();
    // Its UEFI variables file is kept: what is at that path now is what was there before
    // the restore (put back by undoSwaps()), and libvirt refuses to undefine a UEFI VM
    // without being told what to do with it.
    return persistent && *persistent ? domain->undefine(VIR_DOMAIN_UNDEFINE_KEEP_NVRAM) : Status();
}

void RestoreRecovery::removeCreated(const Libvirt::ConnectHandle &conn, const QStringList &files)
{
    for (const QString &f : files) {
        if (Status s = RestoreFiles::remove(conn, f); !s) {
            qCWarning(lcJobs).noquote() << s.error().toString();
        }
        (void)RestoreFiles::remove(conn, RestoreJournal::partialPathFor(f));
    }
}

Status RestoreRecovery::recover(const Libvirt::ConnectHandle &conn, const Repository &repository,
    const Journal &journal, QStringList *messages)
{
    const QJsonObject payload = journal.payload();
    const QString mode = payload.value(QLatin1String(RestoreJournal::Mode)).toString();
    const QString pointId = payload.value(QLatin1String(RestoreJournal::PointId)).toString();
    const QString vm = journal.vmName();
    const QString when = QLocale().toString(journal.started().toLocalTime(), QLocale::ShortFormat);
    const int rank = stateRank(journal.state());
    const QStringList scratch = toStringList(payload.value(QLatin1String(RestoreJournal::Scratch)));
    removeCreated(conn, scratch);

    if (mode == QLatin1String(RestoreJournal::InPlace)) {
        const QList<ImageSwap> swaps
            = ImageSwap::fromJson(payload.value(QLatin1String(RestoreJournal::Swaps)).toArray());
        const QString memory = payload.value(QLatin1String(RestoreJournal::MemoryFile)).toString();
        const bool keep = payload.value(QLatin1String(RestoreJournal::KeepSafety)).toBool();
        const bool recreate = payload.value(QLatin1String(RestoreJournal::Recreate)).toBool();
        if (!memory.isEmpty()) {
            (void)RestoreFiles::remove(conn, memory);
        }
        const bool finished = rank >= stateRank(QLatin1String(RestoreJournal::Restored))
            || (rank == stateRank(QLatin1String(RestoreJournal::Restoring))
                && isRunning(conn, journal.vmUuid()));
        if (finished) {
            const auto persistence = recreate ? Persistence::Define : Persistence::AsItIs;
            if (Status s = defineRestoredDisks(conn, journal.vmUuid(), swaps, persistence); !s) {
                qCWarning(lcJobs).noquote()
                    << "Definition of" << vm << "not updated:" << s.error().toString();
            }
            if (Status s = dropSafetyCopies(conn, swaps, keep); !s) {
                return s;
            }
            if (recreate) {
                (void)ChangeTracking::forget(repository, journal.vmUuid());
            }
            messages->append(tr("Finished an interrupted restore of '%1' to point %2 (started %3, stopped at "
                                "step '%4'): it runs from the restored images.")
                                 .arg(vm, pointId, when, journal.state()));
            return {};
        }
        if (Status s = undoSwaps(conn, swaps); !s) {
            return s;
        }
        if (recreate) {
            if (Status s = undefineRecreated(conn, journal.vmUuid()); !s) {
                return s;
            }
            messages->append(
                tr("Undid an interrupted restore of the removed VM '%1' to point %2 (started %3, "
                   "stopped at step '%4'): it is still not defined in libvirt, and any images that "
                   "were at its paths are back in place.")
                    .arg(vm, pointId, when, journal.state()));
            return {};
        }
        const bool touched = rank >= stateRank(QLatin1String(RestoreJournal::Swapping));
        messages->append(
            (touched ? tr("Undid an interrupted restore of '%1' to point %2 (started %3, stopped at "
                          "step '%4'): its own images are back in place.%5")
                     : tr("Cleaned up an interrupted restore of '%1' to point %2 (started %3, "
                          "stopped at step '%4'): its images were not touched.%5"))
                .arg(vm, pointId, when, journal.state(), startHint(conn, journal.vmUuid(), vm)));
        return {};
    }

    const QStringList files = toStringList(payload.value(QLatin1String(RestoreJournal::Files)));
    const QStringList created = toStringList(payload.value(QLatin1String(RestoreJournal::Created)));
    if (mode == QLatin1String(RestoreJournal::AsNew)) {
        const QString newName = payload.value(QLatin1String(RestoreJournal::NewName)).toString();
        const QString newUuid = payload.value(QLatin1String(RestoreJournal::NewUuid)).toString();
        if (rank >= stateRank(QLatin1String(RestoreJournal::Defined)) && !newUuid.isEmpty()) {
            messages->append(
                tr("A restore of point %1 of '%2' as the new VM '%3' was interrupted after '%3' was "
                   "defined with all its disks; it is kept.%4")
                    .arg(pointId, vm, newName, startHint(conn, newUuid, newName)));
            return {};
        }
        removeCreated(conn, files);
        messages->append(tr("Removed the partial images of an interrupted restore of point %1 of '%2' as "
                            "the new VM '%3' (started %4); '%2' itself was not touched.")
                             .arg(pointId, vm, newName, when));
        return {};
    }

    if (mode == QLatin1String(RestoreJournal::Export)) {
        QStringList partial;
        for (const QString &f : files) {
            if (!created.contains(f)) {
                partial << f;
            }
        }
        removeCreated(conn, partial);
        messages->append(
            tr("Removed the partial images of an interrupted export of point %1 of '%2'%3.")
                .arg(pointId, vm,
                    created.isEmpty()
                        ? QString()
                        : tr("; kept the finished ones: %1").arg(created.join(QStringLiteral(", ")))));
        return {};
    }
    messages->append(
        tr("A restore journal of '%1' with an unknown mode '%2' was removed; nothing was changed.")
            .arg(vm, mode));
    return {};
}

} // namespace Rewind
