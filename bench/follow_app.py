"""The demo service with a queue that never delivers: every job stays queued, so waiting
requests and event streams stay open for as long as a benchmark needs them."""

import asyncio

from dependency_injector import providers
from litestar import Litestar

from application.ports import Delivery, QueuedJob
from infrastructure.bootstrap import api_runtime_from_env
from interfaces.http.app import create_app


class HeldQueue:
    async def enqueue(self, job: QueuedJob) -> None:
        return None

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        await asyncio.sleep(wait_seconds)
        return None

    async def keep_alive(self, delivery: Delivery) -> None:
        return None

    async def ack(self, delivery: Delivery) -> None:
        return None

    async def release(self, delivery: Delivery) -> None:
        return None

    async def check(self) -> None:
        return None


def create_held_app() -> Litestar:
    runtime = api_runtime_from_env()
    runtime.container.job_queue.override(providers.Singleton(HeldQueue))
    return create_app(runtime)
