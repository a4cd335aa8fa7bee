// DomainXml: reading disks and rewriting their sources must keep everything else intact.

#include "libvirt/domainxml.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace Rewind;

namespace {
const char *kDomain = R"(<domain type='qemu'>
  <name>web &amp; "db" ü</name>
  <uuid>11111111-2222-3333-4444-555555555555</uuid>
  <memory unit='KiB'>262144</memory>
  <vcpu placement='static'>2</vcpu>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='writethrough'/>
      <source file='/var/tmp/vm/overlay.qcow2' index='2'/>
      <backingStore type='file' index='1'>
        <format type='qcow2'/>
        <source file='/var/tmp/vm/base.qcow2'/>
        <backingStore/>
      </backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw'/>
      <source dev='/dev/sdz'/>
      <target dev='vdb' bus='virtio'/>
      <shareable/>
    </disk>
    <disk type='network' device='disk'>
      <driver name='qemu' type='raw'/>
      <source protocol='nbd' name='x'><host name='h' port='1'/></source>
      <target dev='vdc' bus='virtio'/>
    </disk>
    <interface type='user'>
      <mac address='52:54:00:11:22:33'/>
    </interface>
  </devices>
</domain>)";
} // namespace

class TestDomainXml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesDisks()
    {
        auto disks = DomainXml::parseDisks(QString::fromUtf8(kDomain));
        QVERIFY(disks.ok());
        QCOMPARE(disks->size(), 4);
        const DiskInfo vda = disks->at(0);
        QCOMPARE(vda.target, QStringLiteral("vda"));
        QCOMPARE(vda.format, QStringLiteral("qcow2"));
        QCOMPARE(vda.path, QStringLiteral("/var/tmp/vm/overlay.qcow2"));
        QCOMPARE(vda.type, QStringLiteral("file"));
        QVERIFY(vda.hasBackingStore);
        QCOMPARE(disks->at(1).device, QStringLiteral("cdrom"));
        QVERIFY(disks->at(1).readOnly);
        QVERIFY(disks->at(1).path.isEmpty());
        QCOMPARE(disks->at(2).type, QStringLiteral("block"));
        QVERIFY(disks->at(2).shareable);
        QCOMPARE(disks->at(2).path, QStringLiteral("/dev/sdz"));
        QCOMPARE(disks->at(3).type, QStringLiteral("network"));
        QVERIFY(!disks->at(3).hasBackingStore);
        QCOMPARE(vda.backingChain, QStringList {QStringLiteral("/var/tmp/vm/base.qcow2")});
        QVERIFY(disks->at(3).backingChain.isEmpty());
    }

    // Nearest backing file first; a block job's <mirror> source is not part of the chain.
    void readsBackingChainInOrder()
    {
        const QString xml = QStringLiteral(
            "<domain><devices><disk type='file' device='disk'>"
            "<driver name='qemu' type='qcow2'/><source file='/i/top.qcow2'/>"
            "<backingStore type='file'><format type='qcow2'/><source file='/i/mid.qcow2'/>"
            "<backingStore type='file'><format type='raw'/><source file='/i/base.img'/><backingStore/>"
            "</backingStore></backingStore>"
            "<mirror type='file' job='active-commit'><source file='/i/base.img'/></mirror>"
            "<target dev='vda' bus='virtio'/></disk>"
            "<disk type='file' device='disk'><source file='/i/other.qcow2'/>"
            "<mirror type='file' job='copy'><source file='/i/copy.qcow2'/></mirror>"
            "<target dev='vdb' bus='virtio'/></disk></devices></domain>");
        auto disks = DomainXml::parseDisks(xml);
        QVERIFY(disks.ok());
        QCOMPARE(disks->size(), 2);
        QCOMPARE(disks->at(0).path, QStringLiteral("/i/top.qcow2"));
        QCOMPARE(disks->at(0).backingChain,
            (QStringList {QStringLiteral("/i/mid.qcow2"), QStringLiteral("/i/base.img")}));
        QCOMPARE(disks->at(0).target, QStringLiteral("vda"));
        QCOMPARE(disks->at(0).backingFormats, (QStringList {QStringLiteral("qcow2"), QStringLiteral("raw")}));
        QVERIFY(disks->at(1).backingChain.isEmpty());
        QVERIFY(!disks->at(1).hasBackingStore);
        QCOMPARE(disks->at(1).path, QStringLiteral("/i/other.qcow2"));
    }

    void parsesDomain()
    {
        auto info = DomainXml::parseDomain(QString::fromUtf8(kDomain));
        QVERIFY(info.ok());
        QCOMPARE(info->name, QStringLiteral("web & \"db\" ü"));
        QCOMPARE(info->uuid, QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(info->memoryKiB, quint64(262144));
        QCOMPARE(info->vcpus, 2);
        QCOMPARE(info->disks.size(), 4);
    }

    void rewritesOnlyNamedDisk()
    {
        auto out = DomainXml::rewriteDisks(QString::fromUtf8(kDomain),
            {{QStringLiteral("vda"), QStringLiteral("/new/it's.raw")}},
            {{QStringLiteral("vda"), QStringLiteral("raw")}});
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        auto disks = DomainXml::parseDisks(*out);
        QVERIFY(disks.ok());
        QCOMPARE(disks->size(), 4);
        QCOMPARE(disks->at(0).path, QStringLiteral("/new/it's.raw"));
        QCOMPARE(disks->at(0).format, QStringLiteral("raw"));
        QVERIFY(!disks->at(0).hasBackingStore);
        QVERIFY(!out->contains(QLatin1String("index='2'")) && !out->contains(QLatin1String("index=\"2\"")));
        QCOMPARE(disks->at(2), DomainXml::parseDisks(QString::fromUtf8(kDomain))->at(2));
        QVERIFY(out->contains(QLatin1String("cache=\"writethrough\"")));
        auto info = DomainXml::parseDomain(*out);
        QCOMPARE(info->name, QStringLiteral("web & \"db\" ü"));
        QVERIFY(out->contains(QLatin1String("52:54:00:11:22:33")));
    }

    void unknownTargetIsAnError()
    {
        auto out = DomainXml::rewriteDisks(
            QString::fromUtf8(kDomain), {{QStringLiteral("vdz"), QStringLiteral("/x")}});
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code(), ErrorCode::NotFound);
    }

    void cloneDropsIdentity()
    {
        auto out = DomainXml::cloneDefinition(QString::fromUtf8(kDomain), QStringLiteral("copy"),
            {{QStringLiteral("vda"), QStringLiteral("/copy/vda.qcow2")}});
        QVERIFY(out.ok());
        auto info = DomainXml::parseDomain(*out);
        QCOMPARE(info->name, QStringLiteral("copy"));
        QVERIFY(info->uuid.isEmpty());
        QVERIFY(!out->contains(QLatin1String("52:54:00")));
        QVERIFY(out->contains(QLatin1String("<interface")));
        QCOMPARE(info->disks.at(0).path, QStringLiteral("/copy/vda.qcow2"));
    }

    // A copy of a UEFI VM must not share the original's variables file: both would write
    // it, and deleting the copy with its NVRAM would delete the original's.
    void cloneGetsNvramOfItsOwn()
    {
        QString xml = QString::fromUtf8(kDomain);
        xml.replace(QLatin1String("<devices>"),
            QLatin1String(
                "<os><type>hvm</type><loader readonly='yes' "
                "type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"
                "<nvram template='/usr/share/OVMF/OVMF_VARS.fd'>/var/lib/libvirt/qemu/nvram/web_VARS.fd"
                "</nvram></os><devices>"));
        QVERIFY(xml.contains(QLatin1String("<loader")));
        QCOMPARE(DomainXml::nvramPath(xml), QStringLiteral("/var/lib/libvirt/qemu/nvram/web_VARS.fd"));
        auto out = DomainXml::cloneDefinition(xml, QStringLiteral("copy"), {});
        QVERIFY(out.ok());
        QCOMPARE(DomainXml::nvramPath(*out), QString());
        QVERIFY2(out->contains(QLatin1String("<nvram template=\"/usr/share/OVMF/OVMF_VARS.fd\"")),
            qPrintable(*out));
        QVERIFY(out->contains(QLatin1String("/usr/share/OVMF/OVMF_CODE.fd</loader>")));
        // Restored in place, a VM keeps its own.
        auto same = DomainXml::rewriteDisks(xml, {});
        QVERIFY(same.ok());
        QCOMPARE(DomainXml::nvramPath(*same), QStringLiteral("/var/lib/libvirt/qemu/nvram/web_VARS.fd"));
        QCOMPARE(DomainXml::nvramPath(QString::fromUtf8(kDomain)), QString());

        // A VM whose variables file moved since a point resumes on the file put back.
        const QString moved = QStringLiteral("/srv/vms/web_VARS.fd");
        auto renamed = DomainXml::rewriteNvram(xml, moved);
        QVERIFY(renamed.ok());
        QCOMPARE(DomainXml::nvramPath(*renamed), moved);
        QVERIFY2(renamed->contains(QLatin1String("<nvram template=\"/usr/share/OVMF/OVMF_VARS.fd\">")),
            qPrintable(*renamed));
        QCOMPARE(DomainXml::parseDisks(*renamed)->size(), DomainXml::parseDisks(xml)->size());
        auto plain = DomainXml::rewriteNvram(QString::fromUtf8(kDomain), moved);
        QVERIFY(plain.ok());
        QCOMPARE(DomainXml::nvramPath(*plain), QString());
    }

    void namespacedMetadataSurvivesRepeatedRewrites()
    {
        // virt-manager writes <libosinfo:...> metadata that declares its own namespace;
        // a rewrite must copy it as written, also when a rewritten definition is
        // rewritten again (restore as a new VM does both).
        QString xml = QString::fromUtf8(kDomain);
        xml.replace(QLatin1String("<memory unit='KiB'>"),
            QLatin1String(
                "<metadata><libosinfo:libosinfo "
                "xmlns:libosinfo=\"http://libosinfo.org/xmlns/libvirt/domain/1.0\">"
                "<libosinfo:os id=\"http://debian.org/debian/12\"/></libosinfo:libosinfo></metadata>"
                "<memory unit='KiB'>"));
        auto once = DomainXml::rewriteDisks(xml, {{QStringLiteral("vda"), QStringLiteral("/a.qcow2")}});
        QVERIFY(once.ok());
        auto twice = DomainXml::cloneDefinition(
            *once, QStringLiteral("copy"), {{QStringLiteral("vda"), QStringLiteral("/b.qcow2")}});
        QVERIFY(twice.ok());
        QCOMPARE(twice->count(QLatin1String("xmlns:libosinfo=")), 1);
        QVERIFY2(twice->contains(QLatin1String("<libosinfo:os id=\"http://debian.org/debian/12\"/>")),
            qPrintable(*twice));
        QXmlStreamReader reader(*twice);
        while (!reader.atEnd()) {
            reader.readNext();
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(DomainXml::parseDomain(*twice)->disks.at(0).path, QStringLiteral("/b.qcow2"));
    }

    void malformedXml()
    {
        auto out = DomainXml::parseDisks(QStringLiteral("<domain><devices><disk></devices>"));
        QVERIFY(!out.ok());
    }
};

QTEST_GUILESS_MAIN(TestDomainXml)
#include "tst_domainxml.moc"
