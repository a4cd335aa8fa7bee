#include "domainxml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Rewind {

QString domainStateName(DomainState state)
{
    switch (state) {
    case DomainState::NoState:
        return QStringLiteral("nostate");
    case DomainState::Running:
        return QStringLiteral("running");
    case DomainState::Blocked:
        return QStringLiteral("blocked");
    case DomainState::Paused:
        return QStringLiteral("paused");
    case DomainState::ShuttingDown:
        return QStringLiteral("shutdown");
    case DomainState::ShutOff:
        return QStringLiteral("shutoff");
    case DomainState::Crashed:
        return QStringLiteral("crashed");
    case DomainState::Suspended:
        return QStringLiteral("pmsuspended");
    }
    return QStringLiteral("nostate");
}

QString domainStateText(DomainState state)
{
    switch (state) {
    case DomainState::NoState:
        return QCoreApplication::translate("Rewind", "Unknown");
    case DomainState::Running:
        return QCoreApplication::translate("Rewind", "Running");
    case DomainState::Blocked:
        return QCoreApplication::translate("Rewind", "Blocked");
    case DomainState::Paused:
        return QCoreApplication::translate("Rewind", "Paused");
    case DomainState::ShuttingDown:
        return QCoreApplication::translate("Rewind", "Shutting down");
    case DomainState::ShutOff:
        return QCoreApplication::translate("Rewind", "Shut off");
    case DomainState::Crashed:
        return QCoreApplication::translate("Rewind", "Crashed");
    case DomainState::Suspended:
        return QCoreApplication::translate("Rewind", "Suspended");
    }
    return {};
}

namespace DomainXml {

namespace {

Error xmlError(const QXmlStreamReader &reader)
{
    return Error(ErrorCode::Failed,
        QCoreApplication::translate("Rewind", "The domain definition could not be read."),
        QStringLiteral("XML error at line %1: %2").arg(reader.lineNumber()).arg(reader.errorString()));
}

QString sourcePath(const QXmlStreamAttributes &attrs)
{
    for (const char *name : {"file", "dev", "dir", "name", "volume"}) {
        const QString v = attrs.value(QLatin1String(name)).toString();
        if (!v.isEmpty()) {
            return v;
        }
    }
    return {};
}

// Reads one <disk> element; the reader stands on its start tag.
DiskInfo readDisk(QXmlStreamReader &reader)
{
    DiskInfo disk;
    disk.type = reader.attributes().value(QLatin1String("type")).toString();
    disk.device = reader.attributes().value(QLatin1String("device")).toString();
    if (disk.device.isEmpty()) {
        disk.device = QStringLiteral("disk");
    }
    int depth = 0;
    // How many nested <backingStore> elements enclose the reader: a <source> directly in
    // the n-th one names the n-th file below the disk's own. Other children with a
    // <source> (a block job's <mirror>) are not part of the chain.
    int chainDepth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth != 1) {
                if (reader.name() == QLatin1String("backingStore") && chainDepth == depth - 1) {
                    chainDepth = depth;
                } else if (reader.name() == QLatin1String("source") && chainDepth > 0
                    && depth == chainDepth + 1 && disk.backingChain.size() < chainDepth) {
                    disk.backingChain.append(sourcePath(reader.attributes()));
                    disk.hasBackingStore = true;
                } else if (reader.name() == QLatin1String("format") && chainDepth > 0
                    && depth == chainDepth + 1) {
                    disk.backingFormats.resize(chainDepth);
                    disk.backingFormats.last() = reader.attributes().value(QLatin1String("type")).toString();
                }
                continue;
            }
            if (reader.name() == QLatin1String("backingStore")) {
                chainDepth = 1;
                continue;
            }
            const auto attrs = reader.attributes();
            if (reader.name() == QLatin1String("source")) {
                disk.path = sourcePath(attrs);
            } else if (reader.name() == QLatin1String("driver")) {
                disk.format = attrs.value(QLatin1String("type")).toString();
            } else if (reader.name() == QLatin1String("target")) {
                disk.target = attrs.value(QLatin1String("dev")).toString();
                disk.bus = attrs.value(QLatin1String("bus")).toString();
            } else if (reader.name() == QLatin1String("readonly")) {
                disk.readOnly = true;
            } else if (reader.name() == QLatin1String("shareable")) {
                disk.shareable = true;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0) {
                break;
            }
            if (reader.name() == QLatin1String("backingStore") && depth == chainDepth) {
                chainDepth = depth - 1;
            }
            --depth;
        }
    }
    return disk;
}

} // namespace

