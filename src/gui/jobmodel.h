#pragma once

#include "jobs/job.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace Rewind {

/// The jobs of this session, newest first, for the jobs panel and the tray.
///
/// Holds the Job objects without owning them (JobManager does). Each job's signals become
/// dataChanged() on its row with only the roles that changed, so a progress tick repaints
/// a progress bar and nothing else; a destroyed job's row is removed.
class JobModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        JobRole = Qt::UserRole + 1, ///< Job*
        JobIdRole, ///< quint64
        KindRole, ///< int(Job::Kind)
        StateRole, ///< int(Job::State)
        PhaseTextRole, ///< "Copying vda"
        PercentRole, ///< 0..100, -1 unknown
        DoneBytesRole,
        TotalBytesRole,
        RateRole, ///< bytes per second (double)
        EtaRole, ///< seconds, -1 unknown
        DetailTextRole, ///< one line: phase, amounts, rate, ETA; or the outcome or error
        ErrorCodeRole, ///< int(ErrorCode)
        ErrorMessageRole,
        CancelRequestedRole, ///< bool
        ActionsRole, ///< QVariantList of int(Action): the buttons the row offers
        VmUuidRole,
    };
    Q_ENUM(Role)

    /// What a row offers the user. Failures map to what helps with that failure.
    enum class Action { Cancel, Retry, ShowLog, OpenSettings, Dismiss };
    Q_ENUM(Action)

    explicit JobModel(QObject *parent = nullptr);

    /// Adds a job at the top.
    void addJob(Job *job);
    /// Removes a finished job's row (the job itself is not deleted).
    void removeJob(Job *job);
    Job *jobAt(int row) const;
    int rowOf(const Job *job) const;
    QList<Job *> jobs() const;
    int activeCount() const;

    /// The buttons for a job in this state with this error: running -> Cancel; failed ->
    /// Retry when trying again can help, Open settings when a setting is the cause
    /// (repository full or not writable, guest agent missing), Show log; cancelled ->
    /// Retry; succeeded -> nothing but Dismiss.
    static QList<Action> actionsFor(Job::State state, ErrorCode code);
    static QString actionText(Action action);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void activeCountChanged(int count);

private:
    void jobChanged(Job *job, const QList<int> &roles);
    static QString detailText(const Job &job);

    QList<QPointer<Job>> m_jobs;
    int m_lastActive = 0;
};

} // namespace Rewind
