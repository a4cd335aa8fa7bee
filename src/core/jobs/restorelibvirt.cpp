#include "restorelibvirt.h"

#include "libvirt/threadcheck.h"

#include <QCoreApplication>
#include <QFile>

#include <libvirt/libvirt.h>

#include <cstdlib>

namespace Rewind::RestoreLibvirt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rewind::RestoreLibvirt", text);
}

} // namespace

Result<QString> secureSaveImageXml(const Libvirt::ConnectHandle &conn, const QString &file)
{
    REWIND_BLOCKING_CALL();
    char *xml = virDomainSaveImageGetXMLDesc(
        conn.get(), QFile::encodeName(file).constData(), VIR_DOMAIN_SAVE_IMAGE_XML_SECURE);
    if (!xml) {
        return Error::fromLibvirt(tr("libvirt could not read the memory image %1 of the point.").arg(file));
    }
    QString result = QString::fromUtf8(xml);
    std::free(xml);
    return result;
}

Result<bool> hasManagedSave(const Libvirt::Domain &domain)
{
    REWIND_BLOCKING_CALL();
    const int rc = virDomainHasManagedSaveImage(domain.get(), 0);
    if (rc < 0) {
        return Error::fromLibvirt(tr("Could not read the state of '%1'.").arg(domain.name()));
    }
    return rc == 1;
}

Status removeManagedSave(const Libvirt::Domain &domain)
{
    REWIND_BLOCKING_CALL();
    if (virDomainManagedSaveRemove(domain.get(), 0) < 0) {
        return Error::fromLibvirt(tr("Could not remove the saved state of '%1'.").arg(domain.name()));
    }
    return {};
}

} // namespace Rewind::RestoreLibvirt
