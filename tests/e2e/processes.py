"""Start the real `scenegen` command as a process on a free loopback port."""

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.managed_process import free_port, managed_process

SCENEGEN = str(Path(sys.executable).parent / "scenegen")

__all__ = ["SCENEGEN", "free_port", "scenegen_serve"]


@contextmanager
def scenegen_serve(env: dict[str, str] | None = None) -> Iterator[str]:
    """Yield the base URL of a `scenegen serve` process; stop it with SIGTERM afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with (
        tempfile.TemporaryDirectory() as workdir,
        managed_process(
            "scenegen serve",
            [SCENEGEN, "serve", "--port", str(port)],
            log_path=Path(workdir) / "serve.log",
            env=env,
            ready_url=f"{base_url}/healthz",
            ready_timeout=20.0,
        ),
    ):
        yield base_url
