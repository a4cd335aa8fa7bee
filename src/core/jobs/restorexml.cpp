#include "restorexml.h"

#include "libvirt/domainxml.h"

#include "jobs/restoreplan.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Rewind::RestoreXml {

namespace {

bool isChardev(QStringView name)
{
    return name == QLatin1String("serial") || name == QLatin1String("console")
        || name == QLatin1String("parallel") || name == QLatin1String("channel");
}

QString separatedPath(const QString &path, const QString &newName)
{
    const QFileInfo info(path);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix();
    const QString tag = RestoreJournal::fileSafeName(newName);
    QString file = (base.isEmpty() ? info.fileName() : base) + QLatin1Char('-') + tag;
    if (!base.isEmpty() && !suffix.isEmpty()) {
        file += QLatin1Char('.') + suffix;
    }
    return info.path() + QLatin1Char('/') + file;
}

} // namespace

Result<SeparatedFiles> separateChardevFiles(const QString &xml, const QString &newName)
{
    SeparatedFiles result;
    QXmlStreamReader reader(xml);
    QXmlStreamWriter writer(&result.xml);
    int depth = 0;
    int chardevDepth = -1; // depth of the chardev element being copied
    bool fileChardev = false;
    const auto mapped = [&](const QString &old) {
        auto it = result.renamed.constFind(old);
        if (it == result.renamed.constEnd()) {
            it = result.renamed.insert(old, separatedPath(old, newName));
        }
        return it.value();
    };
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartDocument || token == QXmlStreamReader::EndDocument) {
            continue;
        }
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const auto name = reader.name();
            if (chardevDepth < 0 && isChardev(name) && depth == 3) { // domain > devices > chardev
                chardevDepth = depth;
                fileChardev = reader.attributes().value(QLatin1String("type")) == QLatin1String("file");
            } else if (chardevDepth > 0 && depth == chardevDepth + 1) {
                const bool source = fileChardev && name == QLatin1String("source");
                const bool log = name == QLatin1String("log");
                const QLatin1String attribute = source ? QLatin1String("path") : QLatin1String("file");
                if ((source || log) && reader.attributes().hasAttribute(attribute)) {
                    writer.writeStartElement(reader.qualifiedName().toString());
                    for (const auto &a : reader.attributes()) {
                        const QString value
                            = a.name() == attribute ? mapped(a.value().toString()) : a.value().toString();
                        writer.writeAttribute(a.qualifiedName().toString(), value);
                    }
                    continue;
                }
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == chardevDepth) {
                chardevDepth = -1;
                fileChardev = false;
            }
            --depth;
        }
        if (token == QXmlStreamReader::StartElement) {
            DomainXml::copyStartElement(reader, writer);
            continue;
        }
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError()) {
        return Error(ErrorCode::Failed,
            QCoreApplication::translate("Rewind", "The domain definition could not be read."),
            QStringLiteral("XML error at line %1: %2").arg(reader.lineNumber()).arg(reader.errorString()));
    }
    return result;
}

} // namespace Rewind::RestoreXml
