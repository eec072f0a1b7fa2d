"""Webhook adapters: Standard Webhooks signing, the HTTP sender and the SSRF URL policy."""

from infrastructure.webhooks.sender import HttpWebhookSender
from infrastructure.webhooks.signing import (
    InvalidWebhookSecret,
    generate_webhook_secret,
    parse_webhook_secrets,
)
from infrastructure.webhooks.url_guard import WebhookUrlPolicy

__all__ = [
    "HttpWebhookSender",
    "InvalidWebhookSecret",
    "WebhookUrlPolicy",
    "generate_webhook_secret",
    "parse_webhook_secrets",
]
