#include "pointcommands.h"

#include "async.h"
#include "backupsettingsdialog.h"
#include "displaytext.h"
#include "jobmanager.h"
#include "pointactions.h"
#include "removedvmsdialog.h"
#include "restoredialog.h"

#include <QMessageBox>
#include <QPushButton>

#include "jobs/pointprotection.h"
#include "jobs/pruneoperation.h"
#include "jobs/restoreoperation.h"
#include "libvirt/domain.h"

namespace Rewind {

namespace {
constexpr int MaxSingleVerifies = 20;
} // namespace

PointCommands::PointCommands(JobManager *jobs, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_dialogParent(dialogParent)
{ }

void PointCommands::verify(const QString &vmUuid, const QString &vmName, const QStringList &pointIds)
{
    if (pointIds.isEmpty() || pointIds.size() > MaxSingleVerifies) {
        m_jobs->verify(vmUuid, vmName); // all of the VM's points in one job
        return;
    }
    for (const QString &id : pointIds) {
        m_jobs->verify(vmUuid, vmName, id);
    }
}

void PointCommands::setGolden(
    const QString &vmUuid, const QString &vmName, const QString &pointId, bool golden)
{
    const Repository repository = m_jobs->repository();
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, vmUuid, pointId, golden] {
            return PointProtection::setProtected(repository, vmUuid, pointId, golden);
        },
        [this, vmUuid, vmName, pointId, golden](const Result<PointManifest> &r) {
            if (!r) {
                Q_EMIT message(r.error().message());
            } else {
                Q_EMIT message(golden
                        ? tr("Point %1 of '%2' is golden now: retention keeps it forever.")
                              .arg(pointId, vmName)
                        : tr("Point %1 of '%2' is an ordinary point again.").arg(pointId, vmName));
            }
            Q_EMIT pointsChanged(vmUuid);
        });
}

void PointCommands::remove(const QString &vmUuid, const QString &vmName, const QStringList &pointIds)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete backup points"),
        tr("Delete %n point(s) of '%1'? This cannot be undone.", nullptr, int(pointIds.size())).arg(vmName),
        QMessageBox::Cancel, m_dialogParent);
    box->setInformativeText(tr("Later points stored as changes on top of them stay restorable: they take in "
                               "the data they need first. Golden points are not deleted; make them "
                               "ordinary first."));
    box->setDetailedText(pointIds.join(QLatin1Char('\n')));
    QPushButton *ok = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, ok, vmUuid, vmName, pointIds](QAbstractButton *b) {
        if (b == ok) {
            removeConfirmed(vmUuid, vmName, pointIds);
        }
    });
    box->open();
}

void PointCommands::editSettings(const QString &vmUuid, const QString &vmName)
{
    if (!m_jobs->repository().isValid()) {
        Q_EMIT message(tr("Choose a backup repository first (File > Choose Repository)."));
        return;
    }
    auto *dialog = new BackupSettingsDialog(m_jobs->repository(), vmUuid, vmName, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupSettingsDialog::saved, this, [this, vmName](const QString &uuid) {
        Q_EMIT message(tr("Backup settings of '%1' saved.").arg(vmName));
        Q_EMIT pointsChanged(uuid);
    });
    dialog->open();
}

Job *PointCommands::removeConfirmed(const QString &vmUuid, const QString &vmName, const QStringList &pointIds)
{
    const Repository repository = m_jobs->repository();
    if (!repository.isValid()) {
        return nullptr;
    }
    // A prune of the chosen points: journalled, and later incremental points absorb the
    // deleted ones they build on, so any point can go without breaking the others.
    PruneRequest request;
    request.vm = vmUuid;
    request.points = pointIds;
    auto work = [repository, request](JobControl &control) -> Result<JobOutcome> {
        PruneOperation op(repository, request, control);
        auto outcome = op.run();
        if (!outcome) {
            return outcome.error();
        }
        const int removed = int(outcome->removed.size());
        const QString freed = DisplayText::size(outcome->freedBytes);
        const QString text = outcome->merged.isEmpty()
            ? QCoreApplication::translate(
                "Rewind::PointCommands", "%n point(s) deleted (%1 freed).", nullptr, removed)
                  .arg(freed)
            : QCoreApplication::translate("Rewind::PointCommands",
                "%n point(s) deleted (%1 freed). The later points stored as changes on them took in their "
                "data and stay restorable.",
                nullptr, removed)
                  .arg(freed);
        return JobOutcome {text, {}, outcome->notes};
    };
    auto *job = new Job(
        Job::Kind::Prune, tr("Delete %n point(s) of '%1'", nullptr, int(pointIds.size())).arg(vmName), work);
    job->setVm(vmUuid, vmName);
    return m_jobs->start(job);
}

