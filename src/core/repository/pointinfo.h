#pragma once

#include "error.h"
#include "pointmanifest.h"

#include <QString>

#include <optional>

namespace Rewind {

/// One point directory as found in the repository, with what its manifest says about it.
/// A point is complete only when manifest.json is present and valid (the manifest is
/// written last). The two other states are kept apart on purpose: a point without a
/// manifest is the leftover of an interrupted job and may be removed; a point whose
/// manifest exists but cannot be read was once complete and is never removed silently.
struct PointInfo
{
    enum class State {
        Complete, ///< manifest.json present and valid
        Incomplete, ///< no manifest.json: a job was interrupted, or is still writing
        Damaged, ///< manifest.json present but unreadable or invalid (see manifestError)
    };

    QString id;
    QString dir; ///< absolute path of the point directory
    State state = State::Incomplete;
    std::optional<PointManifest> manifest; ///< set exactly when state is Complete
    Error manifestError; ///< why the manifest could not be used, when state is Damaged

    bool complete() const { return state == State::Complete; }
};

} // namespace Rewind
