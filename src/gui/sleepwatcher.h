#pragma once

#include <QDBusConnection>
#include <QObject>

namespace Rewind {

/// Tells when the computer goes to sleep and wakes up, from the PrepareForSleep signal of
/// logind (or elogind) on the system bus. Without either, nothing is ever said, and the
/// scheduler's hourly check is what notices the time spent asleep.
class SleepWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SleepWatcher(
        const QDBusConnection &bus = QDBusConnection::systemBus(), QObject *parent = nullptr);

    /// Whether the signal is listened for (there is a system bus).
    bool isWatching() const { return m_watching; }

Q_SIGNALS:
    void aboutToSleep();
    void resumed();

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);

private:
    bool m_watching = false;
};

} // namespace Rewind