Result<QList<DiskInfo>> parseDisks(const QString &xml)
{
    QXmlStreamReader reader(xml);
    QList<DiskInfo> disks;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("disk")) {
            disks.append(readDisk(reader));
        }
    }
    if (reader.hasError()) {
        return xmlError(reader);
    }
    return disks;
}

Result<DomainInfo> parseDomain(const QString &xml)
{
    QXmlStreamReader reader(xml);
    DomainInfo info;
    int depth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 2) {
                const auto name = reader.name();
                if (name == QLatin1String("name")) {
                    info.name = reader.readElementText();
                    --depth;
                } else if (name == QLatin1String("uuid")) {
                    info.uuid = reader.readElementText();
                    --depth;
                } else if (name == QLatin1String("memory")) {
                    const QString unit = reader.attributes().value(QLatin1String("unit")).toString();
                    quint64 value = reader.readElementText().toULongLong();
                    if (unit == QLatin1String("MiB")) {
                        value *= 1024;
                    } else if (unit == QLatin1String("GiB")) {
                        value *= 1024 * 1024;
                    } else if (unit == QLatin1String("b") || unit == QLatin1String("bytes")) {
                        value /= 1024;
                    }
                    info.memoryKiB = value;
                    --depth;
                } else if (name == QLatin1String("vcpu")) {
                    info.vcpus = reader.readElementText().toInt();
                    --depth;
                }
            }
            if (reader.name() == QLatin1String("disk")) {
                info.disks.append(readDisk(reader));
                --depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    if (reader.hasError()) {
        return xmlError(reader);
    }
    return info;
}

namespace {

struct Rewrite
{
    QHash<QString, QString> paths;
    QHash<QString, QString> formats;
    QString newName; // empty: keep
    bool dropIdentity = false; // drop <uuid> and <mac>
    QString nvramPath; // empty: keep (or drop, with dropIdentity)
};

} // namespace

// Copies a start tag as it is written. QXmlStreamWriter::writeCurrentToken() derives the
// prefix of a namespaced element from the writer's scope before the element's own
// declarations are added, so <rwt:x xmlns:rwt="U"> came out as <n1:x xmlns:n1="U"
// xmlns:rwt="U">, and a second copy declared n1 twice: invalid XML that libvirt refuses
// ("Attribute xmlns:n1 redefined"). Elements that declare their own namespace are common:
// virt-manager's <libosinfo:libosinfo> metadata, and every definition Rewind rewrote once.
void copyStartElement(const QXmlStreamReader &reader, QXmlStreamWriter &writer)
{
    writer.writeStartElement(reader.qualifiedName().toString());
    for (const auto &ns : reader.namespaceDeclarations()) {
        writer.writeAttribute(ns.prefix().isEmpty() ? QStringLiteral("xmlns")
                                                    : QStringLiteral("xmlns:") + ns.prefix().toString(),
            ns.namespaceUri().toString());
    }
    for (const auto &a : reader.attributes()) {
        writer.writeAttribute(a.qualifiedName().toString(), a.value().toString());
    }
}

