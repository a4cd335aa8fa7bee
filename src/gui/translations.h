#pragma once

namespace Rewind {

/// Loads Rewind's translations (compiled into the program, :/i18n) and Qt's own for the
/// system locale: the English plural forms always, then the user's language if Rewind
/// has it. Call once after the QApplication exists.
namespace Translations {
void install();
} // namespace Translations

} // namespace Rewind
