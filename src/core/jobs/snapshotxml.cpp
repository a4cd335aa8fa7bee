#include "snapshotxml.h"

#include <QXmlStreamWriter>

namespace Rewind::SnapshotXml {

QString build(
    const QString &name, const QString &description, const QList<DiskSpec> &disks, const QString &memoryFile)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartElement(QStringLiteral("domainsnapshot"));
    w.writeTextElement(QStringLiteral("name"), name);
    w.writeTextElement(QStringLiteral("description"), description);
    w.writeStartElement(QStringLiteral("memory"));
    if (memoryFile.isEmpty()) {
        w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("no"));
    } else {
        w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("external"));
        w.writeAttribute(QStringLiteral("file"), memoryFile);
    }
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("disks"));
    for (const auto &d : disks) {
        w.writeStartElement(QStringLiteral("disk"));
        w.writeAttribute(QStringLiteral("name"), d.target);
        if (d.overlayPath.isEmpty()) {
            w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("no"));
        } else {
            w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("external"));
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
            w.writeEmptyElement(QStringLiteral("driver"));
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("qcow2"));
            w.writeEmptyElement(QStringLiteral("source"));
            w.writeAttribute(QStringLiteral("file"), d.overlayPath);
        }
        w.writeEndElement();
    }
    w.writeEndElement(); // disks
    w.writeEndElement(); // domainsnapshot
    return xml;
}

} // namespace Rewind::SnapshotXml
