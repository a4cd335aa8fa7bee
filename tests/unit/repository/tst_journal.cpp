// Tests Journal: intent records written at each state change, listed for recovery,
// cleared when done; usable from a worker thread.

#include "repository/journal.h"
#include "repository/repository.h"
#include "verifyok.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <sys/stat.h>
#include <unistd.h>

using namespace Rewind;

namespace {

const QString Uuid = QStringLiteral("3f1e5c1a-2b9d-4c47-9a0e-7d3b2c1f0a11");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 07777;
}

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ::umask(0); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<Repository> repo = Repository::open(m_dir->path(), Repository::OpenMode::CreateIfMissing);
        VERIFY_OK(repo);
        m_repo = *repo;
    }

    void beginAdvanceClear()
    {
        const QJsonObject payload {
            {QStringLiteral("overlays"), QJsonArray {QStringLiteral("/images/web.rewind-1")}},
            {QStringLiteral("pointId"), QStringLiteral("20261126T101500Z")}};
        Result<Journal> journal
            = Journal::begin(m_repo, Uuid, QStringLiteral("web"), Journal::Kind::Backup, payload);
        VERIFY_OK(journal);
        QVERIFY(journal->isValid());
        QCOMPARE(journal->state(), QStringLiteral("intent"));
        QCOMPARE(journal->kind(), Journal::Kind::Backup);
        QCOMPARE(journal->pid(), qint64(::getpid()));
        QVERIFY(journal->isOwnerAlive());
        QCOMPARE(journal->vmName(), QStringLiteral("web"));
        QCOMPARE(journal->vmUuid(), Uuid);
        QCOMPARE(journal->payload(), payload);
        const QString path = journal->filePath();
        QCOMPARE(
            path, m_repo.journalDir(Uuid) + QLatin1Char('/') + journal->jobId() + QStringLiteral(".json"));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(m_repo.journalDir(Uuid)), mode_t(0700));

        QJsonObject onDisk = readJson(path);
        QCOMPARE(onDisk.value(QLatin1String("state")).toString(), QStringLiteral("intent"));
        QCOMPARE(onDisk.value(QLatin1String("kind")).toString(), QStringLiteral("backup"));
        QCOMPARE(onDisk.value(QLatin1String("jobId")).toString(), journal->jobId());
        QCOMPARE(onDisk.value(QLatin1String("payload")).toObject(), payload);

        // advance: new state on disk, payload merged, null removes a key.
        VERIFY_OK(journal->advance(QStringLiteral("snapshotted"), {{QStringLiteral("snapshotAt"), 42}}));
        VERIFY_OK(journal->advance(QStringLiteral("copying"),
            {{QStringLiteral("pointId"), QJsonValue::Null},
                {QStringLiteral("copied"), QStringLiteral("vda")}}));
        QCOMPARE(journal->state(), QStringLiteral("copying"));
        QVERIFY(journal->updated() >= journal->started());
        onDisk = readJson(path);
        QCOMPARE(onDisk.value(QLatin1String("state")).toString(), QStringLiteral("copying"));
        const QJsonObject p = onDisk.value(QLatin1String("payload")).toObject();
        QCOMPARE(p.value(QLatin1String("snapshotAt")).toInt(), 42);
        QCOMPARE(p.value(QLatin1String("copied")).toString(), QStringLiteral("vda"));
        QVERIFY(!p.contains(QLatin1String("pointId")));
        QVERIFY(p.contains(QLatin1String("overlays")));
        QCOMPARE(journal->payload(), p);

        // Only the record itself is in the folder: no temporary files left behind.
        QCOMPARE(QDir(m_repo.journalDir(Uuid)).entryList(QDir::Files | QDir::Hidden),
            QStringList {journal->jobId() + QStringLiteral(".json")});

        // list sees exactly what was written.
        Result<QList<Journal>> listed = Journal::list(m_repo, Uuid);
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        const Journal &j = listed->at(0);
        QCOMPARE(j.jobId(), journal->jobId());
        QCOMPARE(j.state(), QStringLiteral("copying"));
        QCOMPARE(j.kind(), Journal::Kind::Backup);
        QCOMPARE(j.payload(), journal->payload());
        QCOMPARE(j.started(), journal->started());
        QCOMPARE(j.pid(), journal->pid());
        QCOMPARE(j.filePath(), path);

        VERIFY_OK(journal->clear());
        QVERIFY(!journal->isValid());
        QVERIFY(!QFile::exists(path));
        VERIFY_OK(journal->clear());
        listed = Journal::list(m_repo, Uuid);
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
    }

    void listOrderAndDamage()
    {
        Result<QList<Journal>> listed = Journal::list(m_repo, Uuid);
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty()); // no journal folder at all

        Result<Journal> a = Journal::begin(m_repo, Uuid, QStringLiteral("web"), Journal::Kind::Prune);
        VERIFY_OK(a);
        QTest::qWait(5);
        Result<Journal> b = Journal::begin(m_repo, Uuid, QStringLiteral("web"), Journal::Kind::Restore);
        VERIFY_OK(b);
        QVERIFY(a->jobId() != b->jobId());

        const QString dir = m_repo.journalDir(Uuid);
        // Leftovers that must not disturb recovery: a temporary file of an interrupted
        // write, a damaged record, a record of a newer Rewind.
        QFile tmp(dir + QStringLiteral("/.x.json.tmp-1-0"));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
        tmp.write("{");
        tmp.close();
        QFile damaged(dir + QStringLiteral("/damaged.json"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"format\":1,\"jobId\":");
        damaged.close();
        QJsonObject newer = readJson(a->filePath());
        newer.insert(QLatin1String("format"), 99);
        QFile future(dir + QStringLiteral("/future.json"));
        QVERIFY(future.open(QIODevice::WriteOnly));
        future.write(QJsonDocument(newer).toJson());
        future.close();

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged.json")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("future.json")));
        listed = Journal::list(m_repo, Uuid);
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).jobId(), a->jobId());
        QCOMPARE(listed->at(0).kind(), Journal::Kind::Prune);
        QCOMPARE(listed->at(1).jobId(), b->jobId());
        QCOMPARE(listed->at(1).kind(), Journal::Kind::Restore);
    }

    void fromJsonValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no job id") << "jobId" << QJsonValue();
        QTest::newRow("bad kind") << "kind" << QJsonValue(QStringLiteral("export"));
        QTest::newRow("no state") << "state" << QJsonValue(QString());
        QTest::newRow("bad started") << "started" << QJsonValue(QStringLiteral("soon"));
        QTest::newRow("bad uuid") << "vmUuid" << QJsonValue(QStringLiteral("../.."));
        QTest::newRow("payload array") << "payload" << QJsonValue(QJsonArray {1});
    }

    void fromJsonValidation()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        Result<Journal> journal = Journal::begin(m_repo, Uuid, QStringLiteral("web"), Journal::Kind::Backup);
        VERIFY_OK(journal);
        QJsonObject json = journal->toJson();
        VERIFY_OK(Journal::fromJson(json, journal->filePath()));
        if (value.isUndefined() || value.isNull()) {
            json.remove(field);
        } else {
            json.insert(field, value);
        }
        const Result<Journal> parsed = Journal::fromJson(json, journal->filePath());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::Damaged);
        QVERIFY2(parsed.error().message().contains(field), qPrintable(parsed.error().message()));
    }

    void deadOwner()
    {
        Result<Journal> journal = Journal::begin(m_repo, Uuid, QStringLiteral("web"), Journal::Kind::Backup);
        VERIFY_OK(journal);
        QJsonObject json = journal->toJson();
        // pid_max is at most 2^22 on Linux: this pid cannot be running.
        json.insert(QLatin1String("pid"), 1 << 23);
        const Result<Journal> parsed = Journal::fromJson(json, journal->filePath());
        VERIFY_OK(parsed);
        QVERIFY(!parsed->isOwnerAlive());
    }

    void workerThread()
    {
        // A job runs its steps on worker threads: the journal must work there as is.
        QFuture<QString> future = QtConcurrent::run([repo = m_repo]() -> QString {
            Result<Journal> journal
                = Journal::begin(repo, Uuid, QStringLiteral("web"), Journal::Kind::Backup);
            if (!journal) {
                return journal.error().toString();
            }
            for (const char *state : {"snapshotted", "copying", "committing", "manifest-written"}) {
                if (Status s = journal->advance(QString::fromLatin1(state)); !s) {
                    return s.error().toString();
                }
            }
            Result<QList<Journal>> listed = Journal::list(repo, Uuid);
            if (!listed || listed->size() != 1
                || listed->at(0).state() != QLatin1String("manifest-written")) {
                return QStringLiteral("listing from the worker failed");
            }
            if (Status s = journal->clear(); !s) {
                return s.error().toString();
            }
            return QString();
        });
        future.waitForFinished();
        QCOMPARE(future.result(), QString());
        const Result<QList<Journal>> listed = Journal::list(m_repo, Uuid);
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
    }

    void refusesBadInput()
    {
        QCOMPARE(
            Journal::begin(m_repo, QStringLiteral(".."), QString(), Journal::Kind::Backup).error().code(),
            ErrorCode::Usage);
        QCOMPARE(Journal::begin(Repository(), Uuid, QString(), Journal::Kind::Backup).error().code(),
            ErrorCode::Usage);
        Journal empty;
        QCOMPARE(empty.advance(QStringLiteral("x")).error().code(), ErrorCode::Failed);
    }

    void kindNames()
    {
        for (auto kind : {Journal::Kind::Backup, Journal::Kind::Restore, Journal::Kind::Prune}) {
            QCOMPARE(Journal::kindFromName(Journal::kindName(kind)), kind);
        }
        QCOMPARE(Journal::kindName(Journal::Kind::Prune), QStringLiteral("prune"));
        QVERIFY(!Journal::kindFromName(QStringLiteral("Backup")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Repository m_repo;
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
