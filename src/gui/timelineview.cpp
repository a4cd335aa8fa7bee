#include "timelineview.h"

#include "displaytext.h"
#include "pointmodel.h"
#include "timelinemarker.h"

#include <QHash>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleOptionFocusRect>
#include <QStyleOptionViewItem>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <limits>

namespace Rewind {

namespace {

constexpr int TickMinSpacing = 90;

} // namespace

TimelineView::TimelineView(QWidget *parent) : QAbstractItemView(parent)
{
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectRows);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollMode(ScrollPerPixel);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setAutoScroll(false);
    m_placeholder = tr("No backup points yet.");
}

void TimelineView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemView::model()) {
        disconnect(QAbstractItemView::model(), nullptr, this, nullptr);
    }
    QAbstractItemView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_scrollToEnd = true;
            invalidateLayout();
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, &TimelineView::invalidateLayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TimelineView::invalidateLayout);
        connect(model, &QAbstractItemModel::layoutChanged, this, &TimelineView::invalidateLayout);
        connect(model, &QAbstractItemModel::dataChanged, this, &TimelineView::invalidateLayout);
    }
    m_scrollToEnd = true;
    invalidateLayout();
}

void TimelineView::setZoom(Zoom zoom)
{
    if (zoom == m_zoom) {
        return;
    }
    // Keep what the user looks at: the current point, else "now" when the view shows the
    // newest end, else the centre of the view.
    ensureLayout();
    QScrollBar *bar = horizontalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    const QModelIndex current = currentIndex();
    const QDateTime anchor = current.isValid() ? current.data(PointModel::TimeRole).toDateTime()
                                               : m_scale.time(horizontalOffset() + viewport()->width() / 2.0);
    m_zoom = zoom;
    m_scrollToEnd = false;
    m_dirty = true;
    updateGeometries();
    if (!current.isValid() && atEnd) {
        bar->setValue(bar->maximum());
    } else {
        bar->setValue(int(m_scale.x(anchor) - viewport()->width() / 2.0));
    }
    viewport()->update();
    Q_EMIT zoomChanged(zoom);
}

void TimelineView::setNow(const QDateTime &now)
{
    m_now = now;
    invalidateLayout();
}

void TimelineView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

const TimelineScale &TimelineView::scale() const
{
    ensureLayout();
    return m_scale;
}

void TimelineView::invalidateLayout()
{
    m_dirty = true;
    viewport()->update();
    // Coalesce: a merge of many rows must not lay out thousands of markers per row.
    if (!m_geometryPending) {
        m_geometryPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_geometryPending = false;
                updateGeometries();
            },
            Qt::QueuedConnection);
    }
}

int TimelineView::markerRadius() const
{
    return std::max(5, fontMetrics().height() / 3);
}

int TimelineView::axisY() const
{
    return viewport()->height() - 2 * fontMetrics().height() - 10;
}

void TimelineView::ensureLayout() const
{
    if (!m_dirty) {
        return;
    }
    m_dirty = false;
    QAbstractItemModel *m = model();
    const int rows = m ? m->rowCount(rootIndex()) : 0;
    QList<QDateTime> times;
    times.reserve(rows);
    QDateTime first, last;
    for (int row = 0; row < rows; ++row) {
        const QDateTime t = m->index(row, 0, rootIndex()).data(PointModel::TimeRole).toDateTime();
        times.append(t);
        if (t.isValid()) {
            if (!first.isValid() || t < first) {
                first = t;
            }
            if (!last.isValid() || t > last) {
                last = t;
            }
        }
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (!last.isValid() || now > last) {
        last = now;
    }
    m_scale.fit(m_zoom, viewport()->width(), first, last);

    const int r = markerRadius();
    const int baseY = axisY() - r - 8;
    const int levelStep = 2 * r + 4;
    const int top = fontMetrics().height() + 8 + r; // below the legend
    const int levels = std::max(1, (baseY - top) / levelStep + 1);
    QList<double> lastX(levels, -std::numeric_limits<double>::infinity());
    m_markers.resize(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m->index(row, 0, rootIndex());
        Marker &marker = m_markers[row];
        const bool full = index.data(PointModel::KindRole).toInt() == int(PointManifest::Kind::Full);
        marker.radius = full ? r : r * 0.8;
        const double x = times.at(row).isValid() ? m_scale.x(times.at(row)) : -1000.0;
        int level = -1;
        for (int l = 0; l < levels; ++l) {
            if (x - lastX.at(l) >= 2 * r + 2) {
                level = l;
                break;
            }
        }
        if (level < 0) {
            // Too crowded to separate at this zoom: overlap on the least recently used level.
            level = int(std::min_element(lastX.cbegin(), lastX.cend()) - lastX.cbegin());
        }
        lastX[level] = x;
        marker.level = level;
        marker.center = QPointF(x, baseY - level * levelStep);
    }
}

QRectF TimelineView::markerRect(int row) const
{
    ensureLayout();
    if (row < 0 || row >= m_markers.size()) {
        return {};
    }
    const Marker &m = m_markers.at(row);
    const double r = markerRadius() + 3; // room for the golden ring and the selection
    return QRectF(m.center.x() - horizontalOffset() - r, m.center.y() - r, 2 * r, 2 * r);
}

QRect TimelineView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex()) {
        return {};
    }
    return markerRect(index.row()).toAlignedRect();
}

