#include "guisettings.h"

#include <QCryptographicHash>
#include <QSettings>

namespace Rewind::GuiSettings {

namespace {
QString methodKey(const QString &vmUuid)
{
    return QStringLiteral("vms/%1/method").arg(vmUuid);
}

// Per repository too: another repository holds other copies of the VM's backups.
QString verifiedKey(const QString &repositoryPath, const QString &vmUuid)
{
    const QByteArray path = QCryptographicHash::hash(repositoryPath.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("verified/%1/%2").arg(QString::fromLatin1(path.toHex().left(16)), vmUuid);
}
} // namespace

bool hasConnectionUris()
{
    return QSettings().contains(QStringLiteral("connections/uris"));
}

QStringList connectionUris()
{
    return QSettings().value(QStringLiteral("connections/uris")).toStringList();
}

void setConnectionUris(const QStringList &uris)
{
    QSettings().setValue(QStringLiteral("connections/uris"), uris);
}

QStringList suggestedUris()
{
    return {QStringLiteral("qemu:///system"), QStringLiteral("qemu:///session"),
        QStringLiteral("qemu+ssh://user@host/system")};
}

QString repositoryPath()
{
    return QSettings().value(QStringLiteral("repository/path")).toString();
}

void setRepositoryPath(const QString &path)
{
    QSettings().setValue(QStringLiteral("repository/path"), path);
}

bool weeklyCheck(const QString &vmUuid)
{
    return QSettings().value(QStringLiteral("vms/%1/weeklyCheck").arg(vmUuid), true).toBool();
}

void setWeeklyCheck(const QString &vmUuid, bool enabled)
{
    QSettings settings;
    const QString key = QStringLiteral("vms/%1/weeklyCheck").arg(vmUuid);
    if (enabled) {
        settings.remove(key); // the default
    } else {
        settings.setValue(key, false);
    }
}

QDateTime lastVerified(const QString &repositoryPath, const QString &vmUuid)
{
    return QSettings().value(verifiedKey(repositoryPath, vmUuid)).toDateTime();
}

void setLastVerified(const QString &repositoryPath, const QString &vmUuid, const QDateTime &when)
{
    QSettings().setValue(verifiedKey(repositoryPath, vmUuid), when.toUTC());
}

PointManifest::Method backupMethod(const QString &vmUuid)
{
    const auto method = PointManifest::methodFromName(QSettings().value(methodKey(vmUuid)).toString());
    if (!method || *method == PointManifest::Method::Cold) {
        return PointManifest::Method::FullState;
    }
    return *method;
}

void setBackupMethod(const QString &vmUuid, PointManifest::Method method)
{
    QSettings settings;
    if (method == PointManifest::Method::FullState) {
        settings.remove(methodKey(vmUuid));
    } else {
        settings.setValue(methodKey(vmUuid), PointManifest::methodName(method));
    }
}

QStringList lastSelectedVm()
{
    return QSettings().value(QStringLiteral("ui/lastVm")).toStringList();
}

void setLastSelectedVm(const QString &uri, const QString &uuid)
{
    QSettings().setValue(QStringLiteral("ui/lastVm"), QStringList {uri, uuid});
}

bool firstRunHintDismissed()
{
    return QSettings().value(QStringLiteral("ui/firstRunHintDismissed"), false).toBool();
}

void setFirstRunHintDismissed(bool dismissed)
{
    QSettings().setValue(QStringLiteral("ui/firstRunHintDismissed"), dismissed);
}

QByteArray windowState(const QString &key)
{
    return QSettings().value(QStringLiteral("ui/") + key).toByteArray();
}

void setWindowState(const QString &key, const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("ui/") + key, state);
}

int intValue(const QString &key, int fallback)
{
    return QSettings().value(QStringLiteral("ui/") + key, fallback).toInt();
}

void setIntValue(const QString &key, int value)
{
    QSettings().setValue(QStringLiteral("ui/") + key, value);
}

} // namespace Rewind::GuiSettings
