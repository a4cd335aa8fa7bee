#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QWidget;

namespace Rewind {

class Job;
class JobManager;
class RemovedVmsDialog;
class RestoreDialog;
struct PointRow;
struct RestoreRequest;

/// Carries out what PointActions request: verify (VerifyJob), golden on/off
/// (PointProtection, in a worker), delete (a job removing the points under the VM's lock,
/// after the user confirmed) and restore (RestoreOperation, after the user chose how),
/// when the build has them; and the VM's Backup Settings, which decide what points it
/// gets and keeps. Asks through non-blocking dialogs parented to dialogParent.
class PointCommands : public QObject
{
    Q_OBJECT
public:
    PointCommands(JobManager *jobs, QWidget *dialogParent, QObject *parent = nullptr);

    void verify(const QString &vmUuid, const QString &vmName, const QStringList &pointIds);
    void setGolden(const QString &vmUuid, const QString &vmName, const QString &pointId, bool golden);
    /// Asks first; confirmed() deletes without asking (tests, scripted use).
    void remove(const QString &vmUuid, const QString &vmName, const QStringList &pointIds);
    /// Opens the VM's Backup Settings (BackupSettingsDialog); pointsChanged() once saved,
    /// so that the VM's next scheduled run is shown.
    void editSettings(const QString &vmUuid, const QString &vmName);
    Job *removeConfirmed(const QString &vmUuid, const QString &vmName, const QStringList &pointIds);
    /// Asks how (RestoreDialog, non-blocking), then runs startRestore(). namesInUse: the
    /// names of the VMs on uri, which a new VM cannot take.
    void restore(const QString &uri, const QString &vmUuid, const QString &vmName, const PointRow &point,
        const QStringList &namesInUse);
    /// Lets the user pick a VM that has points but is not among knownUuids, and one of its
    /// points (RemovedVmsDialog), then asks how to restore it into one of uris.
    /// namesInUse: the names of the VMs on each connection (uri -> name), as a removed VM
    /// whose name another VM took can only come back as a new VM.
    void restoreRemoved(const QSet<QString> &knownUuids, const QMultiHash<QString, QString> &namesInUse,
        const QStringList &uris, const QStringList &unreachable);
    /// Runs the restore as a job; request.vm is the VM's UUID.
    Job *startRestore(const QString &uri, const QString &vmName, const RestoreRequest &request);

Q_SIGNALS:
    /// The VM's points changed outside a job (golden flag): views reload.
    void pointsChanged(const QString &vmUuid);
    /// For the status bar: what happened or what went wrong.
    void message(const QString &text);
    /// The restore dialog just opened (tests answer it).
    void restoreDialogOpened(RestoreDialog *dialog);
    /// The dialog that finds removed VMs just opened (tests answer it).
    void removedVmsDialogOpened(RemovedVmsDialog *dialog);

private:
    /// originalRemoved: the VM is defined on no connection (RestoreDialog::setOriginalRemoved()).
    void askHowToRestore(const QString &uri, const QString &vmUuid, const QString &vmName,
        const PointRow &point, const QStringList &namesInUse, bool originalRemoved);

    JobManager *m_jobs;
    QPointer<QWidget> m_dialogParent;
};

} // namespace Rewind
