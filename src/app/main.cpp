// rewind: the desktop application. Everything but the command line lives in rewind_gui.

#include "desktopapp.h"
#include "icons.h"
#include "libvirt/domain.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rewind"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rewind"));
    QApplication::setOrganizationName(QStringLiteral("Rewind"));
    QApplication::setApplicationVersion(QStringLiteral(REWIND_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("rewind"));
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

    Rewind::DesktopApp desktop(options);
    desktop.start();
    return QApplication::exec();
}
