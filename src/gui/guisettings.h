#pragma once

#include "repository/pointmanifest.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Rewind {

/// The desktop application's own settings (QSettings, ~/.config/Rewind/rewind.conf):
/// what the user chose in the window, as opposed to what the repository stores about a
/// VM (vm.json: schedule, retention), which rewindctl shares.
///
/// The backup method is kept here per VM UUID rather than in vm.json because it is a
/// preference of this desktop, not a property of the backups: rewindctl takes it from
/// its command line.
namespace GuiSettings {

/// Whether the list was ever saved (an empty saved list means "the user removed them all").
bool hasConnectionUris();
QStringList connectionUris();
void setConnectionUris(const QStringList &uris);
/// The URIs offered in "Add connection": the local system and session daemons and an
/// SSH example.
QStringList suggestedUris();

/// Empty when the user has not chosen a repository yet.
QString repositoryPath();
void setRepositoryPath(const QString &path);

/// FullState unless the user chose DiskOnly or DiskOnlyQuiesced for this VM.
PointManifest::Method backupMethod(const QString &vmUuid);
void setBackupMethod(const QString &vmUuid, PointManifest::Method method);

/// Whether the scheduler checks the VM's stored points once a week (on unless turned off
/// in Backup Settings).
bool weeklyCheck(const QString &vmUuid);
void setWeeklyCheck(const QString &vmUuid, bool enabled);

/// When every stored point of the VM in the repository at repositoryPath was last read
/// back and checked (invalid: never, as far as this application knows).
QDateTime lastVerified(const QString &repositoryPath, const QString &vmUuid);
void setLastVerified(const QString &repositoryPath, const QString &vmUuid, const QDateTime &when);

/// The VM selected when the window was last used ("uri uuid"), to select it again.
QStringList lastSelectedVm();
void setLastSelectedVm(const QString &uri, const QString &uuid);

bool firstRunHintDismissed();
void setFirstRunHintDismissed(bool dismissed);

QByteArray windowState(const QString &key);
void setWindowState(const QString &key, const QByteArray &state);
int intValue(const QString &key, int fallback);
void setIntValue(const QString &key, int value);

} // namespace GuiSettings

} // namespace Rewind
