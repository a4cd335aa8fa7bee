#include "jobmodel.h"

#include "displaytext.h"
#include "icons.h"

namespace Rewind {

namespace {
const QList<int> ProgressRoles {JobModel::PercentRole, JobModel::DoneBytesRole, JobModel::TotalBytesRole,
    JobModel::RateRole, JobModel::EtaRole, JobModel::DetailTextRole, JobModel::CancelRequestedRole,
    JobModel::ActionsRole};
const QList<int> PhaseRoles {JobModel::PhaseTextRole, JobModel::DetailTextRole, JobModel::PercentRole,
    JobModel::DoneBytesRole, JobModel::TotalBytesRole, JobModel::RateRole, JobModel::EtaRole};
const QList<int> StateRoles {JobModel::StateRole, JobModel::DetailTextRole, JobModel::ErrorCodeRole,
    JobModel::ErrorMessageRole, JobModel::ActionsRole, JobModel::PercentRole, JobModel::RateRole,
    JobModel::EtaRole, Qt::DecorationRole, Qt::ToolTipRole};
} // namespace

JobModel::JobModel(QObject *parent) : QAbstractListModel(parent)
{ }

void JobModel::addJob(Job *job)
{
    if (!job || rowOf(job) >= 0) {
        return;
    }
    beginInsertRows({}, 0, 0);
    m_jobs.prepend(job);
    endInsertRows();
    connect(job, &Job::progressChanged, this, [this, job] { jobChanged(job, ProgressRoles); });
    connect(job, &Job::phaseChanged, this, [this, job] { jobChanged(job, PhaseRoles); });
    connect(job, &Job::stateChanged, this, [this, job](Job::State) { jobChanged(job, StateRoles); });
    connect(job, &QObject::destroyed, this, [this] {
        // The QPointer is null now; remove every such row.
        for (int i = int(m_jobs.size()) - 1; i >= 0; --i) {
            if (m_jobs.at(i).isNull()) {
                beginRemoveRows({}, i, i);
                m_jobs.removeAt(i);
                endRemoveRows();
            }
        }
        jobChanged(nullptr, {});
    });
    jobChanged(nullptr, {});
}

void JobModel::removeJob(Job *job)
{
    const int row = rowOf(job);
    if (row < 0) {
        return;
    }
    disconnect(job, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
    jobChanged(nullptr, {});
}

Job *JobModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row).data() : nullptr;
}

int JobModel::rowOf(const Job *job) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i) == job) {
            return i;
        }
    }
    return -1;
}

QList<Job *> JobModel::jobs() const
{
    QList<Job *> out;
    for (const auto &j : m_jobs) {
        if (j) {
            out.append(j);
        }
    }
    return out;
}

int JobModel::activeCount() const
{
    int n = 0;
    for (const auto &j : m_jobs) {
        n += j && !j->isFinished() ? 1 : 0;
    }
    return n;
}

void JobModel::jobChanged(Job *job, const QList<int> &roles)
{
    if (job) {
        const int row = rowOf(job);
        if (row >= 0) {
            Q_EMIT dataChanged(index(row), index(row), roles);
        }
    }
    const int active = activeCount();
    if (active != m_lastActive) {
        m_lastActive = active;
        Q_EMIT activeCountChanged(active);
    }
}

QList<JobModel::Action> JobModel::actionsFor(Job::State state, ErrorCode code)
{
    switch (state) {
    case Job::State::Queued:
    case Job::State::Running:
        return {Action::Cancel};
    case Job::State::Succeeded:
        return {Action::Dismiss};
    case Job::State::Cancelled:
        return {Action::Retry, Action::Dismiss};
    case Job::State::Failed:
        break;
    }
    switch (code) {
    case ErrorCode::NoSpace:
    case ErrorCode::Permission:
    case ErrorCode::AgentUnavailable:
    case ErrorCode::Unsupported:
        return {Action::OpenSettings, Action::ShowLog, Action::Dismiss};
    case ErrorCode::Damaged:
    case ErrorCode::NotFound:
    case ErrorCode::Usage:
        return {Action::ShowLog, Action::Dismiss};
    default:
        // Busy, connection trouble, libvirt and I/O failures: often transient.
        return {Action::Retry, Action::ShowLog, Action::Dismiss};
    }
}

