#include "icons.h"

#include <QApplication>
#include <QHash>
#include <QStyle>

// The resources live in the static rewind_gui library; without an explicit reference the
// linker would drop their initializer from programs that link it.
static void initRewindResources()
{
    Q_INIT_RESOURCE(rewind);
}

namespace Rewind::Icons {

namespace {

QIcon load(const QString &name, QStyle::StandardPixmap fallback)
{
    static QHash<QString, QIcon> cache;
    static const bool initialised = [] {
        initRewindResources();
        return true;
    }();
    Q_UNUSED(initialised)
    auto it = cache.constFind(name);
    if (it != cache.constEnd()) {
        return *it;
    }
    QIcon icon(QStringLiteral(":/icons/%1.svg").arg(name));
    // Without the SVG icon engine the icon has no sizes and paints nothing.
    if (icon.availableSizes().isEmpty() && icon.pixmap(16, 16).isNull()) {
        icon = QApplication::style()->standardIcon(fallback);
    }
    cache.insert(name, icon);
    return icon;
}

} // namespace

QIcon app()
{
    return load(QStringLiteral("rewind"), QStyle::SP_BrowserReload);
}

QIcon trayIdle()
{
    return load(QStringLiteral("tray-idle"), QStyle::SP_BrowserReload);
}

QIcon trayBusy()
{
    return load(QStringLiteral("tray-busy"), QStyle::SP_BrowserStop);
}

QIcon trayProblem()
{
    return load(QStringLiteral("tray-problem"), QStyle::SP_MessageBoxWarning);
}

QIcon backupNow()
{
    return load(QStringLiteral("backup-now"), QStyle::SP_DialogSaveButton);
}

QIcon verify()
{
    return load(QStringLiteral("verify"), QStyle::SP_DialogApplyButton);
}

QIcon restore()
{
    return load(QStringLiteral("restore"), QStyle::SP_ArrowBack);
}

QIcon golden()
{
    return load(QStringLiteral("golden"), QStyle::SP_DialogYesButton);
}

QIcon remove()
{
    return load(QStringLiteral("delete"), QStyle::SP_TrashIcon);
}

QIcon connection()
{
    return load(QStringLiteral("connection"), QStyle::SP_DriveNetIcon);
}

QIcon connectionLost()
{
    return load(QStringLiteral("connection-lost"), QStyle::SP_MessageBoxWarning);
}

QIcon vmState(DomainState state)
{
    switch (state) {
    case DomainState::Running:
    case DomainState::Blocked:
        return load(QStringLiteral("vm-running"), QStyle::SP_MediaPlay);
    case DomainState::Paused:
    case DomainState::Suspended:
        return load(QStringLiteral("vm-paused"), QStyle::SP_MediaPause);
    case DomainState::Crashed:
        return load(QStringLiteral("vm-crashed"), QStyle::SP_MessageBoxCritical);
    case DomainState::ShutOff:
    case DomainState::ShuttingDown:
    case DomainState::NoState:
        break;
    }
    return load(QStringLiteral("vm-shutoff"), QStyle::SP_MediaStop);
}

QIcon timeline()
{
    return load(QStringLiteral("timeline"), QStyle::SP_FileDialogListView);
}

QIcon table()
{
    return load(QStringLiteral("table"), QStyle::SP_FileDialogDetailedView);
}

} // namespace Rewind::Icons
