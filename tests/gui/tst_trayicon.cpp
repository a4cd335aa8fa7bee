// TrayIcon: retries when there is no tray at start-up, then gives up and says so; its
// menu says when the next backup is, and offers Back Up Now (per VM), Open and Quit.

#include "guitestdata.h"
#include "libvirt/connection.h"
#include "libvirt/inventory.h"
#include "trayicon.h"
#include "vmmodel.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Rewind;

class TestTrayIcon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void retriesThenGivesUpWithoutATray()
    {
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            QSKIP("this platform has a system tray");
        }
        VmModel vms;
        TrayIcon tray(&vms);
        QSignalSpy available(&tray, &TrayIcon::availableChanged);
        tray.install(3, 20);
        QCOMPARE(available.size(), 0); // still trying
        QVERIFY(available.wait(5000));
        QCOMPARE(available.first().at(0).toBool(), false);
        QVERIFY(!tray.isAvailable());
        QVERIFY(!tray.icon());
    }

    // A line of state on top of the menu (the next scheduled backup), as not every tray
    // shows tooltips; none when there is nothing to say.
    void menuSaysTheState()
    {
        VmModel vms;
        TrayIcon tray(&vms);
        QCOMPARE(tray.stateText(), QString());
        const QString next = QStringLiteral("Next backup: 'web', today at 14:00");
        tray.setStatus(0, false, QStringLiteral("Rewind\n") + next, next);
        QCOMPARE(tray.stateText(), next);
        QAction *first = tray.menu()->actions().first();
        QVERIFY(first->isVisible());
        QVERIFY(!first->isEnabled());
        QCOMPARE(first->text(), next);
        tray.setStatus(0, false, QStringLiteral("Rewind"));
        QCOMPARE(tray.stateText(), QString());
        QVERIFY(!first->isVisible());
    }

    void menuOffersBackupOpenQuit()
    {
        Connection conn(QStringLiteral("test:///default"));
        Inventory inventory(&conn);
        VmModel vms;
        vms.addInventory(&inventory);
        QSignalSpy loaded(&inventory, &Inventory::loaded);
        conn.open();
        QVERIFY(loaded.wait(10000));

        TrayIcon tray(&vms);
        QMenu *menu = tray.menu();
        QList<QAction *> actions;
        for (QAction *a : menu->actions()) {
            if (a->isVisible()) {
                actions.append(a);
            }
        }
        QCOMPARE(actions.first()->text(), QStringLiteral("Back Up Now"));
        QMenu *backup = actions.first()->menu();
        QVERIFY(backup);
        QSignalSpy open(&tray, &TrayIcon::openRequested);
        QSignalSpy quit(&tray, &TrayIcon::quitRequested);
        actions.at(1)->trigger();
        QCOMPARE(open.size(), 1);
        actions.last()->trigger();
        QCOMPARE(quit.size(), 1);

        QSignalSpy requested(&tray, &TrayIcon::backupRequested);
        Q_EMIT backup->aboutToShow();
        QCOMPARE(backup->actions().size(), 1);
        QCOMPARE(backup->actions().first()->text(), QStringLiteral("test"));
        backup->actions().first()->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("test:///default"));
        QCOMPARE(requested.first().at(2).toString(), QStringLiteral("test"));
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
