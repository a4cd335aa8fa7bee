#pragma once

#include <QObject>

class QSortFilterProxyModel;

namespace Rewind {

class ConnectionList;
class EmptyStateWidget;
class VmModel;

/// What the VM list shows instead of its tree when there is nothing to list, and the next
/// step as buttons: not connected (connect to qemu:///system or qemu:///session), still
/// connecting, a connection that failed (retry), a connection without VMs, or a search
/// that matches no VM (clear it).
class VmEmptyState : public QObject
{
    Q_OBJECT
public:
    /// proxy: the filtered tree the user sees.
    VmEmptyState(EmptyStateWidget *widget, ConnectionList *connections, VmModel *vms,
        QSortFilterProxyModel *proxy, QObject *parent = nullptr);

    /// Fills the widget for the current state; search is the text the list is filtered
    /// by. Returns whether the list has nothing to show (the widget is to be shown).
    bool update(const QString &search);

Q_SIGNALS:
    /// "Other…" or "Connect Elsewhere…": the user wants to type a connection URI.
    void addConnectionRequested();
    /// "Clear Search".
    void clearSearchRequested();

private:
    enum class Kind { None, NoConnection, Connecting, Failed, NoVms, NoMatch };

    EmptyStateWidget *m_widget;
    ConnectionList *m_connections;
    VmModel *m_vms;
    QSortFilterProxyModel *m_proxy;
};

} // namespace Rewind