QString JobModel::actionText(Action action)
{
    switch (action) {
    case Action::Cancel:
        return tr("Cancel");
    case Action::Retry:
        return tr("Retry");
    case Action::ShowLog:
        return tr("Show log");
    case Action::OpenSettings:
        return tr("Open settings");
    case Action::Dismiss:
        return tr("Dismiss");
    }
    return {};
}

QString JobModel::detailText(const Job &job)
{
    switch (job.state()) {
    case Job::State::Queued:
        return tr("Waiting for a free worker");
    case Job::State::Succeeded: {
        // The notes say what else happened: retention removed older points, a disk was
        // skipped, the point is full and why.
        const QString text = job.outcome().text();
        return text.isEmpty() ? tr("Done") : text;
    }
    case Job::State::Cancelled:
        return job.kind() == Job::Kind::Backup ? tr("Nothing was kept; the VM is on its own disks as before.")
                                               : tr("Stopped before the end.");
    case Job::State::Failed:
        return job.error().message();
    case Job::State::Running:
        break;
    }
    QStringList parts;
    QString phase = jobPhaseText(job.phase());
    if (!job.phaseDetail().isEmpty()) {
        phase += QLatin1Char(' ') + job.phaseDetail();
    }
    if (job.isCancelRequested()) {
        phase = tr("Cancelling, putting the VM back on its own disks…");
    }
    parts.append(phase);
    if (job.totalBytes() > 0) {
        parts.append(
            tr("%1 of %2").arg(DisplayText::size(job.doneBytes()), DisplayText::size(job.totalBytes())));
    }
    if (job.bytesPerSecond() > 0) {
        parts.append(DisplayText::rate(job.bytesPerSecond()));
    }
    if (job.etaSeconds() >= 0) {
        parts.append(tr("%1 left").arg(DisplayText::duration(job.etaSeconds())));
    }
    return parts.join(QStringLiteral(" · "));
}

int JobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

Qt::ItemFlags JobModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Job *job = m_jobs.at(index.row());
    if (!job) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return job->title();
    case JobRole:
        return QVariant::fromValue(const_cast<Job *>(job));
    case JobIdRole:
        return job->id();
    case KindRole:
        return int(job->kind());
    case StateRole:
        return int(job->state());
    case PhaseTextRole:
        return job->phaseDetail().isEmpty()
            ? jobPhaseText(job->phase())
            : jobPhaseText(job->phase()) + QLatin1Char(' ') + job->phaseDetail();
    case PercentRole:
        return job->state() == Job::State::Succeeded ? 100 : job->percent();
    case DoneBytesRole:
        return job->doneBytes();
    case TotalBytesRole:
        return job->totalBytes();
    case RateRole:
        return job->bytesPerSecond();
    case EtaRole:
        return job->etaSeconds();
    case DetailTextRole:
        return detailText(*job);
    case ErrorCodeRole:
        return int(job->error().code());
    case ErrorMessageRole:
        return job->error().message();
    case CancelRequestedRole:
        return job->isCancelRequested();
    case VmUuidRole:
        return job->vmUuid();
    case ActionsRole: {
        QVariantList actions;
        for (Action a : actionsFor(job->state(), job->error().code())) {
            if (a == Action::Cancel && job->isCancelRequested()) {
                continue;
            }
            actions.append(int(a));
        }
        return actions;
    }
    case Qt::DecorationRole:
        switch (job->state()) {
        case Job::State::Failed:
            return Icons::trayProblem();
        case Job::State::Succeeded:
            return Icons::verify();
        default:
            return job->kind() == Job::Kind::Verify ? Icons::verify() : Icons::backupNow();
        }
    case Qt::ToolTipRole:
        if (job->state() == Job::State::Failed && !job->error().detail().isEmpty()) {
            return tr("%1\n\nDetail: %2").arg(job->error().message(), job->error().detail());
        }
        return detailText(*job);
    }
    return {};
}

} // namespace Rewind
