#include "error.h"

#include <cerrno>
#include <cstring>

#include <libvirt/virterror.h>

namespace Rewind {

Error::Error(ErrorCode code, QString message, QString detail, int libvirtCode)
    : m_code(code), m_message(std::move(message)), m_detail(std::move(detail)), m_libvirtCode(libvirtCode)
{ }

Error Error::fromLibvirt(const QString &message, ErrorCode code)
{
    const virError *err = virGetLastError();
    if (!err) {
        return Error(code, message, QStringLiteral("libvirt reported no error detail"));
    }
    ErrorCode mapped = code;
    switch (err->code) {
    case VIR_ERR_NO_DOMAIN:
    case VIR_ERR_NO_STORAGE_POOL:
    case VIR_ERR_NO_STORAGE_VOL:
        mapped = ErrorCode::NotFound;
        break;
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_INVALID_CONN:
    case VIR_ERR_RPC:
    case VIR_ERR_SYSTEM_ERROR:
        if (err->domain == VIR_FROM_RPC || err->domain == VIR_FROM_REMOTE
            || err->code != VIR_ERR_SYSTEM_ERROR) {
            mapped = ErrorCode::Connection;
        }
        break;
    case VIR_ERR_AGENT_UNRESPONSIVE:
    case VIR_ERR_AGENT_UNSYNCED:
        mapped = ErrorCode::AgentUnavailable;
        break;
    case VIR_ERR_OPERATION_INVALID:
        if (code == ErrorCode::Libvirt) {
            mapped = ErrorCode::Conflict;
        }
        break;
    default:
        break;
    }
    if (err->code == VIR_ERR_OPERATION_UNSUPPORTED || err->code == VIR_ERR_NO_SUPPORT) {
        mapped = ErrorCode::Unsupported;
    }
    // An agent that is not configured at all is reported as "argument unsupported"
    // or "operation invalid" with a message naming the agent; surface it as such.
    const QString text = QString::fromUtf8(err->message ? err->message : "");
    if (text.contains(QLatin1String("agent"), Qt::CaseInsensitive) && mapped != ErrorCode::NotFound) {
        mapped = ErrorCode::AgentUnavailable;
    }
    return Error(mapped, message, text, err->code);
}

Error Error::fromErrno(int err, const QString &message)
{
    ErrorCode code = ErrorCode::Io;
    if (err == ENOSPC || err == EDQUOT) {
        code = ErrorCode::NoSpace;
    } else if (err == EACCES || err == EPERM || err == EROFS) {
        code = ErrorCode::Permission;
    } else if (err == ENOENT) {
        code = ErrorCode::NotFound;
    }
    return Error(code, message, QString::fromLocal8Bit(std::strerror(err)));
}

QString Error::toString() const
{
    if (m_detail.isEmpty()) {
        return m_message;
    }
    return m_message + QStringLiteral(" (") + m_detail + QLatin1Char(')');
}

QString Error::codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("ok");
    case ErrorCode::Failed:
        return QStringLiteral("failed");
    case ErrorCode::Usage:
        return QStringLiteral("usage");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Busy:
        return QStringLiteral("busy");
    case ErrorCode::NoSpace:
        return QStringLiteral("no-space");
    case ErrorCode::Permission:
        return QStringLiteral("permission");
    case ErrorCode::Connection:
        return QStringLiteral("connection");
    case ErrorCode::Damaged:
        return QStringLiteral("damaged");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Libvirt:
        return QStringLiteral("libvirt");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::AgentUnavailable:
        return QStringLiteral("agent-unavailable");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("failed");
}

Error Error::withContext(const QString &context) const
{
    Error e = *this;
    e.m_message = context + m_message;
    return e;
}

} // namespace Rewind
