// Autostart ("Start at Login"): the freedesktop autostart entry it writes and removes (and
// an entry the user wrote, which it leaves alone), the Exec= escaping of unusual paths,
// and inside a sandbox the request to the Background portal (a fake portal on a private
// session bus).

#include "autostart.h"
#include "guitestdata.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Rewind;

/// Stands in for xdg-desktop-portal's Background interface on a private session bus: it
/// answers each request on its Request object, as the real one does once the user decided.
class FakeBackgroundPortal : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Background")
public:
    QList<QVariantMap> requests;
    uint response = 0; // 0 granted, 1 the user said no
    bool autostart = true; // what the portal allows

public Q_SLOTS:
    QDBusObjectPath RequestBackground(const QString &, const QVariantMap &options)
    {
        requests.append(options);
        const QString sender = message().service().mid(1).replace(QLatin1Char('.'), QLatin1Char('_'));
        const QString path = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2")
                                 .arg(sender, options.value(QStringLiteral("handle_token")).toString());
        QDBusMessage answer = QDBusMessage::createSignal(
            path, QStringLiteral("org.freedesktop.portal.Request"), QStringLiteral("Response"));
        answer << response
               << QVariantMap {{QStringLiteral("background"), response == 0},
                      {QStringLiteral("autostart"),
                          response == 0 && autostart && options.value(QStringLiteral("autostart")).toBool()}};
        QDBusConnection bus = connection();
        QTimer::singleShot(50, this, [bus, answer]() mutable { bus.send(answer); });
        return QDBusObjectPath(path);
    }
};

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTestData::startPrivateSessionBus(m_bus);
        GuiTestData::initApplication(); // not the user's own folders
        QVERIFY(Autostart::entryPath().startsWith(GuiTestData::folder() + QLatin1Char('/')));
    }

    void init()
    {
        Autostart::forceSandboxed(false);
        QFile::remove(Autostart::entryPath());
    }

    void cleanupTestCase()
    {
        QFile::remove(Autostart::entryPath());
        m_bus.kill();
        m_bus.waitForFinished(5000);
    }

    void execLineEscapesWhatItMust_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("exec");
        QTest::newRow("plain") << QStringLiteral("/usr/bin/rewind")
                               << QStringLiteral("/usr/bin/rewind --hidden");
        QTest::newRow("space") << QStringLiteral("/opt/my apps/rewind")
                               << QStringLiteral("\"/opt/my apps/rewind\" --hidden");
        // Inside quotes \ " ` $ get a backslash, and then every backslash is doubled
        // again (the string escape of the entry format): \\$ and \\\\ in the file.
        QTest::newRow("dollar") << QStringLiteral("/opt/$x/rewind")
                                << QStringLiteral("\"/opt/\\\\$x/rewind\" --hidden");
        QTest::newRow("backslash") << QStringLiteral("/opt/a\\b/rewind")
                                   << QStringLiteral("\"/opt/a\\\\\\\\b/rewind\" --hidden");
        QTest::newRow("quote") << QStringLiteral("/opt/\"q\"/rewind")
                               << QStringLiteral("\"/opt/\\\\\"q\\\\\"/rewind\" --hidden");
        QTest::newRow("percent") << QStringLiteral("/opt/100%/rewind")
                                 << QStringLiteral("/opt/100%%/rewind --hidden");
    }

    void execLineEscapesWhatItMust()
    {
        QFETCH(QString, program);
        QFETCH(QString, exec);
        QCOMPARE(Autostart::execLine(program), exec);
    }

    void entryIsWrittenAndRemoved()
    {
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/rewind")).ok());
        QVERIFY(Autostart::isEnabled());
        const QByteArray text = readAll(Autostart::entryPath());
        QVERIFY2(text.startsWith("[Desktop Entry]\n"), text.constData());
        QVERIFY2(text.contains("\nType=Application\n"), text.constData());
        QVERIFY2(text.contains("\nExec=/usr/bin/rewind --hidden\n"), text.constData());
        QVERIFY2(!text.contains("Hidden=true"), text.constData());
        // What the desktop's own tools make of it (desktop-file-utils, installed by .ci).
        const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (!validator.isEmpty()) {
            QProcess check;
            check.start(validator, {Autostart::entryPath()});
            QVERIFY(check.waitForFinished(30000));
            const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
            QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
        } else {
            qWarning("desktop-file-validate is not installed; the entry is not validated");
        }
        // Idempotent.
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/rewind")).ok());
        QVERIFY(Autostart::setEnabled(false, QString()).ok());
        QVERIFY(!QFileInfo::exists(Autostart::entryPath()));
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(false, QString()).ok());
    }

    void entriesOfOthersAreLeftAlone()
    {
        // Turned off in the desktop's settings: still there, but hidden.
        QVERIFY(writeAll(
            Autostart::entryPath(), "[Desktop Entry]\nType=Application\nExec=rewind\nHidden=true\n"));
        QVERIFY(!Autostart::isEnabled());
        // Written by hand: counts as on, and is not removed as if it were Rewind's.
        const QByteArray own = "[Desktop Entry]\nType=Application\nExec=rewind --hidden\n";
        QVERIFY(writeAll(Autostart::entryPath(), own));
        QVERIFY(Autostart::isEnabled());
        const Status off = Autostart::setEnabled(false, QString());
        QVERIFY(!off.ok());
        QCOMPARE(off.error().code(), ErrorCode::Conflict);
        QVERIFY(off.error().message().contains(Autostart::entryPath()));
        QCOMPARE(readAll(Autostart::entryPath()), own);
    }

    // An entry an earlier build wrote as autostart/rewind.desktop is moved to the
    // application id's name (and so can be turned off); one the user wrote there stays.
    void earlierEntryIsAdopted()
    {
        const QString legacy
            = QFileInfo(Autostart::entryPath()).absolutePath() + QStringLiteral("/rewind.desktop");
        const QByteArray earlier
            = "[Desktop Entry]\nType=Application\nName=Rewind\nExec=/usr/bin/rewind --hidden\n"
              "Icon=rewind\nX-Rewind-Autostart=true\n";
        QVERIFY(writeAll(legacy, earlier));
        QVERIFY(Autostart::isEnabled());
        QVERIFY(!QFileInfo::exists(legacy));
        const QByteArray moved = readAll(Autostart::entryPath());
        QVERIFY2(moved.contains("\nIcon=io.github.rewind.Rewind\n"), moved.constData());
        QVERIFY2(moved.contains("\nExec=/usr/bin/rewind --hidden\n"), moved.constData());
        QVERIFY(Autostart::setEnabled(false, QString()).ok());
        QVERIFY(!QFileInfo::exists(Autostart::entryPath()));

        const QByteArray users = "[Desktop Entry]\nType=Application\nExec=rewind\n";
        QVERIFY(writeAll(legacy, users));
        QVERIFY(!Autostart::isEnabled());
        QCOMPARE(readAll(legacy), users);
        QVERIFY(QFile::remove(legacy));
    }

    void sandboxAsksThePortal()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            QSKIP("dbus-daemon is not available");
        }
        FakeBackgroundPortal portal;
        QDBusConnection service = QDBusConnection::connectToBus(
            QString::fromLocal8Bit(qgetenv("DBUS_SESSION_BUS_ADDRESS")), QStringLiteral("fake-portal"));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        QVERIFY(service.registerObject(
            QStringLiteral("/org/freedesktop/portal/desktop"), &portal, QDBusConnection::ExportAllSlots));

        Autostart::forceSandboxed(true);
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/app/bin/rewind")).ok());
        QTRY_COMPARE(portal.requests.size(), 1);
        QCOMPARE(portal.requests.first().value(QStringLiteral("autostart")).toBool(), true);
        QCOMPARE(portal.requests.first().value(QStringLiteral("commandline")).toStringList(),
            (QStringList {QStringLiteral("rewind"), QStringLiteral("--hidden")}));
        QVERIFY(!portal.requests.first().value(QStringLiteral("reason")).toString().isEmpty());
        QVERIFY(Autostart::isEnabled());
        // The sandbox's own autostart folder is nobody's: nothing is written there.
        QVERIFY(!QFileInfo::exists(Autostart::entryPath()));

        QVERIFY(Autostart::setEnabled(false, QString()).ok());
        QTRY_COMPARE(portal.requests.size(), 2);
        QCOMPARE(portal.requests.last().value(QStringLiteral("autostart")).toBool(), false);
        QVERIFY(!Autostart::isEnabled());

        // Granted: the request stays on, and nothing is said.
        QSignalSpy refused(Autostart::instance(), &Autostart::portalRefused);
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/app/bin/rewind")).ok());
        QTRY_COMPARE(portal.requests.size(), 3);
        QTest::qWait(300);
        QCOMPARE(refused.size(), 0);
        QVERIFY(Autostart::isEnabled());

        // The user says no in the portal's dialog: the setting is off again, and the
        // refusal says where to allow it.
        QVERIFY(Autostart::setEnabled(false, QString()).ok());
        portal.response = 1;
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/app/bin/rewind")).ok());
        QVERIFY(Autostart::isEnabled()); // until the answer comes
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(refused.first().first().toString().contains(QLatin1String("background")));

        // Allowed to run in the background, but not to start at login (the desktop's policy).
        portal.response = 0;
        portal.autostart = false;
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/app/bin/rewind")).ok());
        QTRY_COMPARE(refused.size(), 2);
        QVERIFY(!Autostart::isEnabled());

        // No portal to ask: said too, not left on.
        QVERIFY(service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop")));
        QVERIFY(Autostart::setEnabled(true, QStringLiteral("/app/bin/rewind")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 3, 30000);
        QVERIFY(!Autostart::isEnabled());
        QVERIFY2(refused.last().first().toString().contains(QLatin1String("could not ask")),
            qPrintable(refused.last().first().toString()));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-portal"));
    }

private:
    QProcess m_bus;
};

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
