#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace Rewind {

/// Incremental SHA-256 of every stored file; addZeros() hashes holes from a static zero
/// block (there is no shortcut through SHA-256 for zeros, but no allocation either).
///
/// It uses OpenSSL's libcrypto when the build finds it, and QCryptographicHash otherwise.
/// Measured on the development machine (x86-64 with SHA extensions, 512 MiB in 8 MiB
/// blocks): QCryptographicHash (Qt 6.4, portable C) 250 MB/s, OpenSSL 3 1950 MB/s. At
/// 250 MB/s the hash, not the disk, limits a copy, and the holes of a sparse image must
/// be hashed too (a 100 GiB image that holds 5 GiB still hashes 100 GiB), so the faster
/// backend matters.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, qint64 size);
    /// Hashes size zero bytes (a hole) without the caller allocating them.
    void addZeros(qint64 size);
    /// The digest; the object cannot take more data afterwards.
    QByteArray result();
    /// The digest in lower-case hex, as sha256sum prints it.
    QString hexResult();

    /// "OpenSSL" or "QCryptographicHash", for the log and the benchmark.
    static QString backendName();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Rewind
