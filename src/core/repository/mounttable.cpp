#include "mounttable.h"

#include <QDir>
#include <QFile>

namespace Rewind {

namespace {

// Both tables write a space, tab, newline or backslash in a path as a three-digit octal
// escape (\040 for a space).
QString unescaped(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == '\\' && i + 3 < field.size() && field.at(i + 1) >= '0' && field.at(i + 1) <= '3') {
            bool ok = false;
            const int c = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out.append(char(c));
                i += 3;
                continue;
            }
        }
        out.append(field.at(i));
    }
    return QDir::cleanPath(QFile::decodeName(out));
}

// The whitespace-separated field at index of each line that is not a comment.
QStringList column(const QByteArray &text, int index)
{
    QStringList out;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#')) {
            continue;
        }
        const QList<QByteArray> fields = trimmed.simplified().split(' ');
        if (fields.size() > index) {
            out.append(unescaped(fields.at(index)));
        }
    }
    return out;
}

bool contains(const QString &dir, const QString &path)
{
    return dir == QLatin1String("/") || path == dir || path.startsWith(dir + QLatin1Char('/'));
}

QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

MountTable MountTable::current()
{
    const QString fstab = qEnvironmentVariableIsSet("REWIND_FSTAB") ? qEnvironmentVariable("REWIND_FSTAB")
                                                                    : QStringLiteral("/etc/fstab");
    // /proc/self/mountinfo and not /proc/mounts: the mount namespace of this process.
    return fromText(readAll(fstab), readAll(QStringLiteral("/proc/self/mountinfo")));
}

MountTable MountTable::fromText(const QByteArray &fstab, const QByteArray &mountinfo)
{
    MountTable t;
    // fstab(5): device, mount point, type, ...; swap and "none" have no folder.
    for (const QString &dir : column(fstab, 1)) {
        if (dir.startsWith(QLatin1Char('/')) && dir != QLatin1String("/")) {
            t.m_fstab.append(dir);
        }
    }
    // mountinfo: id, parent id, major:minor, root, mount point, ...
    t.m_mounted = column(mountinfo, 4);
    return t;
}

QString MountTable::unmountedFstabMountPointFor(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    QString deepest;
    for (const QString &dir : m_fstab) {
        if (contains(dir, clean) && dir.size() > deepest.size()) {
            deepest = dir;
        }
    }
    return m_mounted.contains(deepest) ? QString() : deepest;
}

QString MountTable::unmountedRemovableRootFor(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    static const QStringList roots {QStringLiteral("/media"), QStringLiteral("/run/media")};
    for (const QString &root : roots) {
        if (!clean.startsWith(root + QLatin1Char('/'))) {
            continue;
        }
        for (const QString &dir : m_mounted) {
            if (dir.startsWith(root + QLatin1Char('/')) && contains(dir, clean)) {
                return {};
            }
        }
        return root;
    }
    return {};
}

} // namespace Rewind
