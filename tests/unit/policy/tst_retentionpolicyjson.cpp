// Tests of RetentionPolicy's JSON form: the round trip and the validation messages.

#include "policy/retentionpolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace Rewind;

Q_DECLARE_METATYPE(Rewind::RetentionPolicy)

class TestRetentionPolicyJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
};

void TestRetentionPolicyJson::jsonRoundTrip_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << RetentionPolicy {}
                           << QByteArray(R"({"keepDaily":0,"keepHourly":0,"keepLast":0,"keepMonthly":0,)"
                                         R"("keepWeekly":0,"keepYearly":0})");
    QTest::newRow("all") << RetentionPolicy {.keepLast = 1,
        .keepHourly = 2,
        .keepDaily = 3,
        .keepWeekly = 4,
        .keepMonthly = 5,
        .keepYearly = 6}
                         << QByteArray(R"({"keepDaily":3,"keepHourly":2,"keepLast":1,"keepMonthly":5,)"
                                       R"("keepWeekly":4,"keepYearly":6})");
}

void TestRetentionPolicyJson::jsonRoundTrip()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QByteArray, json);

    QCOMPARE(QJsonDocument(policy.toJson()).toJson(QJsonDocument::Compact), json);
    const Result<RetentionPolicy> parsed = RetentionPolicy::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QCOMPARE(*parsed, policy);

    const Result<RetentionPolicy> partial = RetentionPolicy::fromJson(QJsonObject {{"keepWeekly", 4}});
    QVERIFY(partial);
    QCOMPARE(*partial, RetentionPolicy {.keepWeekly = 4});
}

void TestRetentionPolicyJson::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative") << QByteArray(R"({"keepDaily": -1})")
                              << R"(Retention policy: "keepDaily" must be 0 or more, not -1.)";
    QTest::newRow("text") << QByteArray(R"({"keepDaily": "7"})")
                          << R"(Retention policy: "keepDaily" must be a whole number such as 1, not "7".)";
    QTest::newRow("fraction")
        << QByteArray(R"({"keepWeekly": 1.5})")
        << R"(Retention policy: "keepWeekly" must be a whole number such as 1, not 1.5.)";
    QTest::newRow("bool") << QByteArray(R"({"keepLast": true})")
                          << R"(Retention policy: "keepLast" must be a whole number such as 1, not true.)";
    QTest::newRow("null") << QByteArray(R"({"keepLast": null})")
                          << R"(Retention policy: "keepLast" must be a whole number such as 1, not null.)";
    QTest::newRow("list")
        << QByteArray(R"({"keepYearly": [1]})")
        << R"(Retention policy: "keepYearly" must be a whole number such as 1, not a list.)";
    QTest::newRow("too large")
        << QByteArray(R"({"keepHourly": 3000000000})")
        << R"(Retention policy: "keepHourly" must be at most 2147483647, not 3000000000.)";
    QTest::newRow("misspelt key")
        << QByteArray(R"({"keepDayly": 7})")
        << R"(Retention policy: Unknown setting "keepDayly"; check its spelling. Valid settings are "keepLast", )"
           R"("keepHourly", "keepDaily", "keepWeekly", "keepMonthly", "keepYearly".)";
}

void TestRetentionPolicyJson::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const Result<RetentionPolicy> parsed = RetentionPolicy::fromJson(document.object());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), ErrorCode::Usage);
    QCOMPARE(parsed.error().message(), message);
}

QTEST_GUILESS_MAIN(TestRetentionPolicyJson)
#include "tst_retentionpolicyjson.moc"
