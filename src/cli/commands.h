#pragma once

#include "clicontext.h"

namespace Rewind::Cli {

// One function per command; each returns the process exit code (an ErrorCode value).
int runList(const Context &ctx);
int runBackup(const Context &ctx);
int runPoints(const Context &ctx);
int runVerify(const Context &ctx);
int runRestore(const Context &ctx);
int runPrune(const Context &ctx);
int runDelete(const Context &ctx);
int runProtect(const Context &ctx);
int runUnprotect(const Context &ctx);
int runPolicy(const Context &ctx);
int runSchedule(const Context &ctx);
int runUntrack(const Context &ctx);

} // namespace Rewind::Cli
