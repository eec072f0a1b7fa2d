"""A worker started while its queue does not answer waits the outage out instead of exiting."""

import asyncio
import logging

import pytest
from dependency_injector import providers

from application.errors import DependencyUnavailable
from infrastructure.bootstrap import runtimes


class _FlakyStart:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise DependencyUnavailable("job queue", "timed out")
        return "worker"


async def test_the_worker_starts_once_its_dependencies_answer(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(runtimes, "capped_backoff", lambda failures: 0.01)
    start = _FlakyStart(failures=3)
    with caplog.at_level(logging.INFO):
        worker = await runtimes._resolved_when_reachable(
            providers.Callable(start),  # type: ignore[arg-type]
            asyncio.Event(),
        )
    assert worker == "worker" and start.calls == 4  # type: ignore[comparison-overlap]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, "one line for the outage, not one per attempt"
    assert any("answer again" in r.getMessage() for r in caplog.records)


async def test_a_stop_during_the_outage_ends_the_wait() -> None:
    stop = asyncio.Event()
    start = _FlakyStart(failures=10**6)
    asyncio.get_running_loop().call_later(0.05, stop.set)
    worker = await asyncio.wait_for(
        runtimes._resolved_when_reachable(providers.Callable(start), stop),  # type: ignore[arg-type]
        timeout=5,
    )
    assert worker is None
