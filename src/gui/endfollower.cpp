#include "endfollower.h"

#include <QAbstractItemView>
#include <QScrollBar>

namespace Rewind {

EndFollower::EndFollower(QAbstractItemView *view) : QObject(view)
{
    QScrollBar *bar = view->verticalScrollBar();
    connect(
        bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_atEnd = value == bar->maximum(); });
    // The range changes before the value is bounded by it: a view at its end moves with it.
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_atEnd) {
            bar->setValue(maximum);
        }
    });
    connect(view->model(), &QAbstractItemModel::modelReset, this, [this, view] {
        m_atEnd = true;
        view->scrollToBottom();
    });
}

} // namespace Rewind
