#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Rewind {

/// What the repository remembers about one VM, beyond its points: REPO/<vm-uuid>/vm.json.
/// The VM is keyed by UUID because names change; the name history lets the GUI show
/// "web (formerly test-web)" and lets a user find the backups of a VM that no longer
/// exists by the name they remember. The retention policy and the schedule are stored
/// as opaque JSON objects: their meaning belongs to policy/, the repository only keeps
/// them next to the backups they govern.
struct VmRecord
{
    Q_DECLARE_TR_FUNCTIONS(VmRecord)

public:
    static constexpr int CurrentFormat = 1;

    struct Name
    {
        QString name;
        QDateTime since; ///< UTC, when Rewind first saw the VM under this name

        bool operator==(const Name &) const = default;
    };

    QString uuid;
    QList<Name> names; ///< oldest first; the last one is the current name
    QJsonObject retention;
    QJsonObject schedule;
    QJsonObject chain; ///< when a new full point starts a chain (ChainPolicy)
    /// Which of Rewind's overlays the VM runs on between points, and the point they build
    /// on (ChangeTracking); empty when the VM runs on its own images.
    QJsonObject tracking;

    bool operator==(const VmRecord &) const = default;

    /// The last known name, or an empty string for a record without names.
    QString currentName() const;
    /// Appends name to the history unless it is already the current one; returns whether
    /// the record changed (and so needs saving).
    bool noteName(const QString &name, const QDateTime &when = QDateTime::currentDateTimeUtc());

    QJsonObject toJson() const;
    QByteArray toBytes() const;
    static Result<VmRecord> fromJson(const QJsonObject &json);
    static Result<VmRecord> fromBytes(const QByteArray &data);
};

} // namespace Rewind
