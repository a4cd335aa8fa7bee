#include "guilogging.h"

Q_LOGGING_CATEGORY(lcGui, "rewind.gui", QtInfoMsg)
