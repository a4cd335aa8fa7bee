#include "clicontext.h"

#include <QJsonObject>

#include <cstdio>

namespace Rewind::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const Context &ctx, const Error &error)
{
    if (ctx.json) {
        QJsonObject o {{QStringLiteral("error"), Error::codeName(error.code())},
            {QStringLiteral("message"), error.message()}, {QStringLiteral("detail"), error.detail()}};
        err() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        err() << "rewindctl: " << error.message() << Qt::endl;
        if (!error.detail().isEmpty()) {
            err() << "  detail: " << error.detail() << Qt::endl;
        }
    }
    return int(error.code());
}

void printJson(const QJsonDocument &doc)
{
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

} // namespace Rewind::Cli
