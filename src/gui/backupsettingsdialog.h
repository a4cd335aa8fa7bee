#pragma once

#include "jobs/vmsettings.h"
#include "repository/repository.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTimeEdit;

namespace Rewind {

/// One VM's Backup Settings: its schedule, its retention rules and when a chain starts
/// anew with a full point (VmSettings, stored in the repository's vm.json). Loading and
/// saving run in a worker; the form is disabled until the settings are loaded and while
/// they are saved. Saving takes the VM's lock, so while a job of that VM runs the dialog
/// stays open and says to try again when it ends. Settings that cannot be read are
/// reported, and the form starts from the defaults so that saving replaces them.
class BackupSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    BackupSettingsDialog(const Repository &repository, const QString &vmUuid, const QString &vmName,
        QWidget *parent = nullptr);

    /// The settings the form shows now.
    VmSettings settings() const;
    /// Fills the form (also done once the stored settings are loaded).
    void setSettings(const VmSettings &settings);
    bool isLoaded() const { return m_loaded; }

public Q_SLOTS:
    /// Validates and saves; closes the dialog once vm.json is written.
    void accept() override;

Q_SIGNALS:
    void loaded();
    void saved(const QString &vmUuid);
    /// Saving failed; the message is also shown in the dialog.
    void saveFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildSchedule();
    QWidget *buildRetention();
    QWidget *buildChain();
    void updateScheduleFields();
    void showProblem(const QString &message);
    void setBusy(bool busy);

    Repository m_repository;
    QString m_vmUuid;
    QString m_vmName;
    bool m_loaded = false;
    /// As loaded: kept where the form cannot show it exactly (a time zone, a chain age
    /// that is not whole days) unless the user changes that field.
    VmSettings m_original;
    VmSettings::Parts m_unreadable; ///< stored parts that could not be read: saved as shown

    QComboBox *m_scheduleKind = nullptr;
    QSpinBox *m_every = nullptr;
    QComboBox *m_everyUnit = nullptr;
    QTimeEdit *m_time = nullptr;
    QList<QCheckBox *> m_days; ///< Monday first
    QWidget *m_intervalRow = nullptr;
    QWidget *m_timeRow = nullptr;
    QWidget *m_daysRow = nullptr;
    QLabel *m_scheduleSummary = nullptr;
    QCheckBox *m_startAtLogin = nullptr; ///< Autostart, applied on Save
    QCheckBox *m_weeklyCheck = nullptr; ///< GuiSettings::weeklyCheck, applied on Save
    QList<QSpinBox *> m_keep; ///< in RetentionRule order
    QSpinBox *m_fullEvery = nullptr;
    QSpinBox *m_fullAfterDays = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Rewind
