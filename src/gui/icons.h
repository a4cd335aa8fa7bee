#pragma once

#include "libvirt/domaininfo.h"

#include <QIcon>

namespace Rewind {

/// The application's icons, drawn for Rewind (resources/icons/*.svg, compiled in).
/// Each falls back to a QStyle standard icon when the SVG icon engine is missing, so a
/// minimal installation still shows something meaningful instead of blank buttons.
namespace Icons {
QIcon app();
QIcon trayIdle();
QIcon trayBusy();
QIcon trayProblem();
QIcon backupNow();
QIcon verify();
QIcon restore();
QIcon golden();
QIcon remove();
QIcon connection();
QIcon connectionLost();
QIcon vmState(DomainState state);
QIcon timeline();
QIcon table();
} // namespace Icons

} // namespace Rewind
