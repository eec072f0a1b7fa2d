"""`make up` (scripts/local_stack.py) refuses to start, naming the port, when a port is taken."""

import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "local_stack.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("local_stack", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another process (here: this one) listens on."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener.getsockname()[1]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


def test_the_worker_reports_to_the_api_internal_port() -> None:
    script = load_script()
    assert script.stack_env()["ORCHESTRATOR_URL"] == f"http://127.0.0.1:{script.INTERNAL_PORT}"
    assert script.INTERNAL_PORT != script.API_PORT


def test_a_listening_port_is_taken_and_a_closed_one_is_not(taken_port: int) -> None:
    script = load_script()
    assert script.port_taken(taken_port)
    assert not script.port_taken(free_port())


PORT_VARIABLES = ["LOCAL_API_PORT", "LOCAL_INTERNAL_PORT", "LOCAL_EMULATOR_PORT"]


@pytest.mark.parametrize("variable", PORT_VARIABLES)
def test_up_refuses_with_one_line_naming_the_taken_port(taken_port: int, variable: str) -> None:
    if (ROOT / ".run" / "stack.json").exists():
        pytest.skip("a local stack is up here; `make down` first")
    assert (ROOT / ".venv-emulator" / "bin" / "ministack").exists(), "run make emulator"
    others = {other: str(free_port()) for other in PORT_VARIABLES if other != variable}
    env = {**os.environ, **others, variable: str(taken_port)}
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "up"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )
    assert finished.returncode != 0
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1, finished.stderr
    assert f"port {taken_port}" in lines[0] and variable in lines[0]
    assert "local stack up" not in finished.stdout
    assert not (ROOT / ".run" / "stack.json").exists()


def test_a_started_process_that_exits_is_not_taken_for_ready_whoever_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another server answering 200 at the URL must not pass for the API that `up` started."""
    import http.server
    import threading

    script = load_script()
    monkeypatch.setattr(script, "down", lambda: None)  # never touch a real stack from a test

    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    impostor = http.server.HTTPServer(("127.0.0.1", 0), Ok)
    threading.Thread(target=impostor.serve_forever, daemon=True).start()
    ours = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    ours.wait()
    try:
        with pytest.raises(SystemExit, match="the API exited with status 3"):
            script.wait_for(
                f"http://127.0.0.1:{impostor.server_address[1]}/readyz", "the API", ours, 5.0
            )
    finally:
        impostor.shutdown()
        impostor.server_close()
