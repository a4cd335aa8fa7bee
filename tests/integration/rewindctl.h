#pragma once

// Runs the real rewindctl binary from the build tree, as a user would: integration tests
// go through the same command line, exit codes and output as people and scripts do, and
// a separate process is what the kill tests need.

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <cstring>

namespace RewindTest {

struct CtlResult
{
    int exitCode = -1; ///< -1 when it crashed or did not end
    int signal = 0; ///< the signal that ended it, when it crashed
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    QString describe() const
    {
        const QString end = signal != 0 ? QStringLiteral("crashed (signal %1: %2)")
                                              .arg(signal)
                                              .arg(QString::fromLocal8Bit(strsignal(signal)))
                                        : QStringLiteral("exit %1").arg(exitCode);
        return QStringLiteral("%1\nstdout: %2\nstderr: %3").arg(end, out, err);
    }
};

/// Set to run a copy of rewindctl elsewhere (a user who cannot enter the build tree).
inline QString &rewindctlOverride()
{
    static QString path;
    return path;
}

inline QString rewindctlPath()
{
    if (!rewindctlOverride().isEmpty()) {
        return rewindctlOverride();
    }
    return qEnvironmentVariable("REWIND_TEST_BINARY_DIR") + QStringLiteral("/src/cli/rewindctl");
}

/// Prepares a QProcess running rewindctl with args; env entries "K=V" are added.
inline void setUpCtl(
    QProcess &p, const QStringList &args, const QStringList &env = {}, const QString &asUser = {})
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env) {
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }
    p.setProcessEnvironment(e);
    if (asUser.isEmpty()) {
        p.setProgram(rewindctlPath());
        p.setArguments(args);
    } else {
        // runuser keeps the environment we set only for what we pass through env(1).
        QStringList full {QStringLiteral("-u"), asUser, QStringLiteral("--"), QStringLiteral("env")};
        full << QStringLiteral("HOME=/home/") + asUser;
        for (const QString &kv : env) {
            full << kv;
        }
        full << rewindctlPath() << args;
        p.setProgram(QStringLiteral("runuser"));
        p.setArguments(full);
    }
}

/// Starts rewindctl with REWIND_FAULT_STALL=state and waits until it stalls at that step
/// (see BackupOperation), so a test can kill it there. False, with what the process
/// printed in *output, when it ended or did not get there in time.
inline bool startStalled(
    QProcess &p, const QStringList &args, const QString &state, QString *output, int timeoutMs = 120000)
{
    setUpCtl(p, args, {QStringLiteral("REWIND_FAULT_STALL=") + state});
    p.start();
    QByteArray err;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
        if (err.contains("stalled at")) {
            return true;
        }
        if (p.state() == QProcess::NotRunning) {
            break;
        }
    }
    *output = QString::fromUtf8(err + p.readAllStandardOutput());
    return false;
}

inline CtlResult runCtl(
    const QStringList &args, const QStringList &env = {}, int timeoutMs = 180000, const QString &asUser = {})
{
    QProcess p;
    setUpCtl(p, args, env, asUser);
    p.start();
    CtlResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("(timed out) ");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (p.exitStatus() == QProcess::CrashExit) {
        r.signal = p.exitCode(); // QProcess gives the signal's number there
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err += QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace RewindTest
