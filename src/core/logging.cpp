#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "rewind.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLibvirt, "rewind.libvirt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "rewind.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRepository, "rewind.repository", QtInfoMsg)
