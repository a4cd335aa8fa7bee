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

Result<VmSettings> VmSettings::loadReadable(
    const Repository &repository, const QString &vmUuid, QList<Error> *problems)
{
    VmSettings settings;
    auto record = repository.loadVm(vmUuid);
    if (!record) {
        if (record.error().code() == ErrorCode::NotFound) {
            return settings;
        }
        return record.error();
    }
    const auto report = [problems](const Error &e) {
        if (problems) {
            problems->append(e);
        }
    };
    // An empty object is a part never set: its defaults.
    if (!record->schedule.isEmpty()) {
        if (auto schedule = Schedule::fromJson(record->schedule)) {
            settings.schedule = *schedule;
        } else {
            report(schedule.error().withContext(tr("The stored schedule cannot be read: ")));
        }
    }
    if (!record->retention.isEmpty()) {
        if (auto retention = RetentionPolicy::fromJson(record->retention)) {
            settings.retention = *retention;
        } else {
            report(retention.error().withContext(tr("The stored retention policy cannot be read: ")));
        }
    }
    if (!record->chain.isEmpty()) {
        if (auto chain = ChainPolicy::fromJson(record->chain)) {
            settings.chain = *chain;
        } else {
            report(chain.error().withContext(tr("The stored chain policy cannot be read: ")));
        }
    }
    return settings;
}

Status VmSettings::save(
    const Repository &repository, const QString &vmUuid, const QString &vmName, const VmSettings &settings)
{
    if (Status valid = settings.schedule.validate(); !valid) {
        return valid;
    }
    return update(repository, vmUuid, vmName, QStringLiteral("settings"), [&](VmRecord &vm) {
        vm.schedule = settings.schedule.toJson();
        vm.retention = settings.retention.toJson();
        vm.chain = settings.chain.toJson();
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
