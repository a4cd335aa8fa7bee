// rewind_lock_helper REPO UUID: takes the VM's RepositoryLock in a separate process for
// tst_repositorylock, prints "locked <pid>" (or "busy <message>") and then holds the
// lock until it is killed or its standard input closes.

#include "repository/repository.h"
#include "repository/repositorylock.h"

#include <QCoreApplication>

#include <cstdio>

#include <unistd.h>

using namespace Rewind;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s REPO UUID\n", argv[0]);
        return 2;
    }
    const Result<Repository> repo = Repository::open(QString::fromLocal8Bit(argv[1]));
    if (!repo) {
        std::printf("error %s\n", qPrintable(repo.error().toString()));
        return 1;
    }
    Result<RepositoryLock> lock = RepositoryLock::acquire(
        *repo, QString::fromLocal8Bit(argv[2]), QStringLiteral("helper-vm"), QStringLiteral("helper-job"));
    if (!lock) {
        std::printf("busy %s\n", qPrintable(lock.error().message()));
        std::fflush(stdout);
        return 3;
    }
    std::printf("locked %d\n", static_cast<int>(::getpid()));
    std::fflush(stdout);
    while (std::getchar() != EOF) { }
    return 0;
}
