#include "vmtreecolumns.h"

#include "displaytext.h"
#include "vmcells.h"
#include "vmmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeView>

#include <algorithm>

namespace Rewind::VmTreeColumns {

namespace {

// Copies of a VM differ at the end of their names ("web-2026-11-30-0711", "web-clone"),
// so a name too long for its column loses its middle rather than its end, as file
// managers do with file names. The other columns keep the view's own elision.
class NameDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace

void apply(QTreeView *tree)
{
    if (!dynamic_cast<NameDelegate *>(tree->itemDelegateForColumn(VmModel::NameColumn))) {
        tree->setItemDelegateForColumn(VmModel::NameColumn, new NameDelegate(tree));
    }
    const int em = tree->fontMetrics().averageCharWidth();
    const int ems[] = {27, 14, 17, 14}; // name ("qemu:///system" in bold, indented), state, last, next
    for (int column = VmModel::NameColumn; column <= VmModel::NextRunColumn; ++column) {
        tree->setColumnWidth(column, std::max(ems[column] * em, tree->header()->sectionSizeHint(column)));
    }
    // A next backup a day or more out is a day and a time in the locale's formats
    // ("tomorrow 22:15", "Thu 10:15 PM"), longer than the average in some languages.
    const QDateTime now = QDateTime::currentDateTime();
    int next = 0;
    for (int days = 1; days < 7; ++days) {
        const QDateTime late(now.date().addDays(days), QTime(23, 59, 59)); // more than 24 h out
        next = std::max(next, tree->fontMetrics().horizontalAdvance(DisplayText::untilTime(late, now)));
    }
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    tree->setColumnWidth(
        VmModel::NextRunColumn, std::max(tree->columnWidth(VmModel::NextRunColumn), next + 4 * margin));
}

int neededWidth(const QTreeView *tree)
{
    const QHeaderView *header = tree->header();
    const int last = header->count() - 1;
    int width = 0;
    for (int column = 0; column < last; ++column) {
        width += tree->columnWidth(column);
    }
    // The last column stretches; it needs room for its title and for the summary of a VM
    // with a few weeks of points after a golden star, which would be elided otherwise.
    const QStyle *style = tree->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, tree);
    constexpr qint64 TypicalBytes = 888LL * 1024 * 1024 * 1024;
    const int summary
        = tree->fontMetrics().horizontalAdvance(VmCells::pointsText(88, TypicalBytes)) + icon + 4 * margin;
    width += std::max(header->sectionSizeHint(last), summary);
    const int scrollBar = style->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, tree);
    return width + scrollBar + 2 * tree->frameWidth();
}

namespace {

// Re-splits after every resize of the splitter (queued, once the splitter has laid out its
// new size) until the user drags the handle: the window's width is not final when it is
// first shown (it grows to its minimum size, the window manager places it).
class DefaultSplit : public QObject
{
public:
    DefaultSplit(QSplitter *splitter, const QTreeView *tree)
        : QObject(splitter), m_splitter(splitter), m_tree(tree)
    {
        splitter->installEventFilter(this);
        // From then on the sizes are the user's.
        connect(splitter, &QSplitter::splitterMoved, this, &QObject::deleteLater);
        apply();
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize && !m_pending) {
            m_pending = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_pending = false;
                    apply();
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    void apply()
    {
        if (!m_tree) {
            return;
        }
        const int total = m_splitter->width();
        const int first = std::clamp(neededWidth(m_tree), total * 49 / 100, total * 62 / 100);
        m_splitter->setSizes({first, total - first});
    }

    QSplitter *const m_splitter;
    QPointer<const QTreeView> m_tree;
    bool m_pending = false;
};

} // namespace

void keepDefaultSplit(QSplitter *splitter, const QTreeView *tree)
{
    new DefaultSplit(splitter, tree);
}

} // namespace Rewind::VmTreeColumns
