#pragma once

#include "repository/repository.h"

#include <QLabel>

namespace Rewind {

/// The status bar's word on the repository: where it is and how much room is left on
/// its file system ("Repository: /media/backup/rewind · 812.40 GiB free"), that none is
/// chosen, or that the one awaited is not available.
///
/// The free space is read in a worker (statvfs can hang on a network file system that
/// went away), when the repository is set and whenever refresh() is called: after each
/// job, as jobs are what fill or free it.
class RepositoryLabel : public QLabel
{
    Q_OBJECT
public:
    explicit RepositoryLabel(QWidget *parent = nullptr);

    void setRepository(const Repository &repository);
    /// The repository at path is awaited (an empty path: none is).
    void setUnavailable(const QString &path);
    /// Reads the free space again.
    void refresh();
    /// Bytes free on the repository's file system when last read; -1 when unknown.
    qint64 freeBytes() const { return m_freeBytes; }

Q_SIGNALS:
    /// A new reading of the free space is shown.
    void freeBytesRead(qint64 bytes);

private:
    void updateText();

    Repository m_repository;
    QString m_unavailablePath;
    qint64 m_freeBytes = -1;
};

} // namespace Rewind
