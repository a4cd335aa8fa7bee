#include "policy/policyjson.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Rewind::PolicyJson {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

Status checkKeys(const QJsonObject &json, const QStringList &allowed)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (allowed.contains(it.key())) {
            continue;
        }
        QStringList names;
        for (const QString &key : allowed) {
            names.append(quoted(key));
        }
        return Error(ErrorCode::Usage,
            QCoreApplication::translate(
                "Rewind::PolicyJson", "Unknown setting %1; check its spelling. Valid settings are %2.")
                .arg(quoted(it.key()), names.join(QStringLiteral(", "))));
    }
    return Status::success();
}

Result<qint64> readInteger(
    const QJsonObject &json, const QString &key, qint64 fallback, qint64 min, qint64 max)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd()) {
        return fallback;
    }
    const QJsonValue value = *it;
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number != std::trunc(number)) {
        return Error(ErrorCode::Usage,
            QCoreApplication::translate("Rewind::PolicyJson", "%1 must be a whole number such as %2, not %3.")
                .arg(quoted(key), QString::number(std::max<qint64>(min, 1)), describeValue(value)));
    }
    if (number < double(min)) {
        return Error(ErrorCode::Usage,
            QCoreApplication::translate("Rewind::PolicyJson", "%1 must be %2 or more, not %3.")
                .arg(quoted(key), QString::number(min), describeValue(value)));
    }
    if (number > double(max)) {
        return Error(ErrorCode::Usage,
            QCoreApplication::translate("Rewind::PolicyJson", "%1 must be at most %2, not %3.")
                .arg(quoted(key), QString::number(max), describeValue(value)));
    }
    return value.toInteger(qint64(number));
}

Result<QString> readString(const QJsonObject &json, const QString &key)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd()) {
        return Error(ErrorCode::Usage,
            QCoreApplication::translate("Rewind::PolicyJson", "The setting %1 is missing.").arg(quoted(key)));
    }
    if (!it->isString()) {
        return Error(ErrorCode::Usage,
            QCoreApplication::translate("Rewind::PolicyJson", "%1 must be a text in quotes, not %2.")
                .arg(quoted(key), describeValue(*it)));
    }
    return it->toString();
}

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == std::trunc(number) && std::abs(number) < 9.2e18) {
            return QString::number(qint64(number)); // 3000000000, not 3e+09
        }
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Array:
        return QCoreApplication::translate("Rewind::PolicyJson", "a list");
    case QJsonValue::Object:
        return QCoreApplication::translate("Rewind::PolicyJson", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Rewind::PolicyJson", "nothing");
}

} // namespace Rewind::PolicyJson
