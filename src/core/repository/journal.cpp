#include "journal.h"

#include "filesystem.h"
#include "logging.h"
#include "repository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cerrno>

#include <signal.h>
#include <unistd.h>

namespace Rewind {

namespace {

const QLatin1String Suffix(".json");

} // namespace

QString Journal::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Backup:
        return QStringLiteral("backup");
    case Kind::Restore:
        return QStringLiteral("restore");
    case Kind::Prune:
        return QStringLiteral("prune");
    }
    return {};
}

std::optional<Journal::Kind> Journal::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Backup, Kind::Restore, Kind::Prune}) {
        if (kindName(k) == name) {
            return k;
        }
    }
    return std::nullopt;
}

Result<Journal> Journal::begin(const Repository &repository, const QString &vmUuid, const QString &vmName,
    Kind kind, const QJsonObject &payload)
{
    if (!repository.isValid() || !Repository::isValidVmUuid(vmUuid)) {
        return Error(ErrorCode::Usage, tr("Internal error: a journal needs a repository and a VM id."),
            QStringLiteral("uuid '%1'").arg(vmUuid));
    }
    if (Status s = FileSystem::ensureDirectory(repository.vmDir(vmUuid)); !s) {
        return s.error();
    }
    const QString dir = repository.journalDir(vmUuid);
    if (Status s = FileSystem::ensureDirectory(dir); !s) {
        return s.error();
    }
    Journal j;
    j.m_jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    j.m_filePath = dir + QLatin1Char('/') + j.m_jobId + Suffix;
    j.m_kind = kind;
    j.m_state = QStringLiteral("intent");
    j.m_pid = ::getpid();
    j.m_started = QDateTime::currentDateTimeUtc();
    j.m_updated = j.m_started;
    j.m_vmName = vmName;
    j.m_vmUuid = vmUuid;
    j.m_payload = payload;
    if (Status s = j.write(); !s) {
        return s.error();
    }
    // The journal folder's own entry in the VM folder must survive a crash too.
    if (Status s = FileSystem::syncDirectory(repository.vmDir(vmUuid)); !s) {
        return s.error();
    }
    qCDebug(lcRepository) << "Journal" << j.m_jobId << "begun for" << kindName(kind) << "of" << vmName;
    return j;
}

Status Journal::advance(const QString &state, const QJsonObject &payloadUpdate)
{
    if (!isValid()) {
        return Error(ErrorCode::Failed, tr("Internal error: advancing an empty journal."));
    }
    Journal next = *this;
    next.m_state = state;
    next.m_updated = QDateTime::currentDateTimeUtc();
    for (auto it = payloadUpdate.constBegin(); it != payloadUpdate.constEnd(); ++it) {
        if (it.value().isNull()) {
            next.m_payload.remove(it.key());
        } else {
            next.m_payload.insert(it.key(), it.value());
        }
    }
    if (Status s = next.write(); !s) {
        return s;
    }
    *this = std::move(next);
    qCDebug(lcRepository) << "Journal" << m_jobId << "now" << state;
    return {};
}

Status Journal::clear()
{
    if (!isValid()) {
        return {};
    }
    const QByteArray name = QFile::encodeName(m_filePath);
    if (::unlink(name.constData()) != 0 && errno != ENOENT) {
        return FileSystem::writeError(
            errno, QFileInfo(m_filePath).absolutePath(), QFileInfo(m_filePath).fileName());
    }
    // Until the removal is durable a crash would resurrect the record and replay a job
    // that already finished; recovery copes, but it costs the user a confusing message.
    if (Status s = FileSystem::syncDirectory(QFileInfo(m_filePath).absolutePath()); !s) {
        return s;
    }
    qCDebug(lcRepository) << "Journal" << m_jobId << "cleared";
    *this = Journal();
    return {};
}

