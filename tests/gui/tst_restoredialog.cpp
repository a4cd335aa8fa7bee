// Tests RestoreDialog offscreen: the safe choice (a new VM) comes first, each choice
// builds the RestoreRequest its fields say, the button names the action and stays
// disabled until the choice has what it needs, and the German texts are not cut off.

#include "guitestdata.h"
#include "restoredialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

using namespace Rewind;

class TestRestoreDialog : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        return dialog->findChild<T *>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void aNewVmIsTheDefault()
    {
        RestoreDialog dialog(QStringLiteral("web"), QStringLiteral("20261127T101500Z"));
        QVERIFY(child<QRadioButton>(&dialog, "asNew")->isChecked());
        const RestoreRequest r = dialog.request();
        QCOMPARE(r.mode, RestoreRequest::Mode::AsNewVm);
        QCOMPARE(r.pointId, QStringLiteral("20261127T101500Z"));
        QCOMPARE(r.newName, QStringLiteral("web-20261127t101500z"));
        QCOMPARE(r.targetDir, QString()); // next to the original images
        QVERIFY(!r.force);
        QVERIFY(dialog.restoreButton()->isEnabled());
        QCOMPARE(dialog.restoreButton()->text(), QStringLiteral("Restore as New VM"));

        child<QLineEdit>(&dialog, "newName")->setText(QStringLiteral(" web-copy "));
        child<QLineEdit>(&dialog, "newDir")->setText(QStringLiteral("/srv/vms"));
        QCOMPARE(dialog.request().newName, QStringLiteral("web-copy"));
        QCOMPARE(dialog.request().targetDir, QStringLiteral("/srv/vms"));
    }

    void aNewVmNeedsAName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("Give the new VM a name.");
        QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("cannot contain '/'");
        QTest::newRow("the original's") << QStringLiteral("web") << QStringLiteral("name of its own");
    }

    void aNewVmNeedsAName()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        RestoreDialog dialog(QStringLiteral("web"), QStringLiteral("20261127T101500Z"));
        child<QLineEdit>(&dialog, "newName")->setText(name);
        QVERIFY(!dialog.restoreButton()->isEnabled());
        QVERIFY2(child<QLabel>(&dialog, "problem")->text().contains(problem),
            qPrintable(child<QLabel>(&dialog, "problem")->text()));
        child<QLineEdit>(&dialog, "newName")->setText(QStringLiteral("web-2"));
        QVERIFY(dialog.restoreButton()->isEnabled());
    }

    void inPlaceConsentsToStopTheVm()
    {
        RestoreDialog dialog(QStringLiteral("web"), QStringLiteral("20261127T101500Z"));
        child<QRadioButton>(&dialog, "inPlace")->click();
        QCOMPARE(dialog.restoreButton()->text(), QStringLiteral("Restore in Place"));
        QVERIFY(dialog.restoreButton()->isEnabled());
        RestoreRequest r = dialog.request();
        QCOMPARE(r.mode, RestoreRequest::Mode::InPlace);
        QVERIFY(r.force);
        QVERIFY(!r.keepSafetyCopy);
        // The other choices' fields are not used and cannot be edited meanwhile.
        QVERIFY(r.newName.isEmpty());
        QVERIFY(!child<QLineEdit>(&dialog, "newName")->isEnabled());
        child<QWidget>(&dialog, "keepSafetyCopy")->setProperty("checked", true);
        QVERIFY(dialog.request().keepSafetyCopy);
    }

    void exportNeedsAFolder()
    {
        RestoreDialog dialog(QStringLiteral("web"), QStringLiteral("20261127T101500Z"));
        dialog.setMode(RestoreRequest::Mode::Export);
        QCOMPARE(dialog.restoreButton()->text(), QStringLiteral("Export"));
        QVERIFY(!dialog.restoreButton()->isEnabled());
        child<QLineEdit>(&dialog, "exportDir")->setText(QStringLiteral("/tmp/out"));
        QVERIFY(dialog.restoreButton()->isEnabled());
        RestoreRequest r = dialog.request();
        QCOMPARE(r.mode, RestoreRequest::Mode::Export);
        QCOMPARE(r.targetDir, QStringLiteral("/tmp/out"));
        QCOMPARE(r.exportFormat, QString()); // as stored
        auto *format = child<QComboBox>(&dialog, "exportFormat");
        format->setCurrentIndex(format->findData(QStringLiteral("raw")));
        QCOMPARE(dialog.request().exportFormat, QStringLiteral("raw"));
        QVERIFY(!dialog.request().force);
    }

    void textsFitInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/rewind_de.qm")));
        QCoreApplication::installTranslator(&german);
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        RestoreDialog dialog(QStringLiteral("web"), QStringLiteral("20261127T101500Z"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.restoreButton()->text(), QStringLiteral("Als neue VM wiederherstellen"));
        int wrapped = 0;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->isVisible() && label->wordWrap()) {
                ++wrapped;
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
            }
        }
        QVERIFY(wrapped >= 4);
    }
};

QTEST_MAIN(TestRestoreDialog)
#include "tst_restoredialog.moc"
