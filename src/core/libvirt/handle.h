#pragma once

#include <libvirt/libvirt.h>

#include <utility>

namespace Rewind::Libvirt {

/// Owning, copyable reference to a libvirt object. libvirt objects are reference counted
/// (virXxxRef / virXxxFree), so a copy takes a reference and destruction drops one; the
/// object lives as long as any Handle, whichever thread drops it last.
template<typename T, int (*RefFn)(T *), int (*FreeFn)(T *)>
class Handle
{
public:
    Handle() = default;
    /// Adopts a pointer returned by libvirt (which already carries one reference).
    explicit Handle(T *adopt) : m_ptr(adopt) { }
    Handle(const Handle &other) : m_ptr(other.m_ptr)
    {
        if (m_ptr) {
            RefFn(m_ptr);
        }
    }
    Handle(Handle &&other) noexcept : m_ptr(std::exchange(other.m_ptr, nullptr)) { }
    Handle &operator=(Handle other) noexcept
    {
        std::swap(m_ptr, other.m_ptr);
        return *this;
    }
    ~Handle() { reset(); }

    void reset()
    {
        if (T *p = std::exchange(m_ptr, nullptr)) {
            FreeFn(p);
        }
    }
    T *get() const { return m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }

private:
    T *m_ptr = nullptr;
};

using ConnectHandle = Handle<virConnect, virConnectRef, virConnectClose>;
using DomainHandle = Handle<virDomain, virDomainRef, virDomainFree>;
using StreamHandle = Handle<virStream, virStreamRef, virStreamFree>;
using StoragePoolHandle = Handle<virStoragePool, virStoragePoolRef, virStoragePoolFree>;
using StorageVolHandle = Handle<virStorageVol, virStorageVolRef, virStorageVolFree>;

} // namespace Rewind::Libvirt
