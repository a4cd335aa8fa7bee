#include "connectionsmenu.h"

#include "connectionlist.h"
#include "guisettings.h"
#include "icons.h"
#include "libvirt/connection.h"

#include <QInputDialog>

namespace Rewind {

ConnectionsMenu::ConnectionsMenu(QWidget *parent) : QMenu(parent)
{
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &ConnectionsMenu::rebuild);
}

void ConnectionsMenu::rebuild()
{
    clear();
    if (m_add) {
        addAction(m_add);
    }
    if (!m_list || m_list->count() == 0) {
        return;
    }
    addSeparator();
    const auto connections = m_list->connections();
    for (Connection *conn : connections) {
        const Connection::State state = conn->state();
        QString stateText;
        switch (state) {
        case Connection::State::Connected:
            stateText = tr("Connected");
            break;
        case Connection::State::Connecting:
            stateText = tr("Connecting…");
            break;
        case Connection::State::Lost:
            stateText = tr("Connection lost, retrying…");
            break;
        case Connection::State::Disconnected:
            stateText = conn->lastError().isError() ? tr("Failed: %1").arg(conn->lastError().message())
                                                    : tr("Not connected");
            break;
        }
        const bool up = state == Connection::State::Connected || state == Connection::State::Connecting;
        QMenu *sub = addMenu(up ? Icons::connection() : Icons::connectionLost(), conn->uri());
        QAction *info = sub->addAction(stateText);
        info->setEnabled(false);
        const QString uri = conn->uri();
        QAction *reconnect = sub->addAction(tr("&Reconnect"), this, [this, uri] {
            if (m_list) {
                m_list->reconnect(uri);
            }
        });
        reconnect->setEnabled(!up);
        sub->addSeparator();
        sub->addAction(Icons::remove(), tr("Re&move"), this, [this, uri] {
            if (m_list) {
                m_list->remove(uri);
            }
        });
    }
}

void ConnectionsMenu::promptForConnection(QWidget *parent)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setWindowTitle(tr("Add Connection"));
    dialog->setLabelText(tr("libvirt URI (for another host: qemu+ssh://user@host/system):"));
    dialog->setComboBoxEditable(true);
    QStringList suggestions = GuiSettings::suggestedUris();
    if (m_list) {
        for (const QString &uri : m_list->uris()) {
            suggestions.removeAll(uri);
        }
    }
    dialog->setComboBoxItems(suggestions);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &uri) {
        if (!uri.contains(QLatin1String(":/"))) {
            Q_EMIT message(tr("'%1' is not a libvirt URI; it looks like qemu:///system.").arg(uri));
        } else if (m_list && !m_list->add(uri)) {
            Q_EMIT message(tr("%1 is already in the list.").arg(uri));
        }
    });
    dialog->open();
}

} // namespace Rewind
