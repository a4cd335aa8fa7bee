#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore) // rewind.core
Q_DECLARE_LOGGING_CATEGORY(lcLibvirt) // rewind.libvirt
Q_DECLARE_LOGGING_CATEGORY(lcJobs) // rewind.jobs
Q_DECLARE_LOGGING_CATEGORY(lcRepository) // rewind.repository
