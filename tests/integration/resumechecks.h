#pragma once

// What a guest restored with its RAM must show, shared by the restore tests.

#include "testguest.h"

#include <QList>
#include <QString>

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

} // namespace RewindTest
