#pragma once

// How much of a file the page cache holds, for tests of what a copy leaves cached.

#include <QFile>
#include <QString>

#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace RewindTest {

/// The pages of [offset, offset + length) of the open file fd that are in the page cache;
/// -1 when that cannot be told. offset must be a multiple of the page size.
inline qint64 residentPages(int fd, qint64 offset, qint64 length)
{
    if (length <= 0) {
        return 0;
    }
    void *map = ::mmap(nullptr, size_t(length), PROT_READ, MAP_SHARED, fd, offset);
    if (map == MAP_FAILED) {
        return -1;
    }
    const long page = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> vec(size_t((length + page - 1) / page));
    const int rc = ::mincore(map, size_t(length), vec.data());
    ::munmap(map, size_t(length));
    if (rc != 0) {
        return -1;
    }
    qint64 resident = 0;
    for (const unsigned char v : vec) {
        resident += v & 1;
    }
    return resident;
}

/// The pages of the whole file at path that are in the page cache; -1 when that cannot
/// be told.
inline qint64 residentPages(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? residentPages(f.handle(), 0, f.size()) : -1;
}

} // namespace RewindTest
