"""Standard Webhooks signing: every rotated secret verifies, malformed secrets are named."""

import base64
import hashlib
import hmac
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from infrastructure.webhooks.signing import (
    InvalidWebhookSecret,
    generate_webhook_secret,
    parse_webhook_secrets,
    signed_headers,
)

BODY = b'{"type":"job.done","timestamp":"2026-11-27T10:00:00Z","data":{"status":"done"}}'


def headers_now(secrets: tuple[str, ...], body: bytes = BODY) -> dict[str, str]:
    return signed_headers(
        secrets, message_id="msg_job1_terminal", timestamp=datetime.now(UTC), body=body
    )


def test_each_rotated_secret_verifies_the_same_delivery(rotated_secrets: tuple[str, str]) -> None:
    headers = headers_now(rotated_secrets)
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in rotated_secrets:
        assert Webhook(secret).verify(BODY, headers)["type"] == "job.done"


def test_signatures_list_the_newest_secret_first(rotated_secrets: tuple[str, str]) -> None:
    newest, _ = rotated_secrets
    headers = headers_now(rotated_secrets)
    first = headers["webhook-signature"].split(" ")[0]
    assert headers_now((newest,))["webhook-signature"] == first


def test_a_secret_not_configured_does_not_verify(rotated_secrets: tuple[str, str]) -> None:
    with pytest.raises(WebhookVerificationError):
        Webhook(generate_webhook_secret()).verify(BODY, headers_now(rotated_secrets))


def test_a_changed_body_does_not_verify(rotated_secrets: tuple[str, str]) -> None:
    headers = headers_now(rotated_secrets)
    with pytest.raises(WebhookVerificationError):
        Webhook(rotated_secrets[0]).verify(BODY.replace(b"done", b"fail"), headers)


def test_signature_is_hmac_sha256_of_id_timestamp_and_body() -> None:
    key = bytes(range(32))
    secret = "whsec_" + base64.b64encode(key).decode()
    at = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
    headers = signed_headers((secret,), message_id="msg_1", timestamp=at, body=BODY)
    timestamp = str(int(at.timestamp()))
    expected = hmac.new(key, b"msg_1." + timestamp.encode() + b"." + BODY, hashlib.sha256)
    assert headers == {
        "webhook-id": "msg_1",
        "webhook-timestamp": timestamp,
        "webhook-signature": "v1," + base64.b64encode(expected.digest()).decode(),
    }


def test_secrets_are_read_newest_first_from_any_whitespace() -> None:
    first, second = generate_webhook_secret(), generate_webhook_secret()
    assert parse_webhook_secrets(f"  {first}\n {second} ") == (first, second)


def test_unpadded_base64_secret_is_accepted() -> None:
    secret = generate_webhook_secret().rstrip("=")
    assert parse_webhook_secrets(secret) == (secret,)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "WEBHOOK_SECRET is empty"),
        ("not-a-secret-value-123", "secret 1 of 1 does not start with 'whsec_'"),
        ("whsec_!!not*base64!!", "secret 1 of 1 is not valid base64"),
        ("whsec_" + base64.b64encode(b"short").decode(), "secret 1 of 1 holds 5 bytes"),
        (generate_webhook_secret() + " whsec_", "secret 2 of 2 holds 0 bytes"),
    ],
)
def test_malformed_secret_is_refused_naming_the_setting(value: str, problem: str) -> None:
    with pytest.raises(InvalidWebhookSecret) as refused:
        parse_webhook_secrets(value)
    assert problem in str(refused.value)
    assert "WEBHOOK_SECRET" in str(refused.value)
    assert "not-a-secret" not in str(refused.value)


def test_the_setting_named_in_errors_can_be_the_ssm_parameter() -> None:
    with pytest.raises(InvalidWebhookSecret, match="WEBHOOK_SECRET_PARAMETER"):
        parse_webhook_secrets("nope", setting="WEBHOOK_SECRET_PARAMETER")


def test_no_secret_cannot_sign() -> None:
    with pytest.raises(InvalidWebhookSecret):
        headers_now(())
