#include "pointmanifest.h"

#include "pointid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

namespace Rewind {

namespace {

// Keys of manifest.json. Kept here, once, because the reader names them in its errors.
namespace Key {
constexpr QLatin1String Format("format");
constexpr QLatin1String DomainName("domainName");
constexpr QLatin1String DomainUuid("domainUuid");
constexpr QLatin1String DomainXml("domainXml");
constexpr QLatin1String Created("created");
constexpr QLatin1String Method("method");
constexpr QLatin1String Kind("kind");
constexpr QLatin1String Parent("parent");
constexpr QLatin1String Disks("disks");
constexpr QLatin1String Target("target");
constexpr QLatin1String SourceFormat("sourceFormat");
constexpr QLatin1String OriginalPath("originalPath");
constexpr QLatin1String File("file");
constexpr QLatin1String StoredFormat("storedFormat");
constexpr QLatin1String VirtualSize("virtualSize");
constexpr QLatin1String StoredSize("storedSize");
constexpr QLatin1String AllocatedSize("allocatedSize");
constexpr QLatin1String Sha256("sha256");
constexpr QLatin1String BackingFile("backingFile");
constexpr QLatin1String Memory("memory");
constexpr QLatin1String RawSize("rawSize");
constexpr QLatin1String Compression("compression");
constexpr QLatin1String Nvram("nvram");
constexpr QLatin1String GuestPauseMs("guestPauseMs");
constexpr QLatin1String RewindVersion("rewindVersion");
constexpr QLatin1String Protected("protected");
constexpr QLatin1String Notes("notes");
} // namespace Key

// Doubles represent integers exactly up to 2^53; larger sizes (8 PiB) do not occur.
constexpr double MaxExactInteger = 9007199254740992.0;

bool isSha256Hex(const QString &s)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
    return pattern.match(s).hasMatch();
}

// A stored file name is a plain name inside the point directory: verify and restore
// join it to the point's path, so it must not be able to point anywhere else.
bool isPlainFileName(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".")
        && name != QLatin1String("..") && !name.contains(QChar(0));
}

// A backing file is a sibling in the same point or "../<point-id>/<name>".
bool isBackingFileName(const QString &name)
{
    if (isPlainFileName(name)) {
        return true;
    }
    const QStringList parts = name.split(QLatin1Char('/'));
    return parts.size() == 3 && parts.at(0) == QLatin1String("..") && PointId::isValid(parts.at(1))
        && isPlainFileName(parts.at(2));
}

// Reads typed fields and remembers the first problem, so the parser reads straight
// through and reports exactly one field: the first that is wrong.
class FieldReader
{
public:
    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }

    void fail(const QString &field, const QString &problem)
    {
        if (m_error) {
            return;
        }
        m_error = Error(ErrorCode::Damaged,
            PointManifest::tr("The point manifest is damaged: the field '%1' %2. Verify the "
                              "repository; this point cannot be restored as it is.")
                .arg(field, problem),
            QStringLiteral("manifest field '%1': %2").arg(field, problem));
    }

    QJsonValue value(const QJsonObject &obj, QLatin1String key, const QString &prefix, bool required)
    {
        const QJsonValue v = obj.value(key);
        if (required && v.isUndefined()) {
            fail(prefix + key, PointManifest::tr("is missing"));
        }
        return v;
    }

    QString string(
        const QJsonObject &obj, QLatin1String key, const QString &prefix = {}, bool required = true)
    {
        const QJsonValue v = value(obj, key, prefix, required);
        if (v.isUndefined()) {
            return {};
        }
        if (!v.isString()) {
            fail(prefix + key, PointManifest::tr("is not a string"));
            return {};
        }
        if (required && v.toString().isEmpty()) {
            fail(prefix + key, PointManifest::tr("is empty"));
        }
        return v.toString();
    }

    qint64 integer(const QJsonObject &obj, QLatin1String key, const QString &prefix = {})
    {
        const QJsonValue v = value(obj, key, prefix, true);
        if (v.isUndefined()) {
            return 0;
        }
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > MaxExactInteger || std::floor(d) != d) {
            fail(prefix + key, PointManifest::tr("is not a non-negative integer"));
            return 0;
        }
        return static_cast<qint64>(d);
    }

    QString sha256(const QJsonObject &obj, QLatin1String key, const QString &prefix)
    {
        const QString s = string(obj, key, prefix);
        if (!failed() && !isSha256Hex(s)) {
            fail(prefix + key, PointManifest::tr("is not a SHA-256 in lower-case hex"));
        }
        return s;
    }

    QString fileName(const QJsonObject &obj, QLatin1String key, const QString &prefix)
    {
        const QString s = string(obj, key, prefix);
        if (!failed() && !isPlainFileName(s)) {
            fail(prefix + key, PointManifest::tr("is not a file name inside the point"));
        }
        return s;
    }

