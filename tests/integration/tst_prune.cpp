// Retention against a real libvirtd and a real QEMU guest: backups of a running guest, a
// golden point, a policy set with rewindctl policy, a dry run that says what goes and why
// and changes nothing, a prune that removes exactly that, and points that still verify.
// A prune while a backup of the VM runs is refused; a dry run is not.

#include "rewindctl.h"
#include "testguest.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace RewindTest;

namespace {

QStringList idsOf(const QJsonArray &points)
{
    QStringList ids;
    for (const auto &p : points) {
        ids << p.toObject().value(QLatin1String("id")).toString();
    }
    return ids;
}

QJsonObject pointIn(const QJsonArray &points, const QString &id)
{
    for (const auto &p : points) {
        if (p.toObject().value(QLatin1String("id")).toString() == id) {
            return p.toObject();
        }
    }
    return {};
}

QStringList toStrings(const QJsonValue &array)
{
    QStringList out;
    for (const auto &v : array.toArray()) {
        out << v.toString();
    }
    return out;
}

} // namespace

class TestPrune : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGuest> m_guest;
    QTemporaryDir m_dir;
    qint64 m_lastBackupSecond = 0;

    QString repo() const { return m_dir.path() + QStringLiteral("/repo"); }

    QStringList common() const
    {
        return {QStringLiteral("--connect"), TestGuest::uri(), QStringLiteral("--repo"), repo()};
    }

    QString pointDir(const QString &pointId) const
    {
        return repo() + QLatin1Char('/') + m_guest->uuid() + QLatin1Char('/') + pointId;
    }

    // keep-last counts points of different seconds (borg's --keep-secondly), so each
    // backup starts in a second of its own.
    QString backup(const QStringList &extra)
    {
        while (QDateTime::currentSecsSinceEpoch() <= m_lastBackupSecond) {
            QTest::qWait(50);
        }
        const CtlResult r = runCtl(
            common() << QStringLiteral("backup") << m_guest->name() << extra << QStringLiteral("--json"));
        m_lastBackupSecond = QDateTime::currentSecsSinceEpoch();
        if (r.exitCode != 0) {
            qWarning().noquote() << r.describe();
            return {};
        }
        return r.json().object().value(QLatin1String("pointId")).toString();
    }

    QStringList pointIds()
    {
        const CtlResult r
            = runCtl(common() << QStringLiteral("points") << m_guest->name() << QStringLiteral("--json"));
        return r.exitCode == 0 ? idsOf(r.json().array()) : QStringList {QStringLiteral("(error)")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_guest = std::make_unique<TestGuest>();
        QString error;
        QVERIFY2(m_guest->create(&error), qPrintable(error));
        QVERIFY2(m_guest->waitForBoot(90000, &error), qPrintable(error));
    }

    void policyDryRunAndPrune()
    {
        TestGuest &g = *m_guest;
        const QString first = backup({});
        const QString second = backup({QStringLiteral("--disk-only")});
        const QString third = backup({QStringLiteral("--disk-only")});
        const QString newest = backup({QStringLiteral("--disk-only")});
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty() && !newest.isEmpty());

        CtlResult r = runCtl(common() << QStringLiteral("protect") << g.name() << first);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = runCtl(common() << QStringLiteral("policy") << g.name() << QStringLiteral("--keep-last")
                            << QStringLiteral("1"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = runCtl(common() << QStringLiteral("policy") << g.name() << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json()
                     .object()
                     .value(QLatin1String("policy"))
                     .toObject()
                     .value(QLatin1String("keepLast"))
                     .toInt(),
            1);

        // The dry run says what goes and why the rest stays, and changes nothing.
        const QStringList all {first, second, third, newest};
        QCOMPARE(pointIds(), all);
        const CtlResult dry = runCtl(common() << QStringLiteral("prune") << g.name()
                                              << QStringLiteral("--dry-run") << QStringLiteral("--json"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        const QJsonObject plan = dry.json().object();
        QVERIFY(plan.value(QLatin1String("dryRun")).toBool());
        QCOMPARE(toStrings(plan.value(QLatin1String("removed"))), (QStringList {second, third}));
        const QJsonArray decisions = plan.value(QLatin1String("points")).toArray();
        QCOMPARE(idsOf(decisions), all);
        QCOMPARE(toStrings(pointIn(decisions, first).value(QLatin1String("reasons"))),
            QStringList {QStringLiteral("golden")});
        QCOMPARE(toStrings(pointIn(decisions, newest).value(QLatin1String("reasons"))),
            QStringList {QStringLiteral("last #1")});
        QCOMPARE(pointIn(decisions, second).value(QLatin1String("keep")).toBool(), false);
        QCOMPARE(pointIn(decisions, third).value(QLatin1String("keep")).toBool(), false);

        const CtlResult text
            = runCtl(common() << QStringLiteral("prune") << g.name() << QStringLiteral("--dry-run"));
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QLatin1String("Would prune 2 of 4 points")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("golden")), qPrintable(text.out));
        QCOMPARE(pointIds(), all);
        for (const QString &id : all) {
            QVERIFY(QDir(pointDir(id)).exists());
        }

        // The real prune removes exactly what the dry run named.
        const CtlResult pruned
            = runCtl(common() << QStringLiteral("prune") << g.name() << QStringLiteral("--json"));
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.describe()));
        QCOMPARE(
            toStrings(pruned.json().object().value(QLatin1String("removed"))), (QStringList {second, third}));
        QCOMPARE(pointIds(), (QStringList {first, newest}));
        QVERIFY(!QDir(pointDir(second)).exists());
        QVERIFY(!QDir(pointDir(third)).exists());
        QVERIFY(QFile::exists(pointDir(first) + QStringLiteral("/memory.zst")));

        const CtlResult verify
            = runCtl(common() << QStringLiteral("verify") << g.name() << QStringLiteral("--json"));
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        QCOMPARE(verify.json().array().size(), 2);
        for (const auto &v : verify.json().array()) {
            QVERIFY2(v.toObject().value(QLatin1String("ok")).toBool(), qPrintable(verify.out));
        }

        // A prune only touches the repository: the guest ran on throughout.
        QCOMPARE(g.state(), int(VIR_DOMAIN_RUNNING));
        QString error;
        QVERIFY2(g.waitForCounter(g.latestSerialRecord().counter + 2, 30000, &error), qPrintable(error));
    }

    void pruneDuringBackupIsRefused()
    {
        TestGuest &g = *m_guest;
        QProcess p;
        QString childOut;
        QVERIFY2(
            startStalled(p, common() << QStringLiteral("backup") << g.name() << QStringLiteral("--disk-only"),
                QStringLiteral("copying"), &childOut),
            qPrintable(childOut));
        const QStringList before
            = QDir(repo() + QLatin1Char('/') + g.uuid()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);

        const CtlResult busy = runCtl(common() << QStringLiteral("prune") << g.name());
        QCOMPARE(busy.exitCode, 5); // Busy
        QVERIFY2(busy.err.contains(g.name()), qPrintable(busy.describe()));
        // Reading is fine: the backup's unfinished point is not part of the plan.
        const CtlResult dry = runCtl(common() << QStringLiteral("prune") << g.name()
                                              << QStringLiteral("--dry-run") << QStringLiteral("--json"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QCOMPARE(dry.json().object().value(QLatin1String("points")).toArray().size(), 2);
        QCOMPARE(
            QDir(repo() + QLatin1Char('/') + g.uuid()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), before);

        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        const CtlResult after
            = runCtl(common() << QStringLiteral("prune") << g.name() << QStringLiteral("--json"));
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
        QVERIFY2(after.err.contains(QLatin1String("Repaired an interrupted backup")),
            qPrintable(after.describe()));
        QCOMPARE(pointIds().size(), 2);
        const CtlResult verify = runCtl(common() << QStringLiteral("verify") << g.name());
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    }
};

QTEST_GUILESS_MAIN(TestPrune)
#include "tst_prune.moc"
