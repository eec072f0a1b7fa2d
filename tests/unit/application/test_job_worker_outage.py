"""JobWorker during a queue outage: one line when it begins, one when it ends, capped backoff."""

import asyncio
import logging

import pytest

from application.errors import DependencyUnavailable
from application.ports import Delivery
from application.use_cases.run_job import RunJobHandler
from application.worker import MAX_BACKOFF_SECONDS, JobWorker, capped_backoff
from tests.fakes import CountingArtifactStore, ExplodingReporter, FixedClock, RecordingQueue


class FailingQueue(RecordingQueue):
    """Fails `failures` receives in a row, then answers (empty) until told to fail again."""

    def __init__(self, failures: int, stop_after: int) -> None:
        super().__init__()
        self.failures_left = failures
        self.receives = 0
        self.stop_after = stop_after
        self.enough = asyncio.Event()

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        self.receives += 1
        if self.receives >= self.stop_after:
            self.enough.set()
        if self.failures_left > 0:
            self.failures_left -= 1
            raise DependencyUnavailable("job queue", "timed out")
        await asyncio.sleep(0.001)
        return None


async def run_until_enough(queue: FailingQueue, waits: list[int]) -> None:
    def no_wait(failures: int) -> float:
        waits.append(failures)
        return 0.0

    worker = JobWorker(
        queue=queue,
        run_job=RunJobHandler(  # never called: nothing is delivered
            reporter=ExplodingReporter(), artifacts=CountingArtifactStore(), clock=FixedClock()
        ),
        receive_wait_seconds=0.01,
        backoff=no_wait,
    )
    worker.start()
    await asyncio.wait_for(queue.enough.wait(), timeout=5)
    await worker.stop(1.0)


async def test_an_outage_logs_one_warning_and_one_recovery_without_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    queue = FailingQueue(failures=25, stop_after=30)
    waits: list[int] = []
    with caplog.at_level(logging.INFO, logger="application.worker"):
        await run_until_enough(queue, waits)

    outage = [r for r in caplog.records if r.levelno >= logging.WARNING]
    recovered = [r for r in caplog.records if "available again" in r.getMessage()]
    assert [r.getMessage() for r in outage] == [
        "job queue unavailable, retrying with backoff: job queue is unavailable: timed out"
    ]
    assert len(recovered) == 1 and "25 failed receives" in recovered[0].getMessage()
    assert all(r.exc_info is None for r in caplog.records)
    assert waits == list(range(1, 26)), "one backoff per failure, counting the failures in a row"


@pytest.mark.parametrize("failures", [1, 2, 3, 6, 10, 50, 10_000])
def test_backoff_doubles_with_jitter_up_to_a_cap(failures: int) -> None:
    ceiling = min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** min(failures - 1, 20))
    delays = [capped_backoff(failures) for _ in range(200)]
    assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
    assert len(set(delays)) > 1, "jittered"
