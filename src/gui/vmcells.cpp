#include "vmcells.h"

#include "displaytext.h"
#include "icons.h"
#include "jobs/changetracking.h"
#include "vmmodel.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Rewind::VmCells {

namespace {
// The texts keep VmModel's translation context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Rewind::VmModel)
};
} // namespace

QVariant connection(const ConnectionCell &node, int column, int role)
{
    const Connection::State state
        = node.connection ? node.connection->state() : Connection::State::Disconnected;
    switch (role) {
    case VmModel::NodeTypeRole:
        return QVariant::fromValue(VmModel::NodeType::Connection);
    case VmModel::UriRole:
        return node.uri;
    case VmModel::ConnectionStateRole:
        return int(state);
    case VmModel::SortRole:
    case Qt::DisplayRole:
        if (column == VmModel::NameColumn) {
            return node.uri;
        }
        if (column == VmModel::StateColumn) {
            switch (state) {
            case Connection::State::Connected:
                return Text::tr("Connected");
            case Connection::State::Connecting:
                return Text::tr("Connecting…");
            case Connection::State::Lost:
                return Text::tr("Lost, reconnecting…");
            case Connection::State::Disconnected:
                return node.connection && node.connection->lastError().isError() ? Text::tr("Failed")
                                                                                 : Text::tr("Not connected");
            }
        }
        // The connection's Backups cell sums up its VMs' backups, the VM count first, so
        // that the count does not read as a number of points; short enough for the
        // column's width, which is made for a VM's summary (the space is in the tooltip).
        if (column == VmModel::StatusColumn && node.vmCount != 0) {
            const QString vms = Text::tr("%n VM(s)", nullptr, node.vmCount);
            return node.points == 0 ? vms : Text::tr("%1 · %n point(s)", nullptr, node.points).arg(vms);
        }
        return {};
    case Qt::DecorationRole:
        if (column == VmModel::NameColumn) {
            return state == Connection::State::Connected || state == Connection::State::Connecting
                ? Icons::connection()
                : Icons::connectionLost();
        }
        return {};
    case Qt::ForegroundRole:
        if (column == VmModel::StateColumn
            && (state == Connection::State::Lost || state == Connection::State::Disconnected)) {
            return DisplayText::negativeColor(QGuiApplication::palette());
        }
        return {};
    case Qt::FontRole: {
        QFont font;
        font.setBold(column == VmModel::NameColumn);
        return font;
    }
    case Qt::ToolTipRole:
        if (node.connection && node.connection->lastError().isError()) {
            return Text::tr("%1\n%2").arg(node.uri, node.connection->lastError().message());
        }
        if (column == VmModel::StatusColumn && node.points != 0) {
            return Text::tr("The backups of the VMs of %1: %2 in all.")
                .arg(node.uri, pointsText(node.points, node.storedBytes));
        }
        return node.uri;
    }
    return {};
}

