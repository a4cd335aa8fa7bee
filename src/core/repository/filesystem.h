#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace Rewind {

/// The few file system primitives the repository is built on, in one place so that every
/// file Rewind writes gets the same durability and permission rules:
/// - files are 0600 and directories 0700 whatever the umask is, because a backup holds
///   everything the guest held (keys, databases) and must not be readable by other users;
/// - a file that is replaced is written to a temporary name, fsynced, renamed over the old
///   one and the directory fsynced, so after a crash it is either the old or the new
///   version, never a torn mix.
/// All functions are thread safe (they share no state) and report errno through Error.
namespace FileSystem {

/// The mode bits of everything Rewind creates.
inline constexpr int FileMode = 0600;
inline constexpr int DirectoryMode = 0700;

/// Replaces (or creates) path with data atomically and durably. The temporary file lives
/// in the same directory (rename is only atomic within one file system) and starts with
/// a dot, so listings that look for ".json" never see it.
Status writeFileAtomically(const QString &path, const QByteArray &data);

/// Reads a whole file that is expected to be small (JSON metadata). A larger file is
/// refused as damaged rather than read into memory.
Result<QByteArray> readSmallFile(const QString &path, qint64 maxSize = 16 * 1024 * 1024);

/// Creates one directory with DirectoryMode; it is not an error if it already exists as a
/// directory. Parents must exist.
Status ensureDirectory(const QString &path);
/// Creates a directory and every missing parent, each with DirectoryMode.
Status ensureDirectoryPath(const QString &path);
/// Creates one directory with DirectoryMode and fails with ErrorCode::Conflict if the
/// name exists: mkdir is atomic, so this is how concurrent writers claim a name.
Status createDirectoryExclusive(const QString &path);

/// fsync on a directory makes the names created, renamed or removed in it durable.
Status syncDirectory(const QString &path);

/// Removes a directory tree without following symbolic links. A missing path is fine.
Status removeTree(const QString &path);

/// The name of the effective user, for messages ("not writable by user anna").
QString currentUserName();

/// The user-facing error for an errno from writing into folder: ENOSPC becomes NoSpace
/// naming the folder, EACCES/EPERM/EROFS becomes Permission naming folder and user.
Error writeError(int err, const QString &folder, const QString &what);

} // namespace FileSystem
} // namespace Rewind
