"""Fixtures for the webhook tests: two rotated secrets, a loopback receiver, a TLS certificate."""

from collections.abc import Iterator

import pytest

from infrastructure.webhooks.signing import generate_webhook_secret
from tests.unit.webhooks.receiver import WebhookReceiver
from tests.unit.webhooks.tls import TlsFiles

NEW_SECRET = generate_webhook_secret()
OLD_SECRET = generate_webhook_secret()


@pytest.fixture
def rotated_secrets() -> tuple[str, str]:
    """Newest first, as WEBHOOK_SECRET lists them during a rotation."""
    return (NEW_SECRET, OLD_SECRET)


@pytest.fixture
def receiver(rotated_secrets: tuple[str, str]) -> Iterator[WebhookReceiver]:
    running = WebhookReceiver(rotated_secrets)
    yield running
    running.close()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return TlsFiles(tmp_path_factory.mktemp("tls"))
