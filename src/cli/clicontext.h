#pragma once

#include "error.h"

#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace Rewind::Cli {

/// What a command needs from the command line, and where it writes. Commands run in a
/// worker thread (they make blocking libvirt calls); the main thread only runs the event
/// loop that libvirt's callbacks and job signals are delivered through.
struct Context
{
    QString uri;
    QString repository;
    bool json = false;
    bool verbose = false;
    QStringList positional; ///< after the command name
    QStringList flags; ///< command options that were given ("disk-only", "force"...)
    QHash<QString, QString> values; ///< command options with a value ("as" -> name)
    std::atomic_bool *cancel = nullptr; ///< set by SIGINT/SIGTERM

    bool has(const QString &flag) const { return flags.contains(flag); }
};

/// Writes to stdout / stderr; safe from the worker (the main thread does not print).
QTextStream &out();
QTextStream &err();

/// Prints an error the way every command does and returns its exit code.
int fail(const Context &ctx, const Error &error);
void printJson(const QJsonDocument &doc);
/// Rows of cells as lines of aligned columns: every column but the last padded to its
/// widest cell, two spaces apart, trailing spaces dropped. Point ids ("...Z-2" for a
/// second point in the same second) and translated words differ in width.
QStringList alignedColumns(const QList<QStringList> &rows);

} // namespace Rewind::Cli

#include "jobs/jobcontrol.h"
#include "libvirt/handle.h"
#include "repository/repository.h"
#include "repository/vmrecord.h"
#include "result.h"

#include <functional>

namespace Rewind::Cli {

/// Opens the repository of --repo (or the default location). create: initialise it when
/// missing (commands that write); otherwise a missing repository is NotFound.
Result<Repository> openRepository(const Context &ctx, bool create);

/// Opens the libvirt connection and repairs what killed jobs left in the repository,
/// printing each repair to stderr. Every command that uses a repository starts here.
Result<Libvirt::ConnectHandle> connectAndRecover(const Context &ctx, const Repository &repository);

/// A progress printer for a JobControl: lines on stderr with --verbose or when stderr
/// is a terminal; otherwise none.
JobControl::ProgressFn progressPrinter(const Context &ctx);

/// What every command that uses a repository works with.
struct Session
{
    Repository repository;
    Libvirt::ConnectHandle conn;
};
/// openRepository() then connectAndRecover(): the start of every repository command.
Result<Session> openSession(const Context &ctx, bool createRepository);

/// A session for a command about the points of one VM the repository knows.
struct VmSession : Session
{
    QString vmUuid; ///< the VM the first argument names (or identifies by UUID)
};
/// openSession(), then the VM of the first argument.
Result<VmSession> openVmSession(const Context &ctx);

/// The repository's record of the VM named or identified by vm (an empty record for a
/// VM known but never recorded). With mayBeNew, a VM without any record in the
/// repository is looked up in libvirt, so that its settings can be made before its
/// first backup.
Result<VmRecord> findVmRecord(const Session &session, const QString &vm, bool mayBeNew);

} // namespace Rewind::Cli
