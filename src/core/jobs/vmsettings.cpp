#include "vmsettings.h"

#include "repository/repositorylock.h"

namespace Rewind {

Result<VmSettings> VmSettings::load(const Repository &repository, const QString &vmUuid)
{
    QList<Error> problems;
    auto settings = loadReadable(repository, vmUuid, &problems);
    if (settings && !problems.isEmpty()) {
        return problems.first();
    }
    return settings;
}

VmSettings::Parts VmSettings::differences(const VmSettings &other) const
{
    Parts parts;
    parts.setFlag(Part::Schedule, schedule != other.schedule);
    parts.setFlag(Part::Retention, retention != other.retention);
    parts.setFlag(Part::Chain, chain != other.chain);
    return parts;
}

Result<VmSettings> VmSettings::loadReadable(
    const Repository &repository, const QString &vmUuid, QList<Error> *problems, Parts *unreadable)
{
    VmSettings settings;
    auto record = repository.loadVm(vmUuid);
    if (!record) {
        if (record.error().code() == ErrorCode::NotFound) {
            return settings;
        }
        return record.error();
    }
    const auto report = [problems, unreadable](Part part, const Error &e) {
        if (problems) {
            problems->append(e);
        }
        if (unreadable) {
            *unreadable |= part;
        }
    };
    // An empty object is a part never set: its defaults.
    if (!record->schedule.isEmpty()) {
        if (auto schedule = Schedule::fromJson(record->schedule)) {
            settings.schedule = *schedule;
        } else {
            report(Part::Schedule, schedule.error().withContext(tr("The stored schedule cannot be read: ")));
        }
    }
    if (!record->retention.isEmpty()) {
        if (auto retention = RetentionPolicy::fromJson(record->retention)) {
            settings.retention = *retention;
        } else {
            report(Part::Retention,
                retention.error().withContext(tr("The stored retention policy cannot be read: ")));
        }
    }
    if (!record->chain.isEmpty()) {
        if (auto chain = ChainPolicy::fromJson(record->chain)) {
            settings.chain = *chain;
        } else {
            report(Part::Chain, chain.error().withContext(tr("The stored chain policy cannot be read: ")));
        }
    }
    return settings;
}

Status VmSettings::save(const Repository &repository, const QString &vmUuid, const QString &vmName,
    const VmSettings &settings, Parts parts)
{
    if (Status valid = settings.schedule.validate(); parts.testFlag(Part::Schedule) && !valid) {
        return valid;
    }
    return update(repository, vmUuid, vmName, QStringLiteral("settings"), [&](VmRecord &vm) {
        if (parts.testFlag(Part::Schedule)) {
            vm.schedule = settings.schedule.toJson();
        }
        if (parts.testFlag(Part::Retention)) {
            vm.retention = settings.retention.toJson();
        }
        if (parts.testFlag(Part::Chain)) {
            vm.chain = settings.chain.toJson();
        }
        return Status();
    });
}

Status VmSettings::update(const Repository &repository, const QString &vmUuid, const QString &vmName,
    const QString &purpose, const std::function<Status(VmRecord &record)> &change)
{
    auto lock = RepositoryLock::acquire(repository, vmUuid, vmName, purpose);
    if (!lock) {
        return lock.error();
    }
    auto record = repository.loadVm(vmUuid);
    if (!record && record.error().code() != ErrorCode::NotFound) {
        return record.error();
    }
    VmRecord vm = record ? *record : VmRecord {vmUuid, {}, {}, {}, {}, {}};
    if (!vmName.isEmpty()) {
        vm.noteName(vmName);
    }
    if (Status changed = change(vm); !changed) {
        return changed;
    }
    return repository.saveVm(vm);
}

} // namespace Rewind
