// Tests Sha256: known vectors, the zero fast path against real zero bytes, and chunking.

#include "transfer/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Rewind;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("SHA-256 backend: %s", qPrintable(Sha256::backendName())); }

    void vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty") << QByteArray()
                               << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    }

    void vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, hex);
        Sha256 h;
        h.addData(input.constData(), input.size());
        QCOMPARE(h.hexResult(), hex);
        QCOMPARE(h.result(), QByteArray::fromHex(hex.toLatin1()));
    }

    void zeros_data()
    {
        QTest::addColumn<qint64>("size");
        for (qint64 size : {qint64(0), qint64(1), qint64(63), qint64(64), qint64(1 << 20),
                 qint64((1 << 20) + 1), qint64(3 * (1 << 20) + 5)}) {
            QTest::newRow(qPrintable(QString::number(size))) << size;
        }
    }

    void zeros()
    {
        QFETCH(qint64, size);
        const QByteArray prefix("prefix");
        Sha256 fast;
        fast.addData(prefix.constData(), prefix.size());
        fast.addZeros(size);
        fast.addData(prefix.constData(), prefix.size());
        QCryptographicHash reference(QCryptographicHash::Sha256);
        reference.addData(prefix);
        reference.addData(QByteArray(size, '\0'));
        reference.addData(prefix);
        QCOMPARE(fast.result(), reference.result());
    }

    void chunking()
    {
        QByteArray data(1000003, Qt::Uninitialized);
        for (char &c : data) {
            c = char(QRandomGenerator::global()->bounded(256));
        }
        Sha256 whole;
        whole.addData(data.constData(), data.size());
        Sha256 pieces;
        qint64 pos = 0;
        for (qint64 step = 1; pos < data.size(); step = step * 3 + 1) {
            const qint64 n = qMin(step, qint64(data.size()) - pos);
            pieces.addData(data.constData() + pos, n);
            pos += n;
        }
        QCOMPARE(pieces.hexResult(), whole.hexResult());
        QCOMPARE(whole.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
