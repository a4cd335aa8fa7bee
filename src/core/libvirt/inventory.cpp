#include "inventory.h"

#include "async.h"
#include "libvirt/connection.h"
#include "libvirt/domain.h"
#include "logging.h"
#include "workers.h"

namespace Rewind {

namespace {

bool byName(const DomainInfo &a, const DomainInfo &b)
{
    const int c = QString::localeAwareCompare(a.name, b.name);
    return c != 0 ? c < 0 : a.uuid < b.uuid;
}

} // namespace

Inventory::Inventory(Connection *connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<Rewind::DomainInfo>();
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(50);
    connect(&m_coalesce, &QTimer::timeout, this, &Inventory::refreshPending);
    connect(connection, &Connection::stateChanged, this, &Inventory::onConnectionState);
    connect(connection, &Connection::domainLifecycle, this,
        [this](const QString &uuid, int, int) { onDomainEvent(uuid); });
    connect(connection, &Connection::blockJob, this,
        [this](const QString &uuid, const QString &, int, int) { onDomainEvent(uuid); });
    if (connection->state() == Connection::State::Connected) {
        refresh();
    }
}

int Inventory::indexOf(const QString &uuid) const
{
    for (int i = 0; i < m_domains.size(); ++i) {
        if (m_domains.at(i).uuid == uuid) {
            return i;
        }
    }
    return -1;
}

std::optional<DomainInfo> Inventory::domain(const QString &uuid) const
{
    const int i = indexOf(uuid);
    return i < 0 ? std::nullopt : std::optional<DomainInfo>(m_domains.at(i));
}

void Inventory::onConnectionState()
{
    const bool lost = m_connection->state() != Connection::State::Connected;
    if (lost != m_stale && (m_loaded || !lost)) {
        m_stale = lost && m_loaded;
        Q_EMIT staleChanged(m_stale);
    }
    if (!lost) {
        refresh();
    }
}

void Inventory::refresh()
{
    auto conn = m_connection ? m_connection->handle() : Libvirt::ConnectHandle();
    if (!conn) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_pending.clear();
    Async::run(
        Workers::libvirtPool(), this,
        [conn]() -> Result<QList<DomainInfo>> {
            auto all = Libvirt::Domain::listAll(conn);
            if (!all) {
                return all.error();
            }
            QList<DomainInfo> infos;
            infos.reserve(all->size());
            for (const auto &d : std::as_const(*all)) {
                auto info = d.info();
                // A domain may vanish between listing and reading it.
                if (info) {
                    infos.append(std::move(info.value()));
                }
            }
            std::sort(infos.begin(), infos.end(), byName);
            return infos;
        },
        [this, generation](Result<QList<DomainInfo>> r) {
            if (generation != m_generation) {
                return;
            }
            if (!r) {
                qCWarning(lcLibvirt) << "Listing domains failed:" << r.error().toString();
                Q_EMIT refreshFailed(r.error().message());
                return;
            }
            applyFullList(*r);
        });
}

void Inventory::onDomainEvent(const QString &uuid)
{
    m_pending.insert(uuid);
    if (!m_coalesce.isActive()) {
        m_coalesce.start();
    }
}

void Inventory::refreshPending()
{
    auto conn = m_connection ? m_connection->handle() : Libvirt::ConnectHandle();
    if (!conn || m_pending.isEmpty()) {
        return;
    }
    const QStringList uuids(m_pending.cbegin(), m_pending.cend());
    m_pending.clear();
    const quint64 generation = m_generation;
    Async::run(
        Workers::libvirtPool(), this,
        [conn, uuids]() {
            QList<std::pair<QString, std::optional<DomainInfo>>> out;
            for (const QString &uuid : uuids) {
                auto dom = Libvirt::Domain::lookup(conn, uuid);
                std::optional<DomainInfo> info;
                if (dom) {
                    if (auto i = dom->info()) {
                        info = std::move(i.value());
                    }
                } else if (dom.error().code() != ErrorCode::NotFound) {
                    continue; // connection trouble: keep what we know
                }
                out.append({uuid, info});
            }
            return out;
        },
        [this, generation](const QList<std::pair<QString, std::optional<DomainInfo>>> &results) {
            if (generation != m_generation) {
                return;
            }
            for (const auto &[uuid, info] : results) {
                applyOne(uuid, info);
            }
        });
}

int Inventory::insertPosition(const DomainInfo &info) const
{
    return int(std::lower_bound(m_domains.cbegin(), m_domains.cend(), info, byName) - m_domains.cbegin());
}

void Inventory::applyOne(const QString &uuid, const std::optional<DomainInfo> &info)
{
    const int index = indexOf(uuid);
    if (!info) {
        if (index >= 0) {
            m_domains.removeAt(index);
            Q_EMIT domainRemoved(index, uuid);
        }
        return;
    }
    if (index >= 0) {
        if (m_domains.at(index) == *info) {
            return;
        }
        if (m_domains.at(index).name == info->name) {
            m_domains[index] = *info;
            Q_EMIT domainChanged(index, *info);
            return;
        }
        // Renamed: its place in the order changes; signal as remove + add.
        m_domains.removeAt(index);
        Q_EMIT domainRemoved(index, uuid);
    }
    const int pos = insertPosition(*info);
    m_domains.insert(pos, *info);
    Q_EMIT domainAdded(pos, *info);
}

void Inventory::applyFullList(const QList<DomainInfo> &list)
{
    if (!m_loaded) {
        // First listing: one bulk insertion would be nicer for views, but views attach
        // before the first load and handle domainAdded; keep one code path.
        for (const auto &info : list) {
            applyOne(info.uuid, info);
        }
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    QSet<QString> present;
    for (const auto &info : list) {
        present.insert(info.uuid);
    }
    for (int i = m_domains.size() - 1; i >= 0; --i) {
        if (!present.contains(m_domains.at(i).uuid)) {
            applyOne(m_domains.at(i).uuid, std::nullopt);
        }
    }
    for (const auto &info : list) {
        applyOne(info.uuid, info);
    }
    Q_EMIT loaded();
}

} // namespace Rewind
