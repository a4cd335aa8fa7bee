// Tests RepositoryLock: one holder per VM, within a process (flock belongs to the open
// file description) and across processes, released on destruction, on release() and by
// the kernel when the holder dies.

#include "repository/repository.h"
#include "repository/repositorylock.h"
#include "verifyok.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Rewind;

namespace {

const QString Uuid = QStringLiteral("3f1e5c1a-2b9d-4c47-9a0e-7d3b2c1f0a11");
const QString OtherUuid = QStringLiteral("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");

} // namespace

class TestRepositoryLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        ::umask(0);
        QVERIFY(m_dir.isValid());
        Result<Repository> repo = Repository::open(m_dir.path(), Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        m_repo = *repo;
    }

    void exclusiveWithinProcess()
    {
        Result<RepositoryLock> first
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(first);
        QVERIFY(first->isLocked());
        QCOMPARE(first->vmUuid(), Uuid);
        QCOMPARE(first->repositoryPath(), m_repo.path());

        const Result<RepositoryLock> second
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("restore"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), ErrorCode::Busy);
        const QString message = second.error().message();
        QVERIFY2(message.startsWith(QLatin1String("Another Rewind job is already working on VM 'web' (")),
            qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("backup")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(::getpid())), qPrintable(message));
        QVERIFY2(message.endsWith(QLatin1String("Wait for it to finish.")), qPrintable(message));

        // Another VM is independent.
        const Result<RepositoryLock> other
            = RepositoryLock::acquire(m_repo, OtherUuid, QStringLiteral("db"), QStringLiteral("backup"));
        VERIFY_OK(other);

        first->release();
        QVERIFY(!first->isLocked());
        Result<RepositoryLock> third
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("prune"));
        VERIFY_OK(third);
    }

    void releasedOnDestruction()
    {
        {
            const Result<RepositoryLock> lock
                = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
            VERIFY_OK(lock);
        }
        const Result<RepositoryLock> again
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(again);
    }

    void moveKeepsTheLock()
    {
        Result<RepositoryLock> lock
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        RepositoryLock moved = std::move(*lock);
        QVERIFY(moved.isLocked());
        QVERIFY(!lock->isLocked());
        QCOMPARE(RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QString()).error().code(),
            ErrorCode::Busy);

        RepositoryLock assigned;
        assigned = std::move(moved);
        QVERIFY(assigned.isLocked());
        QCOMPARE(RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QString()).error().code(),
            ErrorCode::Busy);
        assigned = RepositoryLock();
        VERIFY_OK(RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QString()));
    }

    void lockFile()
    {
        const Result<RepositoryLock> lock
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(m_repo.lockFilePath(Uuid)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(::stat(QFile::encodeName(m_repo.vmDir(Uuid)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));

        QFile file(m_repo.lockFilePath(Uuid));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject holder = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(holder.value(QLatin1String("pid")).toInteger(), qint64(::getpid()));
        QCOMPARE(holder.value(QLatin1String("kind")).toString(), QStringLiteral("backup"));
    }

    void refusesBadInput()
    {
        QCOMPARE(RepositoryLock::acquire(m_repo, QStringLiteral("../.."), QStringLiteral("x"), QString())
                     .error()
                     .code(),
            ErrorCode::Usage);
        QCOMPARE(RepositoryLock::acquire(Repository(), Uuid, QStringLiteral("x"), QString()).error().code(),
            ErrorCode::Usage);
    }

    // A repository whose drive was unplugged or unmounted while the application kept it
    // open: nothing is written into whatever is left at its path.
    void refusedWhenTheRepositoryIsGone()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString path = parent.path() + QStringLiteral("/drive");
        Result<Repository> repo = Repository::open(path, Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        QVERIFY(QDir(path).rename(path, path + QStringLiteral(".away")));
        QVERIFY(QDir().mkdir(path)); // the empty mount point

        const Result<RepositoryLock> lock
            = RepositoryLock::acquire(*repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        QVERIFY(!lock.ok());
        QCOMPARE(lock.error().code(), ErrorCode::NotFound);
        QVERIFY2(
            lock.error().message().contains(path) && lock.error().message().contains(QLatin1String("mount")),
            qPrintable(lock.error().message()));
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

        // Back in place, it works again.
        QVERIFY(QDir().rmdir(path));
        QVERIFY(QDir(path).rename(path + QStringLiteral(".away"), path));
        VERIFY_OK(RepositoryLock::acquire(*repo, Uuid, QStringLiteral("web"), QStringLiteral("backup")));
    }

    void exclusiveAcrossProcesses()
    {
        QProcess helper;
        helper.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/rewind_lock_helper"));
        helper.setArguments({m_repo.path(), Uuid});
        helper.start();
        QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));
        QVERIFY(helper.waitForReadyRead(10000));
        const QByteArray line = helper.readLine().trimmed();
        QVERIFY2(line.startsWith("locked "), line.constData());
        const qint64 helperPid = line.mid(7).toLongLong();
        QCOMPARE(helperPid, helper.processId());

        const Result<RepositoryLock> refused
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Busy);
        const QString message = refused.error().message();
        QVERIFY2(message.contains(QLatin1String("helper-job")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(helperPid)), qPrintable(message));

        // SIGKILL: no destructor runs, the kernel releases the flock with the process.
        helper.kill();
        QVERIFY(helper.waitForFinished(10000));
        const Result<RepositoryLock> mine
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(mine);

        // And the other way round: the helper is refused while we hold it.
        QProcess refusedHelper;
        refusedHelper.start(helper.program(), helper.arguments());
        QVERIFY(refusedHelper.waitForFinished(10000));
        QCOMPARE(refusedHelper.exitCode(), 3);
        const QByteArray output = refusedHelper.readAllStandardOutput();
        QVERIFY2(output.startsWith("busy Another Rewind job is already working on VM 'helper-vm'"),
            output.constData());
        QVERIFY2(output.contains(QByteArray::number(::getpid())), output.constData());
    }

    void childProcessesDoNotInheritTheLock()
    {
        Result<RepositoryLock> lock
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        VERIFY_OK(lock);
        // A long-running child started while we hold the lock (think qemu-img).
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        lock->release();
        // Had the descriptor leaked into the child, the lock would still be held.
        const Result<RepositoryLock> again
            = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("web"), QStringLiteral("backup"));
        child.kill();
        child.waitForFinished();
        VERIFY_OK(again);
    }

private:
    QTemporaryDir m_dir;
    Repository m_repo;
};

QTEST_GUILESS_MAIN(TestRepositoryLock)
#include "tst_repositorylock.moc"
