#include "pointactions.h"

#include "icons.h"

#include <QAction>
#include <QMenu>

#include <algorithm>

namespace Rewind {

PointActions::PointActions(QObject *parent)
    : QObject(parent)
    , m_restore(new QAction(Icons::restore(), tr("&Restore…"), this))
    , m_verify(new QAction(Icons::verify(), tr("&Verify"), this))
    , m_protect(new QAction(Icons::golden(), tr("&Golden (never pruned)"), this))
    , m_delete(new QAction(Icons::remove(), tr("&Delete…"), this))
{
    m_protect->setCheckable(true);
    m_verify->setToolTip(tr("Re-read the stored files and compare them with their checksums"));
    m_protect->setToolTip(
        tr("A golden point is kept forever: retention never removes it, and it cannot be deleted"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setContext({}, {}, {}, {}, false);

    connect(m_restore, &QAction::triggered, this, [this] {
        if (m_selected.size() == 1) {
            Q_EMIT restoreRequested(m_uri, m_vmUuid, m_vmName, m_selected.first());
        }
    });
    connect(m_verify, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const PointRow &p : std::as_const(m_selected)) {
            ids.append(p.id);
        }
        Q_EMIT verifyRequested(m_vmUuid, m_vmName, ids);
    });
    connect(m_protect, &QAction::triggered, this, [this](bool checked) {
        if (m_selected.size() == 1) {
            Q_EMIT protectRequested(m_vmUuid, m_vmName, m_selected.first().id, checked);
        }
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const PointRow &p : std::as_const(m_selected)) {
            ids.append(p.id);
        }
        if (!ids.isEmpty()) {
            Q_EMIT deleteRequested(m_vmUuid, m_vmName, ids);
        }
    });
}

void PointActions::setContext(const QString &uri, const QString &vmUuid, const QString &vmName,
    const QList<PointRow> &selected, bool repositoryValid)
{
    m_uri = uri;
    m_vmUuid = vmUuid;
    m_vmName = vmName;
    m_selected = selected;
    const bool one = selected.size() == 1;
    const bool oneComplete = one && selected.first().state == PointInfo::State::Complete;
    m_restore->setEnabled(repositoryValid && oneComplete && !uri.isEmpty());
    m_verify->setEnabled(repositoryValid && !selected.isEmpty());
    m_protect->setEnabled(repositoryValid && oneComplete);
    m_protect->setChecked(oneComplete && selected.first().golden);
    // Golden points are protected from deletion too, not only from retention: a range
    // selected for deletion must not take one along by accident.
    const bool anyGolden
        = std::any_of(selected.cbegin(), selected.cend(), [](const PointRow &p) { return p.golden; });
    m_delete->setEnabled(repositoryValid && !selected.isEmpty() && !anyGolden);
    m_delete->setToolTip(anyGolden
            ? tr("Golden points cannot be deleted: uncheck Golden first")
            : tr("Delete the selected points; later points built on them stay restorable"));
}

QMenu *PointActions::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_restore);
    menu->addAction(m_verify);
    menu->addSeparator();
    menu->addAction(m_protect);
    menu->addSeparator();
    menu->addAction(m_delete);
    menu->setToolTipsVisible(true);
    return menu;
}

} // namespace Rewind
