#include "unixsignals.h"

#include "guilogging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Rewind {

namespace {

int g_pipe[2] = {-1, -1};
constexpr int Handled[] = {SIGTERM, SIGINT, SIGHUP};

void onSignal(int signal)
{
    // Only async-signal-safe calls here.
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    for (const int s : Handled) {
        sigaction(s, &dfl, nullptr);
    }
    const int saved = errno;
    const char byte = char(signal);
    (void)!::write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

UnixSignals::UnixSignals(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0) {
        qCWarning(lcGui) << "No socket pair for signals:" << strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::readSignal);
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (const int s : Handled) {
        sigaction(s, &sa, nullptr);
    }
}

UnixSignals::~UnixSignals()
{
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    for (const int s : Handled) {
        sigaction(s, &dfl, nullptr);
    }
    delete m_notifier;
    for (int &fd : g_pipe) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
}

void UnixSignals::readSignal()
{
    char byte = 0;
    if (::read(g_pipe[0], &byte, 1) == 1) {
        qCInfo(lcGui) << "Received signal" << int(byte);
        Q_EMIT received(int(byte));
    }
}

} // namespace Rewind
