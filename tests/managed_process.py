"""The one helper for the processes the tests start: start, wait until it answers, stop.

    with managed_process("api", [SCENEGEN, "serve", "--port", port], log_path=...,
                         ready_url=f"{base}/healthz") as api:
        ...

Output goes to a log file, whose tail is in every failure message. Stopping is SIGTERM,
then SIGKILL after the grace period; `kill()` is SIGKILL at once.
"""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

DEFAULT_STOP_GRACE_SECONDS = 15.0


class ProcessDidNotStart(RuntimeError):
    """The process exited, or did not answer in time; the message has its log tail."""


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class ManagedProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    base_url: str | None = None
    stop_grace_seconds: float = DEFAULT_STOP_GRACE_SECONDS

    @property
    def url(self) -> str:
        if self.base_url is None:
            raise AttributeError(f"{self.name} serves no HTTP")
        return self.base_url

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_until_answers(self, url: str, timeout: float, interval: float = 0.1) -> None:
        """Until `url` answers 200; raises ProcessDidNotStart if the process exits first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ProcessDidNotStart(
                    f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(interval)
        raise ProcessDidNotStart(f"{self.name} did not answer {url}:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to release what it holds."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not stopped within the grace period."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=self.stop_grace_seconds)
        except subprocess.TimeoutExpired:
            self.kill()


def start_process(
    name: str,
    command: Sequence[str],
    *,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    inherit_env: bool = True,
    cwd: Path | None = None,
    base_url: str | None = None,
) -> ManagedProcess:
    """Start `command` with its output in `log_path`; `env` is added to the test's environment
    (or is the whole environment with `inherit_env=False`)."""
    environment = {**os.environ, **(env or {})} if inherit_env else dict(env or {})
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            list(command),
            env=environment,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return ManagedProcess(name=name, process=process, log_path=log_path, base_url=base_url)


@contextmanager
def managed_process(
    name: str,
    command: Sequence[str],
    *,
    log_path: Path,
    ready_url: str | None = None,
    ready_timeout: float = 30.0,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    base_url: str | None = None,
) -> Iterator[ManagedProcess]:
    """A started process, ready once `ready_url` answers 200; stopped on exit."""
    started = start_process(name, command, log_path=log_path, env=env, cwd=cwd, base_url=base_url)
    try:
        if ready_url is not None:
            started.wait_until_answers(ready_url, ready_timeout)
        yield started
    finally:
        started.stop()
