#pragma once

#include <QObject>

class QSocketNotifier;

namespace Rewind {

/// SIGTERM, SIGINT and SIGHUP as a Qt signal. Logging out or shutting down sends SIGTERM;
/// without this the process died in the middle of whatever job ran, leaving the next
/// start to repair it from the journal. With it, the application cancels its jobs (a
/// cancelled backup first puts its VM back on its own disks) and quits.
///
/// The handler only writes the signal's number to a socket pair (nothing else is safe in a
/// signal handler); a QSocketNotifier reads it on the thread that created this object. The
/// first signal also restores the default action, so that a second one ends the process
/// at once, as a user pressing Ctrl+C twice expects.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    /// One per process: it owns the handlers.
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signal);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Rewind
