#include "domain.h"

#include "libvirt/domainxml.h"
#include "libvirt/eventloop.h"
#include "libvirt/threadcheck.h"

#include <QCoreApplication>

#include <cstdlib>
#include <unistd.h>

namespace Rewind::Libvirt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::Libvirt", text);
}

// Takes ownership of a string libvirt allocated.
QString adoptString(char *s)
{
    QString result = QString::fromUtf8(s);
    std::free(s);
    return result;
}

Status check(int rc, const QString &what)
{
    if (rc < 0) {
        return Error::fromLibvirt(what);
    }
    return {};
}

DomainState toState(int s)
{
    switch (s) {
    case VIR_DOMAIN_RUNNING:
        return DomainState::Running;
    case VIR_DOMAIN_BLOCKED:
        return DomainState::Blocked;
    case VIR_DOMAIN_PAUSED:
        return DomainState::Paused;
    case VIR_DOMAIN_SHUTDOWN:
        return DomainState::ShuttingDown;
    case VIR_DOMAIN_SHUTOFF:
        return DomainState::ShutOff;
    case VIR_DOMAIN_CRASHED:
        return DomainState::Crashed;
    case VIR_DOMAIN_PMSUSPENDED:
        return DomainState::Suspended;
    default:
        return DomainState::NoState;
    }
}

} // namespace

QString defaultUri()
{
    const QByteArray env = qgetenv("LIBVIRT_DEFAULT_URI");
    if (!env.isEmpty()) {
        return QString::fromUtf8(env);
    }
    return geteuid() == 0 ? QStringLiteral("qemu:///system") : QStringLiteral("qemu:///session");
}

QString libraryVersion()
{
    unsigned long version = 0;
    if (virGetVersion(&version, nullptr, nullptr) < 0) {
        return {};
    }
    return QStringLiteral("%1.%2.%3").arg(version / 1000000).arg(version / 1000 % 1000).arg(version % 1000);
}

Result<ConnectHandle> openConnection(const QString &uri)
{
    REWIND_BLOCKING_CALL();
    EventLoop::ensureRunning();
    const QByteArray u = uri.toUtf8();
    virConnectPtr conn = virConnectOpen(u.isEmpty() ? nullptr : u.constData());
    if (!conn) {
        return Error::fromLibvirt(
            tr("Could not connect to libvirt at %1. Check that libvirtd runs and that you "
               "may use it, or choose another connection.")
                .arg(uri),
            ErrorCode::Connection);
    }
    ConnectHandle handle(conn);
    // Keepalive notices a dead remote daemon; on local sockets EOF already does.
    virConnectSetKeepAlive(conn, 5, 3);
    return handle;
}

QString connectionUri(const ConnectHandle &conn)
{
    REWIND_BLOCKING_CALL();
    return adoptString(virConnectGetURI(conn.get()));
}

Domain::Domain(DomainHandle handle) : m_handle(std::move(handle))
{
    if (m_handle) {
        m_name = QString::fromUtf8(virDomainGetName(m_handle.get()));
        char buf[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(m_handle.get(), buf) == 0) {
            m_uuid = QString::fromLatin1(buf);
        }
    }
}

Result<Domain> Domain::lookup(const ConnectHandle &conn, const QString &nameOrUuid)
{
    REWIND_BLOCKING_CALL();
    const QByteArray key = nameOrUuid.toUtf8();
    virDomainPtr d = nullptr;
    if (nameOrUuid.size() == 36 && nameOrUuid.count(QLatin1Char('-')) == 4) {
        d = virDomainLookupByUUIDString(conn.get(), key.constData());
    }
    if (!d) {
        d = virDomainLookupByName(conn.get(), key.constData());
    }
    if (!d) {
        const Error e = Error::fromLibvirt(
            tr("There is no virtual machine called '%1'. Check the name with 'rewindctl list'.")
                .arg(nameOrUuid));
        if (e.code() == ErrorCode::Connection) {
            return e;
        }
        return Error(ErrorCode::NotFound, e.message(), e.detail(), e.libvirtCode());
    }
    return Domain(DomainHandle(d));
}

