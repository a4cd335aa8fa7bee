// The RAII handles, the blocking wrappers and the error value, against libvirt's
// built-in test driver (test:///default: one running domain "test", no daemon).

#include "libvirt/domain.h"
#include "libvirt/handle.h"
#include "workers.h"

#include <QTest>
#include <QtConcurrent>

using namespace Rewind;
using namespace Rewind::Libvirt;

namespace {
// Wrappers refuse the main thread (strict threading); tests call them in a worker and
// wait by spinning the event loop: QFuture::waitForFinished() on this thread could run
// the task right here, inline.
template<typename F>
void inWorker(F &&f)
{
    auto future = QtConcurrent::run(Workers::libvirtPool(), std::forward<F>(f));
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
}
} // namespace

class TestLibvirtWrappers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handleRefcounting()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///default"));
            QVERIFY(conn.ok());
            auto dom = Domain::lookup(*conn, QStringLiteral("test"));
            QVERIFY(dom.ok());
            DomainHandle copy = dom->handle();
            QVERIFY(copy.get() == dom->get());
            DomainHandle moved = std::move(copy);
            QVERIFY(!copy);
            QVERIFY(moved.get() == dom->get());
            moved.reset();
            QVERIFY(!moved);
            // The original reference is still valid after the copies are gone.
            QCOMPARE(dom->name(), QStringLiteral("test"));
        });
    }

    void lookupByNameAndUuid()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///default"));
            QVERIFY(conn.ok());
            auto byName = Domain::lookup(*conn, QStringLiteral("test"));
            QVERIFY(byName.ok());
            auto byUuid = Domain::lookup(*conn, byName->uuid());
            QVERIFY(byUuid.ok());
            QCOMPARE(byUuid->name(), QStringLiteral("test"));
        });
    }

    void unknownDomainIsNotFound()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///default"));
            QVERIFY(conn.ok());
            auto missing = Domain::lookup(*conn, QStringLiteral("no such vm 'ü'"));
            QVERIFY(!missing.ok());
            QCOMPARE(missing.error().code(), ErrorCode::NotFound);
            QVERIFY(missing.error().message().contains(QStringLiteral("no such vm 'ü'")));
            QVERIFY(!missing.error().detail().isEmpty()); // libvirt's own text
            QVERIFY(missing.error().libvirtCode() != 0);
        });
    }

    void badUriIsConnectionError()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///nonexistent/file.xml"));
            QVERIFY(!conn.ok());
            QCOMPARE(conn.error().code(), ErrorCode::Connection);
            QVERIFY(conn.error().message().contains(QStringLiteral("test:///nonexistent/file.xml")));
        });
    }

    void infoAndStateChanges()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///default"));
            QVERIFY(conn.ok());
            auto dom = Domain::lookup(*conn, QStringLiteral("test"));
            QVERIFY(dom.ok());
            auto info = dom->info();
            QVERIFY(info.ok());
            QCOMPARE(info->state, DomainState::Running);
            QVERIFY(info->persistent);
            QCOMPARE(info->disks.size(), 1);
            QVERIFY(dom->suspend().ok());
            QCOMPARE(*dom->state(), DomainState::Paused);
            QVERIFY(dom->resume().ok());
            QCOMPARE(*dom->state(), DomainState::Running);
            // Resuming a running domain is refused by libvirt with a typed error.
            const Status again = dom->resume();
            QVERIFY(!again.ok());
            QVERIFY(!again.error().detail().isEmpty());
        });
    }

    void defineAndListAll()
    {
        inWorker([] {
            auto conn = openConnection(QStringLiteral("test:///default"));
            QVERIFY(conn.ok());
            const QString xml = QStringLiteral("<domain type='test'><name>vm with spaces \"q\" "
                                               "é</name><memory>65536</memory><os><type>hvm</type></os>"
                                               "</domain>");
            auto defined = Domain::defineXml(*conn, xml);
            QVERIFY2(defined.ok(), defined.ok() ? "" : qPrintable(defined.error().toString()));
            auto all = Domain::listAll(*conn);
            QVERIFY(all.ok());
            QStringList names;
            for (const auto &d : std::as_const(*all)) {
                names << d.name();
            }
            QVERIFY(names.contains(QStringLiteral("vm with spaces \"q\" é")));
            QCOMPARE(*defined->state(), DomainState::ShutOff);
            QVERIFY(defined->undefine().ok());
        });
    }

    void errorFromErrno()
    {
        QCOMPARE(Error::fromErrno(ENOSPC, QStringLiteral("x")).code(), ErrorCode::NoSpace);
        QCOMPARE(Error::fromErrno(EACCES, QStringLiteral("x")).code(), ErrorCode::Permission);
        QCOMPARE(Error::fromErrno(ENOENT, QStringLiteral("x")).code(), ErrorCode::NotFound);
        QCOMPARE(Error::fromErrno(EIO, QStringLiteral("x")).code(), ErrorCode::Io);
        QVERIFY(Error::fromErrno(EIO, QStringLiteral("x")).toString().contains(QStringLiteral("x (")));
    }
};

QTEST_GUILESS_MAIN(TestLibvirtWrappers)
#include "tst_libvirtwrappers.moc"
