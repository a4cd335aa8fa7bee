#pragma once

#include "result.h"

#include <QHash>
#include <QString>

namespace Rewind::RestoreXml {

/// A definition whose host-side log files were moved out of the way.
struct SeparatedFiles
{
    QString xml;
    QHash<QString, QString> renamed; ///< old path -> new path
};

/// For "restore as new VM": a copy of a domain definition in which every file a
/// character device writes to (<serial>, <console>, <parallel>, <channel> of type
/// 'file', and any chardev's <log file=.../>) gets a path of its own, with the new VM's
/// name in it ("serial.log" -> "serial-web-copy.log"). Two VMs appending to one log would
/// interleave their output, and a test or a person reading it could not tell them apart.
/// The same old path always maps to the same new path, so a <console> that mirrors
/// <serial> stays one file. Everything else is copied through unchanged.
Result<SeparatedFiles> separateChardevFiles(const QString &xml, const QString &newName);

} // namespace Rewind::RestoreXml
