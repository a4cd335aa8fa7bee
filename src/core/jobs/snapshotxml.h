#pragma once

#include <QList>
#include <QString>

namespace Rewind::SnapshotXml {

struct DiskSpec
{
    QString target; ///< "vda"
    QString overlayPath; ///< new external overlay; empty: snapshot='no' for this disk
};

/// The <domainsnapshot> document for one backup point: an external overlay per disk
/// being backed up, snapshot='no' for the skipped ones, and the RAM written to memoryFile
/// (empty: disk-only). Built with QXmlStreamWriter so names and paths with quotes, '&'
/// or non-ASCII letters are escaped correctly.
QString build(
    const QString &name, const QString &description, const QList<DiskSpec> &disks, const QString &memoryFile);

} // namespace Rewind::SnapshotXml