void TimelineView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect rect = visualRect(index);
    if (rect.isNull()) {
        return;
    }
    const int width = viewport()->width();
    QScrollBar *bar = horizontalScrollBar();
    if (hint == PositionAtCenter || rect.right() < 0 || rect.left() > width) {
        bar->setValue(bar->value() + rect.center().x() - width / 2);
    } else if (rect.left() < 0) {
        bar->setValue(bar->value() + rect.left() - 10);
    } else if (rect.right() > width) {
        bar->setValue(bar->value() + rect.right() - width + 10);
    }
}

QModelIndex TimelineView::indexAt(const QPoint &point) const
{
    ensureLayout();
    if (!model()) {
        return {};
    }
    // The topmost (last painted) marker under the point wins.
    for (int row = int(m_markers.size()) - 1; row >= 0; --row) {
        if (markerRect(row).contains(point)) {
            return model()->index(row, 0, rootIndex());
        }
    }
    return {};
}

QSize TimelineView::sizeHint() const
{
    return QSize(600, 12 * fontMetrics().height());
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(200, 8 * fontMetrics().height());
}

QModelIndex TimelineView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    if (!model()) {
        return {};
    }
    const int rows = model()->rowCount(rootIndex());
    if (rows == 0) {
        return {};
    }
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : rows - 1;
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
    case MoveUp:
        row = current.isValid() ? row - 1 : row;
        break;
    case MoveRight:
    case MoveNext:
    case MoveDown:
        row = current.isValid() ? row + 1 : row;
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows - 1;
        break;
    case MovePageUp:
        row -= 10;
        break;
    case MovePageDown:
        row += 10;
        break;
    }
    return model()->index(qBound(0, row, rows - 1), 0, rootIndex());
}

int TimelineView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int TimelineView::verticalOffset() const
{
    return 0;
}

bool TimelineView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void TimelineView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    ensureLayout();
    if (!model() || !selectionModel()) {
        return;
    }
    const QRect normalized = rect.normalized();
    QItemSelection selection;
    int runStart = -1;
    const int rows = int(m_markers.size());
    const int lastColumn = model()->columnCount(rootIndex()) - 1;
    for (int row = 0; row <= rows; ++row) {
        const bool hit = row < rows && markerRect(row).intersects(QRectF(normalized).adjusted(0, 0, 1, 1));
        if (hit && runStart < 0) {
            runStart = row;
        } else if (!hit && runStart >= 0) {
            selection.select(
                model()->index(runStart, 0, rootIndex()), model()->index(row - 1, lastColumn, rootIndex()));
            runStart = -1;
        }
    }
    selectionModel()->select(selection, command);
}

QRegion TimelineView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        if (range.parent() != rootIndex()) {
            continue;
        }
        for (int row = range.top(); row <= range.bottom(); ++row) {
            region += markerRect(row).toAlignedRect();
        }
    }
    return region;
}

