#include "jobspanel.h"

#include "jobdelegate.h"
#include "jobmanager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rewind {

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QListView(this))
    , m_delegate(new JobDelegate(m_view))
    , m_title(new QLabel(this))
    , m_placeholder(new QLabel(this))
    , m_clear(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    header->addWidget(m_title);
    header->addStretch();
    m_clear->setText(tr("Clear finished"));
    m_clear->setAutoRaise(true);
    m_clear->setToolTip(tr("Remove finished jobs from the list"));
    header->addWidget(m_clear);
    layout->addLayout(header);

    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setItemDelegate(m_delegate);
    m_view->setMouseTracking(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Jobs"));
    layout->addWidget(m_view, 1);

    m_placeholder->setObjectName(QStringLiteral("jobsPlaceholder"));
    m_placeholder->setText(
        tr("No jobs yet. \"Back Up Now\" starts one; scheduled backups show up here too."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholder, 1);

    connect(m_delegate, &JobDelegate::actionTriggered, this, &JobsPanel::trigger);
    connect(m_view, &QWidget::customContextMenuRequested, this, &JobsPanel::showContextMenu);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        if (m_manager) {
            m_manager->dismissFinished();
        }
    });
    updateHeader();
}

void JobsPanel::setJobManager(JobManager *manager)
{
    m_manager = manager;
    JobModel *model = manager->model();
    m_view->setModel(model);
    connect(model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::updateHeader);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::updateHeader);
    connect(model, &JobModel::activeCountChanged, this, &JobsPanel::updateHeader);
    updateHeader();
}

void JobsPanel::updateHeader()
{
    const JobModel *model = m_manager ? m_manager->model() : nullptr;
    const int total = model ? model->rowCount() : 0;
    const int active = model ? model->activeCount() : 0;
    m_title->setText(active > 0 ? tr("Jobs (%n running)", nullptr, active) : tr("Jobs"));
    m_clear->setEnabled(total > active);
    m_view->setVisible(total > 0);
    m_placeholder->setVisible(total == 0);
}

void JobsPanel::trigger(const QModelIndex &index, JobModel::Action action)
{
    Job *job = index.data(JobModel::JobRole).value<Job *>();
    if (!job || !m_manager) {
        return;
    }
    switch (action) {
    case JobModel::Action::Cancel:
        job->cancel();
        break;
    case JobModel::Action::Retry:
        m_manager->retry(job);
        break;
    case JobModel::Action::ShowLog:
        showLog(job);
        break;
    case JobModel::Action::OpenSettings:
        Q_EMIT settingsRequested(job);
        break;
    case JobModel::Action::Dismiss:
        m_manager->dismiss(job);
        break;
    }
}

void JobsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid()) {
        return;
    }
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QVariantList actions = index.data(JobModel::ActionsRole).toList();
    QPersistentModelIndex persistent(index);
    for (const QVariant &a : actions) {
        const auto action = JobModel::Action(a.toInt());
        menu->addAction(JobModel::actionText(action), this, [this, persistent, action] {
            if (persistent.isValid()) {
                trigger(persistent, action);
            }
        });
    }
    if (!actions.contains(int(JobModel::Action::ShowLog))) {
        menu->addAction(JobModel::actionText(JobModel::Action::ShowLog), this, [this, persistent] {
            if (persistent.isValid()) {
                trigger(persistent, JobModel::Action::ShowLog);
            }
        });
    }
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void JobsPanel::showLog(Job *job)
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Log of \"%1\"").arg(job->title()));
    box->setIcon(job->state() == Job::State::Failed ? QMessageBox::Warning : QMessageBox::Information);
    box->setText(job->state() == Job::State::Failed
            ? job->error().message()
            : tr("%1: %2").arg(job->title(), Job::stateText(job->state())));
    if (job->state() == Job::State::Failed && !job->error().detail().isEmpty()) {
        box->setInformativeText(tr("Technical detail: %1").arg(job->error().detail()));
    }
    box->setDetailedText(job->log().join(QLatin1Char('\n')));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
    Q_EMIT logShown(job);
}

} // namespace Rewind
