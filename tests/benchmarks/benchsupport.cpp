#include "benchsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

#include <sys/stat.h>

namespace RewindBench {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString rewindctl()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../../src/cli/rewindctl");
}

Run runTimed(const QString &program, const QStringList &args, const QStringList &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env) {
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }
    p.setProcessEnvironment(e);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    Run r;
    if (!p.waitForStarted()) {
        // Not a run: waitForFinished() would return false at once, for ever.
        r.seconds = t.nsecsElapsed() / 1e9;
        r.exitCode = -1;
        r.err = p.errorString();
        err() << "bench: cannot start " << program << ": " << r.err << Qt::endl;
        return r;
    }
    const QString status = QStringLiteral("/proc/%1/status").arg(p.processId());
    while (p.state() != QProcess::NotRunning && !p.waitForFinished(20)) {
        QFile f(status);
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (line.startsWith("VmHWM:")) {
                    r.peakRssKiB
                        = std::max(r.peakRssKiB, line.mid(6).trimmed().split(' ').first().toLongLong());
                }
            }
        }
    }
    r.seconds = t.nsecsElapsed() / 1e9;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    if (r.exitCode != 0) {
        err() << "bench: " << program << " " << args.join(QLatin1Char(' ')) << " failed: " << r.err
              << Qt::endl;
    }
    return r;
}

Rewind::Result<Rewind::PointManifest> manifestOf(const Run &r)
{
    return Rewind::PointManifest::fromJson(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("manifest")).toObject());
}

double median(QList<double> v)
{
    if (v.isEmpty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

qint64 allocatedBytes(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : 0;
}

QString fmt(double v, int prec)
{
    return QString::number(v, 'f', prec);
}

QString machineLine()
{
    return QStringLiteral("Machine: %1, %2 cores, %3, QEMU TCG guests. Date: %4.")
        .arg(QSysInfo::prettyProductName())
        .arg(QThread::idealThreadCount())
        .arg(QSysInfo::currentCpuArchitecture(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

void printReport(const QString &report, const QString &outFile)
{
    QTextStream(stdout) << report;
    if (!outFile.isEmpty()) {
        QFile f(outFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(report.toUtf8()) < 0) {
            err() << "bench: cannot write " << outFile << ": " << f.errorString() << Qt::endl;
        }
    }
}

} // namespace RewindBench
