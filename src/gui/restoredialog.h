#pragma once

#include "jobs/restoreoperation.h"
#include "pointmodel.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Rewind {

/// How a point comes back, chosen before anything happens: in place (the VM itself goes
/// back; its changes since are lost, so that choice says so and is never the default),
/// as a new VM beside the original (name and folder), or its disks exported as standalone
/// images (folder and format). A point without RAM brings a VM back shut off, so then the
/// dialog says so and offers to start it. The dialog only builds the RestoreRequest; PointCommands
/// runs it as a job. The button names what it will do, and stays disabled until the
/// chosen way has what it needs (a name no other VM has, a folder).
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    /// namesInUse: the names of the VMs on the connection the restore goes to. A new VM is
    /// offered the original's name and the point's time ("web-2026-11-27-1015", local
    /// time), made unique among them.
    RestoreDialog(const QString &vmName, const PointRow &point, const QStringList &namesInUse = {},
        QWidget *parent = nullptr);

    /// What the form says now; vm is left to the caller.
    RestoreRequest request() const;
    /// Selects one of the three ways.
    void setMode(RestoreRequest::Mode mode);
    /// The VM is defined on no connection any more (RemovedVmsDialog): in place becomes
    /// "as it was" (defined again under its own identity), and the new VM may take the
    /// old name. When another VM has that name now (it is among the names in use), it can
    /// only come back as a new VM under another name (the restore would refuse anything else).
    void setOriginalRemoved();
    /// The button that starts the restore (tests).
    QPushButton *restoreButton() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *folderRow(QLineEdit **edit, const QString &placeholder, const QString &title);
    void update();

    QString m_vmName;
    QString m_pointId;
    QStringList m_namesInUse;
    bool m_originalRemoved = false;
    bool m_withRam = false; ///< the point is a full-state one
    QButtonGroup *m_modes;
    QCheckBox *m_keepSafetyCopy;
    QCheckBox *m_startInPlace = nullptr; ///< only for points without RAM
    QCheckBox *m_startNew = nullptr; ///< only for points without RAM
    QWidget *m_inPlaceOptions;
    QWidget *m_asNewOptions;
    QWidget *m_exportOptions;
    QLineEdit *m_newName;
    QLineEdit *m_newDir;
    QLineEdit *m_exportDir;
    QComboBox *m_exportFormat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Rewind
