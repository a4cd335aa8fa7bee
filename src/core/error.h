#pragma once

#include <QMetaType>
#include <QString>

namespace Rewind {

/// Stable error codes shared by the whole core. The numeric values are the exit codes
/// of rewindctl and the keys the GUI uses to pick an action ("Retry", "Open settings"),
/// so never renumber them; only append.
enum class ErrorCode : int {
    None = 0,
    Failed = 1, ///< an unexpected failure; the detail says what
    Usage = 2, ///< bad command line or argument
    NotFound = 3, ///< unknown VM, point or file
    Unsupported = 4, ///< the VM, a disk or the URI cannot be handled as asked
    Busy = 5, ///< another job holds the VM or the repository
    NoSpace = 6, ///< not enough free space
    Permission = 7, ///< a file or directory cannot be read or written
    Connection = 8, ///< libvirt could not be reached or the connection was lost
    Damaged = 9, ///< stored data does not match its checksum or is inconsistent
    Cancelled = 10, ///< the user cancelled
    Libvirt = 11, ///< a libvirt call failed; the detail carries libvirt's message
    Io = 12, ///< reading or writing a file failed
    AgentUnavailable = 13, ///< the guest agent did not answer
    Conflict = 14, ///< the target exists or the VM is in a state that needs consent
};

/// One error value used across the core: a stable code, a message for the user that
/// says what happened and what to do, and the technical detail (libvirt's text, errno)
/// for the log. Functions return it through Result<T>; nothing in the core throws.
class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString detail = {}, int libvirtCode = 0);

    /// An error from the libvirt call that just failed on this thread. libvirt keeps the
    /// last error per thread, so this must be called on the thread that made the call.
    static Error fromLibvirt(const QString &message, ErrorCode code = ErrorCode::Libvirt);
    /// An error from errno (set by the failed system call just made).
    static Error fromErrno(int err, const QString &message);

    ErrorCode code() const { return m_code; }
    QString message() const { return m_message; }
    QString detail() const { return m_detail; }
    int libvirtCode() const { return m_libvirtCode; }
    bool isError() const { return m_code != ErrorCode::None; }

    /// message and detail on one line, for logs and the CLI's stderr.
    QString toString() const;
    /// A short, stable, machine-readable name of the code ("no-space").
    static QString codeName(ErrorCode code);

    /// Returns a copy whose user message is prefixed with context ("Backup of 'web': ").
    Error withContext(const QString &context) const;

private:
    ErrorCode m_code = ErrorCode::None;
    QString m_message;
    QString m_detail;
    int m_libvirtCode = 0;
};

} // namespace Rewind

Q_DECLARE_METATYPE(Rewind::Error)
