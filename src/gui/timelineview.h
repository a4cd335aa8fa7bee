#pragma once

#include "timelinescale.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QList>
#include <QPointF>

namespace Rewind {

/// A VM's backup points along a time axis: a real item view over PointModel, so
/// selection, keyboard navigation, the context menu and a QTableView on the same model
/// (sharing the selection model) all work as in any Qt view.
///
/// Full points are filled discs, incremental ones rings; golden points get a gold ring and
/// a star, damaged ones a cross, incomplete ones a dashed outline. Points closer than a
/// marker stack upwards. Zoom shows a day, week, month or year per visible width
/// (Ctrl+wheel); the wheel scrolls through time. Everything is painted with the widget's
/// palette and QStyle primitives (item selection, focus frame), so dark themes work.
class TimelineView : public QAbstractItemView
{
    Q_OBJECT
public:
    using Zoom = TimelineScale::Zoom;

    explicit TimelineView(QWidget *parent = nullptr);

    Zoom zoom() const { return m_zoom; }
    void setZoom(Zoom zoom);
    /// "Now" on the axis; tests pin it.
    void setNow(const QDateTime &now);
    /// The text shown when the model has no rows.
    void setPlaceholderText(const QString &text);
    const TimelineScale &scale() const;

    void setModel(QAbstractItemModel *model) override;
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void zoomChanged(Rewind::TimelineView::Zoom zoom);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Marker
    {
        QPointF center; ///< content coordinates (x along the axis, y in the viewport)
        double radius = 0;
        int level = 0;
    };

    void invalidateLayout();
    void ensureLayout() const;
    QRectF markerRect(int row) const; ///< viewport coordinates
    int axisY() const;
    int markerRadius() const;
    void paintBands(QPainter &painter, const QList<TimelineScale::Tick> &ticks) const;
    void paintAxis(QPainter &painter, const QList<TimelineScale::Tick> &ticks) const;
    void paintMarker(QPainter &painter, const QModelIndex &index, const QRectF &rect) const;
    void paintLegend(QPainter &painter) const;

    Zoom m_zoom = Zoom::Month;
    QDateTime m_now;
    QString m_placeholder;
    mutable TimelineScale m_scale;
    mutable QList<Marker> m_markers;
    mutable bool m_dirty = true;
    bool m_scrollToEnd = true;
    bool m_geometryPending = false;
    QPersistentModelIndex m_hover;
};

} // namespace Rewind
