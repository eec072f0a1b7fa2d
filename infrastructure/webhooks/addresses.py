"""Which IP addresses a webhook may reach: public ones only, and never a metadata service."""

import ipaddress

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(text)
    for text in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack
        "169.254.170.2",  # ECS task metadata and credentials
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure wire server: a public address, so named here
    )
)

# Ranges that some Python versions' is_global still counts as public.
_NOT_PUBLIC_V4 = (
    (ipaddress.ip_network("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
    (ipaddress.ip_network("192.0.0.0/24"), "a reserved address"),
    (ipaddress.ip_network("198.18.0.0/15"), "a reserved address"),
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def refusal_reason(address: IpAddress, *, allow_private: bool) -> str | None:
    """Why a webhook may not go to `address` (e.g. 'a private address'), or None."""
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        reason = refusal_reason(embedded, allow_private=allow_private)
        if reason is not None:
            return f"{reason} inside an IPv6 address"
    if allow_private:
        return None
    return _non_public_kind(address)


def _non_public_kind(address: IpAddress) -> str | None:
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_unspecified:
        return "an unspecified address"
    if isinstance(address, ipaddress.IPv4Address):
        for network, kind in _NOT_PUBLIC_V4:
            if address in network:
                return kind
    if address.is_private:
        return "a private address"
    if address.is_reserved:
        return "a reserved address"
    if not address.is_global:
        return "a non-public address"
    return None


def _embedded_ipv4(address: IpAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for: mapped, 6to4, Teredo, NAT64 or compatible."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