private:
    std::optional<Error> m_error;
};

QJsonValue sizeValue(qint64 v)
{
    return QJsonValue(static_cast<double>(v));
}

} // namespace

QString PointManifest::methodName(Method method)
{
    switch (method) {
    case Method::FullState:
        return QStringLiteral("full-state");
    case Method::DiskOnly:
        return QStringLiteral("disk-only");
    case Method::DiskOnlyQuiesced:
        return QStringLiteral("disk-only-quiesced");
    case Method::Cold:
        return QStringLiteral("cold");
    }
    return {};
}

std::optional<PointManifest::Method> PointManifest::methodFromName(const QString &name)
{
    for (Method m : {Method::FullState, Method::DiskOnly, Method::DiskOnlyQuiesced, Method::Cold}) {
        if (methodName(m) == name) {
            return m;
        }
    }
    return std::nullopt;
}

QString PointManifest::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Full:
        return QStringLiteral("full");
    case Kind::Incremental:
        return QStringLiteral("incremental");
    }
    return {};
}

std::optional<PointManifest::Kind> PointManifest::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Full, Kind::Incremental}) {
        if (kindName(k) == name) {
            return k;
        }
    }
    return std::nullopt;
}

QString PointManifest::compressionName(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return QStringLiteral("none");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    }
    return {};
}

std::optional<PointManifest::Compression> PointManifest::compressionFromName(const QString &name)
{
    for (Compression c : {Compression::None, Compression::Zstd}) {
        if (compressionName(c) == name) {
            return c;
        }
    }
    return std::nullopt;
}

qint64 PointManifest::storedBytes() const
{
    qint64 n = (memory ? memory->storedSize : 0) + (nvram ? nvram->storedSize : 0);
    for (const Disk &d : disks) {
        n += d.storedSize;
    }
    return n;
}

