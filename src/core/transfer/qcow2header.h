#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace Rewind {

/// The backing file reference of a qcow2 image, rewritten in its header cluster in
/// memory: what `qemu-img rebase -u` does to a file, done to the first buffer of a copy
/// instead. An increment is a copy of the VM's frozen overlay whose backing file must
/// become the previous point's image; rewriting the header while copying makes that one
/// pass (copy, hash, store) instead of a copy, a qemu-img process and a second hash.
///
/// The header cluster is rebuilt the way QEMU writes it: the fixed header unchanged, the
/// backing format extension first, the other extensions in their order, the end marker,
/// the backing file name, zeros to the end of the cluster (QEMU keeps nothing else in
/// it). Images with an external data file or encryption are refused: their extensions
/// are kept, but nothing here was checked against them.
class Qcow2Header
{
    Q_DECLARE_TR_FUNCTIONS(Qcow2Header)

public:
    /// head holds the first size bytes of a qcow2 image (at least its first cluster);
    /// on success its first cluster names backingFile (a path as qemu-img -b takes it,
    /// relative to the image's folder or absolute) in backingFormat. Fails, with head
    /// unchanged, when it is not a qcow2 header this can rewrite.
    static Status setBackingFile(
        char *head, qint64 size, const QString &backingFile, const QString &backingFormat);
};

} // namespace Rewind
