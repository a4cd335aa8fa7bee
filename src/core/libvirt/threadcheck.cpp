#include "threadcheck.h"

#include "logging.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>
#include <QThread>

namespace Rewind::Libvirt {

void checkBlockingCallAllowed(const char *function)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread()) {
        return;
    }
#ifdef REWIND_STRICT_THREADING
    qFatal("Blocking libvirt call %s on the main thread", function);
#else
    static QMutex mutex;
    static QSet<QByteArray> reported;
    QMutexLocker locker(&mutex);
    if (!reported.contains(function)) {
        reported.insert(function);
        qCCritical(lcLibvirt, "Blocking libvirt call %s on the main thread; the UI may stall", function);
    }
#endif
}

} // namespace Rewind::Libvirt