QJsonObject PointManifest::toJson() const
{
    QJsonObject json;
    json.insert(Key::Format, format);
    json.insert(Key::DomainName, domainName);
    json.insert(Key::DomainUuid, domainUuid);
    json.insert(Key::DomainXml, domainXml);
    json.insert(Key::Created, created.toUTC().toString(Qt::ISODateWithMs));
    json.insert(Key::Method, methodName(method));
    json.insert(Key::Kind, kindName(kind));
    if (!parentId.isEmpty()) {
        json.insert(Key::Parent, parentId);
    }
    QJsonArray diskArray;
    for (const Disk &disk : disks) {
        QJsonObject d;
        d.insert(Key::Target, disk.target);
        d.insert(Key::SourceFormat, disk.sourceFormat);
        d.insert(Key::OriginalPath, disk.originalPath);
        d.insert(Key::File, disk.fileName);
        d.insert(Key::StoredFormat, disk.storedFormat);
        d.insert(Key::VirtualSize, sizeValue(disk.virtualSize));
        d.insert(Key::StoredSize, sizeValue(disk.storedSize));
        d.insert(Key::AllocatedSize, sizeValue(disk.allocatedSize));
        d.insert(Key::Sha256, disk.sha256);
        if (!disk.backingFile.isEmpty()) {
            d.insert(Key::BackingFile, disk.backingFile);
        }
        diskArray.append(d);
    }
    json.insert(Key::Disks, diskArray);
    if (memory) {
        QJsonObject m;
        m.insert(Key::File, memory->fileName);
        m.insert(Key::RawSize, sizeValue(memory->rawSize));
        m.insert(Key::StoredSize, sizeValue(memory->storedSize));
        m.insert(Key::Compression, compressionName(memory->compression));
        m.insert(Key::Sha256, memory->sha256);
        json.insert(Key::Memory, m);
    }
    if (nvram) {
        QJsonObject n;
        n.insert(Key::File, nvram->fileName);
        n.insert(Key::OriginalPath, nvram->originalPath);
        n.insert(Key::StoredSize, sizeValue(nvram->storedSize));
        n.insert(Key::Sha256, nvram->sha256);
        json.insert(Key::Nvram, n);
    }
    json.insert(Key::GuestPauseMs, sizeValue(guestPauseMs));
    json.insert(Key::RewindVersion, rewindVersion);
    json.insert(Key::Protected, isProtected);
    json.insert(Key::Notes, notes);
    return json;
}

