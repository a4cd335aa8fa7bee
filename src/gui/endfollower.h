#pragma once

#include <QObject>

class QAbstractItemView;

namespace Rewind {

/// Keeps an item view at its end while it is there, as a log view does: a model reset
/// scrolls to the last row, and rows added, a first show or a resize keep it in sight
/// until the user scrolls away; scrolled back to the end, it follows again. For lists
/// in time order whose newest rows are the ones looked for. The view's model is set
/// first; the follower lives as long as the view.
class EndFollower : public QObject
{
    Q_OBJECT
public:
    explicit EndFollower(QAbstractItemView *view);

private:
    bool m_atEnd = true;
};

} // namespace Rewind
