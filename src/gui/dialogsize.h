#pragma once

class QWidget;

namespace Rewind::DialogSize {

/// Makes a top-level dialog at least as tall as its layout needs at its current width,
/// and keeps that as its minimum height. A window's minimum size does not follow the
/// height that word-wrapped labels need at its width, so longer translations were cut
/// off. Call from showEvent() (the width is known then) and after text changes.
void fitHeight(QWidget *dialog);

} // namespace Rewind::DialogSize
