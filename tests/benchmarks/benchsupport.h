#pragma once

// Helpers the benchmark programs share: timing a process, medians, sizes on disk and the
// Markdown report with the machine and date the numbers belong to.

#include "repository/pointmanifest.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace RewindBench {

/// Diagnostics go to stderr; stdout carries only the report.
QTextStream &err();

/// The rewindctl built with this benchmark (build/src/cli/rewindctl).
QString rewindctl();

/// One finished process: exit code, wall time, peak resident set and its output.
struct Run
{
    int exitCode = -1;
    double seconds = 0;
    qint64 peakRssKiB = 0;
    QString out;
    QString err;
};

/// Runs a program, timing it and sampling its peak resident set (VmHWM) until it exits.
/// env: extra "NAME=value" entries. A failure is also reported on err().
Run runTimed(const QString &program, const QStringList &args, const QStringList &env = {});

/// The manifest in `rewindctl backup --json` output.
Rewind::Result<Rewind::PointManifest> manifestOf(const Run &r);

double median(QList<double> v);

/// Disk space a file takes (st_blocks): what a sparse image really costs.
qint64 allocatedBytes(const QString &path);

QString fmt(double v, int prec = 2);

/// "Machine: <os>, <n> cores, <arch>, QEMU TCG guests. Date: <UTC>." for the report.
QString machineLine();

/// Prints the report on stdout and, unless outFile is empty, writes it there too.
void printReport(const QString &report, const QString &outFile);

} // namespace RewindBench
