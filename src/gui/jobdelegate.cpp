#include "jobdelegate.h"

#include "displaytext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>
#include <QStyleOptionProgressBar>

namespace Rewind {

namespace {
constexpr int Padding = 6;
constexpr int Spacing = 4;
} // namespace

JobDelegate::JobDelegate(QObject *parent) : QStyledItemDelegate(parent)
{ }

int JobDelegate::lineHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height();
}

QSize JobDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = lineHeight(option);
    return QSize(300, 2 * Padding + 3 * line + 2 * Spacing + 4);
}

QList<JobDelegate::Button> JobDelegate::buttons(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QList<Button> out;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const QVariantList actions = index.data(JobModel::ActionsRole).toList();
    int right = option.rect.right() - Padding;
    const int line = lineHeight(option);
    const int top = option.rect.top() + Padding;
    // Right to left, so the first action ends up leftmost.
    for (int i = int(actions.size()) - 1; i >= 0; --i) {
        const auto action = JobModel::Action(actions.at(i).toInt());
        QStyleOptionButton button;
        button.text = JobModel::actionText(action);
        button.fontMetrics = option.fontMetrics;
        const QSize text = option.fontMetrics.size(Qt::TextShowMnemonic, button.text);
        QSize size = style->sizeFromContents(QStyle::CT_PushButton, &button, text, option.widget);
        size.setHeight(std::min(size.height(), 2 * line + Spacing));
        const QRect rect(right - size.width() + 1, top + (2 * line + Spacing - size.height()) / 2,
            size.width(), size.height());
        out.prepend({action, rect, button.text});
        right = rect.left() - Spacing;
    }
    return out;
}

QRect JobDelegate::buttonRect(
    const QStyleOptionViewItem &option, const QModelIndex &index, JobModel::Action action) const
{
    const auto all = buttons(option, index);
    for (const Button &b : all) {
        if (b.action == action) {
            return b.rect;
        }
    }
    return {};
}

void JobDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background (selection, hover) the way the style draws item views.
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : option.palette.color(group, QPalette::PlaceholderText);
    const auto state = Job::State(index.data(JobModel::StateRole).toInt());
    const int line = lineHeight(option);
    const QList<Button> btns = buttons(option, index);
    const int textRight
        = btns.isEmpty() ? option.rect.right() - Padding : btns.first().rect.left() - 2 * Spacing;

    int x = option.rect.left() + Padding;
    int y = option.rect.top() + Padding;
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    if (!icon.isNull()) {
        icon.paint(painter, QRect(x, y, line, line));
        x += line + Spacing;
    }

    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QString title = index.data(Qt::DisplayRole).toString();
    const QString stateText = Job::stateText(state);
    const QFontMetrics boldMetrics(bold);
    const QRect titleRect(x, y, textRight - x, line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(title, Qt::ElideRight, titleRect.width()));

    painter->setFont(option.font);
    QColor detailColor = dim;
    if (state == Job::State::Failed && !selected) {
        detailColor = DisplayText::negativeColor(option.palette);
    } else if (state == Job::State::Succeeded && !selected) {
        detailColor = DisplayText::positiveColor(option.palette);
    }
    painter->setPen(detailColor);
    QString detail = index.data(JobModel::DetailTextRole).toString();
    if (state != Job::State::Running) {
        detail = stateText + QStringLiteral(" · ") + detail;
    }
    const QRect detailRect(x, y + line + Spacing, textRight - x, line);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(detail, Qt::ElideRight, detailRect.width()));
    painter->restore();

    // Progress bar across the whole row, under the text and buttons.
    QStyleOptionProgressBar bar;
    if (widget) {
        bar.initFrom(widget);
    }
    bar.state = option.state & QStyle::State_Enabled ? QStyle::State_Enabled : QStyle::State_None;
    bar.state |= QStyle::State_Horizontal;
    bar.rect = QRect(option.rect.left() + Padding, y + 2 * line + 2 * Spacing,
        option.rect.width() - 2 * Padding, std::max(6, line - 4));
    bar.minimum = 0;
    bar.maximum = 100;
    const int percent = index.data(JobModel::PercentRole).toInt();
    if (state == Job::State::Running && percent < 0) {
        bar.maximum = 0; // busy indicator while the amount is unknown
        bar.progress = 0;
    } else {
        bar.progress = std::max(0, percent);
    }
    bar.textVisible = false;
    bar.palette = option.palette;
    if (state == Job::State::Failed || state == Job::State::Cancelled) {
        bar.progress = 0;
    }
    if (state != Job::State::Queued) {
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }

    for (const Button &b : btns) {
        QStyleOptionButton button;
        if (widget) {
            button.initFrom(widget);
        }
        button.rect = b.rect;
        button.text = b.text;
        button.palette = option.palette;
        button.state = QStyle::State_Enabled | QStyle::State_Raised;
        if (m_hoverIndex == index && m_hoverAction == int(b.action)) {
            button.state |= QStyle::State_MouseOver;
        }
        if (m_pressedIndex == index && m_pressedAction == int(b.action)) {
            button.state |= QStyle::State_Sunken;
            button.state &= ~QStyle::State_Raised;
        }
        style->drawControl(QStyle::CE_PushButton, &button, painter, widget);
    }
}

bool JobDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    auto repaint = [&option] {
        if (auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
            const_cast<QWidget *>(view->viewport())->update(option.rect);
        }
    };
    auto actionAt = [&](const QPoint &pos) -> int {
        const auto all = buttons(option, index);
        for (const Button &b : all) {
            if (b.rect.contains(pos)) {
                return int(b.action);
            }
        }
        return -1;
    };
    switch (event->type()) {
    case QEvent::MouseMove: {
        const int action = actionAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (m_hoverIndex != index || m_hoverAction != action) {
            m_hoverIndex = index;
            m_hoverAction = action;
            repaint();
        }
        return false;
    }
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const int action = mouse->button() == Qt::LeftButton ? actionAt(mouse->position().toPoint()) : -1;
        if (action < 0) {
            return false;
        }
        m_pressedIndex = index;
        m_pressedAction = action;
        repaint();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const int action = actionAt(mouse->position().toPoint());
        const bool clicked = m_pressedIndex == index && action >= 0 && action == m_pressedAction;
        const bool wasPressed = m_pressedAction >= 0;
        m_pressedIndex = QPersistentModelIndex();
        m_pressedAction = -1;
        repaint();
        if (clicked) {
            Q_EMIT actionTriggered(index, JobModel::Action(action));
        }
        return clicked || wasPressed;
    }
    default:
        return false;
    }
}

} // namespace Rewind
