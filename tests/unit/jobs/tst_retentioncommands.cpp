// Tests rewindctl policy, schedule, prune, delete, protect and unprotect as a user runs them, on synthetic
// repositories and libvirt's test driver: output, JSON, exit codes, and that refused input
// changes nothing; and that the listings (points, prune, verify, list) line up in columns.

#include "prunefixture.h"
#include "rewindctl.h"

#include "jobs/vmsettings.h"
#include "repository/vmrecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Rewind;
using namespace PruneTest;
using RewindTest::CtlResult;
using RewindTest::runCtl;

namespace {

QStringList common(const SyntheticRepo &r)
{
    return {
        QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"), r.path()};
}

QJsonObject storedRetention(const SyntheticRepo &r, const QString &uuid = VmUuid)
{
    auto record = r.repo().loadVm(uuid);
    return record ? record->retention : QJsonObject {{QStringLiteral("error"), true}};
}

} // namespace

class TestRetentionCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyShowAndSet()
    {
        SyntheticRepo r;
        CtlResult show = runCtl(common(r) << QStringLiteral("policy") << VmName);
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        QVERIFY2(show.out.contains(QLatin1String("no retention policy")), qPrintable(show.describe()));

        const CtlResult set = runCtl(common(r)
            << QStringLiteral("policy") << VmName << QStringLiteral("--keep-last") << QStringLiteral("2")
            << QStringLiteral("--keep-daily") << QStringLiteral("7") << QStringLiteral("--json"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const QJsonObject policy = set.json().object().value(QLatin1String("policy")).toObject();
        QCOMPARE(policy.value(QLatin1String("keepLast")).toInt(), 2);
        QCOMPARE(policy.value(QLatin1String("keepDaily")).toInt(), 7);
        QCOMPARE(storedRetention(r), policy);

        // Rules not given keep their value; 0 turns one off.
        const CtlResult change = runCtl(common(r)
            << QStringLiteral("policy") << VmName << QStringLiteral("--keep-daily") << QStringLiteral("0"));
        QVERIFY2(change.exitCode == 0, qPrintable(change.describe()));
        QVERIFY2(change.out.contains(QLatin1String("keep-last 2")), qPrintable(change.describe()));
        QCOMPARE(storedRetention(r).value(QLatin1String("keepLast")).toInt(), 2);
        QCOMPARE(storedRetention(r).value(QLatin1String("keepDaily")).toInt(), 0);

        show = runCtl(common(r) << QStringLiteral("policy") << VmName);
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        QVERIFY2(show.out.contains(QLatin1String("keep-last")) && show.out.contains(QLatin1String("2")),
            qPrintable(show.describe()));
    }

    void policyValidation_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative") << QStringList {QStringLiteral("--keep-daily"), QStringLiteral("-1")} << 2
                                  << QStringLiteral("--keep-daily needs a whole number");
        QTest::newRow("word") << QStringList {QStringLiteral("--keep-weekly"), QStringLiteral("four")} << 2
                              << QStringLiteral("--keep-weekly needs a whole number");
        QTest::newRow("fraction") << QStringList {QStringLiteral("--keep-last"), QStringLiteral("1.5")} << 2
                                  << QStringLiteral("'1.5'");
        QTest::newRow("too large") << QStringList {QStringLiteral("--keep-yearly"),
            QStringLiteral("99999999999")}
                                   << 2 << QStringLiteral("--keep-yearly");
        QTest::newRow("missing value")
            << QStringList {QStringLiteral("--keep-monthly")} << 2 << QStringLiteral("keep-monthly");
        QTest::newRow("option of another command")
            << QStringList {QStringLiteral("--dry-run")} << 2 << QStringLiteral("does not apply");
    }

