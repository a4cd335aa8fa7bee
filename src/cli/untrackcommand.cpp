#include "commands.h"

#include "jobs/changetracking.h"

#include <QJsonArray>
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
    const QString vm = ctx.positional.value(0);
    auto messages = ChangeTracking::untrack(session->conn, session->repository, vm);
    if (!messages) {
        return fail(ctx, messages.error());
    }
    if (ctx.json) {
        printJson(QJsonDocument(
            QJsonObject {{QStringLiteral("vm"), vm}, {QStringLiteral("merged"), !messages->isEmpty()},
                {QStringLiteral("notes"), QJsonArray::fromStringList(*messages)}}));
        return 0;
    }
    if (messages->isEmpty()) {
        out() << QCoreApplication::translate("rewindctl", "'%1' already runs on its own images.").arg(vm)
              << Qt::endl;
        return 0;
    }
    for (const QString &m : std::as_const(*messages)) {
        out() << m << Qt::endl;
    }
    out() << QCoreApplication::translate("rewindctl", "Its next backup point is a full one.") << Qt::endl;
    return 0;
}

} // namespace Rewind::Cli
