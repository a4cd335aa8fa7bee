// TimelineView offscreen: 2,000 points laid out along the axis, hit testing, zoom,
// keyboard, a table sharing the selection, tooltips, and painting with light and dark
// palettes.

#include "displaytext.h"
#include "guitestdata.h"
#include "pointmodel.h"
#include "timelineview.h"

#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

using namespace Rewind;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Mid, QColor(0x4d, 0x4d, 0x4d));
    return p;
}

bool near(QColor a, QColor b, int tolerance = 40)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue())
        <= tolerance;
}

/// Whether some pixel within rect has (nearly) colour c.
bool hasColor(const QImage &image, const QRect &rect, QColor c)
{
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y) {
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right()); ++x) {
            if (near(image.pixelColor(x, y), c)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void init()
    {
        m_model = std::make_unique<PointModel>();
        m_view = std::make_unique<TimelineView>();
        m_view->setNow(m_newest.addSecs(1800));
        m_view->setModel(m_model.get());
        m_view->resize(960, 260);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

    void layoutAndHitTesting()
    {
        m_model->setPoints(
            QStringLiteral("vm"), QStringLiteral("vm"), GuiTestData::syntheticPoints(2000, m_newest));
        m_view->setZoom(TimelineView::Zoom::Day);
        QCoreApplication::processEvents();
        const QRect viewport = m_view->viewport()->rect();
        // Hourly points at day zoom are ~40 px apart: each is found exactly where it is drawn.
        int visible = 0;
        for (int row = 0; row < 2000; ++row) {
            const QModelIndex index = m_model->index(row, 0);
            const QRect rect = m_view->visualRect(index);
            QVERIFY(!rect.isEmpty());
            if (viewport.contains(rect.center())) {
                ++visible;
                QCOMPARE(m_view->indexAt(rect.center()), index);
            }
        }
        QVERIFY2(visible >= 20 && visible <= 26, qPrintable(QString::number(visible)));
        // A new VM's timeline opens at its newest point.
        QVERIFY(viewport.contains(m_view->visualRect(m_model->index(1999, 0)).center()));
        QVERIFY(!m_view->indexAt(QPoint(2, 2)).isValid());

        // Zooming out fits more points per width; zooming keeps the current point in view.
        QSignalSpy zoomed(m_view.get(), &TimelineView::zoomChanged);
        const int dayWidth = m_view->scale().contentWidth();
        m_view->setCurrentIndex(m_model->index(1500, 0));
        m_view->setZoom(TimelineView::Zoom::Year);
        QCOMPARE(zoomed.size(), 1);
        QVERIFY(m_view->scale().contentWidth() < dayWidth / 50);
        QVERIFY(viewport.contains(m_view->visualRect(m_model->index(1500, 0)).center()));
        m_view->setZoom(TimelineView::Zoom::Week);
        QVERIFY(viewport.contains(m_view->visualRect(m_model->index(1500, 0)).center()));

        // Crowded points stack instead of hiding each other completely.
        const QRect a = m_view->visualRect(m_model->index(1000, 0));
        const QRect b = m_view->visualRect(m_model->index(1001, 0));
        QVERIFY(a.center() != b.center());
    }

    void keyboardAndSharedSelection()
    {
        m_model->setPoints(
            QStringLiteral("vm"), QStringLiteral("vm"), GuiTestData::syntheticPoints(200, m_newest));
        QTableView table;
        table.setModel(m_model.get());
        table.setSelectionModel(m_view->selectionModel());
        table.setSelectionBehavior(QAbstractItemView::SelectRows);

        m_view->setFocus();
        m_view->setCurrentIndex(m_model->index(10, 0));
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QCOMPARE(m_view->currentIndex().row(), 9);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QCOMPARE(m_view->currentIndex().row(), 11);
        QTest::keyClick(m_view.get(), Qt::Key_End);
        QCOMPARE(m_view->currentIndex().row(), 199);
        QVERIFY(m_view->selectionModel()->isRowSelected(199, {}));
        QCOMPARE(table.currentIndex().row(), 199); // the table follows

        // A click selects the point under the mouse, in both views.
        m_view->setZoom(TimelineView::Zoom::Day);
        QCoreApplication::processEvents();
        const QRect target = m_view->visualRect(m_model->index(190, 0));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, target.center());
        QCOMPARE(m_view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(m_view->selectionModel()->selectedRows().first().row(), 190);
        // Selecting in the table moves the timeline's current point.
        table.selectRow(120);
        QCOMPARE(m_view->currentIndex().row(), 120);
    }

    void tooltipSaysSizeAndMethod()
    {
        m_model->setPoints(
            QStringLiteral("vm"), QStringLiteral("vm"), GuiTestData::syntheticPoints(30, m_newest));
        m_view->setZoom(TimelineView::Zoom::Day);
        QCoreApplication::processEvents();
        const QModelIndex index = m_model->index(28, 0); // a full-state incremental
        const QPoint pos = m_view->visualRect(index).center();
        QHelpEvent help(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(m_view->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QLatin1String("Size: ")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Full state (disks + RAM)")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Incremental")), qPrintable(text));
        QToolTip::hideText();
    }

    void paintsWithThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void paintsWithThePalette()
    {
        QFETCH(bool, dark);
        QPalette palette = dark ? darkPalette() : QPalette(Qt::white);
        if (!dark) {
            palette.setColor(QPalette::Base, Qt::white);
            palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
            palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
            palette.setColor(QPalette::HighlightedText, Qt::white);
            palette.setColor(QPalette::Text, Qt::black);
            palette.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
        }
        m_view->setPalette(palette);
        QList<PointRow> points = GuiTestData::syntheticPoints(24, m_newest, 3600, false);
        points[20].golden = true;
        points[22].state = PointInfo::State::Damaged;
        m_model->setPoints(QStringLiteral("vm"), QStringLiteral("vm"), points);
        m_view->setZoom(TimelineView::Zoom::Day);
        QCoreApplication::processEvents();
        const QImage image = m_view->viewport()->grab().toImage();
        QVERIFY(!image.isNull());
        if (qEnvironmentVariableIsSet("REWIND_TEST_DUMP_DIR")) { // to look at it
            image.save(qEnvironmentVariable("REWIND_TEST_DUMP_DIR")
                + (dark ? QStringLiteral("/timeline-dark.png") : QStringLiteral("/timeline-light.png")));
        }

        // The background is the palette's base or alternate base.
        const QColor corner = image.pixelColor(4, image.height() / 2);
        QVERIFY2(near(corner, palette.color(QPalette::Base))
                || near(corner, palette.color(QPalette::AlternateBase)),
            qPrintable(corner.name()));
        // A full point is a disc in the highlight colour.
        const QRect full = m_view->visualRect(m_model->index(10, 0));
        QVERIFY(near(image.pixelColor(full.center()), palette.color(QPalette::Highlight), 60));
        // Golden and damaged markers use their colours, readable on this base.
        QVERIFY(
            hasColor(image, m_view->visualRect(m_model->index(20, 0)), DisplayText::goldenColor(palette)));
        QVERIFY(
            hasColor(image, m_view->visualRect(m_model->index(22, 0)), DisplayText::negativeColor(palette)));
        // Axis labels are drawn in the text colour (somewhere below the axis).
        QVERIFY(
            hasColor(image, QRect(0, image.height() - 30, image.width(), 30), palette.color(QPalette::Text)));
    }

    void emptyModelShowsPlaceholder()
    {
        m_view->setPlaceholderText(QStringLiteral("Nothing here"));
        const QImage image = m_view->viewport()->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(!m_view->indexAt(QPoint(100, 100)).isValid());
        QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
    }

private:
    const QDateTime m_newest {QDate(2026, 11, 26), QTime(10, 0), QTimeZone::utc()};
    std::unique_ptr<PointModel> m_model;
    std::unique_ptr<TimelineView> m_view;
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
