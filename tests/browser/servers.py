"""Services for the browser tests: the real `scenegen serve`, and in-process apps whose jobs
fail or never start (a broken artifact store, a queue that delivers nothing)."""

import asyncio
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from dependency_injector import providers

from application.ports import ArtifactLinks, Delivery, QueuedJob, RenderedArtifacts
from domain.jobs import ArtifactRefs
from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.settings import Settings
from interfaces.cli.embedded_server import serving
from interfaces.http.app import create_app

TOKEN = "browser-token-0123456789abcdef"


class FullArtifactStore:
    """Every save fails as a full disk would: the job fails at `store_artifacts`."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        raise OSError("disk full")

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None

    async def delete(self, refs: ArtifactRefs) -> None:
        return None

    async def check(self) -> None:
        return None


class IdleQueue:
    """Takes every job and delivers none: jobs stay queued until canceled."""

    async def enqueue(self, job: QueuedJob) -> None:
        return None

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        await asyncio.sleep(min(wait_seconds, 0.2))
        return None

    async def keep_alive(self, delivery: Delivery) -> None:
        return None

    async def ack(self, delivery: Delivery) -> None:
        return None

    async def release(self, delivery: Delivery) -> None:
        return None

    async def check(self) -> None:
        return None


@contextmanager
def in_process_service(**overrides: object) -> Iterator[str]:
    """A demo-mode app with some adapters replaced, served by uvicorn in a thread of its own
    (Playwright's sync API owns the test's thread); yields its base URL."""
    container = Container(settings=Settings(internal_token=TOKEN))
    for name, provider in overrides.items():
        getattr(container, name).override(providers.Object(provider))
    app = create_app(ApiRuntime(container))
    started: queue.Queue[str | BaseException] = queue.Queue()
    stop = threading.Event()

    async def serve() -> None:
        try:
            async with serving(app) as base_url:
                started.put(base_url)
                await asyncio.to_thread(stop.wait)
        except BaseException as error:
            started.put(error)
            raise

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    outcome = started.get(timeout=30)
    if isinstance(outcome, BaseException):
        raise outcome
    try:
        yield outcome
    finally:
        stop.set()
        thread.join(timeout=30)