void TimelineView::updateGeometries()
{
    ensureLayout();
    QScrollBar *bar = horizontalScrollBar();
    const int width = viewport()->width();
    const int max = std::max(0, m_scale.contentWidth() - width);
    bar->setRange(0, max);
    bar->setPageStep(width);
    bar->setSingleStep(std::max(1, width / 20));
    if (m_scrollToEnd && model() && width > 0) {
        bar->setValue(max);
        m_scrollToEnd = model()->rowCount(rootIndex()) == 0; // until there is something to show
    }
    QAbstractItemView::updateGeometries();
}

void TimelineView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dy)
    viewport()->scroll(dx, 0);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    // Keep the time at the right edge where it was.
    const QDateTime rightEdge
        = m_dirty ? QDateTime() : m_scale.time(horizontalOffset() + viewport()->width());
    QAbstractItemView::resizeEvent(event);
    m_dirty = true;
    ensureLayout();
    updateGeometries();
    if (rightEdge.isValid() && !m_scrollToEnd) {
        horizontalScrollBar()->setValue(int(m_scale.x(rightEdge)) - viewport()->width());
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (event->modifiers() & Qt::ControlModifier) {
        const int z = int(m_zoom) + (delta > 0 ? -1 : 1);
        setZoom(Zoom(qBound(int(Zoom::Day), z, int(Zoom::Year))));
        event->accept();
        return;
    }
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta * viewport()->width() / 1200);
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        const QString text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
        }
        return true;
    }
    case QEvent::HoverMove:
    case QEvent::HoverLeave: {
        const QModelIndex index = event->type() == QEvent::HoverMove
            ? indexAt(static_cast<QHoverEvent *>(event)->position().toPoint())
            : QModelIndex();
        if (index != m_hover) {
            const QRect old = visualRect(m_hover);
            m_hover = index;
            viewport()->update(old.adjusted(-2, -2, 2, 2));
            viewport()->update(visualRect(index).adjusted(-2, -2, 2, 2));
        }
        break;
    }
    default:
        break;
    }
    return QAbstractItemView::viewportEvent(event);
}

// ---- Painting -------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const int offset = horizontalOffset();
    const int width = viewport()->width();
    const QList<TimelineScale::Tick> ticks
        = m_scale.ticks(offset - TickMinSpacing, offset + width + TickMinSpacing, TickMinSpacing);

    paintBands(painter, ticks);
    paintAxis(painter, ticks);

    const QPalette &pal = palette();
    // "Now".
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const double nowX = m_scale.x(now) - offset;
    if (nowX >= -1 && nowX <= width + 1) {
        QPen pen(pal.color(QPalette::Highlight), 1, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(nowX, fontMetrics().height() + 4), QPointF(nowX, axisY()));
        // Labelled under the legend, where markers (stacked up from the axis) rarely reach.
        painter.setPen(pal.color(QPalette::Highlight));
        const QString text = tr("now");
        painter.drawText(
            QPointF(nowX - fontMetrics().horizontalAdvance(text) - 4, 2 * fontMetrics().height() + 6), text);
    }

    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    if (rows == 0) {
        QRect area = viewport()->rect().adjusted(0, 0, 0, -(viewport()->height() - axisY()));
        QPalette placeholder = pal;
        placeholder.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        style()->drawItemText(&painter, area, Qt::AlignCenter | Qt::TextWordWrap, placeholder, true,
            m_placeholder, QPalette::WindowText);
    }
    // At coarse zooms many points share a pixel: paint only the topmost (latest) marker of
    // each spot, unless one below it is larger and shows around it. Rows are collected
    // from the top down, then painted bottom-up as usual.
    const QRect dirty = event->rect().adjusted(-2, -2, 2, 2);
    QHash<quint64, double> topExtent;
    QList<int> visible;
    for (int row = rows - 1; row >= 0; --row) {
        const QRectF rect = markerRect(row);
        if (rect.right() < dirty.left() || rect.left() > dirty.right()) {
            continue;
        }
        const QModelIndex index = model()->index(row, 0, rootIndex());
        const double extent
            = m_markers.at(row).radius + (index.data(PointModel::GoldenRole).toBool() ? 3 : 0);
        const quint64 spot
            = (quint64(quint32(qRound(rect.center().x()))) << 32) | quint32(qRound(rect.center().y()));
        const auto covered = topExtent.constFind(spot);
        if (covered != topExtent.cend() && *covered >= extent && !selectionModel()->isSelected(index)
            && index != m_hover && index != currentIndex()) {
            continue;
        }
        topExtent.insert(spot, std::max(extent, covered != topExtent.cend() ? *covered : 0.0));
        visible.append(row);
    }
    for (auto it = visible.crbegin(); it != visible.crend(); ++it) {
        paintMarker(painter, model()->index(*it, 0, rootIndex()), markerRect(*it));
    }
    paintLegend(painter);
}

