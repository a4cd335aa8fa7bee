#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace Rewind {

class JobControl;

/// The few qemu-img calls that rewrite stored images (prune merges) and inspect them.
/// qemu-img is the reference implementation of qcow2: merging backing chains with it
/// keeps every image readable by the same standard tools a user restores with.
/// Blocking; worker threads only.
class QemuImg
{
    Q_DECLARE_TR_FUNCTIONS(QemuImg)

public:
    /// Runs qemu-img with args and waits for it. When control is cancelled the process is
    /// killed and Cancelled returned. On failure the error carries failureMessage and
    /// qemu-img's own words as detail. *output receives stdout when given.
    static Status run(const QStringList &args, const QString &failureMessage, JobControl *control = nullptr,
        QString *output = nullptr);

    /// `qemu-img info --output=json` of one image (without its chain). -U: a read-only
    /// look must not fail because another reader holds the image.
    static Result<QJsonObject> info(const QString &path);

    /// True when both images show the guest the same content (`qemu-img compare`), each
    /// read through its own backing chain. Damaged when they differ.
    static Status compare(const QString &first, const QString &firstFormat, const QString &second,
        const QString &secondFormat, JobControl *control = nullptr);
};

} // namespace Rewind
