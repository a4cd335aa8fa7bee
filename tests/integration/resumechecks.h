#pragma once

// What a guest restored with its RAM must show, shared by the restore tests.

#include "rewindctl.h"
#include "testguest.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTest>

namespace RewindTest {

// The records the guest wrote after it was restored: the log goes on with the original
// run until the VM is stopped, then the resumed run starts again at a lower counter.
inline QList<TestGuest::Record> resumedRun(const QList<TestGuest::Record> &records, qsizetype mark)
{
    for (qsizetype i = std::max<qsizetype>(mark, 1); i < records.size(); ++i) {
        if (records.at(i).counter < records.at(i - 1).counter) {
            return records.mid(i);
        }
    }
    return {};
}

// Waits up to 30 s for the restored guest to write at least count records after mark.
// When it does not, *failure says so with the guest's diagnostics (a kernel fault report,
// the tails of its logs), so the test that restored it reports why.
inline QList<TestGuest::Record> waitForResumedRun(
    const TestGuest &g, qsizetype mark, qsizetype count, QString *failure)
{
    QDeadlineTimer deadline(30000);
    QList<TestGuest::Record> run;
    while ((run = resumedRun(g.serialRecords(), mark)).size() < count) {
        if (deadline.hasExpired()) {
            *failure = QStringLiteral("the guest did not run on after the restore\n") + g.diagnostics();
            break;
        }
        QTest::qWait(50);
    }
    return run;
}

// What a resumed guest must show. It counts, writes the record to disk, then echoes it on
// the serial port; if the capture fell between the disk write of N and its echo, the
// resumed guest echoes N first. Either way: N or N+1, same boot, consecutive from there.
inline QString checkContinuation(const QList<TestGuest::Record> &run, const TestGuest::Record &stored)
{
    if (run.isEmpty()) {
        return QStringLiteral("no resumed records");
    }
    const TestGuest::Record &first = run.first();
    if (first.bootId != stored.bootId) {
        return QStringLiteral("rebooted: first record %1, stored %2")
            .arg(first.toString(), stored.toString());
    }
    if (first.counter != stored.counter + 1 && first.counter != stored.counter) {
        return QStringLiteral("resumed at %1, stored disk says %2").arg(first.toString(), stored.toString());
    }
    for (qsizetype i = 1; i < run.size(); ++i) {
        if (run.at(i).counter != run.at(i - 1).counter + 1 || run.at(i).bootId != stored.bootId) {
            return QStringLiteral("gap after %1: %2").arg(run.at(i - 1).toString(), run.at(i).toString());
        }
    }
    return {};
}

// A restored guest whose kernel faulted right after it resumed has two possible causes: a
// RAM image that holds a wrong page (stored so by the backup, or read back wrongly), or a
// fault of the resume itself. The same point restored once more tells them apart: a bad
// image faults again, a resume that failed once runs on. Runs rewindctl with restoreArgs
// (the failed restore's own) when g's kernel reported a fault and returns what happened,
// to be appended to the failure; empty when there was no fault. It never passes a test:
// the first restore failed either way.
inline QString restoreOnceMoreAfterFault(
    const TestGuest &g, const TestGuest::Record &stored, const QStringList &restoreArgs)
{
    if (g.kernelCrashReport().isEmpty()) {
        return {};
    }
    const QString heading = QStringLiteral("\n--- the same point restored once more: ");
    // The faulted kernel may still be writing its report (a panic prints for a while on a
    // slow guest): what it writes after offset would pass for a fault of the second run.
    // Wait until the log stands still for 300 ms, or 10 s at most.
    qint64 offset = QFileInfo(g.serialLogPath()).size();
    for (QDeadlineTimer quiet(10000); !quiet.hasExpired();) {
        QTest::qWait(300);
        const qint64 now = QFileInfo(g.serialLogPath()).size();
        if (now == offset) {
            break;
        }
        offset = now;
    }
    const qsizetype mark = g.serialRecords().size();
    const CtlResult r = runCtl(restoreArgs);
    if (r.exitCode != 0) {
        return heading + QStringLiteral("the restore failed ---\n") + r.describe();
    }
    // The second run starts at the point's record or the one after it; the guest that
    // faulted may have written records past the mark before the restore stopped it. A
    // second of records (the faults seen came before the first) before it is called sound.
    constexpr qsizetype SoundRun = 10;
    QList<TestGuest::Record> run;
    QDeadlineTimer deadline(30000);
    while (run.size() < SoundRun && !deadline.hasExpired()) {
        QTest::qWait(100);
        const QList<TestGuest::Record> after = g.serialRecords().mid(mark);
        for (qsizetype i = after.size() - 1; i >= 0; --i) {
            const int c = after.at(i).counter;
            if (after.at(i).bootId == stored.bootId && (c == stored.counter || c == stored.counter + 1)) {
                run = after.mid(i);
                break;
            }
        }
    }
    QFile log(g.serialLogPath());
    const QString fault = log.open(QIODevice::ReadOnly) && log.seek(offset)
        ? TestGuest::kernelCrashReport(log.readAll())
        : QString();
    if (!fault.isEmpty()) {
        return heading + QStringLiteral("the kernel faulted again: the RAM image is suspect ---\n") + fault;
    }
    if (run.size() < SoundRun) {
        return heading
            + QStringLiteral("the guest ran %1 records on, then stopped without a fault report ---\n")
                  .arg(run.size());
    }
    const QString problem = checkContinuation(run, stored);
    return heading
        + (problem.isEmpty() ? QStringLiteral("the guest ran on from %1: the image is sound, the first "
                                              "resume failed ---\n")
                                   .arg(run.first().toString())
                             : QStringLiteral("the guest ran on, but wrongly: %1 ---\n").arg(problem));
}

// For a failed continuation check: the serial log as written from byte offset on, up to a
// few lines past the first record whose counter went back (where the resumed run starts),
// and the history records around the stored one on the point's disk. Together they tell a
// disk that lacks a record its RAM had from a resumed record lost in the log.
inline QString continuationContext(
    const TestGuest &guest, qint64 serialOffset, const QString &pointImage, const TestGuest::Record &stored)
{
    QString out = QStringLiteral("\n--- serial log from the restore on ---\n");
    QFile log(guest.serialLogPath());
    if (log.open(QIODevice::ReadOnly) && log.seek(serialOffset)) {
        const QList<QByteArray> lines = log.readAll().split('\n');
        int previous = -1;
        int after = -1;
        for (qsizetype i = 0; i < lines.size() && i < 200 && after != 0; ++i) {
            out += QString::fromLatin1(lines.at(i)).trimmed() + QLatin1Char('\n');
            const auto records = TestGuest::parseSerialText(lines.at(i) + '\n');
            const int counter = records.isEmpty() ? -1 : records.constLast().counter;
            if (after > 0) {
                --after;
            } else if (counter >= 0 && counter < previous) {
                after = 3;
            }
            previous = counter >= 0 ? counter : previous;
        }
    }
    QString error;
    const auto history = TestGuest::readDiskHistory(pointImage, stored.counter + 2, {}, &error);
    out += QStringLiteral("--- history on the point's disk %1 ---\n").arg(error);
    for (qsizetype i = std::max<qsizetype>(0, stored.counter - 3); i < history.size(); ++i) {
        out += history.at(i).toString() + QLatin1Char('\n');
    }
    return out;
}

} // namespace RewindTest
