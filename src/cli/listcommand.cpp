#include "commands.h"

#include "jobs/changetracking.h"
#include "libvirt/domain.h"
#include "repository/removedvm.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Rewind::Cli {

namespace {

// The VM's own image under Rewind's overlay, when the disk's changes are tracked between
// backup points; empty otherwise.
QString trackedImage(const DiskInfo &d)
{
    const auto plans = ChangeTracking::overlaysInUse({d});
    return plans.isEmpty() ? QString() : plans.first().originalPath;
}

QJsonObject toJson(const DomainInfo &info)
{
    QJsonArray disks;
    for (const auto &d : info.disks) {
        QJsonObject disk {{QStringLiteral("target"), d.target}, {QStringLiteral("device"), d.device},
            {QStringLiteral("type"), d.type}, {QStringLiteral("format"), d.format},
            {QStringLiteral("path"), d.path}, {QStringLiteral("readOnly"), d.readOnly},
            {QStringLiteral("shareable"), d.shareable}};
        if (const QString image = trackedImage(d); !image.isEmpty()) {
            disk.insert(QStringLiteral("trackedImage"), image);
        }
        disks.append(disk);
    }
    return QJsonObject {{QStringLiteral("name"), info.name}, {QStringLiteral("uuid"), info.uuid},
        {QStringLiteral("state"), domainStateName(info.state)},
        {QStringLiteral("persistent"), info.persistent},
        {QStringLiteral("memoryKiB"), double(info.memoryKiB)}, {QStringLiteral("vcpus"), info.vcpus},
        {QStringLiteral("disks"), disks}};
}

// The VMs with backups in the repository that the connection does not define (deleted
// from libvirt), as the VM list cannot otherwise show them; nothing when there is no
// repository (list needs none).
QList<RemovedVm> removedVms(const Context &ctx, const QList<DomainInfo> &defined, QString *repositoryPath)
{
    auto repository = openRepository(ctx, false);
    if (!repository) {
        return {};
    }
    *repositoryPath = repository->path();
    QSet<QString> known;
    for (const DomainInfo &info : defined) {
        known.insert(info.uuid);
    }
    return RemovedVm::find(*repository, known);
}

} // namespace

int runList(const Context &ctx)
{
    auto conn = Libvirt::openConnection(ctx.uri);
    if (!conn) {
        return fail(ctx, conn.error());
    }
    auto domains = Libvirt::Domain::listAll(*conn);
    if (!domains) {
        return fail(ctx, domains.error());
    }
    QList<DomainInfo> infos;
    for (const auto &d : std::as_const(*domains)) {
        if (auto info = d.info()) {
            infos.append(*info);
        }
    }
    std::sort(infos.begin(), infos.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    QString repositoryPath;
    const QList<RemovedVm> removed = removedVms(ctx, infos, &repositoryPath);

    if (ctx.json) {
        QJsonArray arr;
        for (const auto &info : std::as_const(infos)) {
            arr.append(toJson(info));
        }
        for (const RemovedVm &vm : removed) {
            arr.append(QJsonObject {{QStringLiteral("name"), vm.name}, {QStringLiteral("uuid"), vm.uuid},
                {QStringLiteral("state"), QStringLiteral("removed")},
                {QStringLiteral("points"), int(vm.points.size())},
                {QStringLiteral("newestPoint"), vm.points.first().id}});
        }
        printJson(QJsonDocument(arr));
        return 0;
    }
    if (infos.isEmpty()) {
        out() << "No virtual machines on " << ctx.uri << "." << Qt::endl;
    }
    // Each VM's line heads its block; the heads line up with one another.
    QList<QStringList> heads;
    for (const auto &info : std::as_const(infos)) {
        heads.append({info.name, domainStateName(info.state), info.uuid,
            info.persistent ? QString() : QStringLiteral("(transient)")});
    }
    for (const RemovedVm &vm : removed) {
        heads.append({vm.name, QStringLiteral("removed"), vm.uuid});
    }
    const QStringList headLines = alignedColumns(heads);
    for (qsizetype i = 0; i < infos.size(); ++i) {
        const DomainInfo &info = infos.at(i);
        out() << headLines.at(i) << Qt::endl;
        for (const auto &d : info.disks) {
            out() << "    " << d.target << "  " << d.device << "  "
                  << (d.format.isEmpty() ? d.type : d.format) << "  "
                  << (d.path.isEmpty() ? QStringLiteral("-") : d.path) << (d.readOnly ? "  read-only" : "")
                  << Qt::endl;
            if (const QString image = trackedImage(d); !image.isEmpty()) {
                out() << "          "
                      << QCoreApplication::translate("rewindctl",
                             "changes since the last backup point, over %1 (rewindctl untrack merges them)")
                             .arg(image)
                      << Qt::endl;
            }
        }
    }
    for (qsizetype i = 0; i < removed.size(); ++i) {
        const RemovedVm &vm = removed.at(i);
        const qsizetype n = vm.points.size();
        const QString count = n == 1 ? QCoreApplication::translate("rewindctl", "1 point")
                                     : QCoreApplication::translate("rewindctl", "%1 points").arg(n);
        out() << headLines.at(infos.size() + i) << Qt::endl;
        out()
            << "    "
            << QCoreApplication::translate("rewindctl",
                   "not defined in libvirt; %1 in %2, the newest %3. rewindctl restore '%4' latest brings it "
                   "back as it was")
                   .arg(count, repositoryPath, vm.points.first().id, vm.name)
            << Qt::endl;
    }
    return 0;
}

} // namespace Rewind::Cli
