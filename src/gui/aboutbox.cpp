#include "aboutbox.h"

#include "icons.h"
#include "libvirt/domain.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace Rewind::AboutBox {

QMessageBox *open(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information,
        QCoreApplication::translate("Rewind::AboutBox", "About Rewind"),
        QCoreApplication::translate("Rewind::AboutBox",
            "<b>Rewind %1</b><br>Live backups of libvirt virtual machines, RAM included.<p>Qt %2, libvirt "
            "%3.</p><p>Rewind is free software under the GNU General Public License, version 3.</p>")
            .arg(QStringLiteral(REWIND_VERSION), QString::fromLatin1(qVersion()), Libvirt::libraryVersion()),
        QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(Icons::app().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace Rewind::AboutBox
