#include "notifier.h"

#include "appid.h"
#include "guilogging.h"
#include "jobs/job.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

#if defined(REWIND_HAVE_KNOTIFICATIONS) && REWIND_HAVE_KNOTIFICATIONS
#include <KNotification>
#define REWIND_USE_KNOTIFICATION 1
#endif

namespace Rewind {

namespace {
const QString NotificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString NotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

Notifier::Notifier(QObject *parent) : QObject(parent)
{ }

QString Notifier::eventId(Event event)
{
    switch (event) {
    case Event::BackupFailed:
        return QStringLiteral("backupFailed");
    case Event::VerifyFailed:
        return QStringLiteral("verifyFailed");
    case Event::BackupOverdue:
        return QStringLiteral("backupOverdue");
    case Event::ConnectionLost:
        return QStringLiteral("connectionLost");
    case Event::BackupFinished:
        return QStringLiteral("backupFinished");
    case Event::RepositoryUnavailable:
        return QStringLiteral("repositoryUnavailable");
    }
    return {};
}

Notifier::Backend Notifier::backend() const
{
    if (m_hasForced) {
        return m_forced;
    }
#ifdef REWIND_USE_KNOTIFICATION
    return Backend::KNotification;
#else
    if (QDBusConnection::sessionBus().isConnected()) {
        return Backend::FreedesktopDBus;
    }
    return m_tray ? Backend::Tray : Backend::LogOnly;
#endif
}

bool Notifier::notify(Event event, const QString &kind, const QString &title, const QString &text)
{
    const QString key = eventId(event) + QLatin1Char('/') + kind;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto last = m_lastShown.constFind(key);
    if (last != m_lastShown.cend() && last->secsTo(now) < throttleSeconds(event)) {
        qCInfo(lcGui) << "Notification dropped (one per period):" << title;
        return false;
    }
    m_lastShown.insert(key, now);
    qCInfo(lcGui) << "Notification:" << title << "-" << text;
    switch (backend()) {
    case Backend::KNotification: {
#ifdef REWIND_USE_KNOTIFICATION
        auto *n = new KNotification(eventId(event), KNotification::CloseOnTimeout);
        // The events are those of rewind.notifyrc, whatever the application is called
        // (a test, a Flatpak id).
        n->setComponentName(QStringLiteral("rewind"));
        n->setTitle(title);
        n->setText(text);
        n->setIconName(AppId);
        KNotificationAction *open = n->addDefaultAction(tr("Open Rewind"));
        connect(open, &KNotificationAction::activated, this, &Notifier::activated);
        n->sendEvent();
#endif
        break;
    }
    case Backend::FreedesktopDBus:
        showThroughDBus(event, title, text);
        break;
    case Backend::Tray:
        showThroughTray(event, title, text);
        break;
    case Backend::LogOnly:
        break;
    }
    Q_EMIT notified(event, title, text);
    return true;
}

void Notifier::showThroughDBus(Event event, const QString &title, const QString &text)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_dbusSubscribed) {
        m_dbusSubscribed = bus.connect(NotificationsService, NotificationsPath, NotificationsService,
            QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
        NotificationsService, NotificationsPath, NotificationsService, QStringLiteral("Notify"));
    const bool urgent = event == Event::BackupFailed || event == Event::VerifyFailed;
    // A scheduled backup that went well is low urgency, as in rewind.notifyrc: desktops keep
    // it in their list without a popup, which hourly backups of several VMs would be.
    const uchar urgency = urgent ? 2 : (event == Event::BackupFinished ? 0 : 1);
    QVariantMap hints {{QStringLiteral("desktop-entry"), QString(AppId)},
        {QStringLiteral("urgency"), QVariant::fromValue<uchar>(urgency)},
        {QStringLiteral("category"), urgent ? QStringLiteral("transfer.error") : QStringLiteral("transfer")}};
    call << QStringLiteral("Rewind") << uint(0) << QString(AppId) << title << text
         << QStringList {QStringLiteral("default"), tr("Open Rewind")} << hints << int(-1);
    // Asynchronous: a missing or hanging notification daemon must not block the GUI.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, event, title, text] {
        QDBusPendingReply<uint> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError()) {
            qCInfo(lcGui) << "No notification service:" << reply.error().message() << "- using the tray icon";
            showThroughTray(event, title, text);
            return;
        }
        m_dbusIds.append(reply.value());
        if (m_dbusIds.size() > 50) {
            m_dbusIds.removeFirst();
        }
    });
}

void Notifier::showThroughTray(Event event, const QString &title, const QString &text)
{
    // A tray balloon has no quiet form: a routine success is left to the jobs list.
    if (!m_tray || !m_tray->isVisible() || event == Event::BackupFinished) {
        return;
    }
    const bool urgent = event == Event::BackupFailed || event == Event::VerifyFailed;
    m_tray->showMessage(title, text, urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 15000);
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    if (m_dbusIds.contains(id) && (action == QLatin1String("default"))) {
        Q_EMIT activated();
    }
}

void Notifier::jobFinished(const Job *job, bool scheduled)
{
    const QString kind = Error::codeName(job->error().code());
    switch (job->state()) {
    case Job::State::Failed:
        if (job->kind() == Job::Kind::Verify && job->error().code() == ErrorCode::Damaged) {
            notify(Event::VerifyFailed, kind, tr("Damaged backup of '%1'").arg(job->vmName()),
                job->error().message());
        } else {
            notify(Event::BackupFailed, kind, tr("%1 failed").arg(job->title()),
                tr("%1\nOpen Rewind to see the log or retry.").arg(job->error().message()));
        }
        break;
    case Job::State::Succeeded:
        // A scheduled check that found nothing wrong is not news.
        if (scheduled && job->kind() == Job::Kind::Backup) {
            notify(Event::BackupFinished, job->vmUuid(), tr("Backup of '%1' done").arg(job->vmName()),
                job->outcome().text(QStringLiteral("\n")));
        }
        break;
    default:
        break;
    }
}

void Notifier::backupOverdue(const QString &vmUuid, const QString &vmName, const QDateTime &lastSuccess)
{
    const QString text = lastSuccess.isValid()
        ? tr("The last backup of '%1' is %n day(s) old. Back it up now, or look at why the scheduled ones "
             "fail (the jobs list keeps their log).",
            nullptr, int(lastSuccess.daysTo(QDateTime::currentDateTimeUtc())))
              .arg(vmName)
        : tr("'%1' has a schedule but no backup yet. Back it up now.").arg(vmName);
    notify(Event::BackupOverdue, vmUuid, tr("No recent backup of '%1'").arg(vmName), text);
}

void Notifier::connectionLost(const QString &uri)
{
    notify(Event::ConnectionLost, uri, tr("Connection to %1 lost").arg(uri),
        tr("Rewind keeps trying to reconnect. Scheduled backups of its VMs wait until it is back; check that "
           "libvirtd runs."));
}

void Notifier::repositoryUnavailable(const QString &path, const QString &reason, const QDateTime &since)
{
    const qint64 days = since.daysTo(QDateTime::currentDateTimeUtc());
    const QString text = days < 1
        ? tr("%1 Scheduled backups wait for it; Rewind tries again every minute.").arg(reason)
        : tr("%1 No scheduled backup has been made for %n day(s): they wait for it. Rewind tries again every "
             "minute.",
            nullptr, int(days))
              .arg(reason);
    notify(Event::RepositoryUnavailable, path, tr("Backup repository not available"), text);
}

} // namespace Rewind
