#include "timelinescale.h"

#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace Rewind {

qint64 TimelineScale::spanSeconds(Zoom zoom)
{
    switch (zoom) {
    case Zoom::Day:
        return 86400;
    case Zoom::Week:
        return 7 * 86400;
    case Zoom::Month:
        return 31 * 86400;
    case Zoom::Year:
        return 366 * 86400;
    }
    return 86400;
}

QString TimelineScale::zoomText(Zoom zoom)
{
    switch (zoom) {
    case Zoom::Day:
        return tr("Day");
    case Zoom::Week:
        return tr("Week");
    case Zoom::Month:
        return tr("Month");
    case Zoom::Year:
        return tr("Year");
    }
    return {};
}

void TimelineScale::fit(Zoom zoom, int visibleWidth, const QDateTime &first, const QDateTime &last)
{
    m_zoom = zoom;
    const qint64 span = spanSeconds(zoom);
    visibleWidth = std::max(visibleWidth, 50);
    m_pps = double(visibleWidth) / double(span);
    const qint64 pad = span / 20;
    QDateTime end = last.isValid() ? last : QDateTime::currentDateTimeUtc();
    QDateTime begin = first.isValid() && first < end ? first : end;
    m_end = end.addSecs(pad);
    m_start = begin.addSecs(-pad);
    if (m_start.secsTo(m_end) < span) {
        m_start = m_end.addSecs(-span);
    }
}

int TimelineScale::contentWidth() const
{
    return int(std::ceil(double(m_start.secsTo(m_end)) * m_pps));
}

double TimelineScale::x(const QDateTime &time) const
{
    return double(m_start.msecsTo(time)) / 1000.0 * m_pps;
}

QDateTime TimelineScale::time(double x) const
{
    return m_start.addMSecs(qint64(x / m_pps * 1000.0));
}

TimelineScale::Step TimelineScale::chooseStep(int minSpacing) const
{
    static const Step steps[] = {{Unit::Hour, 1}, {Unit::Hour, 3}, {Unit::Hour, 6}, {Unit::Hour, 12},
        {Unit::Day, 1}, {Unit::Day, 2}, {Unit::Day, 7}, {Unit::Month, 1}, {Unit::Month, 3}, {Unit::Year, 1},
        {Unit::Year, 5}};
    for (const Step &s : steps) {
        double seconds = 3600.0 * s.count;
        if (s.unit == Unit::Day) {
            seconds = 86400.0 * s.count;
        } else if (s.unit == Unit::Month) {
            seconds = 28 * 86400.0 * s.count;
        } else if (s.unit == Unit::Year) {
            seconds = 365 * 86400.0 * s.count;
        }
        if (seconds * m_pps >= minSpacing) {
            return s;
        }
    }
    return {Unit::Year, 10};
}

namespace {

// date and time in like's kind of time, local or UTC: what QDateTime(date, time, spec)
// did before Qt 6.7 deprecated the time spec, in a form Qt 6.4 has too.
QDateTime sameKind(QDate date, QTime time, const QDateTime &like)
{
    return like.timeSpec() == Qt::UTC ? QDateTime(date, time, QTimeZone::utc()) : QDateTime(date, time);
}

} // namespace

QDateTime TimelineScale::floorTo(const QDateTime &local, Step step)
{
    const QDate d = local.date();
    switch (step.unit) {
    case Unit::Hour: {
        const int hour = local.time().hour() / step.count * step.count;
        return sameKind(d, QTime(hour, 0), local);
    }
    case Unit::Day:
        if (step.count == 7) {
            return sameKind(d.addDays(1 - d.dayOfWeek()), QTime(0, 0), local);
        }
        return sameKind(d, QTime(0, 0), local);
    case Unit::Month: {
        const int month = (d.month() - 1) / step.count * step.count + 1;
        return sameKind(QDate(d.year(), month, 1), QTime(0, 0), local);
    }
    case Unit::Year:
        return sameKind(QDate(d.year() / step.count * step.count, 1, 1), QTime(0, 0), local);
    }
    return local;
}

QDateTime TimelineScale::advance(const QDateTime &local, Step step)
{
    switch (step.unit) {
    case Unit::Hour: {
        // Step by wall-clock hours, so ticks stay on round hours across DST changes.
        QDateTime next = local.addSecs(3600 * step.count);
        if (next.time().minute() != 0 || next.time().hour() % step.count != 0) {
            next = floorTo(next, step);
            if (next <= local) {
                next = local.addSecs(3600 * step.count);
            }
        }
        return next;
    }
    case Unit::Day:
        return local.addDays(step.count);
    case Unit::Month:
        return local.addMonths(step.count);
    case Unit::Year:
        return local.addYears(step.count);
    }
    return local.addDays(1);
}

QString TimelineScale::label(const QDateTime &local, Step step, bool major) const
{
    const QLocale locale;
    switch (step.unit) {
    case Unit::Hour: {
        if (major) {
            return locale.toString(local.date(), QStringLiteral("ddd d MMM"));
        }
        // The locale's short time (12 or 24 h), without seconds: ticks are on full hours.
        QString format = locale.timeFormat(QLocale::ShortFormat);
        format.remove(QStringLiteral(":ss"));
        return locale.toString(local.time(), format);
    }
    case Unit::Day:
        return major ? locale.toString(local.date(), QStringLiteral("d MMM yyyy"))
                     : locale.toString(
                         local.date(), step.count == 7 ? QStringLiteral("d MMM") : QStringLiteral("ddd d"));
    case Unit::Month:
        return major ? locale.toString(local.date(), QStringLiteral("yyyy"))
                     : locale.toString(local.date(), QStringLiteral("MMM"));
    case Unit::Year:
        return locale.toString(local.date(), QStringLiteral("yyyy"));
    }
    return {};
}

QList<TimelineScale::Tick> TimelineScale::ticks(double fromX, double toX, int minSpacing) const
{
    QList<Tick> out;
    if (!m_start.isValid() || m_pps <= 0) {
        return out;
    }
    const Step step = chooseStep(minSpacing);
    QDateTime t = floorTo(time(fromX).toLocalTime(), step);
    const QDateTime until = time(toX).toLocalTime();
    for (int guard = 0; t <= until && guard < 2000; ++guard) {
        bool major = false;
        switch (step.unit) {
        case Unit::Hour:
            major = t.time() == QTime(0, 0);
            break;
        case Unit::Day:
            major = t.date().day() == 1 && t.date().month() == 1;
            break;
        case Unit::Month:
            major = t.date().month() == 1;
            break;
        case Unit::Year:
            major = true;
            break;
        }
        out.append({t.toUTC(), x(t), label(t, step, major), major});
        t = advance(t, step);
    }
    return out;
}

} // namespace Rewind
