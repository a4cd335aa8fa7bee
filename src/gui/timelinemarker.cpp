#include "timelinemarker.h"

#include "displaytext.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace Rewind::TimelineMarker {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::TimelineView)
};

QPolygonF star(const QPointF &center, double outer)
{
    QPolygonF polygon;
    const double inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const double angle = -M_PI / 2 + i * M_PI / 5;
        const double r = (i % 2 == 0) ? outer : inner;
        polygon << center + QPointF(std::cos(angle) * r, std::sin(angle) * r);
    }
    return polygon;
}

void cross(QPainter &painter, const QPointF &c, double d)
{
    painter.drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
    painter.drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
}

} // namespace

void paint(QPainter &painter, const QPalette &pal, const QPointF &c, double r, Shape shape, bool golden,
    bool selected)
{
    const QColor accent = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight);
    const QColor base = selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    switch (shape) {
    case Shape::Full:
        painter.setPen(QPen(accent.darker(130), 1));
        painter.setBrush(accent);
        painter.drawEllipse(c, r, r);
        break;
    case Shape::Incremental:
        painter.setPen(QPen(accent, 2));
        painter.setBrush(base);
        painter.drawEllipse(c, r, r);
        break;
    case Shape::Incomplete:
        painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r, r);
        break;
    case Shape::Damaged:
        painter.setPen(QPen(DisplayText::negativeColor(pal), 2));
        painter.setBrush(base);
        painter.drawEllipse(c, r, r);
        cross(painter, c, r * 0.55);
        break;
    }
    if (golden) {
        const QColor gold = DisplayText::goldenColor(pal);
        painter.setPen(QPen(gold, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r + 2.5, r + 2.5);
        painter.setPen(QPen(pal.color(QPalette::Text), 0.8));
        painter.setBrush(gold);
        painter.drawPolygon(star(c + QPointF(r * 0.9, -r * 0.9), r * 0.75));
    }
    painter.restore();
}

int paintLegend(
    QPainter &painter, const QPalette &pal, const QFontMetrics &fm, double right, double top, double r)
{
    struct Entry
    {
        QString text;
        int kind; // 0 full, 1 incremental, 2 golden, 3 damaged
    };
    const Entry entries[] = {{Text::tr("Full"), 0}, {Text::tr("Incremental"), 1}, {Text::tr("Golden"), 2},
        {Text::tr("Damaged"), 3}};
    double x = right;
    const double y = top + fm.height() / 2.0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = int(std::size(entries)) - 1; i >= 0; --i) {
        const Entry &e = entries[i];
        x -= fm.horizontalAdvance(e.text);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QPointF(x, top + fm.ascent()), e.text);
        x -= r + 5;
        const QPointF c(x, y);
        switch (e.kind) {
        case 0:
            paint(painter, pal, c, r, Shape::Full, false, false);
            break;
        case 1:
            paint(painter, pal, c, r * 0.85, Shape::Incremental, false, false);
            break;
        case 2:
            painter.setPen(QPen(pal.color(QPalette::Text), 0.8));
            painter.setBrush(DisplayText::goldenColor(pal));
            painter.drawPolygon(star(c, r * 1.2));
            break;
        case 3:
            painter.setPen(QPen(DisplayText::negativeColor(pal), 2));
            cross(painter, c, r * 0.7);
            break;
        }
        x -= r + 14;
    }
    painter.restore();
    return fm.height();
}

} // namespace Rewind::TimelineMarker