void TimelineView::paintBands(QPainter &painter, const QList<TimelineScale::Tick> &ticks) const
{
    // Alternate the background between labelled ticks, so days (or months) read at a glance.
    const int offset = horizontalOffset();
    const QColor band = palette().color(QPalette::AlternateBase);
    for (int i = 0; i + 1 < ticks.size(); ++i) {
        const int index = int(std::floor(ticks.at(i).x / std::max(1.0, ticks.at(i + 1).x - ticks.at(i).x)));
        if (index % 2 != 0) {
            continue;
        }
        painter.fillRect(QRectF(ticks.at(i).x - offset, 0, ticks.at(i + 1).x - ticks.at(i).x, axisY()), band);
    }
}

void TimelineView::paintAxis(QPainter &painter, const QList<TimelineScale::Tick> &ticks) const
{
    const QPalette &pal = palette();
    const int offset = horizontalOffset();
    const int y = axisY();
    const QFontMetrics fm = fontMetrics();
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawLine(QPointF(0, y + 0.5), QPointF(viewport()->width(), y + 0.5));
    for (const auto &tick : ticks) {
        const double x = std::round(tick.x - offset) + 0.5;
        painter.setPen(QPen(pal.color(tick.major ? QPalette::Text : QPalette::Mid), 1));
        painter.drawLine(QPointF(x, y), QPointF(x, y + (tick.major ? 8 : 5)));
        if (!tick.label.isEmpty()) {
            QFont font = painter.font();
            font.setBold(tick.major);
            painter.setFont(font);
            painter.setPen(pal.color(tick.major ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(QPointF(x + 3, y + 6 + fm.ascent()), tick.label);
            font.setBold(false);
            painter.setFont(font);
        }
    }
}

void TimelineView::paintMarker(QPainter &painter, const QModelIndex &index, const QRectF &rect) const
{
    const QPalette &pal = palette();
    const bool selected = selectionModel() && selectionModel()->isSelected(index);
    const bool hovered = index == m_hover;
    if (selected || hovered) {
        QStyleOptionViewItem option;
        option.initFrom(this);
        option.rect = rect.toAlignedRect();
        option.state |= QStyle::State_Enabled;
        option.state.setFlag(QStyle::State_Selected, selected);
        option.state.setFlag(QStyle::State_MouseOver, hovered);
        option.state.setFlag(QStyle::State_Active, hasFocus());
        option.showDecorationSelected = true;
        option.viewItemPosition = QStyleOptionViewItem::OnlyOne;
        style()->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, &painter, this);
    }

    const auto state = PointInfo::State(index.data(PointModel::StateRole).toInt());
    const bool full = index.data(PointModel::KindRole).toInt() == int(PointManifest::Kind::Full);
    TimelineMarker::Shape shape = full ? TimelineMarker::Shape::Full : TimelineMarker::Shape::Incremental;
    if (state == PointInfo::State::Incomplete) {
        shape = TimelineMarker::Shape::Incomplete;
    } else if (state == PointInfo::State::Damaged) {
        shape = TimelineMarker::Shape::Damaged;
    }
    TimelineMarker::paint(painter, pal, rect.center(), m_markers.at(index.row()).radius, shape,
        index.data(PointModel::GoldenRole).toBool(), selected);

    if (index == currentIndex() && hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = rect.toAlignedRect();
        focus.backgroundColor = pal.color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
    }
}

void TimelineView::paintLegend(QPainter &painter) const
{
    TimelineMarker::paintLegend(
        painter, palette(), fontMetrics(), viewport()->width() - 8, 4, markerRadius() * 0.8);
}

} // namespace Rewind
