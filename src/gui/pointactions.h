#pragma once

#include "pointmodel.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace Rewind {

/// The actions on selected backup points, shared by the timeline, the table and the
/// toolbar: Restore…, Verify, Golden (protect/unprotect), Delete…. They enable themselves
/// for the selection and emit requests; PointCommands carries them out.
///
/// Restore and prune are separate core features (RestoreOperation, PruneOperation) that
/// may be missing from a build: their actions are then disabled with a tooltip saying so.
class PointActions : public QObject
{
    Q_OBJECT
public:
    explicit PointActions(QObject *parent = nullptr);

    void setContext(const QString &uri, const QString &vmUuid, const QString &vmName,
        const QList<PointRow> &selected, bool repositoryValid);

    QAction *restoreAction() const { return m_restore; }
    QAction *verifyAction() const { return m_verify; }
    QAction *protectAction() const { return m_protect; }
    QAction *deleteAction() const { return m_delete; }
    /// A context menu with the actions, for a view's customContextMenuRequested.
    QMenu *createMenu(QWidget *parent) const;

Q_SIGNALS:
    void restoreRequested(
        const QString &uri, const QString &vmUuid, const QString &vmName, const PointRow &point);
    void verifyRequested(const QString &vmUuid, const QString &vmName, const QStringList &pointIds);
    void protectRequested(const QString &vmUuid, const QString &vmName, const QString &pointId, bool golden);
    void deleteRequested(const QString &vmUuid, const QString &vmName, const QStringList &pointIds);

private:
    QString m_uri;
    QString m_vmUuid;
    QString m_vmName;
    QList<PointRow> m_selected;
    QAction *m_restore;
    QAction *m_verify;
    QAction *m_protect;
    QAction *m_delete;
};

} // namespace Rewind