void PointCommands::restore(const QString &uri, const QString &vmUuid, const QString &vmName,
    const PointRow &point, const QStringList &namesInUse)
{
    askHowToRestore(uri, vmUuid, vmName, point, namesInUse, false);
}

void PointCommands::askHowToRestore(const QString &uri, const QString &vmUuid, const QString &vmName,
    const PointRow &point, const QStringList &namesInUse, bool originalRemoved)
{
    auto *dialog = new RestoreDialog(vmName, point, namesInUse, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (originalRemoved) {
        dialog->setOriginalRemoved();
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, uri, vmUuid, vmName] {
        RestoreRequest request = dialog->request();
        request.vm = vmUuid;
        startRestore(uri, vmName, request);
    });
    Q_EMIT restoreDialogOpened(dialog);
    dialog->open();
}

void PointCommands::restoreRemoved(const QSet<QString> &knownUuids,
    const QMultiHash<QString, QString> &namesInUse, const QStringList &uris, const QStringList &unreachable)
{
    auto *dialog = new RemovedVmsDialog(m_jobs->repository(), knownUuids, uris, unreachable, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, namesInUse] {
        askHowToRestore(dialog->uri(), dialog->vmUuid(), dialog->vmName(), dialog->point(),
            namesInUse.values(dialog->uri()), true);
    });
    Q_EMIT removedVmsDialogOpened(dialog);
    dialog->open();
}

Job *PointCommands::startRestore(const QString &uri, const QString &vmName, const RestoreRequest &request)
{
    const Repository repository = m_jobs->repository();
    auto work = [uri, repository, request](JobControl &control) -> Result<JobOutcome> {
        auto conn = Libvirt::openConnection(uri);
        if (!conn) {
            return conn.error();
        }
        RestoreOperation op(*conn, repository, request, control);
        auto outcome = op.run();
        if (!outcome) {
            return outcome.error();
        }
        JobOutcome out;
        out.pointId = outcome->pointId;
        out.notes = outcome->notes;
        switch (request.mode) {
        case RestoreRequest::Mode::InPlace:
            out.summary = outcome->redefined
                ? QCoreApplication::translate(
                    "Rewind::PointCommands", "'%1' is back as it was at point %2, defined in libvirt again.")
                      .arg(outcome->domainName, outcome->pointId)
                : QCoreApplication::translate("Rewind::PointCommands", "'%1' restored to point %2.")
                      .arg(outcome->domainName, outcome->pointId);
            break;
        case RestoreRequest::Mode::AsNewVm:
            out.summary = QCoreApplication::translate(
                "Rewind::PointCommands", "Point %1 restored as the new VM '%2'.")
                              .arg(outcome->pointId, outcome->domainName);
            break;
        case RestoreRequest::Mode::Export:
            out.summary = QCoreApplication::translate("Rewind::PointCommands", "Point %1 exported to %2.")
                              .arg(outcome->pointId, outcome->files.join(QStringLiteral(", ")));
            break;
        }
        return out;
    };
    QString title;
    switch (request.mode) {
    case RestoreRequest::Mode::InPlace:
        title = tr("Restore '%1' to %2").arg(vmName, request.pointId);
        break;
    case RestoreRequest::Mode::AsNewVm:
        title = tr("Restore %2 of '%1' as a new VM").arg(vmName, request.pointId);
        break;
    case RestoreRequest::Mode::Export:
        title = tr("Export %2 of '%1'").arg(vmName, request.pointId);
        break;
    }
    auto *job = new Job(Job::Kind::Restore, title, work);
    job->setVm(request.vm, vmName);
    return m_jobs->start(job);
}

} // namespace Rewind
