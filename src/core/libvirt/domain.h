#pragma once

#include "libvirt/domaininfo.h"
#include "libvirt/handle.h"
#include "result.h"

#include <optional>

namespace Rewind::Libvirt {

/// Opens a connection (blocking; call from a worker). Starts the event loop first so the
/// connection can deliver events and keepalives.
Result<ConnectHandle> openConnection(const QString &uri);

/// The URI used when none is given: $LIBVIRT_DEFAULT_URI if set, else qemu:///system for
/// root and qemu:///session for everyone else (the per-user daemon virt-manager and
/// GNOME Boxes use for a normal user's own VMs).
QString defaultUri();

/// The version of the libvirt client library in use ("9.0.0"); no daemon is asked, so
/// any thread may call it.
QString libraryVersion();

/// The URI the connection actually uses (after libvirt's own defaults), blocking.
QString connectionUri(const ConnectHandle &conn);

/// A domain and the blocking libvirt calls Rewind makes on it. Every method makes an RPC
/// and must run in a worker (see threadcheck.h). Errors carry libvirt's message.
class Domain
{
public:
    Domain() = default;
    explicit Domain(DomainHandle handle);

    /// Finds a domain by UUID, then by name (names may contain any character).
    static Result<Domain> lookup(const ConnectHandle &conn, const QString &nameOrUuid);
    static Result<QList<Domain>> listAll(const ConnectHandle &conn);
    static Result<Domain> defineXml(const ConnectHandle &conn, const QString &xml);

    const DomainHandle &handle() const { return m_handle; }
    virDomainPtr get() const { return m_handle.get(); }
    bool isNull() const { return !m_handle; }

    /// Read once when the wrapper is made: virDomainGetName() resets the thread's last
    /// libvirt error, so calling it while building an error message would lose the error.
    QString name() const { return m_name; }
    QString uuid() const { return m_uuid; }

    Result<DomainState> state() const;
    Result<bool> isPersistent() const;
    /// The domain is known to be shut off or crashed: it stopped, and its block jobs
    /// ended with it. False while it runs or is paused, and when libvirt cannot say.
    bool hasStopped() const;
    /// The live definition when running (VIR_DOMAIN_XML_SECURE omitted), else the
    /// persistent one; flags are virDomainXMLFlags.
    Result<QString> xmlDesc(unsigned int flags = 0) const;
    /// The definition that says which images the domain uses now: the live one while it
    /// runs (or is paused), the persistent one when it is shut off or crashed.
    struct Definition
    {
        bool active = false;
        QString xml;
        QList<DiskInfo> disks;
    };
    Result<Definition> currentDefinition() const;
    /// Name, UUID, state, memory, vCPUs, persistence and disks in one go.
    /// xml: also the live XML that the information was read from (one RPC fewer for a
    /// caller that needs both).
    Result<DomainInfo> info(QString *xml = nullptr) const;

    Status create();
    Status destroy();
    Status suspend();
    Status resume();
    Status shutdown();
    Status undefine(unsigned int flags = 0);

    Status createSnapshotXml(const QString &xml, unsigned int flags);
    /// Merges top (empty: the active image) down into base (empty: top's backing file);
    /// flags are virDomainBlockCommitFlags; bandwidthMiB limits the copy (0: as fast as it goes).
    Status blockCommit(const QString &disk, unsigned long long flags, const QString &base = {},
        const QString &top = {}, unsigned long bandwidthMiB = 0);
    /// Progress of the block job on disk; std::nullopt when no job runs there.
    struct BlockJob
    {
        int type = 0;
        unsigned long long cur = 0;
        unsigned long long end = 0;
    };
    Result<std::optional<BlockJob>> blockJobInfo(const QString &disk) const;
    Status blockJobAbort(const QString &disk, unsigned int flags);
    /// Sizes of a disk's image as QEMU sees them (works without reading the file).
    struct BlockInfo
    {
        qint64 capacity = 0; ///< the guest-visible size
        qint64 allocation = 0; ///< bytes in use in the image
        qint64 physical = 0; ///< size of the image file
    };
    Result<BlockInfo> blockInfo(const QString &disk) const;
    /// Freezes or thaws the guest's filesystems through qemu-guest-agent.
    Result<int> fsFreeze();
    Result<int> fsThaw();

private:
    DomainHandle m_handle;
    QString m_name;
    QString m_uuid;
};

/// Restores a saved memory image (virsh restore); dxml may rewrite host-side parts
/// such as disk paths; flags are virDomainSaveRestoreFlags.
Status restoreDomain(const ConnectHandle &conn, const QString &file, const QString &dxml, unsigned int flags);
/// Reads the domain definition stored in a save image.
Result<QString> saveImageXml(const ConnectHandle &conn, const QString &file);

} // namespace Rewind::Libvirt