    void policyValidation()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        SyntheticRepo r;
        QVERIFY(r.setPolicy({{QStringLiteral("keepDaily"), 3}}));
        const QJsonObject before = storedRetention(r);
        const CtlResult result = runCtl(common(r) << QStringLiteral("policy") << VmName << args);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), qPrintable(result.describe()));
        QCOMPARE(storedRetention(r), before);
    }

    void policyBeforeTheFirstBackup()
    {
        // test:///default has a domain "test" with no backups yet: its policy can be set.
        SyntheticRepo r;
        const CtlResult set = runCtl(common(r)
            << QStringLiteral("policy") << QStringLiteral("test") << QStringLiteral("--keep-last")
            << QStringLiteral("4") << QStringLiteral("--json"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const QString uuid = set.json().object().value(QLatin1String("uuid")).toString();
        QCOMPARE(storedRetention(r, uuid).value(QLatin1String("keepLast")).toInt(), 4);
        QCOMPARE(r.repo().loadVm(uuid)->currentName(), QStringLiteral("test"));

        const CtlResult unknown = runCtl(common(r) << QStringLiteral("policy") << QStringLiteral("no such vm")
                                                   << QStringLiteral("--keep-last") << QStringLiteral("4"));
        QCOMPARE(unknown.exitCode, int(ErrorCode::NotFound));
    }

    // rewindctl schedule writes what the desktop scheduler reads (VmSettings), and keeps
    // the retention policy beside it.
    void scheduleShowAndSet()
    {
        SyntheticRepo r;
        QVERIFY(r.setPolicy({{QStringLiteral("keepDaily"), 3}}));
        CtlResult show = runCtl(common(r) << QStringLiteral("schedule") << VmName);
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        QVERIFY2(
            show.out.contains(QLatin1String("not backed up on a schedule")), qPrintable(show.describe()));

        const CtlResult set = runCtl(common(r)
            << QStringLiteral("schedule") << VmName << QStringLiteral("--weekly") << QStringLiteral("Mon,thu")
            << QStringLiteral("--at") << QStringLiteral("22:15") << QStringLiteral("--json"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const Schedule expected = Schedule::weekly({Qt::Monday, Qt::Thursday}, QTime(22, 15));
        QCOMPARE(set.json().object().value(QLatin1String("schedule")).toObject(), expected.toJson());
        const QDateTime next = QDateTime::fromString(
            set.json().object().value(QLatin1String("nextRun")).toString(), Qt::ISODate);
        QVERIFY(next.isValid());
        QVERIFY(next.toLocalTime().date().dayOfWeek() == Qt::Monday
            || next.toLocalTime().date().dayOfWeek() == Qt::Thursday);
        QCOMPARE(next.toLocalTime().time(), QTime(22, 15));
        auto stored = VmSettings::load(r.repo(), VmUuid);
        QVERIFY(stored.ok());
        QCOMPARE(stored->schedule, expected);
        QCOMPARE(stored->retention.keepDaily, 3);
        // Left as it was stored, not rewritten.
        QCOMPARE(storedRetention(r), (QJsonObject {{QStringLiteral("keepDaily"), 3}}));

        show = runCtl(common(r) << QStringLiteral("schedule") << VmName);
        QVERIFY2(show.out.contains(QLatin1String("22:15")) && show.out.contains(QLatin1String("Next backup")),
            qPrintable(show.describe()));

        const CtlResult berlin = runCtl(common(r)
            << QStringLiteral("schedule") << VmName << QStringLiteral("--daily") << QStringLiteral("7:05")
            << QStringLiteral("--time-zone") << QStringLiteral("Europe/Berlin"));
        QVERIFY2(berlin.exitCode == 0, qPrintable(berlin.describe()));
        Schedule daily = Schedule::daily(QTime(7, 5));
        daily.setTimeZone(QTimeZone("Europe/Berlin"));
        QCOMPARE(VmSettings::load(r.repo(), VmUuid)->schedule, daily);

        const CtlResult hourly = runCtl(common(r)
            << QStringLiteral("schedule") << VmName << QStringLiteral("--every") << QStringLiteral("60"));
        QVERIFY2(hourly.exitCode == 0, qPrintable(hourly.describe()));
        QVERIFY2(hourly.out.contains(QLatin1String("Every hour")), qPrintable(hourly.describe()));
        QCOMPARE(VmSettings::load(r.repo(), VmUuid)->schedule, Schedule::interval(60));

        const CtlResult off
            = runCtl(common(r) << QStringLiteral("schedule") << VmName << QStringLiteral("--off"));
        QVERIFY2(off.exitCode == 0, qPrintable(off.describe()));
        QCOMPARE(VmSettings::load(r.repo(), VmUuid)->schedule, Schedule::off());
    }

    // The schedule is read and written on its own: a retention policy that cannot be read
    // neither stops it nor is overwritten by it.
    void scheduleBesideAnUnreadablePolicy()
    {
        SyntheticRepo r;
        auto record = r.repo().loadVm(VmUuid);
        QVERIFY(record.ok());
        const QJsonObject broken {{QStringLiteral("keepDaily"), -4}};
        record->retention = broken;
        QVERIFY(r.repo().saveVm(*record).ok());

        const CtlResult set = runCtl(common(r)
            << QStringLiteral("schedule") << VmName << QStringLiteral("--daily") << QStringLiteral("22:30"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const CtlResult show = runCtl(common(r) << QStringLiteral("schedule") << VmName);
        QVERIFY2(
            show.exitCode == 0 && show.out.contains(QLatin1String("22:30")), qPrintable(show.describe()));
        auto after = r.repo().loadVm(VmUuid);
        QVERIFY(after.ok());
        QCOMPARE(after->schedule, Schedule::daily(QTime(22, 30)).toJson());
        QCOMPARE(after->retention, broken);

        // The policy command still reports it, and setting rules replaces it.
        const CtlResult policy = runCtl(common(r) << QStringLiteral("policy") << VmName);
        QCOMPARE(policy.exitCode, int(ErrorCode::Damaged));
        const CtlResult fix = runCtl(common(r)
            << QStringLiteral("policy") << VmName << QStringLiteral("--keep-daily") << QStringLiteral("7"));
        QVERIFY2(fix.exitCode == 0, qPrintable(fix.describe()));
        QVERIFY2(fix.err.contains(QLatin1String("was invalid")), qPrintable(fix.describe()));
        QCOMPARE(storedRetention(r).value(QLatin1String("keepDaily")).toInt(), 7);
        QCOMPARE(storedRetention(r).value(QLatin1String("keepLast")).toInt(), 0);
        // Now readable: no warning.
        const CtlResult again = runCtl(common(r)
            << QStringLiteral("policy") << VmName << QStringLiteral("--keep-last") << QStringLiteral("2"));
        QVERIFY2(again.exitCode == 0 && !again.err.contains(QLatin1String("invalid")),
            qPrintable(again.describe()));
        QCOMPARE(storedRetention(r).value(QLatin1String("keepDaily")).toInt(), 7);
        QCOMPARE(r.repo().loadVm(VmUuid)->schedule, Schedule::daily(QTime(22, 30)).toJson());
    }

    void scheduleValidation_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero minutes")
            << QStringList {QStringLiteral("--every"), QStringLiteral("0")} << QStringLiteral("from 1 to");
        QTest::newRow("words") << QStringList {QStringLiteral("--every"), QStringLiteral("hourly")}
                               << QStringLiteral("--every needs a number of minutes");
        QTest::newRow("bad time") << QStringList {QStringLiteral("--daily"), QStringLiteral("25:00")}
                                  << QStringLiteral("HH:MM");
        QTest::newRow("bad day") << QStringList {QStringLiteral("--weekly"), QStringLiteral("mon,xyz"),
            QStringLiteral("--at"), QStringLiteral("22:00")}
                                 << QStringLiteral("'mon,xyz'");
        QTest::newRow("weekly without time") << QStringList {QStringLiteral("--weekly"),
            QStringLiteral("mon")} << QStringLiteral("--at HH:MM");
        QTest::newRow("two kinds") << QStringList {QStringLiteral("--every"), QStringLiteral("60"),
            QStringLiteral("--off")}
                                   << QStringLiteral("one of");
        QTest::newRow("unknown zone") << QStringList {QStringLiteral("--daily"), QStringLiteral("22:00"),
            QStringLiteral("--time-zone"), QStringLiteral("Mars/Base")}
                                      << QStringLiteral("Unknown time zone");
        QTest::newRow("zone alone") << QStringList {QStringLiteral("--time-zone"), QStringLiteral("UTC")}
                                    << QStringLiteral("--daily or --weekly");
    }

    void scheduleValidation()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        SyntheticRepo r;
        const CtlResult set = runCtl(common(r)
            << QStringLiteral("schedule") << VmName << QStringLiteral("--daily") << QStringLiteral("02:30"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const CtlResult result = runCtl(common(r) << QStringLiteral("schedule") << VmName << args);
        QCOMPARE(result.exitCode, int(ErrorCode::Usage));
        QVERIFY2(result.err.contains(message), qPrintable(result.describe()));
        QCOMPARE(VmSettings::load(r.repo(), VmUuid)->schedule, Schedule::daily(QTime(2, 30)));
    }

    void pruneDryRunThenPrune()
    {
        SyntheticRepo r;
        const QString golden = r.addRawPoint(true);
        const QString old = r.addRawPoint();
        const QString newest = r.addRawPoint();
        QVERIFY(r.setPolicy({{QStringLiteral("keepLast"), 1}}));
        const QStringList before = r.snapshot();

        const CtlResult dry
            = runCtl(common(r) << QStringLiteral("prune") << VmName << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        const QStringList lines = dry.out.split(QLatin1Char('\n'));
        auto lineOf = [&](const QString &id) {
            for (const QString &l : lines) {
                if (l.startsWith(id)) {
                    return l;
                }
            }
            return QString();
        };
        QVERIFY2(lineOf(golden).contains(QLatin1String("keep"))
                && lineOf(golden).contains(QLatin1String("golden")),
            qPrintable(dry.out));
        QVERIFY2(lineOf(old).contains(QLatin1String("prune")), qPrintable(dry.out));
        QVERIFY2(lineOf(newest).contains(QLatin1String("last #1")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String("Would prune 1 of 3 points")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String("keep-last 1")), qPrintable(dry.out));
        QCOMPARE(r.snapshot(), before);

        const CtlResult json = runCtl(common(r)
            << QStringLiteral("prune") << VmName << QStringLiteral("--dry-run") << QStringLiteral("--json"));
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QJsonObject o = json.json().object();
        QVERIFY(o.value(QLatin1String("dryRun")).toBool());
        QCOMPARE(o.value(QLatin1String("removed")).toArray(), QJsonArray {old});
        const QJsonArray points = o.value(QLatin1String("points")).toArray();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.at(0).toObject().value(QLatin1String("reasons")).toArray(),
            QJsonArray {QStringLiteral("golden")});
        QCOMPARE(points.at(1).toObject().value(QLatin1String("keep")).toBool(), false);
        QCOMPARE(points.at(2).toObject().value(QLatin1String("reasons")).toArray(),
            QJsonArray {QStringLiteral("last #1")});
        QCOMPARE(r.snapshot(), before);

        const CtlResult real = runCtl(common(r) << QStringLiteral("prune") << VmName);
        QVERIFY2(real.exitCode == 0, qPrintable(real.describe()));
        QVERIFY2(real.out.contains(QLatin1String("Pruned 1 of 3 points")), qPrintable(real.out));
        QCOMPARE(r.pointIds(), (QStringList {golden, newest}));

        const CtlResult again = runCtl(common(r) << QStringLiteral("prune") << VmName);
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QVERIFY2(again.out.contains(QLatin1String("Nothing to prune")), qPrintable(again.out));

        const CtlResult unknown
            = runCtl(common(r) << QStringLiteral("prune") << QStringLiteral("no such vm"));
        QCOMPARE(unknown.exitCode, int(ErrorCode::NotFound));

        // A repository folder that does not exist: the message says how to give one.
        const CtlResult noRepo = runCtl(
            {QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"),
                r.path() + QStringLiteral("/missing"), QStringLiteral("prune"), VmName});
        QCOMPARE(noRepo.exitCode, int(ErrorCode::NotFound));
        QVERIFY2(
            noRepo.err.contains(QLatin1String("--repo DIR")) && noRepo.err.contains(r.path() + "/missing"),
            qPrintable(noRepo.describe()));
        QVERIFY(!QFileInfo::exists(r.path() + QStringLiteral("/missing")));

        // On a drive that is not mounted: the message says to mount it, and a backup,
        // which creates a missing repository, creates nothing.
        const QString drive = r.path() + QStringLiteral("/drive");
        QVERIFY(QDir().mkpath(drive));
        QFile fstab(r.path() + QStringLiteral("/fstab"));
        QVERIFY(fstab.open(QIODevice::WriteOnly));
        fstab.write("LABEL=backup " + QFile::encodeName(drive) + " ext4 noauto 0 2\n");
        fstab.close();
        const QStringList env {QStringLiteral("REWIND_FSTAB=") + fstab.fileName()};
        for (const QString &command : {QStringLiteral("prune"), QStringLiteral("backup")}) {
            const CtlResult away = runCtl(
                {QStringLiteral("--connect"), QStringLiteral("test:///default"), QStringLiteral("--repo"),
                    drive + QStringLiteral("/rewind"), command, QStringLiteral("test")},
                env);
            QCOMPARE(away.exitCode, int(ErrorCode::NotFound));
            QVERIFY2(away.err.contains(drive) && away.err.contains(QLatin1String("not mounted")),
                qPrintable(away.describe()));
            QVERIFY(!QFileInfo::exists(drive + QStringLiteral("/rewind")));
        }
    }

    // Two points in one second have ids of different widths ("...Z", "...Z-2"); the
    // listings of points, of a prune and of a verify still line up in columns.
    void listingsLineUp()
    {
        SyntheticRepo r;
        const QString first = r.addRawPoint(true);
        r.nextPointAtSameTime();
        const QString second = r.addRawPoint();
        const QString third = r.addRawPoint();
        QCOMPARE(second, first + QStringLiteral("-2"));
        QVERIFY(r.setPolicy({{QStringLiteral("keepLast"), 1}}));

        // Where the column after the point id starts, in each line that names a point.
        const auto columnStarts = [](const QString &output, const QStringList &ids) {
            QList<qsizetype> starts;
            for (const QString &line : output.split(QLatin1Char('\n'))) {
                const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                const auto id = std::find_if(
                    words.cbegin(), words.cend(), [&ids](const QString &w) { return ids.contains(w); });
                if (id != words.cend()) {
                    qsizetype at = line.indexOf(*id + QLatin1Char(' ')) + id->size();
                    while (at < line.size() && line.at(at) == QLatin1Char(' ')) {
                        ++at;
                    }
                    starts.append(at);
                }
            }
            return starts;
        };
        const QStringList ids {first, second, third};
        for (const QStringList &command : {QStringList {QStringLiteral("points"), VmName},
                 QStringList {QStringLiteral("prune"), VmName, QStringLiteral("--dry-run")},
                 QStringList {QStringLiteral("verify"), VmName}}) {
            const CtlResult listed = runCtl(common(r) << command);
            QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
            const QList<qsizetype> starts = columnStarts(listed.out, ids);
            QCOMPARE(starts.size(), 3);
            QVERIFY2(starts.at(0) == starts.at(1) && starts.at(1) == starts.at(2), qPrintable(listed.out));
            QVERIFY2(
                !listed.out.contains(QLatin1String(" \n")), qPrintable(listed.out)); // no trailing spaces
        }
    }

    // rewindctl list: the head line of each VM (defined or removed) lines up with the
    // others whatever the names' widths.
    void listLinesUp()
    {
        SyntheticRepo r; // its VM has a point and is defined nowhere: listed as removed
        QVERIFY(!r.addRawPoint().isEmpty());
        QTemporaryDir nodeDir;
        QByteArray xml("<node>");
        for (const char *name : {"a", "a-vm-with-a-much-longer-name"}) {
            xml += QByteArray("<domain type='test'><name>") + name
                + "</name><memory>65536</memory><os><type>hvm</type></os></domain>";
        }
        QFile node(nodeDir.filePath(QStringLiteral("node.xml")));
        QVERIFY(node.open(QIODevice::WriteOnly) && node.write(xml + "</node>") > 0);
        node.close();

        const CtlResult listed
            = runCtl({QStringLiteral("--connect"), QStringLiteral("test://") + node.fileName(),
                QStringLiteral("--repo"), r.path(), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"));
        QList<qsizetype> starts;
        for (const QString &line : listed.out.split(QLatin1Char('\n'))) {
            if (!line.isEmpty() && !line.startsWith(QLatin1Char(' '))) {
                starts.append(uuid.match(line).capturedStart());
            }
        }
        QCOMPARE(starts.size(), 3);
        QVERIFY2(starts.at(0) > 0 && starts.at(0) == starts.at(1) && starts.at(1) == starts.at(2),
            qPrintable(listed.out));
    }

    void deleteChosenPoints()
    {
        SyntheticRepo r;
        const QString f0 = r.addFullPoint({{0x11, 0, 1024}});
        const QString i1 = r.addIncrementalPoint(f0, {{0x22, 0, 64}});
        const QString i2 = r.addIncrementalPoint(i1, {{0x33, 64, 64}});
        const QStringList before = r.snapshot();

        const CtlResult dry = runCtl(common(r) << QStringLiteral("delete") << VmName << i1
                                               << QStringLiteral("--dry-run") << QStringLiteral("--json"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QCOMPARE(dry.json().object().value(QLatin1String("removed")).toArray(), QJsonArray {i1});
        QCOMPARE(dry.json().object().value(QLatin1String("merged")).toArray(), QJsonArray {i2});
        QCOMPARE(r.snapshot(), before);

        // The text names what goes and what takes in its data, and nothing else.
        const CtlResult real = runCtl(common(r) << QStringLiteral("delete") << VmName << i1);
        QVERIFY2(real.exitCode == 0, qPrintable(real.describe()));
        const QStringList lines = real.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(i1) && lines.at(0).contains(QLatin1String("delete")),
            qPrintable(real.out));
        QVERIFY2(lines.at(1).startsWith(i2) && lines.at(1).contains(QLatin1String("builds on ") + f0),
            qPrintable(real.out));
        QVERIFY2(lines.at(2).startsWith(QLatin1String("Deleted 1 point of 'web'")), qPrintable(real.out));
        QCOMPARE(r.pointIds(), (QStringList {f0, i2}));
        QCOMPARE(r.manifest(i2)->parentId, f0);

        // "latest", a golden point, an unknown one; a refusal changes nothing.
        QCOMPARE(runCtl(common(r) << QStringLiteral("protect") << VmName << f0).exitCode, 0);
        const QStringList kept = r.snapshot();
        const CtlResult golden = runCtl(common(r) << QStringLiteral("delete") << VmName << f0);
        QCOMPARE(golden.exitCode, int(ErrorCode::Conflict));
        QVERIFY2(golden.err.contains(QLatin1String("unprotect")), qPrintable(golden.describe()));
        QCOMPARE(runCtl(common(r) << QStringLiteral("delete") << VmName << QStringLiteral("20200101T000000Z"))
                     .exitCode,
            int(ErrorCode::NotFound));
        QCOMPARE(runCtl(common(r) << QStringLiteral("delete") << VmName).exitCode, int(ErrorCode::Usage));
        QCOMPARE(r.snapshot(), kept);
        const CtlResult latest
            = runCtl(common(r) << QStringLiteral("delete") << VmName << QStringLiteral("latest"));
        QVERIFY2(latest.exitCode == 0, qPrintable(latest.describe()));
        QCOMPARE(r.pointIds(), QStringList {f0});
    }

    void protectAndUnprotect()
    {
        SyntheticRepo r;
        const QString first = r.addRawPoint();
        const QString latest = r.addRawPoint();

        CtlResult res = runCtl(common(r)
            << QStringLiteral("protect") << VmName << QStringLiteral("latest") << QStringLiteral("--json"));
        QVERIFY2(res.exitCode == 0, qPrintable(res.describe()));
        QCOMPARE(res.json().object().value(QLatin1String("point")).toString(), latest);
        QVERIFY(r.manifest(latest)->isProtected);

        res = runCtl(common(r) << QStringLiteral("protect") << VmName << first);
        QVERIFY2(res.exitCode == 0, qPrintable(res.describe()));
        QVERIFY2(res.out.contains(QLatin1String("golden")), qPrintable(res.describe()));
        QVERIFY(r.manifest(first)->isProtected);

        res = runCtl(common(r) << QStringLiteral("unprotect") << VmName << first);
        QVERIFY2(res.exitCode == 0, qPrintable(res.describe()));
        QVERIFY(!r.manifest(first)->isProtected);
        QVERIFY(r.manifest(latest)->isProtected);

        const QStringList before = r.snapshot();
        QCOMPARE(
            runCtl(common(r) << QStringLiteral("protect") << VmName << QStringLiteral("yesterday")).exitCode,
            int(ErrorCode::Usage));
        QCOMPARE(
            runCtl(common(r) << QStringLiteral("protect") << VmName << QStringLiteral("20200101T000000Z"))
                .exitCode,
            int(ErrorCode::NotFound));
        QCOMPARE(runCtl(common(r) << QStringLiteral("protect") << QStringLiteral("no such vm")
                                  << QStringLiteral("latest"))
                     .exitCode,
            int(ErrorCode::NotFound));
        QCOMPARE(runCtl(common(r) << QStringLiteral("protect") << VmName).exitCode, int(ErrorCode::Usage));
        QCOMPARE(r.snapshot(), before);
    }
};

QTEST_GUILESS_MAIN(TestRetentionCommands)
#include "tst_retentioncommands.moc"
