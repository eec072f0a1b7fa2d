"""The worker's heartbeat file and `scenegen worker-health`, the container's health check."""

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from infrastructure import settings, worker_heartbeat
from infrastructure.worker_heartbeat import beat, heartbeat_age
from interfaces.cli import worker_health_command
from interfaces.cli.main import main


def test_the_check_reads_the_variable_and_limit_the_worker_side_uses() -> None:
    assert worker_health_command.HEARTBEAT_FILE_VARIABLE == settings.HEARTBEAT_FILE_VARIABLE
    assert worker_health_command.MAX_AGE_SECONDS == worker_heartbeat.MAX_AGE_SECONDS
    assert worker_heartbeat.MAX_AGE_SECONDS >= 3 * worker_heartbeat.INTERVAL_SECONDS
    env = {settings.HEARTBEAT_FILE_VARIABLE: "/run/scenegen/heartbeat"}
    assert settings.Settings.from_env(env).worker_heartbeat_file == "/run/scenegen/heartbeat"


async def test_a_running_worker_beats_and_a_dead_one_does_not(tmp_path: Path) -> None:
    def asked_once(answer: bool, stop: asyncio.Event) -> Callable[[], bool]:
        def alive() -> bool:
            stop.set()  # one round of the loop, then it ends
            return answer

        return alive

    alive_file, dead_file = tmp_path / "alive" / "heartbeat", tmp_path / "dead" / "heartbeat"
    first, second = asyncio.Event(), asyncio.Event()
    await beat(alive_file, asked_once(True, first), first, interval=60)
    await beat(dead_file, asked_once(False, second), second, interval=60)
    assert heartbeat_age(alive_file) is not None
    assert heartbeat_age(dead_file) is None


def test_worker_health_passes_on_a_fresh_heartbeat_and_fails_on_a_stale_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heartbeat = tmp_path / "heartbeat"
    monkeypatch.setenv(settings.HEARTBEAT_FILE_VARIABLE, str(heartbeat))
    assert main(["worker-health"]) == 1
    assert "no heartbeat yet" in capsys.readouterr().err
    heartbeat.touch()
    assert main(["worker-health"]) == 0
    old = time.time() - worker_heartbeat.MAX_AGE_SECONDS - 5
    os.utime(heartbeat, (old, old))
    assert main(["worker-health"]) == 1
    assert "last heartbeat 65 s ago (limit 60 s)" in capsys.readouterr().err
    assert main(["worker-health", "--max-age", "120"]) == 0


def test_worker_health_without_a_file_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(settings.HEARTBEAT_FILE_VARIABLE, raising=False)
    assert main(["worker-health"]) == 2
