#pragma once

#include "jobmodel.h"

#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace Rewind {

class JobDelegate;
class JobManager;

/// The jobs panel at the bottom of the main window: one row per job with its progress
/// and buttons (JobDelegate), a context menu with the same actions for the keyboard, and
/// "Clear finished". A failed job offers what helps with its failure: Retry, Show log,
/// Open settings (settingsRequested(), the main window decides what that opens).
class JobsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(QWidget *parent = nullptr);

    void setJobManager(JobManager *manager);
    QListView *view() const { return m_view; }
    JobDelegate *delegate() const { return m_delegate; }

public Q_SLOTS:
    void trigger(const QModelIndex &index, Rewind::JobModel::Action action);

Q_SIGNALS:
    /// A failure's cause is a setting (repository full or read-only, guest agent missing).
    void settingsRequested(Rewind::Job *job);
    /// "Show log" was chosen; emitted after the log dialog opened.
    void logShown(Rewind::Job *job);

private:
    void updateHeader();
    void showContextMenu(const QPoint &pos);
    void showLog(Job *job);

    JobManager *m_manager = nullptr;
    QListView *m_view;
    JobDelegate *m_delegate;
    QLabel *m_title;
    QLabel *m_placeholder;
    QToolButton *m_clear;
};

} // namespace Rewind