namespace {

// Copies the definition token by token, changing only what the rewrite asks for. The
// disks' targets come after their sources, so a first pass maps disk order to targets.
Result<QString> rewrite(const QString &xml, const Rewrite &rw)
{
    auto disks = parseDisks(xml);
    if (!disks) {
        return disks.error();
    }
    for (auto it = rw.paths.cbegin(); it != rw.paths.cend(); ++it) {
        const bool known = std::any_of(
            disks->cbegin(), disks->cend(), [&](const DiskInfo &d) { return d.target == it.key(); });
        if (!known) {
            return Error(ErrorCode::NotFound,
                QCoreApplication::translate("Rewind", "The domain has no disk '%1'.").arg(it.key()));
        }
    }

    QString out;
    QXmlStreamReader reader(xml);
    QXmlStreamWriter writer(&out);
    int depth = 0;
    int diskIndex = -1;
    int diskDepth = -1;
    QString currentTarget; // of the disk being copied, when it is rewritten
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartDocument || token == QXmlStreamReader::EndDocument) {
            continue;
        }
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const auto name = reader.name();
            if (name == QLatin1String("disk")) {
                ++diskIndex;
                diskDepth = depth;
                const QString target = disks->at(diskIndex).target;
                currentTarget = rw.paths.contains(target) ? target : QString();
                if (!currentTarget.isEmpty()) {
                    writer.writeStartElement(QStringLiteral("disk"));
                    for (const auto &a : reader.attributes()) {
                        writer.writeAttribute(a.qualifiedName().toString(),
                            a.name() == QLatin1String("type") ? QStringLiteral("file")
                                                              : a.value().toString());
                    }
                    continue;
                }
            } else if (!currentTarget.isEmpty() && depth == diskDepth + 1) {
                if (name == QLatin1String("backingStore")) {
                    reader.skipCurrentElement();
                    --depth;
                    continue;
                }
                if (name == QLatin1String("source") || name == QLatin1String("driver")) {
                    writer.writeStartElement(name.toString());
                    const bool isSource = name == QLatin1String("source");
                    bool wrote = false;
                    for (const auto &a : reader.attributes()) {
                        const auto an = a.name();
                        if (isSource
                            && (an == QLatin1String("file") || an == QLatin1String("dev")
                                || an == QLatin1String("pool") || an == QLatin1String("volume")
                                || an == QLatin1String("index"))) {
                            continue;
                        }
                        if (!isSource && an == QLatin1String("type") && rw.formats.contains(currentTarget)) {
                            writer.writeAttribute(QStringLiteral("type"), rw.formats.value(currentTarget));
                            wrote = true;
                            continue;
                        }
                        writer.writeAttribute(a.qualifiedName().toString(), a.value().toString());
                    }
                    if (isSource) {
                        writer.writeAttribute(QStringLiteral("file"), rw.paths.value(currentTarget));
                    } else if (!wrote && rw.formats.contains(currentTarget)) {
                        writer.writeAttribute(QStringLiteral("type"), rw.formats.value(currentTarget));
                    }
                    continue;
                }
            } else if (depth == 2 && name == QLatin1String("name") && !rw.newName.isEmpty()) {
                reader.skipCurrentElement();
                --depth;
                writer.writeTextElement(QStringLiteral("name"), rw.newName);
                continue;
            } else if (rw.dropIdentity
                && ((depth == 2 && name == QLatin1String("uuid")) || name == QLatin1String("mac"))) {
                reader.skipCurrentElement();
                --depth;
                continue;
            } else if ((rw.dropIdentity || !rw.nvramPath.isEmpty()) && depth == 3
                && name == QLatin1String("nvram")) {
                // A copy's variables file is the original's: the element stays (its template),
                // its path goes, and libvirt gives the copy one of its own at define time.
                copyStartElement(reader, writer);
                reader.skipCurrentElement();
                --depth;
                if (!rw.nvramPath.isEmpty()) {
                    writer.writeCharacters(rw.nvramPath);
                }
                writer.writeEndElement();
                continue;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == diskDepth) {
                diskDepth = -1;
                currentTarget.clear();
            }
            --depth;
        }
        if (token == QXmlStreamReader::StartElement) {
            copyStartElement(reader, writer);
            continue;
        }
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError()) {
        return xmlError(reader);
    }
    return out;
}

} // namespace

Result<QString> rewriteDisks(
    const QString &xml, const QHash<QString, QString> &newPaths, const QHash<QString, QString> &newFormats)
{
    return rewrite(xml, Rewrite {newPaths, newFormats, {}, false, {}});
}

Result<QString> rewriteNvram(const QString &xml, const QString &path)
{
    return rewrite(xml, Rewrite {{}, {}, {}, false, path});
}

QString nvramPath(const QString &xml)
{
    QXmlStreamReader reader(xml);
    QStringList path;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            path << reader.name().toString();
            if (path
                == QStringList {QStringLiteral("domain"), QStringLiteral("os"), QStringLiteral("nvram")}) {
                return reader.readElementText().trimmed();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    return {};
}

Result<QString> cloneDefinition(const QString &xml, const QString &newName,
    const QHash<QString, QString> &newPaths, const QHash<QString, QString> &newFormats)
{
    return rewrite(xml, Rewrite {newPaths, newFormats, newName, true, {}});
}

} // namespace DomainXml
} // namespace Rewind
