#include "commands.h"

#include "jobs/changetracking.h"
#include "libvirt/domain.h"
#include "repository/repositorylock.h"

#include <QJsonObject>

namespace Rewind::Cli {

// Puts a VM whose changes Rewind tracks back on its own images: for people who want
// the VM's disks to be plain files again (moving the VM, their own snapshots). The next
// backup point is then a full one.
int runUntrack(const Context &ctx)
{
    auto session = openSession(ctx, false);
    if (!session) {
        return fail(ctx, session.error());
    }
    auto domain = Libvirt::Domain::lookup(session->conn, ctx.positional.value(0));
    if (!domain) {
        return fail(ctx, domain.error());
    }
    auto lock = RepositoryLock::acquire(
        session->repository, domain->uuid(), domain->name(), QStringLiteral("untrack"));
    if (!lock) {
        return fail(ctx, lock.error());
    }
    QStringList messages;
    if (Status s = ChangeTracking::stop(session->conn, session->repository, *domain, *lock, &messages); !s) {
        return fail(ctx, s.error());
    }
    if (ctx.json) {
        printJson(QJsonDocument(QJsonObject {
            {QStringLiteral("vm"), domain->name()}, {QStringLiteral("merged"), !messages.isEmpty()}}));
        return 0;
    }
    if (messages.isEmpty()) {
        out() << QCoreApplication::translate("rewindctl", "'%1' already runs on its own images.")
                     .arg(domain->name())
              << Qt::endl;
    }
    for (const QString &m : std::as_const(messages)) {
        out() << m << Qt::endl;
    }
    if (!messages.isEmpty()) {
        out() << QCoreApplication::translate("rewindctl", "Its next backup point is a full one.") << Qt::endl;
    }
    return 0;
}

} // namespace Rewind::Cli
