#include "qemuimg.h"

#include "jobs/jobcontrol.h"
#include "logging.h"

#include <QJsonDocument>
#include <QProcess>

namespace Rewind {

namespace {

struct Finished
{
    bool started = false;
    bool cancelled = false;
    int exitCode = -1;
    QString out;
    QString err;
};

Finished runProcess(const QStringList &args, JobControl *control)
{
    Finished f;
    QProcess p;
    // A QProcess inherits the locale; qemu-img's messages go to the log in English anyway.
    p.start(QStringLiteral("qemu-img"), args);
    if (!p.waitForStarted(-1)) {
        f.err = p.errorString();
        return f;
    }
    f.started = true;
    // Poll so a cancel stops a merge of a large image within a fraction of a second.
    while (!p.waitForFinished(200)) {
        if (p.state() == QProcess::NotRunning) {
            break;
        }
        if (control && control->isCancelled()) {
            p.kill();
            p.waitForFinished(-1);
            f.cancelled = true;
            return f;
        }
    }
    f.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    f.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    f.err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    return f;
}

} // namespace

Status QemuImg::run(
    const QStringList &args, const QString &failureMessage, JobControl *control, QString *output)
{
    qCDebug(lcJobs) << "qemu-img" << args;
    const Finished f = runProcess(args, control);
    if (f.cancelled) {
        return control->cancelledError();
    }
    if (!f.started) {
        return Error(ErrorCode::Failed,
            failureMessage + QLatin1Char(' ') + tr("qemu-img could not be started; install qemu-utils."),
            f.err);
    }
    if (f.exitCode != 0) {
        const bool noSpace = f.err.contains(QLatin1String("No space left"));
        return Error(noSpace ? ErrorCode::NoSpace : ErrorCode::Failed, failureMessage,
            QStringLiteral("qemu-img %1: exit %2: %3")
                .arg(args.value(0))
                .arg(f.exitCode)
                .arg(f.err.left(500)));
    }
    if (output) {
        *output = f.out;
    }
    return {};
}

Result<QJsonObject> QemuImg::info(const QString &path)
{
    QString out;
    const Status s
        = run({QStringLiteral("info"), QStringLiteral("-U"), QStringLiteral("--output=json"), path},
            tr("Could not read the image %1.").arg(path), nullptr, &out);
    if (!s) {
        return s.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
    if (!doc.isObject()) {
        return Error(ErrorCode::Failed, tr("Could not read the image %1.").arg(path),
            QStringLiteral("qemu-img info printed no JSON object"));
    }
    return doc.object();
}

Status QemuImg::compare(const QString &first, const QString &firstFormat, const QString &second,
    const QString &secondFormat, JobControl *control)
{
    const QStringList args {QStringLiteral("compare"), QStringLiteral("-q"), QStringLiteral("-f"),
        firstFormat, QStringLiteral("-F"), secondFormat, first, second};
    const Finished f = runProcess(args, control);
    if (f.cancelled) {
        return control->cancelledError();
    }
    if (f.started && f.exitCode == 0) {
        return {};
    }
    // Exit 1 means "different content"; anything else is a failure to read either one.
    if (f.started && f.exitCode == 1) {
        return Error(ErrorCode::Damaged,
            tr("The merged image %1 does not show the same data as %2; nothing was changed. Run rewindctl "
               "verify and report this problem.")
                .arg(second, first));
    }
    return Error(ErrorCode::Failed, tr("Could not compare %1 with %2.").arg(first, second),
        QStringLiteral("qemu-img compare: exit %1: %2").arg(f.exitCode).arg(f.err.left(500)));
}

} // namespace Rewind
