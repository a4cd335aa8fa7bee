#pragma once

#include "backupsummary.h"
#include "libvirt/connection.h"
#include "libvirt/domaininfo.h"

#include <QDateTime>
#include <QPointer>
#include <QVariant>

namespace Rewind {

/// What each cell of the VM tree shows for each role: texts, icons, colours (overdue in
/// the palette's negative colour, stale rows greyed) and tooltips that say what to do.
/// VmModel keeps the rows; this keeps the wording out of the row bookkeeping.
namespace VmCells {

struct ConnectionCell
{
    QString uri;
    QPointer<Connection> connection;
    int vmCount = 0;
    int points = 0; ///< complete points of its VMs, over the summaries loaded so far
    qint64 storedBytes = 0; ///< what they take in the repository
};

struct VmCell
{
    QString uri;
    const DomainInfo &vm;
    const BackupSummary *summary; ///< null while not loaded
    QString busy; ///< the running job's short status, or empty
    bool stale = false; ///< the connection is lost: last known state
    bool repositoryValid = false;
    QDateTime now;
};

QVariant connection(const ConnectionCell &cell, int column, int role);
QVariant vm(const VmCell &cell, int column, int role);

/// The Backups column's summary of a protected VM: "7 points, 205.29 MiB".
QString pointsText(int count, qint64 storedBytes);

} // namespace VmCells

} // namespace Rewind