Result<QList<Domain>> Domain::listAll(const ConnectHandle &conn)
{
    REWIND_BLOCKING_CALL();
    virDomainPtr *list = nullptr;
    const int n = virConnectListAllDomains(conn.get(), &list, 0);
    if (n < 0) {
        return Error::fromLibvirt(tr("Could not list the virtual machines."), ErrorCode::Connection);
    }
    QList<Domain> result;
    result.reserve(n);
    for (int i = 0; i < n; ++i) {
        result.append(Domain(DomainHandle(list[i])));
    }
    std::free(list);
    return result;
}

Result<Domain> Domain::defineXml(const ConnectHandle &conn, const QString &xml)
{
    REWIND_BLOCKING_CALL();
    virDomainPtr d = virDomainDefineXML(conn.get(), xml.toUtf8().constData());
    if (!d) {
        return Error::fromLibvirt(tr("Could not define the virtual machine."));
    }
    return Domain(DomainHandle(d));
}

Result<DomainState> Domain::state() const
{
    REWIND_BLOCKING_CALL();
    int state = 0;
    int reason = 0;
    if (virDomainGetState(get(), &state, &reason, 0) < 0) {
        return Error::fromLibvirt(tr("Could not read the state of '%1'.").arg(name()));
    }
    return toState(state);
}

bool Domain::hasStopped() const
{
    REWIND_BLOCKING_CALL();
    return virDomainIsActive(get()) == 0;
}

Result<bool> Domain::isPersistent() const
{
    REWIND_BLOCKING_CALL();
    const int rc = virDomainIsPersistent(get());
    if (rc < 0) {
        return Error::fromLibvirt(tr("Could not read the definition of '%1'.").arg(name()));
    }
    return rc == 1;
}

Result<QString> Domain::xmlDesc(unsigned int flags) const
{
    REWIND_BLOCKING_CALL();
    char *xml = virDomainGetXMLDesc(get(), flags);
    if (!xml) {
        return Error::fromLibvirt(tr("Could not read the definition of '%1'.").arg(name()));
    }
    return adoptString(xml);
}

Result<Domain::Definition> Domain::currentDefinition() const
{
    auto s = state();
    if (!s) {
        return s.error();
    }
    Definition d;
    d.active = *s != DomainState::ShutOff && *s != DomainState::Crashed;
    auto xml = xmlDesc(d.active ? 0 : VIR_DOMAIN_XML_INACTIVE);
    if (!xml) {
        return xml.error();
    }
    d.xml = *xml;
    auto disks = DomainXml::parseDisks(d.xml);
    if (!disks) {
        return disks.error();
    }
    d.disks = *disks;
    return d;
}

Result<DomainInfo> Domain::info(QString *xmlOut) const
{
    auto xml = xmlDesc();
    if (!xml) {
        return xml.error();
    }
    if (xmlOut) {
        *xmlOut = *xml;
    }
    auto parsed = DomainXml::parseDomain(*xml);
    if (!parsed) {
        return parsed.error();
    }
    auto st = state();
    if (!st) {
        return st.error();
    }
    auto persistent = isPersistent();
    if (!persistent) {
        return persistent.error();
    }
    DomainInfo info = std::move(parsed.value());
    info.state = *st;
    info.persistent = *persistent;
    return info;
}

Status Domain::create()
{
    REWIND_BLOCKING_CALL();
    return check(virDomainCreate(get()), tr("Could not start '%1'.").arg(name()));
}

Status Domain::destroy()
{
    REWIND_BLOCKING_CALL();
    return check(virDomainDestroy(get()), tr("Could not stop '%1'.").arg(name()));
}

Status Domain::suspend()
{
    REWIND_BLOCKING_CALL();
    return check(virDomainSuspend(get()), tr("Could not pause '%1'.").arg(name()));
}

Status Domain::resume()
{
    REWIND_BLOCKING_CALL();
    return check(virDomainResume(get()), tr("Could not resume '%1'.").arg(name()));
}

Status Domain::shutdown()
{
    REWIND_BLOCKING_CALL();
    return check(virDomainShutdown(get()), tr("Could not shut down '%1'.").arg(name()));
}

Status Domain::undefine(unsigned int flags)
{
    REWIND_BLOCKING_CALL();
    return check(
        virDomainUndefineFlags(get(), flags), tr("Could not remove the definition of '%1'.").arg(name()));
}

