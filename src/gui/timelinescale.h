#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Rewind {

/// The time axis of the TimelineView: maps instants to pixels for a zoom level and picks
/// tick marks that fall on local calendar boundaries (hours, midnights, Mondays, the 1st
/// of a month, New Year) with labels that fit. Pure arithmetic, no widgets, so the view
/// stays about painting and the mapping can be tested on its own.
class TimelineScale
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::TimelineScale)

public:
    /// How much time the visible width shows.
    enum class Zoom { Day, Week, Month, Year };

    struct Tick
    {
        QDateTime time;
        double x = 0; ///< content coordinate
        QString label; ///< empty for unlabelled minor ticks
        bool major = false; ///< a day (or month, or year) boundary: drawn longer, bands alternate there
    };

    static qint64 spanSeconds(Zoom zoom);
    static QString zoomText(Zoom zoom);

    /// Fits the scale: visibleWidth pixels show one zoom span; the content runs from a
    /// little before `first` to a little after `last` (and at least one visible width,
    /// ending at `last`, so a short history sits at the right, next to "now").
    void fit(Zoom zoom, int visibleWidth, const QDateTime &first, const QDateTime &last);

    Zoom zoom() const { return m_zoom; }
    QDateTime start() const { return m_start; }
    QDateTime end() const { return m_end; }
    double pixelsPerSecond() const { return m_pps; }
    int contentWidth() const;
    double x(const QDateTime &time) const;
    QDateTime time(double x) const;

    /// Ticks between content coordinates fromX and toX, spaced at least minSpacing pixels
    /// apart (labels of labelWidth pixels must fit between major ones).
    QList<Tick> ticks(double fromX, double toX, int minSpacing) const;

private:
    enum class Unit { Hour, Day, Month, Year };
    struct Step
    {
        Unit unit;
        int count;
    };
    Step chooseStep(int minSpacing) const;
    static QDateTime floorTo(const QDateTime &local, Step step);
    static QDateTime advance(const QDateTime &local, Step step);
    QString label(const QDateTime &local, Step step, bool major) const;

    Zoom m_zoom = Zoom::Week;
    QDateTime m_start;
    QDateTime m_end;
    double m_pps = 1;
};

} // namespace Rewind
