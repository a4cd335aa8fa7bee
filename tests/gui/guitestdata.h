#pragma once

#include "pointmodel.h"
#include "repository/repository.h"

#include <QDateTime>
#include <QList>
#include <QProcess>
#include <QString>

/// Data for the GUI tests and benchmarks: a libvirt test-driver node with many domains,
/// synthetic backup points, and real (tiny) points in a repository.
namespace GuiTestData {

/// For every GUI test's initTestCase(): English plural forms, and settings and the XDG
/// folders (config, data, cache, state) in folder() instead of the user's own.
void initApplication();
/// A temporary folder of this process, removed when it ends.
QString folder();

/// Starts a private dbus-daemon in bus and points DBUS_SESSION_BUS_ADDRESS at it, so that
/// fake desktop services can be registered there. Call before anything in the process
/// touches the session bus; without dbus-daemon, the session bus stays unconnected.
void startPrivateSessionBus(QProcess &bus);

/// The built `rewind` program (REWIND_TEST_BINARY_DIR/src/app/rewind), and an
/// environment to run it in: offscreen, its settings and data in home, its log on stderr.
QString programPath();
QProcessEnvironment programEnvironment(const QString &home);

/// Writes dir/node.xml with `count` test-driver domains named vm-0000, vm-0001...
/// (UUIDs from uuidFor()), a mix of running, paused and shut-off ones, and returns the
/// URI that opens it ("test:///dir/node.xml").
QString writeNode(const QString &dir, int count);
QString uuidFor(int i);
QString nameFor(int i);

/// `count` points, oldest first, one every `spacingSeconds` ending at newest: every
/// tenth full (the rest incremental), every 97th golden, every 251st damaged, the
/// newest incomplete when withIncomplete.
QList<Rewind::PointRow> syntheticPoints(
    int count, const QDateTime &newest, int spacingSeconds = 3600, bool withIncomplete = true);

/// A complete point with real files (a 4 KiB "disk" and, for FullState, a "memory"
/// image) committed under the VM's lock, so the repository reads it like a real one.
/// Returns the point id, or an empty string and *error.
QString writePoint(const Rewind::Repository &repository, const QString &vmUuid, const QString &vmName,
    const QDateTime &when, bool golden = false, QString *error = nullptr);

} // namespace GuiTestData
