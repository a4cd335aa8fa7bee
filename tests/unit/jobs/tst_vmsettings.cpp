// Tests VmSettings: what the Backup Settings dialog loads and stores in vm.json. Defaults
// for a VM without a record, a round trip of all three parts, the rest of the record
// kept, the VM's lock honoured, and bad input refused before anything is written.

#include "jobs/vmsettings.h"
#include "repository/repositorylock.h"
#include "repository/vmrecord.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;

namespace {
const QString Uuid = QStringLiteral("0b7e4c1a-3f0d-4d7e-9a57-5c8f2a1d6e01");
} // namespace

class TestVmSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Repository m_repo;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.path() + QStringLiteral("/repo-")
            + QString::number(QRandomGenerator::global()->generate64());
        auto repo = Repository::open(path, Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo.ok());
        m_repo = *repo;
    }

    void defaultsWithoutRecord()
    {
        const auto s = VmSettings::load(m_repo, Uuid);
        QVERIFY(s.ok());
        QCOMPARE(s->schedule.kind(), Schedule::Kind::Off);
        QVERIFY(s->retention.keepsEverything());
        QCOMPARE(s->chain, ChainPolicy());
    }

    void roundTripKeepsTheRestOfTheRecord()
    {
        VmRecord record {Uuid, {}, {}, {}, {}, {}};
        record.noteName(QStringLiteral("web"));
        record.tracking = QJsonObject {{QStringLiteral("pointId"), QStringLiteral("20261126T000000Z")}};
        QVERIFY(m_repo.saveVm(record).ok());

        VmSettings settings;
        settings.schedule = Schedule::weekly({Qt::Monday, Qt::Thursday}, QTime(22, 15));
        settings.retention.keepLast = 3;
        settings.retention.keepDaily = 7;
        settings.retention.keepMonthly = 6;
        settings.chain.maxIncrements = 12;
        settings.chain.maxChainAgeSeconds = 2 * 24 * 3600;
        const Status saved = VmSettings::save(m_repo, Uuid, QStringLiteral("web-renamed"), settings);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));

        const auto loaded = VmSettings::load(m_repo, Uuid);
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == settings);

        const auto after = m_repo.loadVm(Uuid);
        QVERIFY(after.ok());
        QCOMPARE(after->tracking, record.tracking);
        QCOMPARE(after->names.size(), 2);
        QCOMPARE(after->currentName(), QStringLiteral("web-renamed"));
        QCOMPARE(after->schedule.value(QLatin1String("kind")).toString(), QStringLiteral("weekly"));
        QCOMPARE(after->retention.value(QLatin1String("keepDaily")).toInt(), 7);
    }

    void createsARecord()
    {
        VmSettings settings;
        settings.schedule = Schedule::interval(90);
        QVERIFY(VmSettings::save(m_repo, Uuid, QStringLiteral("db"), settings).ok());
        const auto record = m_repo.loadVm(Uuid);
        QVERIFY(record.ok());
        QCOMPARE(record->currentName(), QStringLiteral("db"));
        QCOMPARE(VmSettings::load(m_repo, Uuid)->schedule, Schedule::interval(90));
    }

    void busyWhileAJobHoldsTheLock()
    {
        auto lock = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("db"), QStringLiteral("backup"));
        QVERIFY(lock.ok());
        VmSettings settings;
        settings.retention.keepLast = 1;
        const Status s = VmSettings::save(m_repo, Uuid, QStringLiteral("db"), settings);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Busy);
        QCOMPARE(m_repo.loadVm(Uuid).error().code(), ErrorCode::NotFound);
    }

    void invalidScheduleIsRefusedBeforeWriting()
    {
        VmSettings settings;
        settings.schedule = Schedule::weekly({}, QTime(2, 0));
        const Status s = VmSettings::save(m_repo, Uuid, QStringLiteral("db"), settings);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Usage);
        QVERIFY2(s.error().message().contains(QLatin1String("day")), qPrintable(s.error().message()));
        QCOMPARE(m_repo.loadVm(Uuid).error().code(), ErrorCode::NotFound);
    }

    void unreadableStoredPartIsReported()
    {
        VmRecord record {Uuid, {}, {}, {}, {}, {}};
        record.retention = QJsonObject {{QStringLiteral("keepDaily"), -4}};
        QVERIFY(m_repo.saveVm(record).ok());
        const auto s = VmSettings::load(m_repo, Uuid);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Usage);
        QVERIFY2(s.error().message().contains(QLatin1String("retention")), qPrintable(s.error().message()));
    }

    void readablePartsLoadBesideAnUnreadableOne()
    {
        VmRecord record {Uuid, {}, {}, {}, {}, {}};
        record.schedule = Schedule::interval(45).toJson();
        record.retention = QJsonObject {{QStringLiteral("keepDaily"), -4}};
        record.chain = QJsonObject {{QStringLiteral("maxIncrements"), 5}};
        QVERIFY(m_repo.saveVm(record).ok());
        QList<Error> problems;
        VmSettings::Parts unreadable;
        const auto s = VmSettings::loadReadable(m_repo, Uuid, &problems, &unreadable);
        QVERIFY(s.ok());
        QCOMPARE(s->schedule, Schedule::interval(45));
        QVERIFY(s->retention.keepsEverything());
        QCOMPARE(s->chain.maxIncrements, 5);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message().contains(QLatin1String("retention")),
            qPrintable(problems.first().message()));
        QCOMPARE(unreadable, VmSettings::Parts(VmSettings::Part::Retention));
    }

    void differencesNameTheChangedParts()
    {
        VmSettings a;
        VmSettings b = a;
        QCOMPARE(a.differences(b), VmSettings::Parts());
        b.retention.keepWeekly = 4;
        QCOMPARE(a.differences(b), VmSettings::Parts(VmSettings::Part::Retention));
        b.schedule = Schedule::daily(QTime(3, 0));
        b.chain.maxIncrements = 2;
        QCOMPARE(a.differences(b), VmSettings::AllParts);
    }

    // Saving some parts leaves the others as stored now, not as the caller read them.
    void savingSomePartsKeepsTheOthers()
    {
        VmSettings before;
        before.schedule = Schedule::interval(60);
        before.retention.keepDaily = 7;
        QVERIFY(VmSettings::save(m_repo, Uuid, QStringLiteral("db"), before).ok());
        // Another program changes the retention policy...
        QVERIFY(VmSettings::update(m_repo, Uuid, QString(), QStringLiteral("policy"), [](VmRecord &vm) {
            RetentionPolicy p;
            p.keepWeekly = 4;
            vm.retention = p.toJson();
            return Status();
        }).ok());
        // ...while an editor that read `before` changes the schedule only.
        VmSettings edited = before;
        edited.schedule = Schedule::daily(QTime(3, 30));
        QVERIFY(
            VmSettings::save(m_repo, Uuid, QStringLiteral("db"), edited, before.differences(edited)).ok());
        const auto stored = VmSettings::load(m_repo, Uuid);
        QVERIFY(stored.ok());
        QCOMPARE(stored->schedule, Schedule::daily(QTime(3, 30)));
        QCOMPARE(stored->retention.keepWeekly, 4);
        QCOMPARE(stored->retention.keepDaily, 0);

        // A schedule that is not saved is not validated either.
        VmSettings invalid = *stored;
        invalid.schedule = Schedule::weekly({}, QTime(2, 0));
        invalid.chain.maxIncrements = 3;
        QVERIFY(VmSettings::save(m_repo, Uuid, QStringLiteral("db"), invalid, VmSettings::Part::Chain).ok());
        QCOMPARE(VmSettings::load(m_repo, Uuid)->chain.maxIncrements, 3);
        QCOMPARE(VmSettings::load(m_repo, Uuid)->schedule, Schedule::daily(QTime(3, 30)));
    }

    // update() works on the record as it is under the lock: what the change leaves alone
    // keeps what was stored, also a part that cannot be parsed; a failing change writes
    // nothing.
    void updateChangesOnlyWhatItTouches()
    {
        VmRecord record {Uuid, {}, {}, {}, {}, {}};
        record.noteName(QStringLiteral("db"));
        record.retention = QJsonObject {{QStringLiteral("keepDaily"), -4}}; // unreadable
        record.chain = QJsonObject {{QStringLiteral("maxIncrements"), 5}};
        record.tracking = QJsonObject {{QStringLiteral("pointId"), QStringLiteral("20261126T000000Z")}};
        QVERIFY(m_repo.saveVm(record).ok());

        const Status saved = VmSettings::update(
            m_repo, Uuid, QStringLiteral("db"), QStringLiteral("test"), [](VmRecord &vm) {
                vm.schedule = Schedule::interval(30).toJson();
                return Status();
            });
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        auto after = m_repo.loadVm(Uuid);
        QVERIFY(after.ok());
        QCOMPARE(after->schedule, Schedule::interval(30).toJson());
        QCOMPARE(after->retention, record.retention);
        QCOMPARE(after->chain, record.chain);
        QCOMPARE(after->tracking, record.tracking);

        const Status refused = VmSettings::update(
            m_repo, Uuid, QStringLiteral("db"), QStringLiteral("test"), [](VmRecord &vm) {
                vm.schedule = Schedule::interval(60).toJson();
                return Status(Error(ErrorCode::Usage, QStringLiteral("no")));
            });
        QCOMPARE(refused.error().code(), ErrorCode::Usage);
        QCOMPARE(m_repo.loadVm(Uuid)->schedule, Schedule::interval(30).toJson());

        auto lock = RepositoryLock::acquire(m_repo, Uuid, QStringLiteral("db"), QStringLiteral("backup"));
        QVERIFY(lock.ok());
        bool called = false;
        const Status busy
            = VmSettings::update(m_repo, Uuid, QStringLiteral("db"), QStringLiteral("test"), [&](VmRecord &) {
                  called = true;
                  return Status();
              });
        QCOMPARE(busy.error().code(), ErrorCode::Busy);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestVmSettings)
#include "tst_vmsettings.moc"
