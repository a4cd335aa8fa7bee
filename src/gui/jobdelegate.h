#pragma once

#include "jobmodel.h"

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace Rewind {

/// Paints one job of a JobModel: title, a line with phase, amounts, rate and ETA (or the
/// outcome, or the error saying what to do), a progress bar, and buttons for the row's
/// actions (Cancel, Retry, Show log, Open settings). Everything goes through QStyle
/// (CE_ProgressBar, CE_PushButton) and the palette. A click on a button emits
/// actionTriggered().
class JobDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit JobDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    /// Where the button for action is in a row drawn at option.rect; empty when the row
    /// offers no such action. Public so tests can click exactly there.
    QRect buttonRect(
        const QStyleOptionViewItem &option, const QModelIndex &index, JobModel::Action action) const;

Q_SIGNALS:
    void actionTriggered(const QModelIndex &index, Rewind::JobModel::Action action);

private:
    struct Button
    {
        JobModel::Action action;
        QRect rect;
        QString text;
    };
    QList<Button> buttons(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int lineHeight(const QStyleOptionViewItem &option) const;

    QPersistentModelIndex m_pressedIndex;
    int m_pressedAction = -1;
    QPersistentModelIndex m_hoverIndex;
    int m_hoverAction = -1;
};

} // namespace Rewind
