#pragma once

#include <QMenu>
#include <QPointer>

namespace Rewind {

class ConnectionList;

/// The Connections menu: "Add Connection…" and one submenu per libvirt URI with its
/// state (and the last error, if it failed), Reconnect and Remove. Built when it opens,
/// so it always shows the current states.
class ConnectionsMenu : public QMenu
{
    Q_OBJECT
public:
    explicit ConnectionsMenu(QWidget *parent = nullptr);

    void setConnectionList(ConnectionList *list) { m_list = list; }
    /// The action that opens the "add connection" dialog (owned by the window).
    void setAddAction(QAction *action) { m_add = action; }
    /// Rebuilds the entries now (the menu does it itself when shown).
    void rebuild();
    /// Asks for a URI (non-blocking dialog over parent) and adds it.
    void promptForConnection(QWidget *parent);

Q_SIGNALS:
    /// Something to tell the user about the last request (a bad or duplicate URI).
    void message(const QString &text);

private:
    QPointer<ConnectionList> m_list;
    QPointer<QAction> m_add;
};

} // namespace Rewind
