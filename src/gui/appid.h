#pragma once

#include <QLatin1String>

namespace Rewind {

/// The application's id: its desktop entry, icon and AppStream metadata are named by it, it
/// is its name on the session bus (SingleInstance) and its Flatpak id. Desktops match
/// windows, notifications and autostart entries to the application by it.
inline constexpr QLatin1String AppId("io.github.rewind.Rewind");

} // namespace Rewind
