#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Rewind {

/// One <disk> of a domain definition, as far as backup and restore care.
struct DiskInfo
{
    QString target; ///< "vda"
    QString device; ///< "disk", "cdrom", "floppy", "lun"
    QString type; ///< source type: "file", "block", "network", "volume", "dir"
    QString format; ///< driver type: "qcow2", "raw", ... (empty when not given)
    QString path; ///< source file or device; empty for network disks and empty drives
    QString bus;
    bool readOnly = false;
    bool shareable = false;
    bool hasBackingStore = false; ///< the live XML shows a <backingStore> with a source
    /// The files below path, nearest first, as the definition lists them (<backingStore>
    /// nesting); empty for a single image.
    QStringList backingChain;
    /// The format of each file of backingChain, where the definition names it (else empty).
    QStringList backingFormats;

    bool operator==(const DiskInfo &) const = default;
};

enum class DomainState {
    NoState,
    Running,
    Blocked,
    Paused,
    ShuttingDown,
    ShutOff,
    Crashed,
    Suspended, ///< power-management suspended (S3)
};

/// A snapshot of one domain's facts, cheap to copy across threads.
struct DomainInfo
{
    QString name;
    QString uuid;
    DomainState state = DomainState::NoState;
    bool persistent = false;
    quint64 memoryKiB = 0;
    int vcpus = 0;
    QList<DiskInfo> disks;

    bool isActive() const
    {
        return state == DomainState::Running || state == DomainState::Blocked || state == DomainState::Paused
            || state == DomainState::ShuttingDown;
    }
    bool operator==(const DomainInfo &) const = default;
};

QString domainStateName(DomainState state); ///< stable, for JSON: "running", "shutoff"...
QString domainStateText(DomainState state); ///< translated, for people

} // namespace Rewind

Q_DECLARE_METATYPE(Rewind::DomainInfo)
