#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>

#include <type_traits>
#include <utility>

namespace Rewind::Async {

/// Runs work() in pool and hands its result to done() on context's thread, always through
/// the event loop, and not at all when context is gone by then.
///
/// Why not QFuture::then(context, ...): in Qt 6.4 the continuation is invoked with
/// AutoConnection, so when the task has already finished by the time .then() is attached
/// it runs synchronously inside the caller. A model would then emit its "loaded" signals
/// from inside load(), before the caller could connect or wait for them, and a command
/// line tool that quits from the continuation would call exit() before exec() started,
/// which Qt ignores, leaving the process waiting forever.
template<typename Work, typename Done>
void run(QThreadPool *pool, QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    QPointer<QObject> guard(context);
    (void)QtConcurrent::run(pool, [guard, work = std::move(work), done = std::move(done)]() mutable {
        R result = work();
        if (!guard) {
            return;
        }
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done = std::move(done), result = std::move(result)]() mutable {
                if (guard) {
                    done(std::move(result));
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace Rewind::Async
