"""Signed webhooks: the ports they need and the dispatcher that delivers them."""

from application.webhooks.dispatcher import DispatchOutcome, WebhookDispatcher
from application.webhooks.ports import (
    SendResult,
    WebhookDelivery,
    WebhookEventType,
    WebhookHostUnresolved,
    WebhookLog,
    WebhookMessage,
    WebhookPayloads,
    WebhookQueue,
    WebhookSender,
    WebhookUrlGuard,
    WebhookUrlRefused,
)
from application.webhooks.retry_schedule import (
    MAX_RETRY_DELAY_SECONDS,
    retry_backoff,
    retry_delay,
)

__all__ = [
    "MAX_RETRY_DELAY_SECONDS",
    "DispatchOutcome",
    "SendResult",
    "WebhookDelivery",
    "WebhookDispatcher",
    "WebhookEventType",
    "WebhookHostUnresolved",
    "WebhookLog",
    "WebhookMessage",
    "WebhookPayloads",
    "WebhookQueue",
    "WebhookSender",
    "WebhookUrlGuard",
    "WebhookUrlRefused",
    "retry_backoff",
    "retry_delay",
]
