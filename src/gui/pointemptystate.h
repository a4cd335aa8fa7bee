#pragma once

#include <QObject>

namespace Rewind {

class EmptyStateWidget;
class PointModel;
class Repository;
class VmModel;

/// What the point pane shows instead of the timeline or the table when there is nothing
/// to draw, and the next step as buttons: the repository is not available (try again, or
/// choose another folder), none is chosen yet (use the default folder, or choose one), no
/// VM is selected, the selected VM's points are still being read, or it has none yet
/// (back it up now).
class PointEmptyState : public QObject
{
    Q_OBJECT
public:
    PointEmptyState(EmptyStateWidget *widget, PointModel *points, VmModel *vms, QObject *parent = nullptr);

    /// The repository at path could not be opened (message says why) and is waited for;
    /// an empty path: none is.
    void setUnavailable(const QString &path, const QString &message);

    /// Fills the widget for the current state. Returns whether the pane has nothing to
    /// show (the widget is to be shown).
    bool update(const Repository &repository);

Q_SIGNALS:
    /// "Try Again" on a repository that is not available.
    void retryRequested();
    /// "Choose Folder…".
    void chooseFolderRequested();
    /// "Use FOLDER": the default location.
    void folderChosen(const QString &path);
    /// "Back Up 'VM' Now".
    void backUpRequested();

private:
    EmptyStateWidget *m_widget;
    PointModel *m_points;
    VmModel *m_vms;
    QString m_unavailablePath;
    QString m_unavailableMessage;
};

} // namespace Rewind
