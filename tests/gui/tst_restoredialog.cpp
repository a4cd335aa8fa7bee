// Tests RestoreDialog offscreen: the safe choice (a new VM) comes first, each choice
// builds the RestoreRequest its fields say, the button names the action and stays
// disabled until the choice has what it needs, a start is offered for points without RAM
// only, and the German texts are not cut off.

#include "guitestdata.h"
#include "restoredialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Rewind;

class TestRestoreDialog : public QObject
{
    Q_OBJECT

    static PointRow point(PointManifest::Method method = PointManifest::Method::FullState)
    {
        PointRow p;
        p.id = QStringLiteral("20261127T101500Z");
        p.time = QDateTime(QDate(2026, 11, 27), QTime(10, 15), QTimeZone::utc());
        p.state = PointInfo::State::Complete;
        p.method = method;
        return p;
    }

    // The point's time in local time, as the dialog offers it.
    static QString defaultName()
    {
        return QStringLiteral("web-")
            + point().time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"));
    }

    template<typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        return dialog->findChild<T *>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void aNewVmIsTheDefault()
    {
        RestoreDialog dialog(QStringLiteral("web"), point());
        QVERIFY(child<QRadioButton>(&dialog, "asNew")->isChecked());
        const RestoreRequest r = dialog.request();
        QCOMPARE(r.mode, RestoreRequest::Mode::AsNewVm);
        QCOMPARE(r.pointId, QStringLiteral("20261127T101500Z"));
        QCOMPARE(r.newName, defaultName());
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
        QTest::newRow("another VM's") << QStringLiteral(
            "db") << QStringLiteral("A VM called 'db' exists already; choose another name.");
    }

    void aNewVmNeedsAName()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        RestoreDialog dialog(QStringLiteral("web"), point(), {QStringLiteral("web"), QStringLiteral("db")});
        child<QLineEdit>(&dialog, "newName")->setText(name);
        QVERIFY(!dialog.restoreButton()->isEnabled());
        QVERIFY2(child<QLabel>(&dialog, "problem")->text().contains(problem),
            qPrintable(child<QLabel>(&dialog, "problem")->text()));
        child<QLineEdit>(&dialog, "newName")->setText(QStringLiteral("web-2"));
        QVERIFY(dialog.restoreButton()->isEnabled());
    }

    // The default name says the point's time; when a VM has it already (two points of
    // one minute restored side by side), a number makes it unique.
    void theDefaultNameIsFree()
    {
        const QString taken = defaultName();
        RestoreDialog dialog(QStringLiteral("web"), point(),
            {QStringLiteral("web"), taken, taken + QStringLiteral("-2"), QStringLiteral("db")});
        QCOMPARE(dialog.request().newName, taken + QStringLiteral("-3"));
        QVERIFY(dialog.restoreButton()->isEnabled());
        child<QLineEdit>(&dialog, "newName")->setText(taken);
        QVERIFY(!dialog.restoreButton()->isEnabled());

        // A point whose time is unknown still gets a name.
        PointRow timeless = point();
        timeless.time = {};
        RestoreDialog unknown(QStringLiteral("web"), timeless, {QStringLiteral("web-restored")});
        QCOMPARE(unknown.request().newName, QStringLiteral("web-restored-2"));
    }

    void inPlaceConsentsToStopTheVm()
    {
        RestoreDialog dialog(QStringLiteral("web"), point());
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

    // A removed VM may take its old name again as a new VM, or come back as it was; with
    // its name taken by another VM, only as a new VM under another name.
    void removedOriginal_data()
    {
        QTest::addColumn<bool>("nameTaken");
        QTest::newRow("name free") << false;
        QTest::newRow("name taken") << true;
    }

    void removedOriginal()
    {
        QFETCH(bool, nameTaken);
        // The names of the VMs on the connection: another VM may have taken "web".
        QStringList namesInUse {QStringLiteral("db")};
        if (nameTaken) {
            namesInUse << QStringLiteral("web");
        }
        RestoreDialog dialog(QStringLiteral("web"), point(), namesInUse);
        dialog.setOriginalRemoved();
        const QString said = child<QLabel>(&dialog, "originalRemoved")->text();
        QCOMPARE(said.contains(QLatin1String("another VM has its name")), nameTaken);
        auto *asItWas = child<QRadioButton>(&dialog, "inPlace");
        QCOMPARE(asItWas->isEnabled(), !nameTaken);
        QCOMPARE(child<QWidget>(&dialog, "keepSafetyCopy")->parentWidget()->isEnabled(), !nameTaken);
        QVERIFY(child<QRadioButton>(&dialog, "asNew")->isChecked());
        QCOMPARE(dialog.request().newName, nameTaken ? defaultName() : QStringLiteral("web"));
        QVERIFY(dialog.restoreButton()->isEnabled());

        child<QLineEdit>(&dialog, "newName")->setText(QStringLiteral("web"));
        QCOMPARE(dialog.restoreButton()->isEnabled(), !nameTaken);
        if (nameTaken) {
            QVERIFY2(child<QLabel>(&dialog, "problem")
                         ->text()
                         .contains(QLatin1String("A VM called 'web' exists already")),
                qPrintable(child<QLabel>(&dialog, "problem")->text()));
            asItWas->click(); // disabled: nothing changes
            QCOMPARE(dialog.request().mode, RestoreRequest::Mode::AsNewVm);
        } else {
            asItWas->click();
            QCOMPARE(dialog.request().mode, RestoreRequest::Mode::InPlace);
            QCOMPARE(dialog.restoreButton()->text(), QStringLiteral("Bring Back"));
        }
    }

    void exportNeedsAFolder()
    {
        RestoreDialog dialog(QStringLiteral("web"), point());
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

    // A point with RAM resumes running; one without leaves the VM shut off unless the user
    // asks for a start, which the dialog offers only then.
    void startIsOfferedWithoutRam()
    {
        RestoreDialog full(QStringLiteral("web"), point());
        QVERIFY(!child<QCheckBox>(&full, "startInPlace"));
        QVERIFY(!child<QCheckBox>(&full, "startNew"));
        QVERIFY(!full.request().start);

        RestoreDialog diskOnly(QStringLiteral("web"), point(PointManifest::Method::DiskOnly));
        const auto says = [](QWidget *dialog, const char *text) {
            const QList<QLabel *> labels = dialog->findChildren<QLabel *>(QStringLiteral("note"));
            return std::any_of(labels.cbegin(), labels.cend(),
                [text](const QLabel *l) { return l->text().contains(QLatin1String(text)); });
        };
        QVERIFY(says(&diskOnly, "shut off afterwards"));
        QVERIFY(!says(&full, "shut off afterwards"));
        QVERIFY(says(&full, "runs on from there"));
        child<QCheckBox>(&diskOnly, "startNew")->setChecked(true);
        QVERIFY(diskOnly.request().start);
        diskOnly.setMode(RestoreRequest::Mode::InPlace);
        QVERIFY(!diskOnly.request().start);
        child<QCheckBox>(&diskOnly, "startInPlace")->setChecked(true);
        QVERIFY(diskOnly.request().start);
        diskOnly.setMode(RestoreRequest::Mode::Export);
        QVERIFY(!diskOnly.request().start);
    }

    void textsFitInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/rewind_de.qm")));
        QCoreApplication::installTranslator(&german);
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        RestoreDialog dialog(QStringLiteral("web"), point());
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
