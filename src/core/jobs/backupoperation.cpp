#include "backupoperation.h"

#include "jobs/backupchain.h"
#include "jobs/backuppreflight.h"
#include "jobs/jobcontrol.h"
#include "jobs/memoryscratch.h"
#include "jobs/overlaymerge.h"
#include "jobs/pointsnapshot.h"
#include "jobs/recovery.h"
#include "libvirt/domainxml.h"
#include "logging.h"
#include "repository/journal.h"
#include "repository/repositorylock.h"
#include "repository/vmrecord.h"
#include "transfer/extentpump.h"
#include "transfer/filesink.h"
#include "transfer/libvirtfiles.h"
#include "transfer/qcow2header.h"
#include "transfer/transferpipeline.h"
#include "transfer/zstdsink.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

#include <libvirt/libvirt.h>

#include <cerrno>
#include <csignal>
#include <future>

#include <sys/stat.h>
#include <unistd.h>

namespace Rewind {

namespace {

constexpr auto kMemoryStoredName = "memory.zst";

// REWIND_FORCE_STREAMS=1 sends every file through libvirt even when it is readable here:
// for measuring the stream path against virsh vol-download on the same files.
bool isReadable(const QString &path)
{
    static const bool forceStreams = qEnvironmentVariableIntValue("REWIND_FORCE_STREAMS") == 1;
    return !forceStreams && ::access(QFile::encodeName(path).constData(), R_OK) == 0;
}

// Receives the file at path through a libvirt stream into pipeline (started here) and
// finishes it: the pieces are hashed and stored on the pipeline's workers while the next
// ones arrive. On failure the pipeline and its sink are aborted. onData sees the size of
// each piece of data. Returns the logical size received.
Result<qint64> downloadInto(const Libvirt::ConnectHandle &conn, const QString &path,
    TransferPipeline &pipeline, const TransferOptions &options,
    const std::function<void(qint64)> &onData = {})
{
    Status done = pipeline.start();
    Result<qint64> received = done
        ? LibvirtFiles::download(
            conn, path,
            [&](const char *data, qint64 size) {
                if (onData) {
                    onData(size);
                }
                return pipeline.write(data, size);
            },
            [&](qint64 length) { return pipeline.skipHole(length); }, options.cancel, options.progress)
        : Result<qint64>(done.error());
    done = received ? pipeline.finish(*received) : Status(received.error());
    if (!done) {
        pipeline.abort();
        return done.error();
    }
    return received;
}

volatile std::sig_atomic_t s_stallReleased = 0;

void releaseStall(int)
{
    s_stallReleased = 1;
}

} // namespace

void faultPoint(const char *state)
{
    static const QByteArray stall = qgetenv("REWIND_FAULT_STALL");
    if (stall.isEmpty() || stall != state || s_stallReleased) {
        return;
    }
    // SIGUSR1 lets the operation go on (once: it does not stall there again), so that a
    // test can change the world meanwhile, such as shutting the VM down.
    std::signal(SIGUSR1, releaseStall);
    fprintf(stderr, "rewind: stalled at %s (REWIND_FAULT_STALL)\n", state);
    fflush(stderr);
    while (!s_stallReleased) {
        QThread::msleep(50);
    }
    fprintf(stderr, "rewind: going on from %s\n", state);
    fflush(stderr);
}

BackupOperation::BackupOperation(
    Libvirt::ConnectHandle conn, Repository repository, BackupRequest request, JobControl &control)
    : m_conn(std::move(conn))
    , m_repository(std::move(repository))
    , m_request(std::move(request))
    , m_control(control)
{ }

Result<BackupOutcome> BackupOperation::run()
{
    m_control.setPhase(JobPhase::Preparing);
    auto domain = Libvirt::Domain::lookup(m_conn, m_request.domain);
    if (!domain) {
        return domain.error();
    }
    const QString uuid = domain->uuid();
    const QString vmName = domain->name();

    auto lock = RepositoryLock::acquire(m_repository, uuid, vmName, QStringLiteral("backup"));
    if (!lock) {
        return lock.error();
    }
    // Leftovers of a killed job on this VM are repaired before anything new starts.
    auto repaired = Recovery::recoverVm(m_conn, m_repository, uuid, *lock);
    if (!repaired) {
        return repaired.error();
    }

    auto record = m_repository.loadVm(uuid);
    VmRecord vmRecord = record ? *record : VmRecord {uuid, {}, {}, {}, {}, {}};
    if (vmRecord.noteName(vmName)) {
        (void)m_repository.saveVm(vmRecord);
    }
    auto chainPolicy = ChainPolicy::fromJson(vmRecord.chain);
    if (!chainPolicy) {
        qCWarning(lcJobs) << "Chain policy of" << vmName
                          << "unusable, using the defaults:" << chainPolicy.error().toString();
    }
    const ChainPolicy policy = chainPolicy ? *chainPolicy : ChainPolicy();
    std::optional<Tracking> tracking = ChangeTracking::load(vmRecord);
    QStringList chainNotes;
    DomainInfo current;
    QString currentXml;
    auto chain = BackupChain::decide(m_conn, m_repository, *domain, *lock, policy, m_request.forceFull,
        tracking, &chainNotes, &m_control, &current, &currentXml);
    if (!chain) {
        return chain.error();
    }

    auto planned = BackupPreflight::run(
        *domain, std::move(current), std::move(currentXml), m_request, m_repository, tracking);
    if (!planned) {
        return planned.error();
    }
    BackupPlan &plan = *planned;
    plan.notes = *repaired + chainNotes + plan.notes;
    plan.lock = std::move(*lock);
    plan.chain = *chain;
    if (auto secure = plan.domain.xmlDesc(VIR_DOMAIN_XML_SECURE)) {
        plan.secureXml = *secure;
    } else {
        qCInfo(lcJobs).noquote() << "The definition with passwords is not available:"
                                 << secure.error().toString();
    }
    plan.track = !plan.cold && policy.maxIncrements > 0;

    const QDateTime created = QDateTime::currentDateTimeUtc();
    auto pointId = m_repository.createPointDir(uuid, created, plan.lock);
    if (!pointId) {
        return pointId.error();
    }
    plan.pointId = *pointId;
    plan.pointDir = m_repository.pointDir(uuid, plan.pointId);
    if (!plan.cold) {
        for (auto &d : plan.disks) {
            d.overlayPath = ChangeTracking::overlayPathFor(d.originalPath, plan.pointId);
        }
    }

    if (!plan.cold && plan.method == PointManifest::Method::FullState) {
        auto placed = MemoryScratch::place(
            m_conn, qint64(plan.info.memoryKiB) * 1024, uuid, plan.pointId, plan.pointDir);
        plan.memoryRaw = placed.path;
        plan.memoryScratch = std::move(placed.claim);
    }

    // memoryRaw: Recovery deletes a raw RAM image outside the point's folder too.
    auto journal = Journal::begin(m_repository, uuid, vmName, Journal::Kind::Backup,
        QJsonObject {{QStringLiteral("pointId"), plan.pointId},
            {QStringLiteral("method"), PointManifest::methodName(plan.method)},
            {QStringLiteral("overlays"), OverlayPlan::toJson(plan.disks)},
            {QStringLiteral("memoryRaw"), plan.memoryRaw}});
    if (!journal) {
        (void)m_repository.removePoint(uuid, plan.pointId, plan.lock);
        return journal.error();
    }

    PointManifest manifest;
    manifest.domainName = vmName;
    manifest.domainUuid = uuid;
    manifest.domainXml = plan.liveXml;
    manifest.created = created;
    manifest.method = plan.method;
    manifest.kind = plan.incremental() ? PointManifest::Kind::Incremental : PointManifest::Kind::Full;
    manifest.parentId = plan.chain.parentId;
    manifest.rewindVersion = QStringLiteral(REWIND_VERSION);

    if (!plan.cold) {
        m_control.setPhase(JobPhase::Snapshot);
        auto paused = PointSnapshot::take(m_conn, plan, m_request.live);
        if (!paused) {
            (void)m_repository.removePoint(uuid, plan.pointId, plan.lock);
            (void)journal->clear();
            return paused.error().withContext(tr("Backup of '%1' failed: ").arg(vmName));
        }
        plan.snapshotTaken = true;
        plan.pauseMs = *paused;
        manifest.guestPauseMs = plan.pauseMs;
        (void)journal->advance(QStringLiteral("snapshotted"));
        qCInfo(lcJobs) << "Snapshot of" << vmName << "taken; guest paused" << plan.pauseMs << "ms";
        faultPoint("snapshotted");
    }

    // QEMU merges the frozen overlay while it is copied (both only read it). The merge
    // walks the whole virtual disk in 512 KiB steps, about 100 ms for 2 GiB on two cores
    // however little changed, and so can outlast the copy of a small increment: the point
    // does not wait for it (see Tracking). Even starting it takes libvirt some 20 ms (it
    // reopens the image below read-write), so that runs beside the copy too: neither
    // writes the frozen overlay.
    std::future<Status> mergeStarted;
    if (plan.snapshotTaken && plan.incremental()) {
        mergeStarted = std::async(std::launch::async, [domain = plan.domain, disks = plan.disks] {
            return ChangeTracking::startMergingFrozen(domain, disks);
        });
    }
    const Status copied = copyPoint(plan, *journal, manifest);
    const Status started = mergeStarted.valid() ? mergeStarted.get() : Status();
    if (!copied || !started) {
        return rollback(plan, *journal, !copied ? copied.error() : started.error());
    }

    if (plan.snapshotTaken) {
        (void)journal->advance(QStringLiteral("committing"));
        // Incremental: the frozen overlay goes into the image, the VM keeps the new one;
        // a merge still running is recorded and completed by the VM's next job.
        // Full and tracking: nothing to merge, the VM keeps writing to the new overlay.
        // Full and not tracking: the new overlay goes back into the image.
        Status merged;
        if (plan.incremental()) {
            auto running = ChangeTracking::finishMergingFrozen(
                m_conn, plan.domain, plan.disks, ChangeTracking::Wait::No, &m_control);
            if (running) {
                for (const OverlayPlan &d : std::as_const(*running)) {
                    plan.mergesRunning << d.target;
                    qCDebug(lcJobs) << "Still merging" << d.trackedOverlay << "into" << d.originalPath;
                }
            } else {
                merged = running.error();
            }
        } else if (!plan.track) {
            merged = OverlayMerge::run(m_conn, plan.domain, plan.disks, &m_control);
        }
        if (!merged) {
            return rollback(plan, *journal, merged.error());
        }
        if (plan.domain.hasStopped()) {
            plan.notes << tr("'%1' was shut down while it was being backed up. The point holds it as it "
                             "was at the snapshot, running.")
                              .arg(vmName);
        }
    } else {
        auto state = plan.domain.state();
        if (state && *state != DomainState::ShutOff) {
            return rollback(plan, *journal,
                Error(ErrorCode::Conflict,
                    tr("'%1' was started during the cold backup, so the copy may "
                       "be inconsistent. Back it up again.")
                        .arg(vmName)));
        }
    }

    m_control.setPhase(JobPhase::Finalize);
    {
        // Owner-only before any byte is written: it may hold passwords.
        QSaveFile xmlFile(plan.pointDir + QStringLiteral("/domain.xml"));
        if (xmlFile.open(QIODevice::WriteOnly)
            && xmlFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
            xmlFile.write((plan.secureXml.isEmpty() ? plan.liveXml : plan.secureXml).toUtf8());
            xmlFile.commit();
        }
    }
    if (Status committed = m_repository.commitPoint(uuid, plan.pointId, manifest, plan.lock); !committed) {
        // The VM is already back on its images; only the point is lost.
        (void)m_repository.removePoint(uuid, plan.pointId, plan.lock);
        (void)journal->clear();
        return committed.error().withContext(tr("Backup of '%1' failed: ").arg(vmName));
    }
    (void)journal->advance(QStringLiteral("manifest-written"));
    BackupChain::record(m_repository, plan);
    (void)journal->clear();
    m_control.report(plan.totalBytes, plan.totalBytes, true);
    qCInfo(lcJobs) << "Backup point" << plan.pointId << "of" << vmName << "committed";
    return BackupOutcome {plan.pointId, manifest, plan.notes};
}

Status BackupOperation::copyPoint(BackupPlan &plan, Journal &journal, PointManifest &manifest)
{
    m_control.setPhase(JobPhase::Copy);
    (void)journal.advance(QStringLiteral("copying"));
    std::atomic<qint64> disksDone {0};
    std::atomic<qint64> memoryDone {0};
    const auto report = [this, &disksDone, &memoryDone, total = plan.totalBytes] {
        m_control.report(disksDone + memoryDone, total);
    };

    // The RAM image is compressed on a thread of its own while the disks are copied:
    // zstd keeps one core busy, while a disk copy mostly waits for reads and writes, so
    // the two together take little longer than the longer of them. The flag stops the
    // RAM image early when the disks fail or the job is cancelled.
    std::atomic_bool stopMemory {false};
    std::future<Result<PointManifest::Memory>> memory;
    if (!plan.cold && plan.method == PointManifest::Method::FullState) {
        memory = std::async(std::launch::async, [&] {
            return storeMemory(plan, &stopMemory, [&](qint64 done) {
                memoryDone = done;
                if (m_control.isCancelled()) {
                    stopMemory = true;
                }
                report();
            });
        });
    }

    // First, as close to the capture as possible: a running guest may write its variables
    // at any time (rarely: a boot entry, a changed setting).
    Status disks;
    if (auto vars = storeNvram(plan)) {
        manifest.nvram = *vars;
    } else {
        disks = vars.error();
    }
    qint64 done = 0;
    for (const auto &d : std::as_const(plan.disks)) {
        if (!disks) {
            break;
        }
        if (m_control.isCancelled()) {
            disks = m_control.cancelledError();
            break;
        }
        auto disk = copyDisk(plan, d, [&, before = done](qint64 copied) {
            disksDone = before + copied;
            report();
        });
        if (!disk) {
            disks = disk.error();
            break;
        }
        done += plan.sizes.value(d.target).allocation;
        manifest.disks.append(*disk);
    }
    if (!disks) {
        stopMemory = true;
    }
    if (memory.valid()) {
        auto stored = memory.get();
        if (!disks) {
            return disks;
        }
        if (!stored) {
            return m_control.isCancelled() ? Status(m_control.cancelledError()) : Status(stored.error());
        }
        manifest.memory = *stored;
    }
    return disks;
}

Result<TransferResult> BackupOperation::storeFile(
    const QString &source, const QString &destination, const TransferOptions &options)
{
    // A sink not finished when it goes removes its file: a failed copy leaves nothing.
    FileSink sink;
    if (Status s = sink.open(destination); !s) {
        return s.error();
    }
    if (isReadable(source)) {
        return ExtentPump::run(source, &sink, options);
    }
    // Not readable by this user (qemu:///system) or on another host: via libvirt.
    qCInfo(lcJobs) << "Copying" << source << "through a libvirt storage-volume stream";
    TransferResult copied;
    // As on the local path, only the head of a stream that begins with a whole buffer
    // of data can be rewritten in passing.
    TransferPipeline pipeline(&sink, {true, false, 0, options.cancel, [&](char *head, qint64 size) {
                                          if (options.rewriteHead) {
                                              (void)options.rewriteHead(head, size);
                                          }
                                          return Status();
                                      }});
    auto r
        = downloadInto(m_conn, source, pipeline, options, [&](qint64 size) { copied.bytesCopied += size; });
    if (!r) {
        return r.error();
    }
    copied.logicalSize = *r;
    copied.bytesWritten = pipeline.bytesWritten();
    copied.sha256 = pipeline.sha256();
    return copied;
}

Result<std::optional<PointManifest::Nvram>> BackupOperation::storeNvram(const BackupPlan &plan)
{
    const QString source = DomainXml::nvramPath(plan.liveXml);
    if (source.isEmpty()) {
        return std::optional<PointManifest::Nvram>(); // not a UEFI VM
    }
    // libvirt creates the file from its template at the VM's first start.
    if (::access(QFile::encodeName(source).constData(), F_OK) != 0 && errno == ENOENT) {
        qCInfo(lcJobs) << "No UEFI variables file yet at" << source;
        return std::optional<PointManifest::Nvram>();
    }
    const QString fileName = QStringLiteral("nvram.fd");
    const QString destination = plan.pointDir + QLatin1Char('/') + fileName;
    TransferOptions options;
    options.cancel = m_control.cancelFlag();
    auto copied = storeFile(source, destination, options);
    if (!copied) {
        if (copied.error().code() == ErrorCode::NotFound) {
            qCInfo(lcJobs) << "No UEFI variables file yet at" << source;
            return std::optional<PointManifest::Nvram>();
        }
        return copied.error().withContext(tr("The UEFI variables file %1 could not be stored: ").arg(source));
    }
    PointManifest::Nvram vars;
    vars.fileName = fileName;
    vars.originalPath = source;
    vars.storedSize = QFileInfo(destination).size();
    vars.sha256 = copied->sha256;
    return std::optional<PointManifest::Nvram>(vars);
}

Result<PointManifest::Disk> BackupOperation::copyDisk(
    const BackupPlan &plan, const OverlayPlan &disk, const std::function<void(qint64)> &progress)
{
    // An increment is the frozen overlay: the guest's writes since the parent point.
    const bool increment = plan.incremental();
    const QString source = increment ? disk.trackedOverlay : disk.originalPath;
    const QString fileName
        = disk.target + QLatin1Char('.') + (increment ? QStringLiteral("qcow2") : disk.originalFormat);
    const QString destination = plan.pointDir + QLatin1Char('/') + fileName;
    static const bool stallInCopy = qgetenv("REWIND_FAULT_STALL") == "copying";
    TransferOptions options;
    options.cancel = m_control.cancelFlag();
    options.progress = [&progress](qint64 done, qint64) {
        progress(done);
        if (stallInCopy && done > 0) {
            faultPoint("copying");
        }
    };

    // An increment's backing file becomes the previous point's image of this disk,
    // relative, so that the repository can move.
    PointManifest::Disk out;
    const PointManifest::Disk *parentDisk = nullptr;
    bool headRewritten = false;
    if (increment) {
        const auto &parents = plan.chain.parent->disks;
        const auto it = std::find_if(parents.cbegin(), parents.cend(),
            [&](const PointManifest::Disk &d) { return d.target == disk.target; });
        parentDisk = &*it;
        out.backingFile = QStringLiteral("../") + plan.chain.parentId + QLatin1Char('/') + it->fileName;
        options.rewriteHead = [&](char *head, qint64 size) {
            Status s = Qcow2Header::setBackingFile(head, size, out.backingFile, parentDisk->storedFormat);
            headRewritten = s.ok();
            return s;
        };
    }

    auto stored = storeFile(source, destination, options);
    if (!stored) {
        return stored.error();
    }
    TransferResult copied = *stored;
    if (increment && !headRewritten) {
        // The head could not be rewritten in passing (the image does not begin with data,
        // or a stream's first buffer ended at a hole before the header cluster did): then
        // qemu-img rewrites the header afterwards, and the file is hashed again.
        auto finished = ChangeTracking::finishIncrement(
            destination, out.backingFile, parentDisk->storedFormat, &m_control);
        if (!finished) {
            return finished.error();
        }
        copied.sha256 = finished->sha256;
    }
    out.target = disk.target;
    out.sourceFormat = disk.originalFormat;
    out.originalPath = disk.originalPath;
    out.fileName = fileName;
    out.storedFormat = increment ? QStringLiteral("qcow2") : disk.originalFormat;
    out.virtualSize = plan.sizes.value(disk.target).capacity;
    out.storedSize = QFileInfo(destination).size();
    out.allocatedSize = copied.bytesWritten;
    out.sha256 = copied.sha256;
    qCDebug(lcJobs) << "Copied" << source << "to" << destination << "-" << copied.bytesWritten << "bytes";
    return out;
}

Result<PointManifest::Memory> BackupOperation::storeMemory(
    const BackupPlan &plan, const std::atomic_bool *stop, const std::function<void(qint64)> &progress)
{
    const QString raw = plan.memoryRaw;
    const QString stored = plan.pointDir + QLatin1Char('/') + QLatin1String(kMemoryStoredName);
    TransferOptions options;
    options.cancel = stop;
    options.punchZeroBlocks = false;
    options.hashSource = false; // the manifest records the hash of memory.zst, which the sink takes
    // zstd takes far longer than reading; small buffers keep the memory of this copy,
    // which runs beside a disk copy, low.
    options.bufferSize = 1024 * 1024;
    options.progress = [&progress](qint64 done, qint64) {
        progress(done);
    };

    ZstdSink sink;
    if (Status s = sink.open(stored); !s) {
        return s.error();
    }
    qint64 rawSize = 0;
    if (isReadable(raw)) {
        auto r = ExtentPump::run(raw, &sink, options);
        if (!r) {
            sink.abort();
            return r.error();
        }
        rawSize = r->logicalSize;
        (void)LibvirtFiles::remove(m_conn, raw);
    } else {
        qCInfo(lcJobs) << "Reading the memory image" << raw << "through a libvirt storage-volume stream";
        // Compressed on the pipeline's store worker while the next pieces arrive.
        TransferPipeline pipeline(&sink, {false, false, options.bufferSize, options.cancel, {}});
        auto r = downloadInto(m_conn, raw, pipeline, options);
        if (!r) {
            return r.error();
        }
        rawSize = *r;
        (void)LibvirtFiles::remove(m_conn, raw);
    }
    PointManifest::Memory memory;
    memory.fileName = QLatin1String(kMemoryStoredName);
    memory.rawSize = rawSize;
    memory.storedSize = sink.writer().outputBytes();
    memory.compression = PointManifest::Compression::Zstd;
    memory.sha256 = sink.writer().sha256();
    qCDebug(lcJobs) << "Stored the RAM image:" << rawSize << "bytes in" << memory.storedSize;
    return memory;
}

Error BackupOperation::rollback(BackupPlan &plan, Journal &journal, const Error &cause)
{
    const QString vm = plan.info.name;
    qCWarning(lcJobs) << "Backup of" << vm << "failed, rolling back:" << cause.toString();
    if (plan.snapshotTaken) {
        const Status merged = OverlayMerge::run(m_conn, plan.domain, plan.disks);
        if (!merged) {
            // Keep the journal: Recovery retries the merge at the next start.
            return Error(merged.error().code(),
                tr("Backup of '%1' failed (%2), and its disks could not be merged back yet: %3 Rewind "
                   "retries this the next time it starts.")
                    .arg(vm, cause.message(), merged.error().message()),
                cause.detail() + QStringLiteral("; ") + merged.error().detail());
        }
    }
    if (plan.snapshotTaken || plan.incremental()) {
        (void)ChangeTracking::forget(m_repository, plan.info.uuid);
    }
    // A raw memory image may belong to the daemon's user; removed through libvirt then.
    if (!plan.memoryRaw.isEmpty()) {
        (void)LibvirtFiles::remove(m_conn, plan.memoryRaw);
    }
    (void)m_repository.removePoint(plan.info.uuid, plan.pointId, plan.lock);
    (void)journal.clear();
    return cause.withContext(tr("Backup of '%1' failed: ").arg(vm));
}

} // namespace Rewind
