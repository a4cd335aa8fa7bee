#include "translations.h"

#include "guilogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Rewind::Translations {

void install()
{
    auto *app = QCoreApplication::instance();
    static bool installed = false;
    if (!app || installed) {
        return;
    }
    installed = true;
    // Installed first, so it is asked last: the user's language wins where it has text.
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral(":/i18n/rewind_en.qm"))) {
        QCoreApplication::installTranslator(plurals);
    } else {
        qCDebug(lcGui) << "No English plural forms compiled in";
        delete plurals;
    }
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto *own = new QTranslator(app);
    if (own->load(QLocale(), QStringLiteral("rewind"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && own->language() != QLatin1String("en")) {
        QCoreApplication::installTranslator(own);
        qCInfo(lcGui) << "Using translation" << own->filePath();
    } else {
        delete own;
    }
}

} // namespace Rewind::Translations
