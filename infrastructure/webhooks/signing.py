"""Standard Webhooks signatures: one `v1,<base64 HMAC-SHA256>` per configured secret."""

import base64
import binascii
import secrets
from datetime import UTC, datetime

from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"
MIN_SECRET_BYTES = 24
MAX_SECRET_BYTES = 64
SECRET_SETTING = "WEBHOOK_SECRET"


class InvalidWebhookSecret(ValueError):
    """A configured webhook secret is not a `whsec_` secret; says which, never what it is."""


def parse_webhook_secrets(value: str, *, setting: str = SECRET_SETTING) -> tuple[str, ...]:
    """The space-separated secrets of `setting`, newest first (several while one is rotated)."""
    configured = tuple(value.split())
    if not configured:
        raise InvalidWebhookSecret(f"{setting} is empty: give at least one whsec_ secret")
    for position, secret in enumerate(configured, start=1):
        problem = _secret_problem(secret)
        if problem:
            raise InvalidWebhookSecret(
                f"{setting}: secret {position} of {len(configured)} {problem}; a secret is "
                f"'{SECRET_PREFIX}' then the base64 of {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} "
                "random bytes"
            )
    return configured


def generate_webhook_secret() -> str:
    """A fresh secret of 32 random bytes, in the `whsec_` form receivers expect."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature_header(
    secrets_newest_first: tuple[str, ...], *, message_id: str, timestamp: datetime, body: bytes
) -> str:
    """The `webhook-signature` value: a receiver holding any one of the secrets can verify it."""
    if not secrets_newest_first:
        raise InvalidWebhookSecret(f"no {SECRET_SETTING} is configured to sign with")
    at = timestamp.astimezone(UTC)
    data = body.decode()
    return " ".join(Webhook(secret).sign(message_id, at, data) for secret in secrets_newest_first)


def signed_headers(
    secrets_newest_first: tuple[str, ...], *, message_id: str, timestamp: datetime, body: bytes
) -> dict[str, str]:
    """`webhook-id`, `webhook-timestamp` (epoch seconds) and `webhook-signature`."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(
            secrets_newest_first, message_id=message_id, timestamp=timestamp, body=body
        ),
    }


def _secret_problem(secret: str) -> str | None:
    if not secret.startswith(SECRET_PREFIX):
        return f"does not start with '{SECRET_PREFIX}'"
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        return "is not valid base64"
    if not MIN_SECRET_BYTES <= len(key) <= MAX_SECRET_BYTES:
        return f"holds {len(key)} bytes"
    return None
