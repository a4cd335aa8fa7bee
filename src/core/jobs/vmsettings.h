#pragma once

#include "policy/chainpolicy.h"
#include "policy/retentionpolicy.h"
#include "policy/schedule.h"
#include "repository/repository.h"
#include "repository/vmrecord.h"
#include "result.h"

#include <QCoreApplication>

#include <functional>

namespace Rewind {

/// The settings of one VM that live in the repository's vm.json, beside the backups they
/// govern: when the desktop application backs the VM up (Schedule), which points
/// retention keeps (RetentionPolicy) and when a new full point starts a chain
/// (ChainPolicy). What the Backup Settings dialog shows and stores; `rewindctl policy`
/// changes the same fields.
struct VmSettings
{
    Q_DECLARE_TR_FUNCTIONS(VmSettings)

public:
    /// The three parts, each a key of its own in vm.json.
    enum class Part { Schedule = 0x1, Retention = 0x2, Chain = 0x4 };
    Q_DECLARE_FLAGS(Parts, Part)
    static constexpr Parts AllParts = Parts(Part::Schedule) | Part::Retention | Part::Chain;

    Schedule schedule;
    RetentionPolicy retention;
    ChainPolicy chain;

    /// The parts in which other differs from these settings.
    Parts differences(const VmSettings &other) const;

    /// The VM's settings. A VM the repository has no record of yet, and any part never
    /// set, has the defaults: no schedule, keep every point, ChainPolicy(). A stored part
    /// that cannot be read fails with its error (ErrorCode::Usage, naming the key).
    static Result<VmSettings> load(const Repository &repository, const QString &vmUuid);

    /// Like load(), but a stored part that cannot be read keeps its defaults instead of
    /// failing the rest, *problems (if given) gets its error and *unreadable (if given)
    /// the part. Fails only when vm.json itself cannot be read. For an editor that shows
    /// what it can, and says what not.
    static Result<VmSettings> loadReadable(const Repository &repository, const QString &vmUuid,
        QList<Error> *problems, Parts *unreadable = nullptr);

    /// Stores the given parts of settings under the VM's lock, keeping the rest of vm.json
    /// (the other parts, names, the tracked overlays) as it is then; a VM without a
    /// record gets one. An editor passes the parts the user changed, so that what another
    /// program stored meanwhile in the others (`rewindctl policy`) is not lost. Fails with
    /// ErrorCode::Busy while a job holds the lock, and with ErrorCode::Usage, before
    /// anything is written, for a schedule that does not validate. Blocking (file I/O):
    /// call it from a worker.
    static Status save(const Repository &repository, const QString &vmUuid, const QString &vmName,
        const VmSettings &settings, Parts parts = AllParts);

    /// Changes vm.json under the VM's lock (purpose names the holder): loads the record as
    /// it is now (a new one for a VM without), lets change edit it, and saves it unless
    /// change fails. What change leaves alone keeps what is stored, also what another
    /// writer stored after the caller last read the record (a backup's tracking record,
    /// the settings another program changed). ErrorCode::Busy while a job holds the lock.
    static Status update(const Repository &repository, const QString &vmUuid, const QString &vmName,
        const QString &purpose, const std::function<Status(VmRecord &record)> &change);

    bool operator==(const VmSettings &other) const = default;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(VmSettings::Parts)

} // namespace Rewind
