#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Rewind {

class Repository;

/// The intent record of one job in flight: REPO/<vm-uuid>/.journal/<job-id>.json.
///
/// A job writes it before it changes anything (a snapshot, a restore over the VM's
/// images) and rewrites it at every state change; when the process dies half way, the
/// record says what was done and what is needed to put the VM back, and Recovery reads
/// it with list() at the next start. The state names and the payload (overlay paths,
/// original disk paths, the point id...) belong to the job; the journal only stores them
/// durably: every write is temp file, fsync, rename, fsync of the directory, so a record
/// is always either the previous or the new state, never half of one.
///
/// A plain value without QObject or shared state: a job creates it on its worker thread
/// and advances it there. It does not lock anything; the job holds the VM's
/// RepositoryLock while its journal exists.
class Journal
{
    Q_DECLARE_TR_FUNCTIONS(Journal)

public:
    static constexpr int CurrentFormat = 1;

    enum class Kind {
        Backup,
        Restore,
        Prune,
    };

    /// An empty record (isValid() is false); use begin() or list().
    Journal() = default;

    /// Creates the record of a new job in state "intent" and writes it. The job id is a
    /// new UUID.
    static Result<Journal> begin(const Repository &repository, const QString &vmUuid, const QString &vmName,
        Kind kind, const QJsonObject &payload = {});

    /// Moves to state and merges payloadUpdate into the payload (a key set to null is
    /// removed), then rewrites the record. On failure the record in memory is unchanged.
    Status advance(const QString &state, const QJsonObject &payloadUpdate = {});
    /// Removes the record: the job is finished (or undone) and nothing needs recovery.
    Status clear();

    /// The records of the VM's jobs in flight, oldest first. Records that cannot be read
    /// are skipped with a warning in the log (they are written atomically, so only a
    /// damaged disk produces one); an empty list when there is no journal folder.
    static Result<QList<Journal>> list(const Repository &repository, const QString &vmUuid);

    bool isValid() const { return !m_jobId.isEmpty(); }
    QString filePath() const { return m_filePath; }
    QString jobId() const { return m_jobId; }
    Kind kind() const { return m_kind; }
    QString state() const { return m_state; }
    qint64 pid() const { return m_pid; }
    QDateTime started() const { return m_started; }
    QDateTime updated() const { return m_updated; }
    QString vmName() const { return m_vmName; }
    QString vmUuid() const { return m_vmUuid; }
    QJsonObject payload() const { return m_payload; }

    /// Whether the process that wrote the record still runs (a live job is not to be
    /// recovered). Only meaningful on the same host. With the VM's lock held no other job
    /// of the VM can run, so a live owner of another process's record is a reused pid.
    bool isOwnerAlive() const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    QJsonObject toJson() const;
    static Result<Journal> fromJson(const QJsonObject &json, const QString &filePath);

private:
    Status write() const;

    QString m_filePath;
    QString m_jobId;
    Kind m_kind = Kind::Backup;
    QString m_state;
    qint64 m_pid = 0;
    QDateTime m_started;
    QDateTime m_updated;
    QString m_vmName;
    QString m_vmUuid;
    QJsonObject m_payload;
};

} // namespace Rewind