Result<QList<Journal>> Journal::list(const Repository &repository, const QString &vmUuid)
{
    if (!repository.isValid() || !Repository::isValidVmUuid(vmUuid)) {
        return Error(ErrorCode::Usage, tr("Internal error: a journal needs a repository and a VM id."));
    }
    QDir dir(repository.journalDir(vmUuid));
    if (!dir.exists()) {
        return QList<Journal> {};
    }
    // Temporary files of an interrupted write start with a dot and are not listed.
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QList<Journal> journals;
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        Result<QByteArray> data = FileSystem::readSmallFile(path);
        if (!data) {
            qCWarning(lcRepository) << "Skipping unreadable journal" << path << ":"
                                    << data.error().toString();
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(*data);
        Result<Journal> j = fromJson(doc.object(), path);
        if (!j) {
            qCWarning(lcRepository) << "Skipping damaged journal" << path << ":" << j.error().toString();
            continue;
        }
        journals.append(std::move(j).value());
    }
    std::sort(journals.begin(), journals.end(),
        [](const Journal &a, const Journal &b) { return a.m_started < b.m_started; });
    return journals;
}

bool Journal::isOwnerAlive() const
{
    if (m_pid <= 0) {
        return false;
    }
    // EPERM: the process exists but belongs to another user.
    return ::kill(static_cast<pid_t>(m_pid), 0) == 0 || errno == EPERM;
}

QJsonObject Journal::toJson() const
{
    return QJsonObject {
        {QStringLiteral("format"), CurrentFormat},
        {QStringLiteral("jobId"), m_jobId},
        {QStringLiteral("kind"), kindName(m_kind)},
        {QStringLiteral("state"), m_state},
        {QStringLiteral("pid"), m_pid},
        {QStringLiteral("started"), m_started.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated"), m_updated.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("vmName"), m_vmName},
        {QStringLiteral("vmUuid"), m_vmUuid},
        {QStringLiteral("payload"), m_payload},
    };
}

Result<Journal> Journal::fromJson(const QJsonObject &json, const QString &filePath)
{
    auto damaged = [&](const QString &field) {
        return Error(
            ErrorCode::Damaged, tr("The job journal %1 is damaged (field '%2').").arg(filePath, field));
    };
    const int format = json.value(QLatin1String("format")).toInt(0);
    if (format < 1) {
        return damaged(QStringLiteral("format"));
    }
    if (format > CurrentFormat) {
        return Error(ErrorCode::Unsupported,
            tr("The job journal %1 was written by a newer version of Rewind.").arg(filePath));
    }
    Journal j;
    j.m_filePath = filePath;
    j.m_jobId = json.value(QLatin1String("jobId")).toString();
    if (j.m_jobId.isEmpty()) {
        return damaged(QStringLiteral("jobId"));
    }
    const auto kind = kindFromName(json.value(QLatin1String("kind")).toString());
    if (!kind) {
        return damaged(QStringLiteral("kind"));
    }
    j.m_kind = *kind;
    j.m_state = json.value(QLatin1String("state")).toString();
    if (j.m_state.isEmpty()) {
        return damaged(QStringLiteral("state"));
    }
    j.m_pid = json.value(QLatin1String("pid")).toInteger(0);
    j.m_started = QDateTime::fromString(json.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    if (!j.m_started.isValid()) {
        return damaged(QStringLiteral("started"));
    }
    j.m_updated = QDateTime::fromString(json.value(QLatin1String("updated")).toString(), Qt::ISODateWithMs);
    if (!j.m_updated.isValid()) {
        j.m_updated = j.m_started;
    }
    j.m_vmName = json.value(QLatin1String("vmName")).toString();
    j.m_vmUuid = json.value(QLatin1String("vmUuid")).toString();
    if (!Repository::isValidVmUuid(j.m_vmUuid)) {
        return damaged(QStringLiteral("vmUuid"));
    }
    const QJsonValue payload = json.value(QLatin1String("payload"));
    if (!payload.isObject() && !payload.isUndefined()) {
        return damaged(QStringLiteral("payload"));
    }
    j.m_payload = payload.toObject();
    return j;
}

Status Journal::write() const
{
    return FileSystem::writeFileAtomically(
        m_filePath, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

} // namespace Rewind