QByteArray PointManifest::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<PointManifest> PointManifest::fromJson(const QJsonObject &json)
{
    FieldReader r;
    PointManifest m;

    const qint64 fmt = r.integer(json, Key::Format);
    if (r.failed()) {
        return r.error();
    }
    if (fmt < 1) {
        r.fail(Key::Format, tr("is not a valid format number"));
        return r.error();
    }
    if (fmt > CurrentFormat) {
        return Error(ErrorCode::Unsupported,
            tr("This point was written by a newer version of Rewind (manifest format %1; this "
               "version reads up to %2). Update Rewind to use it.")
                .arg(fmt)
                .arg(CurrentFormat));
    }
    m.format = static_cast<int>(fmt);

    m.domainName = r.string(json, Key::DomainName);
    m.domainUuid = r.string(json, Key::DomainUuid);
    if (!r.failed() && QUuid::fromString(m.domainUuid).isNull()) {
        r.fail(Key::DomainUuid, tr("is not a UUID"));
    }
    m.domainXml = r.string(json, Key::DomainXml);

    const QString created = r.string(json, Key::Created);
    if (!r.failed()) {
        m.created = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!m.created.isValid()) {
            r.fail(Key::Created, tr("is not an ISO 8601 date and time"));
        }
        m.created = m.created.toUTC();
    }

    const QString method = r.string(json, Key::Method);
    if (!r.failed()) {
        if (const auto parsed = methodFromName(method)) {
            m.method = *parsed;
        } else {
            r.fail(Key::Method, tr("has the unknown value '%1'").arg(method));
        }
    }
    const QString kind = r.string(json, Key::Kind);
    if (!r.failed()) {
        if (const auto parsed = kindFromName(kind)) {
            m.kind = *parsed;
        } else {
            r.fail(Key::Kind, tr("has the unknown value '%1'").arg(kind));
        }
    }
    const bool incremental = m.kind == Kind::Incremental;
    m.parentId = r.string(json, Key::Parent, {}, incremental);
    if (!r.failed()) {
        if (incremental && !PointId::isValid(m.parentId)) {
            r.fail(Key::Parent, tr("is not a point id"));
        } else if (!incremental && !m.parentId.isEmpty()) {
            r.fail(Key::Parent, tr("is set for a full point"));
        }
    }

    const QJsonValue disks = r.value(json, Key::Disks, {}, true);
    if (!r.failed() && !disks.isArray()) {
        r.fail(Key::Disks, tr("is not a list"));
    }
    const QJsonArray diskArray = disks.toArray();
    for (qsizetype i = 0; i < diskArray.size() && !r.failed(); ++i) {
        const QString prefix = QStringLiteral("disks[%1].").arg(i);
        if (!diskArray.at(i).isObject()) {
            r.fail(prefix.chopped(1), tr("is not an object"));
            break;
        }
        const QJsonObject d = diskArray.at(i).toObject();
        Disk disk;
        disk.target = r.string(d, Key::Target, prefix);
        disk.sourceFormat = r.string(d, Key::SourceFormat, prefix);
        disk.originalPath = r.string(d, Key::OriginalPath, prefix);
        disk.fileName = r.fileName(d, Key::File, prefix);
        disk.storedFormat = r.string(d, Key::StoredFormat, prefix);
        disk.virtualSize = r.integer(d, Key::VirtualSize, prefix);
        disk.storedSize = r.integer(d, Key::StoredSize, prefix);
        disk.allocatedSize = r.integer(d, Key::AllocatedSize, prefix);
        disk.sha256 = r.sha256(d, Key::Sha256, prefix);
        disk.backingFile = r.string(d, Key::BackingFile, prefix, false);
        if (!r.failed() && !disk.backingFile.isEmpty() && !isBackingFileName(disk.backingFile)) {
            r.fail(prefix + Key::BackingFile, tr("is not a file of this or another point"));
        }
        m.disks.append(disk);
    }

    const QJsonValue memory = r.value(json, Key::Memory, {}, m.method == Method::FullState);
    if (!r.failed() && !memory.isUndefined()) {
        if (m.method != Method::FullState) {
            r.fail(Key::Memory, tr("is present in a point without memory state"));
        } else if (!memory.isObject()) {
            r.fail(Key::Memory, tr("is not an object"));
        } else {
            const QJsonObject mo = memory.toObject();
            const QString prefix = QStringLiteral("memory.");
            Memory mem;
            mem.fileName = r.fileName(mo, Key::File, prefix);
            mem.rawSize = r.integer(mo, Key::RawSize, prefix);
            mem.storedSize = r.integer(mo, Key::StoredSize, prefix);
            const QString compression = r.string(mo, Key::Compression, prefix);
            if (!r.failed()) {
                if (const auto parsed = compressionFromName(compression)) {
                    mem.compression = *parsed;
                } else {
                    r.fail(prefix + Key::Compression, tr("has the unknown value '%1'").arg(compression));
                }
            }
            mem.sha256 = r.sha256(mo, Key::Sha256, prefix);
            m.memory = mem;
        }
    }

    const QJsonValue nvram = r.value(json, Key::Nvram, {}, false);
    if (!r.failed() && !nvram.isUndefined()) {
        if (!nvram.isObject()) {
            r.fail(Key::Nvram, tr("is not an object"));
        } else {
            const QJsonObject no = nvram.toObject();
            const QString prefix = QStringLiteral("nvram.");
            Nvram vars;
            vars.fileName = r.fileName(no, Key::File, prefix);
            vars.originalPath = r.string(no, Key::OriginalPath, prefix);
            vars.storedSize = r.integer(no, Key::StoredSize, prefix);
            vars.sha256 = r.sha256(no, Key::Sha256, prefix);
            m.nvram = vars;
        }
    }

    m.guestPauseMs = r.integer(json, Key::GuestPauseMs);
    m.rewindVersion = r.string(json, Key::RewindVersion);

    const QJsonValue prot = json.value(Key::Protected);
    if (!r.failed() && !prot.isUndefined() && !prot.isBool()) {
        r.fail(Key::Protected, tr("is not true or false"));
    }
    m.isProtected = prot.toBool(false);
    m.notes = r.string(json, Key::Notes, {}, false);

    if (r.failed()) {
        return r.error();
    }
    return m;
}

Result<PointManifest> PointManifest::fromBytes(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error(ErrorCode::Damaged,
            tr("The point manifest is damaged: it is not valid JSON. Verify the repository; this "
               "point cannot be restored as it is."),
            parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                         : QStringLiteral("not a JSON object"));
    }
    return fromJson(doc.object());
}

} // namespace Rewind
