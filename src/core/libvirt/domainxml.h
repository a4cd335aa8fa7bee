#pragma once

#include "libvirt/domaininfo.h"
#include "result.h"

#include <QHash>

class QXmlStreamReader;
class QXmlStreamWriter;

namespace Rewind::DomainXml {

/// Reads the <disk> elements of a domain definition.
Result<QList<DiskInfo>> parseDisks(const QString &xml);

/// Fills name, uuid, memory and vCPUs from a definition (state and persistence come
/// from other calls).
Result<DomainInfo> parseDomain(const QString &xml);

/// Returns a copy of a domain definition in which the file source of each disk whose
/// target is a key of newPaths points to the new path (and its driver type to
/// newFormats' entry, when given), with any <backingStore> of those disks removed.
/// Everything else is copied through unchanged, element by element.
Result<QString> rewriteDisks(const QString &xml, const QHash<QString, QString> &newPaths,
    const QHash<QString, QString> &newFormats = {});

/// Returns a copy with a new name, no uuid (libvirt generates one), no MAC addresses
/// (libvirt generates new ones), no path for the UEFI variables file (libvirt gives it
/// one of its own, NAME_VARS.fd) and the given disk paths; for "restore as new VM".
Result<QString> cloneDefinition(const QString &xml, const QString &newName,
    const QHash<QString, QString> &newPaths, const QHash<QString, QString> &newFormats = {});

/// The file of the domain's UEFI variables (<os><nvram>), empty when it has none.
QString nvramPath(const QString &xml);

/// Returns a copy whose UEFI variables file is path; the element's attributes (its
/// template) are kept. A definition without <nvram> is returned unchanged.
Result<QString> rewriteNvram(const QString &xml, const QString &path);

/// Writes the start tag the reader stands on exactly as written: its own namespace
/// declarations and attributes, with the prefixes they had. Used instead of
/// QXmlStreamWriter::writeCurrentToken(), which renames the prefix of an element that
/// declares its own namespace (see domainxml.cpp).
void copyStartElement(const QXmlStreamReader &reader, QXmlStreamWriter &writer);

} // namespace Rewind::DomainXml
