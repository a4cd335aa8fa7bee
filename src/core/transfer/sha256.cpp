#include "sha256.h"

#ifdef REWIND_HAVE_OPENSSL
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

#include <algorithm>

namespace Rewind {

namespace {

// Zero-initialised and never written, so it lives in .bss and costs no memory until read,
// and then only the kernel's shared zero page.
constexpr qint64 ZeroBlockSize = 1 << 20;
char zeroBlock[ZeroBlockSize];

} // namespace

#ifdef REWIND_HAVE_OPENSSL

struct Sha256::Private
{
    EVP_MD_CTX *ctx = nullptr;
    QByteArray digest;
};

Sha256::Sha256() : d(std::make_unique<Private>())
{
    d->ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(d->ctx);
}

void Sha256::addData(const char *data, qint64 size)
{
    EVP_DigestUpdate(d->ctx, data, static_cast<size_t>(size));
}

QByteArray Sha256::result()
{
    if (d->digest.isEmpty()) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(d->ctx, md, &length);
        d->digest = QByteArray(reinterpret_cast<const char *>(md), static_cast<qsizetype>(length));
    }
    return d->digest;
}

QString Sha256::backendName()
{
    return QStringLiteral("OpenSSL");
}

#else

struct Sha256::Private
{
    QCryptographicHash hash {QCryptographicHash::Sha256};
    QByteArray digest;
};

Sha256::Sha256() : d(std::make_unique<Private>())
{ }

Sha256::~Sha256() = default;

void Sha256::addData(const char *data, qint64 size)
{
    d->hash.addData(QByteArrayView(data, size));
}

QByteArray Sha256::result()
{
    if (d->digest.isEmpty()) {
        d->digest = d->hash.result();
    }
    return d->digest;
}

QString Sha256::backendName()
{
    return QStringLiteral("QCryptographicHash");
}

#endif

void Sha256::addZeros(qint64 size)
{
    while (size > 0) {
        const qint64 n = std::min(size, ZeroBlockSize);
        addData(zeroBlock, n);
        size -= n;
    }
}

QString Sha256::hexResult()
{
    return QString::fromLatin1(result().toHex());
}

} // namespace Rewind
