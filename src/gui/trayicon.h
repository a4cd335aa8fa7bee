#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Rewind {

class VmModel;

/// The system tray icon: shows whether backups run or something needs attention, and
/// offers Back Up Now (per VM), Open and Quit.
///
/// The icon lives in a QPointer (the platform may take the tray away). When no tray
/// exists at start-up (the panel starts after us), install() retries a few times before
/// giving up; availableChanged() tells the application whether closing the window should
/// quit (no tray) or hide it.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(VmModel *vms, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Shows the icon now if there is a tray, else retries up to `attempts` times.
    void install(int attempts = 5, int intervalMs = 3000);
    bool isAvailable() const;
    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }

    /// Busy while jobs run; a problem (failure, lost connection) until the window opens.
    /// state: one line at the top of the menu (the next scheduled backup), none if empty.
    void setStatus(int runningJobs, bool problem, const QString &toolTip, const QString &state = QString());
    /// The menu's line of state (tests).
    QString stateText() const;

Q_SIGNALS:
    void availableChanged(bool available);
    void openRequested();
    void quitRequested();
    void backupRequested(const QString &uri, const QString &vmUuid, const QString &vmName);

private:
    void tryInstall();
    void fillBackupMenu();

    VmModel *m_vms;
    QPointer<QSystemTrayIcon> m_icon;
    QMenu *m_menu;
    QMenu *m_backupMenu;
    QAction *m_state;
    QAction *m_stateSeparator;
    QTimer m_retry;
    int m_attemptsLeft = 0;
};

} // namespace Rewind
