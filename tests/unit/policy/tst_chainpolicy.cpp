// Tests of ChainPolicy: when a new full point is needed, and the JSON form.

#include "policy/chainpolicy.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::ChainPolicy)

namespace {

const QDateTime T0(QDate(2024, 6, 1), QTime(2, 0), QTimeZone::utc());
constexpr qint64 Week = 7 * 24 * 3600;

} // namespace

class TestChainPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void needsFullPoint_data();
    void needsFullPoint();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
};

void TestChainPolicy::needsFullPoint_data()
{
    QTest::addColumn<ChainPolicy>("policy");
    QTest::addColumn<int>("increments");
    QTest::addColumn<QDateTime>("lastFull");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("expected");

    const ChainPolicy defaults; // 24 increments, 7 days
    QTest::newRow("fresh chain") << defaults << 0 << T0 << T0.addSecs(3600) << false;
    QTest::newRow("23 increments") << defaults << 23 << T0 << T0.addSecs(3600) << false;
    QTest::newRow("24 increments: the chain is full") << defaults << 24 << T0 << T0.addSecs(3600) << true;
    QTest::newRow("more increments than allowed") << defaults << 100 << T0 << T0.addSecs(3600) << true;
    QTest::newRow("age just under 7 days") << defaults << 5 << T0 << T0.addSecs(Week - 1) << false;
    QTest::newRow("age exactly 7 days") << defaults << 5 << T0 << T0.addSecs(Week) << false;
    QTest::newRow("age over 7 days") << defaults << 5 << T0 << T0.addSecs(Week + 1) << true;
    QTest::newRow("no full point yet") << defaults << 0 << QDateTime() << T0 << true;
    QTest::newRow("clock set back") << defaults << 1 << T0 << T0.addSecs(-60) << true;
    QTest::newRow("negative increments") << defaults << -1 << T0 << T0.addSecs(60) << true;
    QTest::newRow("no now") << defaults << 1 << T0 << QDateTime() << true;
    QTest::newRow("now in another zone")
        << defaults << 1 << T0 << T0.addSecs(3600).toTimeZone(QTimeZone(QByteArray("Asia/Tokyo"))) << false;
    QTest::newRow("maxIncrements 0: every point is full")
        << ChainPolicy {.maxIncrements = 0} << 0 << T0 << T0.addSecs(60) << true;
    QTest::newRow("maxChainAgeSeconds 0, same instant")
        << ChainPolicy {.maxChainAgeSeconds = 0} << 0 << T0 << T0 << false;
    QTest::newRow("maxChainAgeSeconds 0, later")
        << ChainPolicy {.maxChainAgeSeconds = 0} << 0 << T0 << T0.addSecs(1) << true;
    QTest::newRow("a long chain of many increments")
        << ChainPolicy {.maxIncrements = 1000, .maxChainAgeSeconds = 30 * 24 * 3600} << 999 << T0
        << T0.addSecs(29 * 24 * 3600) << false;
}

void TestChainPolicy::needsFullPoint()
{
    QFETCH(ChainPolicy, policy);
    QFETCH(int, increments);
    QFETCH(QDateTime, lastFull);
    QFETCH(QDateTime, now);
    QFETCH(bool, expected);

    QCOMPARE(policy.needsFullPoint(increments, lastFull, now), expected);
}

void TestChainPolicy::jsonRoundTrip_data()
{
    QTest::addColumn<ChainPolicy>("policy");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("defaults") << ChainPolicy {}
                              << QByteArray(R"({"maxChainAgeSeconds":604800,"maxIncrements":24})");
    QTest::newRow("custom") << ChainPolicy {.maxIncrements = 0, .maxChainAgeSeconds = 86400}
                            << QByteArray(R"({"maxChainAgeSeconds":86400,"maxIncrements":0})");
}

void TestChainPolicy::jsonRoundTrip()
{
    QFETCH(ChainPolicy, policy);
    QFETCH(QByteArray, json);

    QCOMPARE(QJsonDocument(policy.toJson()).toJson(QJsonDocument::Compact), json);
    const Result<ChainPolicy> parsed = ChainPolicy::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QCOMPARE(*parsed, policy);

    const Result<ChainPolicy> empty = ChainPolicy::fromJson(QJsonObject());
    QVERIFY(empty);
    QCOMPARE(*empty, ChainPolicy {});
    const Result<ChainPolicy> partial = ChainPolicy::fromJson(QJsonObject {{"maxIncrements", 6}});
    QVERIFY(partial);
    QCOMPARE(*partial, ChainPolicy {.maxIncrements = 6});
}

void TestChainPolicy::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative increments") << QByteArray(
        R"({"maxIncrements": -1})") << R"(Backup chain settings: "maxIncrements" must be 0 or more, not -1.)";
    QTest::newRow("age as text")
        << QByteArray(R"({"maxChainAgeSeconds": "7d"})")
        << R"(Backup chain settings: "maxChainAgeSeconds" must be a whole number such as 1, not "7d".)";
    QTest::newRow("fractional increments")
        << QByteArray(R"({"maxIncrements": 2.5})")
        << R"(Backup chain settings: "maxIncrements" must be a whole number such as 1, not 2.5.)";
    QTest::newRow("age too large")
        << QByteArray(R"({"maxChainAgeSeconds": 1e300})")
        << R"(Backup chain settings: "maxChainAgeSeconds" must be at most 9007199254740991, not 1e+300.)";
    QTest::newRow("misspelt key")
        << QByteArray(R"({"maxIncrement": 5})")
        << R"(Backup chain settings: Unknown setting "maxIncrement"; check its spelling. )"
           R"(Valid settings are "maxIncrements", "maxChainAgeSeconds".)";
}

void TestChainPolicy::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const Result<ChainPolicy> parsed = ChainPolicy::fromJson(document.object());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), ErrorCode::Usage);
    QCOMPARE(parsed.error().message(), message);
}

QTEST_GUILESS_MAIN(TestChainPolicy)
#include "tst_chainpolicy.moc"
