"""WebhookUrlPolicy: https only; no host that reaches a private network or a metadata service."""

import asyncio
from collections.abc import Sequence

import pytest

from application.webhooks.ports import WebhookHostUnresolved, WebhookUrlRefused
from infrastructure.webhooks.url_guard import MAX_URL_LENGTH, WebhookUrlPolicy
from tests.unit.webhooks.doubles import FakeDns

PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"


def policy(
    dns: FakeDns | None = None, *, private: bool = False, http: bool = False
) -> WebhookUrlPolicy:
    if dns is None:
        return WebhookUrlPolicy(allow_private=private, allow_http=http)
    return WebhookUrlPolicy(allow_private=private, allow_http=http, resolve=dns)


async def refusal(guard: WebhookUrlPolicy, url: str) -> str:
    with pytest.raises(WebhookUrlRefused) as refused:
        await guard.check(url)
    return str(refused.value)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.10.10", "link-local"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.170.2", "cloud metadata"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "address"),
        ("192.0.0.192", "reserved"),
        ("198.18.0.1", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("fd00:ec2::254", "cloud metadata"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback address inside an IPv6"),
        ("::ffff:169.254.169.254", "cloud metadata address inside an IPv6"),
        ("::ffff:10.1.2.3", "private address inside an IPv6"),
        ("2002:7f00:1::", "loopback address inside an IPv6"),
        ("2002:a9fe:a9fe::1", "cloud metadata address inside an IPv6"),
        ("64:ff9b::a00:1", "private address inside an IPv6"),
        ("::7f00:1", "loopback address inside an IPv6"),
    ],
)
async def test_host_resolving_to_a_non_public_address_is_refused(address: str, kind: str) -> None:
    dns = FakeDns(hooks_example_com=[address])
    reason = await refusal(policy(dns), "https://hooks.example.com/in")
    assert kind in reason
    assert f"({address})" in reason or address.startswith("::ffff:")


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://[::1]:8443/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00:ec2::254]/latest/meta-data/",
        "https://10.0.0.5/hook",
    ],
)
async def test_ip_literal_is_checked_without_dns(url: str) -> None:
    dns = FakeDns()
    await refusal(policy(dns), url)
    assert dns.asked == []


async def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    dns = FakeDns(hooks_example_com=[PUBLIC_V4, PUBLIC_V6, "10.0.0.5"])
    assert "private address (10.0.0.5)" in await refusal(policy(dns), "https://hooks.example.com/")


async def test_public_host_is_allowed_and_resolved_with_its_port() -> None:
    dns = FakeDns(hooks_example_com=[PUBLIC_V4, PUBLIC_V6])
    await policy(dns).check("https://hooks.example.com:8443/in?x=1")
    await policy(dns).check("https://HOOKS.example.com/in")
    assert dns.asked == [("hooks.example.com", 8443), ("hooks.example.com", 443)]


async def test_localhost_is_refused_through_real_resolution() -> None:
    assert "loopback address" in await refusal(policy(), "https://localhost:9/hook")


@pytest.mark.parametrize("url", ["https://2130706433/", "https://0x7f000001/", "https://127.1/"])
async def test_numeric_host_forms_resolve_to_loopback_and_are_refused(url: str) -> None:
    assert "loopback address" in await refusal(policy(), url)


async def test_plain_http_is_refused_unless_allowed() -> None:
    dns = FakeDns(hooks_example_com=[PUBLIC_V4])
    assert "plain http is not allowed" in await refusal(policy(dns), "http://hooks.example.com/")
    await policy(dns, http=True).check("http://hooks.example.com/")


async def test_private_and_loopback_are_allowed_with_the_flag() -> None:
    dns = FakeDns(receiver_internal=["10.0.0.5", "fd12::1"])
    await policy(dns, private=True).check("https://receiver.internal/")
    await policy(private=True, http=True).check("http://127.0.0.1:8080/hook")
    await policy(private=True).check("https://localhost/hook")


@pytest.mark.parametrize("address", ["169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254"])
async def test_metadata_address_is_refused_even_with_private_allowed(address: str) -> None:
    dns = FakeDns(metadata_internal=[address])
    reason = await refusal(policy(dns, private=True), "https://metadata.internal/")
    assert "cloud metadata address" in reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://hooks.example.com/", "must be an absolute https URL"),
        ("/relative/path", "must be an absolute https URL"),
        ("hooks.example.com/in", "must be an absolute https URL"),
        ("https:///no-host", "has no host"),
        ("https://user:secret@hooks.example.com/", "user name or password"),
        ("https://token@hooks.example.com/", "user name or password"),
        ("https://hooks.example.com:99999/", "malformed"),
        ("https://[::1/", "malformed"),
        ("https://hooks.example.com/a b", "whitespace or control"),
        ("https://hooks.example.com/\x00", "whitespace or control"),
        ("https://hooks.example.com/" + "a" * MAX_URL_LENGTH, "longer than 2048"),
    ],
)
async def test_malformed_url_is_refused_before_any_dns(url: str, reason: str) -> None:
    dns = FakeDns(hooks_example_com=[PUBLIC_V4])
    guard = policy(dns)
    with pytest.raises(WebhookUrlRefused, match=reason):
        guard.check_syntax(url)
    assert reason in await refusal(guard, url)
    assert dns.asked == []


def test_check_syntax_gives_the_parts_a_connection_uses() -> None:
    target = policy(http=True).check_syntax("http://Hooks.Example.com/in")
    assert (target.scheme, target.host, target.port) == ("http", "hooks.example.com", 80)


async def test_unresolvable_host_is_refused_as_unresolved() -> None:
    with pytest.raises(WebhookHostUnresolved, match="could not be resolved") as refused:
        await policy(FakeDns()).check("https://nowhere.example.com/")
    assert "nowhere.example.com" in str(refused.value)


async def test_real_resolution_of_a_reserved_name_fails_as_unresolved() -> None:
    with pytest.raises(WebhookHostUnresolved):
        await policy().check("https://no-such-host.invalid/")


async def test_a_resolver_that_hangs_is_cut_off() -> None:
    async def hanging(host: str, port: int) -> Sequence[str]:
        await asyncio.sleep(10)
        return [PUBLIC_V4]

    guard = WebhookUrlPolicy(
        allow_private=False, allow_http=False, resolve=hanging, resolve_timeout_seconds=0.05
    )
    with pytest.raises(WebhookHostUnresolved, match="timed out"):
        await guard.check("https://slow.example.com/")
