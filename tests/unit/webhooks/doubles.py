"""Fakes for the webhook tests: payloads, the attempt log and a DNS resolver."""

import asyncio
import socket
from collections.abc import Sequence
from datetime import UTC, datetime

import msgspec

from application.errors import DependencyUnavailable
from application.webhooks.ports import WebhookMessage

OCCURRED_AT = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)


def a_message(url: str, job_id: str = "job-1", **fields: object) -> WebhookMessage:
    message = WebhookMessage(
        message_id=f"msg_{job_id}_terminal",
        job_id=job_id,
        event_type="job.done",
        url=url,
        occurred_at=OCCURRED_AT,
    )
    return msgspec.structs.replace(message, **fields)


class FakePayloads:
    """Bodies of the jobs it knows; None for any other (the job is gone)."""

    def __init__(self, *job_ids: str) -> None:
        self.job_ids = set(job_ids)

    async def body(self, message: WebhookMessage) -> bytes | None:
        if message.job_id not in self.job_ids:
            return None
        return msgspec.json.encode(
            {
                "type": message.event_type,
                "timestamp": message.occurred_at,
                "data": {"id": message.job_id, "status": "done"},
            }
        )


class Attempt(msgspec.Struct, frozen=True, kw_only=True):
    job_id: str
    at: datetime
    delivered: bool
    error: str | None


class RecordingLog:
    """Keeps every attempt; fails the first `failures` records like an unavailable job store."""

    def __init__(self, failures: int = 0) -> None:
        self.attempts: list[Attempt] = []
        self.failures_left = failures
        self.changed = asyncio.Event()

    async def record_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None:
        if self.failures_left > 0:
            self.failures_left -= 1
            raise DependencyUnavailable("job store", "timed out")
        self.attempts.append(Attempt(job_id=job_id, at=at, delivered=delivered, error=error))
        self.changed.set()

    async def wait_for(self, count: int, timeout: float = 30.0) -> list[Attempt]:
        async with asyncio.timeout(timeout):
            while len(self.attempts) < count:
                self.changed.clear()
                await self.changed.wait()
        return self.attempts


class FakeDns:
    """Resolves the names it was given; remembers what it was asked."""

    def __init__(self, **names: Sequence[str]) -> None:
        self.names = {name.replace("_", "."): list(addresses) for name, addresses in names.items()}
        self.asked: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append((host, port))
        if host not in self.names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.names[host]