QVariant vm(const VmCell &cell, int column, int role)
{
    const DomainInfo &vm = cell.vm;
    const BackupSummary summary = cell.summary ? *cell.summary : BackupSummary();
    const bool haveSummary = cell.summary != nullptr;
    const QDateTime &now = cell.now;
    const bool overdue = summary.isOverdue(now);
    const QString &busy = cell.busy;

    switch (role) {
    case VmModel::NodeTypeRole:
        return QVariant::fromValue(VmModel::NodeType::Vm);
    case VmModel::UuidRole:
        return vm.uuid;
    case VmModel::UriRole:
        return cell.uri;
    case VmModel::DomainStateRole:
        return int(vm.state);
    case VmModel::LastBackupRole:
        return summary.lastSuccess;
    case VmModel::NextRunRole:
        return summary.nextRun(now);
    case VmModel::OverdueRole:
        return overdue;
    case VmModel::PointCountRole:
        return summary.complete;
    case VmModel::BusyRole:
        return !busy.isEmpty();
    case VmModel::SortRole:
        switch (column) {
        case VmModel::NameColumn:
            return vm.name;
        case VmModel::StateColumn:
            return int(vm.state);
        case VmModel::LastBackupColumn:
            return summary.lastSuccess;
        case VmModel::NextRunColumn:
            return summary.nextRun(now);
        case VmModel::StatusColumn:
            return summary.complete;
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case VmModel::NameColumn:
            return vm.name;
        case VmModel::StateColumn:
            return domainStateText(vm.state);
        case VmModel::LastBackupColumn:
            if (!haveSummary) {
                return cell.repositoryValid ? Text::tr("…") : QString();
            }
            return summary.lastSuccess.isValid() ? DisplayText::age(summary.lastSuccess, now)
                                                 : Text::tr("Never");
        case VmModel::NextRunColumn:
            return summary.schedule ? DisplayText::untilTime(summary.nextRun(now), now) : Text::tr("Manual");
        case VmModel::StatusColumn:
            if (!busy.isEmpty()) {
                return busy;
            }
            if (!haveSummary) {
                return {};
            }
            if (summary.damaged > 0) {
                return Text::tr("%n damaged point(s)", nullptr, summary.damaged);
            }
            if (overdue) {
                return Text::tr("Overdue");
            }
            if (summary.complete == 0) {
                return Text::tr("Not protected");
            }
            return pointsText(summary.complete, summary.storedBytes);
        }
        return {};
    case Qt::DecorationRole:
        if (column == VmModel::StateColumn) {
            return Icons::vmState(vm.state);
        }
        if (column == VmModel::StatusColumn && haveSummary && busy.isEmpty()) {
            if (summary.damaged > 0 || overdue) {
                return Icons::trayProblem();
            }
            if (summary.golden > 0) {
                return Icons::golden();
            }
        }
        return {};
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        if (cell.stale) {
            return palette.color(QPalette::Disabled, QPalette::Text);
        }
        if ((column == VmModel::LastBackupColumn && overdue)
            || (column == VmModel::StatusColumn && (overdue || summary.damaged > 0))) {
            return DisplayText::negativeColor(palette);
        }
        if (column == VmModel::StatusColumn && haveSummary && summary.complete == 0 && busy.isEmpty()) {
            return palette.color(QPalette::PlaceholderText);
        }
        return {};
    }
    case Qt::ToolTipRole: {
        QStringList lines {vm.name, Text::tr("UUID: %1").arg(vm.uuid), domainStateText(vm.state)};
        if (vm.memoryKiB > 0) {
            lines.append(Text::tr("%1 RAM, %n vCPU(s)", nullptr, vm.vcpus)
                             .arg(DisplayText::size(qint64(vm.memoryKiB) * 1024)));
        }
        if (summary.lastSuccess.isValid()) {
            lines.append(Text::tr("Last backup: %1 (%2)")
                             .arg(DisplayText::dateTime(summary.lastSuccess),
                                 DisplayText::methodShortText(summary.lastMethod)));
        }
        if (summary.schedule) {
            lines.append(Text::tr("Schedule: %1").arg(summary.schedule->describe()));
            const QDateTime next = summary.nextRun(now);
            if (next.isValid()) {
                lines.append(Text::tr("Next backup: %1").arg(DisplayText::moment(next, now)));
            }
        }
        if (!summary.scheduleError.isEmpty()) {
            lines.append(Text::tr("The schedule in vm.json cannot be read: %1").arg(summary.scheduleError));
        }
        if (overdue) {
            lines.append(Text::tr(
                "The scheduled backup is overdue. Back it up now, or check why the last one failed."));
        }
        if (summary.incomplete > 0) {
            lines.append(
                Text::tr("%n incomplete point(s): left by an interrupted job; removed at the next backup.",
                    nullptr, summary.incomplete));
        }
        if (!ChangeTracking::overlaysInUse(vm.disks).isEmpty()) {
            lines.append(
                Text::tr("Writes since the last backup point go to an overlay over its own images, so "
                         "the next point stores only what changed."));
        }
        if (cell.stale) {
            lines.append(Text::tr("The connection is lost; this is the last known state."));
        }
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

QString pointsText(int count, qint64 storedBytes)
{
    return Text::tr("%n point(s), %1", nullptr, count).arg(DisplayText::size(storedBytes));
}

} // namespace Rewind::VmCells
