#pragma once

#include <QPalette>
#include <QPointF>

class QFontMetrics;
class QPainter;

namespace Rewind {

/// How the timeline draws one point, and the legend that explains the shapes: a filled
/// disc for a full point, a ring for an incremental one, a dashed ring for an incomplete
/// one, a crossed ring for a damaged one; a gold ring and star for a golden point. All
/// colours come from the palette (or DisplayText's palette-aware colours).
namespace TimelineMarker {

enum class Shape { Full, Incremental, Incomplete, Damaged };

/// Paints a marker centred on center. selected: on the palette's highlight background.
void paint(QPainter &painter, const QPalette &palette, const QPointF &center, double radius, Shape shape,
    bool golden, bool selected);

/// Paints the legend right-aligned at (right, top); returns its height.
int paintLegend(QPainter &painter, const QPalette &palette, const QFontMetrics &metrics, double right,
    double top, double radius);

} // namespace TimelineMarker

} // namespace Rewind
