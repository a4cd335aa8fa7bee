#pragma once

// Small readers of a domain's definition shared by the integration tests.

#include "libvirt/domainxml.h"

#include <QString>

#include <cstdlib>
#include <libvirt/libvirt.h>

namespace RewindTest {

/// The domain's XML (live when running; VIR_DOMAIN_XML_INACTIVE for the persistent one).
inline QString xmlOf(virDomainPtr domain, unsigned int flags = 0)
{
    char *xml = virDomainGetXMLDesc(domain, flags);
    const QString s = QString::fromUtf8(xml);
    free(xml);
    return s;
}

/// The disk with this target in a definition, or an empty DiskInfo.
inline Rewind::DiskInfo diskOf(const QString &xml, const QString &target = QStringLiteral("vda"))
{
    const auto disks = Rewind::DomainXml::parseDisks(xml);
    if (disks) {
        for (const auto &d : *disks) {
            if (d.target == target) {
                return d;
            }
        }
    }
    return {};
}

} // namespace RewindTest
