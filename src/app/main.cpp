// rewind: the desktop application. Everything but the command line lives in rewind_gui.

#include "appid.h"
#include "desktopapp.h"
#include "icons.h"
#include "libvirt/domain.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "translations.h"
#include "unixsignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusPendingCall>
#include <QMessageBox>
#include <QTextStream>

namespace {

// Rewind already runs in this session: bring up its window instead of starting a second
// scheduler. A start at login (--hidden) has nothing to show.
int handOver(const Rewind::SingleInstance &instance, const Rewind::DesktopOptions &options)
{
    QTextStream err(stderr);
    if (options.hidden) {
        err << QCoreApplication::translate("main", "Rewind is already running.") << Qt::endl;
        return 0;
    }
    QDBusPendingCall call = instance.showOther();
    call.waitForFinished();
    if (call.isError()) {
        // Started from the application menu there is no terminal to read this in.
        const QString message = QCoreApplication::translate("main",
            "Rewind is already running but does not answer (%1). End its process, for example in the "
            "system monitor, and start Rewind again.")
                                    .arg(call.error().message());
        err << message << Qt::endl;
        QMessageBox::warning(nullptr, QStringLiteral("Rewind"), message);
        return 1;
    }
    err << QCoreApplication::translate("main", "Rewind is already running; its window is shown.") << Qt::endl;
    if (!options.uris.isEmpty() || !options.repository.isEmpty() || !options.tray) {
        err << QCoreApplication::translate(
            "main", "The options given apply only when Rewind starts: quit it first to use them.")
            << Qt::endl;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rewind"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rewind"));
    QApplication::setOrganizationName(QStringLiteral("Rewind"));
    QApplication::setApplicationVersion(QStringLiteral(REWIND_VERSION));
    QApplication::setDesktopFileName(Rewind::AppId);
    QApplication::setWindowIcon(Rewind::Icons::app());
    Rewind::Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Live backups of libvirt virtual machines, RAM included."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(QStringLiteral("connect"),
        QCoreApplication::translate("main",
            "Show the VMs of this libvirt URI (repeatable) instead of the remembered connections; "
            "without any, the default is %1.")
            .arg(Rewind::Libvirt::defaultUri()),
        QStringLiteral("URI"));
    const QCommandLineOption repoOption(QStringLiteral("repo"),
        QCoreApplication::translate(
            "main", "Use the backup repository in DIR (created if missing) for this session."),
        QStringLiteral("DIR"));
    const QCommandLineOption hiddenOption(QStringLiteral("hidden"),
        QCoreApplication::translate("main", "Start in the system tray, without opening the window."));
    const QCommandLineOption noTrayOption(QStringLiteral("no-tray"),
        QCoreApplication::translate("main", "Do not use a tray icon; closing the window quits."));
    parser.addOptions({connectOption, repoOption, hiddenOption, noTrayOption});
    parser.process(app);

    Rewind::DesktopOptions options;
    options.uris = parser.values(connectOption);
    options.repository = parser.value(repoOption);
    options.hidden = parser.isSet(hiddenOption);
    options.tray = !parser.isSet(noTrayOption);

    Rewind::SingleInstance instance;
    if (instance.claim() == Rewind::SingleInstance::Claim::Taken) {
        return handOver(instance, options);
    }
    Rewind::DesktopApp desktop(options);
    QObject::connect(
        &instance, &Rewind::SingleInstance::showRequested, desktop.window(), &Rewind::MainWindow::showWindow);
    // Logging out or shutting down: end the jobs cleanly rather than die in the middle.
    Rewind::UnixSignals unixSignals;
    QObject::connect(
        &unixSignals, &Rewind::UnixSignals::received, &desktop, &Rewind::DesktopApp::cancelJobsAndQuit);
    desktop.start();
    return QApplication::exec();
}