Status Domain::createSnapshotXml(const QString &xml, unsigned int flags)
{
    REWIND_BLOCKING_CALL();
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(get(), xml.toUtf8().constData(), flags);
    if (!snap) {
        return Error::fromLibvirt(tr("Could not take a snapshot of '%1'.").arg(name()));
    }
    virDomainSnapshotFree(snap);
    return {};
}

Status Domain::blockCommit(const QString &disk, unsigned long long flags, const QString &base,
    const QString &top, unsigned long bandwidthMiB)
{
    REWIND_BLOCKING_CALL();
    const QByteArray baseName = base.toUtf8();
    const QByteArray topName = top.toUtf8();
    return check(virDomainBlockCommit(get(), disk.toUtf8().constData(),
                     base.isEmpty() ? nullptr : baseName.constData(),
                     top.isEmpty() ? nullptr : topName.constData(), bandwidthMiB, flags),
        tr("Could not start merging the changes of disk %1 of '%2' back into its image.").arg(disk, name()));
}

Result<std::optional<Domain::BlockJob>> Domain::blockJobInfo(const QString &disk) const
{
    REWIND_BLOCKING_CALL();
    virDomainBlockJobInfo info {};
    const int rc = virDomainGetBlockJobInfo(get(), disk.toUtf8().constData(), &info, 0);
    if (rc < 0) {
        return Error::fromLibvirt(tr("Could not read the progress of disk %1 of '%2'.").arg(disk, name()));
    }
    if (rc == 0) {
        return std::optional<BlockJob>();
    }
    return std::optional<BlockJob>(BlockJob {info.type, info.cur, info.end});
}

Status Domain::blockJobAbort(const QString &disk, unsigned int flags)
{
    REWIND_BLOCKING_CALL();
    return check(virDomainBlockJobAbort(get(), disk.toUtf8().constData(), flags),
        tr("Could not finish the block job on disk %1 of '%2'.").arg(disk, name()));
}

Result<Domain::BlockInfo> Domain::blockInfo(const QString &disk) const
{
    REWIND_BLOCKING_CALL();
    virDomainBlockInfo info {};
    if (virDomainGetBlockInfo(get(), disk.toUtf8().constData(), &info, 0) < 0) {
        return Error::fromLibvirt(tr("Could not read the size of disk %1 of '%2'.").arg(disk, name()));
    }
    return BlockInfo {qint64(info.capacity), qint64(info.allocation), qint64(info.physical)};
}

Result<int> Domain::fsFreeze()
{
    REWIND_BLOCKING_CALL();
    const int rc = virDomainFSFreeze(get(), nullptr, 0, 0);
    if (rc < 0) {
        Error e = Error::fromLibvirt(
            tr("The guest agent of '%1' did not freeze the file systems. Install and start "
               "qemu-guest-agent in the guest, or back up without --quiesce.")
                .arg(name()),
            ErrorCode::AgentUnavailable);
        return Error(ErrorCode::AgentUnavailable, e.message(), e.detail(), e.libvirtCode());
    }
    return rc;
}

Result<int> Domain::fsThaw()
{
    REWIND_BLOCKING_CALL();
    const int rc = virDomainFSThaw(get(), nullptr, 0, 0);
    if (rc < 0) {
        return Error::fromLibvirt(tr("The guest agent of '%1' did not thaw the file systems.").arg(name()),
            ErrorCode::AgentUnavailable);
    }
    return rc;
}

Status restoreDomain(const ConnectHandle &conn, const QString &file, const QString &dxml, unsigned int flags)
{
    REWIND_BLOCKING_CALL();
    const QByteArray x = dxml.toUtf8();
    return check(virDomainRestoreFlags(
                     conn.get(), file.toUtf8().constData(), x.isEmpty() ? nullptr : x.constData(), flags),
        tr("Could not resume the virtual machine from its saved memory image %1.").arg(file));
}

Result<QString> saveImageXml(const ConnectHandle &conn, const QString &file)
{
    REWIND_BLOCKING_CALL();
    char *xml = virDomainSaveImageGetXMLDesc(conn.get(), file.toUtf8().constData(), 0);
    if (!xml) {
        return Error::fromLibvirt(tr("Could not read the memory image %1.").arg(file));
    }
    return adoptString(xml);
}

} // namespace Rewind::Libvirt
