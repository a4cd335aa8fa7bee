#include "vmrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Rewind {

namespace {

Error damaged(const QString &field)
{
    return Error(ErrorCode::Damaged,
        VmRecord::tr("The VM record (vm.json) is damaged: the field '%1' is missing or invalid.").arg(field),
        QStringLiteral("vm.json field '%1'").arg(field));
}

} // namespace

QString VmRecord::currentName() const
{
    return names.isEmpty() ? QString() : names.constLast().name;
}

bool VmRecord::noteName(const QString &name, const QDateTime &when)
{
    if (name.isEmpty() || currentName() == name) {
        return false;
    }
    names.append({name, when.toUTC()});
    return true;
}

QJsonObject VmRecord::toJson() const
{
    QJsonArray nameArray;
    for (const Name &n : names) {
        nameArray.append(QJsonObject {{QStringLiteral("name"), n.name},
            {QStringLiteral("since"), n.since.toUTC().toString(Qt::ISODateWithMs)}});
    }
    return QJsonObject {
        {QStringLiteral("format"), CurrentFormat},
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("names"), nameArray},
        {QStringLiteral("retention"), retention},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("chain"), chain},
        {QStringLiteral("tracking"), tracking},
    };
}

QByteArray VmRecord::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<VmRecord> VmRecord::fromJson(const QJsonObject &json)
{
    const QJsonValue format = json.value(QLatin1String("format"));
    if (!format.isDouble() || format.toInt() < 1) {
        return damaged(QStringLiteral("format"));
    }
    if (format.toInt() > CurrentFormat) {
        return Error(ErrorCode::Unsupported,
            tr("This VM's record was written by a newer version of Rewind (format %1). Update "
               "Rewind to use it.")
                .arg(format.toInt()));
    }
    VmRecord record;
    record.uuid = json.value(QLatin1String("uuid")).toString();
    if (QUuid::fromString(record.uuid).isNull()) {
        return damaged(QStringLiteral("uuid"));
    }
    const QJsonValue names = json.value(QLatin1String("names"));
    if (!names.isArray()) {
        return damaged(QStringLiteral("names"));
    }
    const QJsonArray nameArray = names.toArray();
    for (qsizetype i = 0; i < nameArray.size(); ++i) {
        const QJsonObject n = nameArray.at(i).toObject();
        const QString name = n.value(QLatin1String("name")).toString();
        const QDateTime since
            = QDateTime::fromString(n.value(QLatin1String("since")).toString(), Qt::ISODateWithMs);
        if (name.isEmpty() || !since.isValid()) {
            return damaged(QStringLiteral("names[%1]").arg(i));
        }
        record.names.append({name, since.toUTC()});
    }
    // Absent policy objects mean "not configured"; present ones must be objects.
    for (const auto &[key, target] : {std::pair {QStringLiteral("retention"), &record.retention},
             std::pair {QStringLiteral("schedule"), &record.schedule},
             std::pair {QStringLiteral("chain"), &record.chain},
             std::pair {QStringLiteral("tracking"), &record.tracking}}) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull()) {
            continue;
        }
        if (!v.isObject()) {
            return damaged(key);
        }
        *target = v.toObject();
    }
    return record;
}

Result<VmRecord> VmRecord::fromBytes(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error(ErrorCode::Damaged, tr("The VM record (vm.json) is damaged: it is not valid JSON."),
            parseError.errorString());
    }
    return fromJson(doc.object());
}

} // namespace Rewind
