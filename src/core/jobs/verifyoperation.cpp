#include "verifyoperation.h"

#include "jobs/jobcontrol.h"
#include "transfer/sha256file.h"

#include <QFileInfo>
#include <QProcess>

namespace Rewind {

namespace {

QString qemuImgCheck(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("qemu-img"),
        {QStringLiteral("check"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), path});
    if (!p.waitForFinished(-1)) {
        return VerifyOperation::tr("qemu-img could not be run: %1").arg(p.errorString());
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString text
            = QString::fromLocal8Bit(p.readAllStandardError() + p.readAllStandardOutput()).trimmed();
        return VerifyOperation::tr("qemu-img check reports errors: %1").arg(text.left(300));
    }
    return {};
}

} // namespace

VerifyOperation::VerifyOperation(Repository repository, QString vm, QString pointId, JobControl &control)
    : m_repository(std::move(repository))
    , m_vm(std::move(vm))
    , m_pointId(std::move(pointId))
    , m_control(control)
{ }

Result<QString> resolveVmUuid(const Repository &repository, const QString &nameOrUuid)
{
    auto vms = repository.listVms();
    if (!vms) {
        return vms.error();
    }
    if (vms->contains(nameOrUuid.toLower())) {
        return nameOrUuid.toLower();
    }
    QString found;
    QDateTime foundSince;
    for (const QString &uuid : std::as_const(*vms)) {
        auto record = repository.loadVm(uuid);
        if (!record) {
            continue;
        }
        for (const auto &n : std::as_const(record->names)) {
            if (n.name == nameOrUuid && (found.isEmpty() || n.since > foundSince)) {
                found = uuid;
                foundSince = n.since;
            }
        }
    }
    if (found.isEmpty()) {
        return Error(ErrorCode::NotFound,
            VerifyOperation::tr("The repository %1 has no backups of a VM called '%2'.")
                .arg(repository.path(), nameOrUuid));
    }
    return found;
}

PointVerdict VerifyOperation::verifyPoint(const Repository &repository, const QString &vmUuid,
    const PointInfo &point, JobControl *control, bool dropCache)
{
    PointVerdict v;
    v.vmUuid = vmUuid;
    v.pointId = point.id;
    if (point.state == PointInfo::State::Incomplete) {
        v.problems << tr("incomplete: no manifest (an interrupted backup)");
        return v;
    }
    if (point.state == PointInfo::State::Damaged || !point.manifest) {
        v.problems << tr("manifest unreadable: %1").arg(point.manifestError.toString());
        return v;
    }
    const PointManifest &m = *point.manifest;
    v.vmName = m.domainName;
    TransferOptions options;
    options.cancel = control ? control->cancelFlag() : nullptr;
    options.dropSourceCache = dropCache;

    auto checkFile = [&](const QString &fileName, const QString &sha256, bool isQcow2) {
        const QString path = point.dir + QLatin1Char('/') + fileName;
        if (!QFileInfo::exists(path)) {
            v.problems << tr("%1: missing").arg(fileName);
            return;
        }
        auto hashed = Sha256File::hash(path, options);
        if (!hashed) {
            v.problems << tr("%1: cannot be read (%2)").arg(fileName, hashed.error().toString());
            return;
        }
        if (hashed->sha256 != sha256) {
            v.problems << tr("%1: checksum mismatch (stored data changed or damaged)").arg(fileName);
            return;
        }
        if (isQcow2) {
            const QString problem = qemuImgCheck(path);
            if (!problem.isEmpty()) {
                v.problems << fileName + QStringLiteral(": ") + problem;
            }
        }
    };
    for (const auto &d : m.disks) {
        if (control && control->isCancelled()) {
            break;
        }
        checkFile(d.fileName, d.sha256, d.storedFormat == QLatin1String("qcow2"));
    }
    if (m.memory) {
        checkFile(m.memory->fileName, m.memory->sha256, false);
    }
    if (m.nvram) {
        checkFile(m.nvram->fileName, m.nvram->sha256, false);
    }
    Q_UNUSED(repository);
    v.ok = v.problems.isEmpty();
    return v;
}

Result<QList<PointVerdict>> VerifyOperation::run()
{
    m_control.setPhase(JobPhase::Verify);
    QStringList uuids;
    if (m_vm.isEmpty()) {
        auto vms = m_repository.listVms();
        if (!vms) {
            return vms.error();
        }
        uuids = *vms;
    } else {
        auto uuid = resolveVmUuid(m_repository, m_vm);
        if (!uuid) {
            return uuid.error();
        }
        uuids << *uuid;
    }
    QList<PointVerdict> verdicts;
    bool pointFound = m_pointId.isEmpty();
    for (const QString &uuid : std::as_const(uuids)) {
        auto points = m_repository.listPoints(uuid);
        if (!points) {
            return points.error();
        }
        const QString name = m_repository.loadVm(uuid) ? m_repository.loadVm(uuid)->currentName() : QString();
        for (const auto &p : std::as_const(*points)) {
            if (!m_pointId.isEmpty() && p.id != m_pointId) {
                continue;
            }
            pointFound = true;
            if (m_control.isCancelled()) {
                return m_control.cancelledError();
            }
            PointVerdict verdict = verifyPoint(m_repository, uuid, p, &m_control);
            if (verdict.vmName.isEmpty()) {
                verdict.vmName = name;
            }
            verdicts.append(verdict);
        }
    }
    if (!pointFound) {
        return Error(
            ErrorCode::NotFound, tr("There is no point %1 of '%2' in the repository.").arg(m_pointId, m_vm));
    }
    return verdicts;
}

} // namespace Rewind
