"""`scenegen serve --internal-port`: the callback and /readyz only on the internal port.

The public port has no internal route at all, so no spelling of the path reaches the
callback there (an ALB rule matches the raw path; the app would route `//internal/...`).
"""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.processes import SCENEGEN
from tests.fakes import TOKEN
from tests.managed_process import free_port, managed_process

pytestmark = pytest.mark.e2e

CALLBACK_SPELLINGS = [
    "/internal/jobs/x/step",
    "//internal/jobs/x/step",
    "/%69nternal/jobs/x/step",
    "/internal//jobs/x/step",
    "/./internal/jobs/x/step",
]


@pytest.fixture(scope="module")
def ports() -> Iterator[tuple[str, str]]:
    public, internal = free_port(), free_port()
    with (
        tempfile.TemporaryDirectory() as workdir,
        managed_process(
            "scenegen serve",
            [SCENEGEN, "serve", "--port", str(public), "--internal-port", str(internal)],
            log_path=Path(workdir) / "serve.log",
            env={"INTERNAL_TOKEN": TOKEN},
            ready_url=f"http://127.0.0.1:{internal}/readyz",
            ready_timeout=20.0,
        ),
    ):
        yield f"http://127.0.0.1:{public}", f"http://127.0.0.1:{internal}"


def raw_post(base_url: str, path: str) -> int:
    """POST with the path sent exactly as written (httpx would normalise it)."""
    with httpx.Client(base_url=base_url) as client:
        request = client.build_request(
            "POST", "/", headers={"X-INTERNAL-TOKEN": TOKEN}, content=b"{}"
        )
        request.url = request.url.copy_with(raw_path=path.encode())
        return client.send(request).status_code


@pytest.mark.parametrize("path", CALLBACK_SPELLINGS)
def test_no_spelling_of_the_callback_path_is_routed_on_the_public_port(
    ports: tuple[str, str], path: str
) -> None:
    public, _ = ports
    assert raw_post(public, path) == 404


def test_the_internal_port_serves_the_callback_behind_its_token(ports: tuple[str, str]) -> None:
    _, internal = ports
    # A valid token reaches the handler: an unknown job is 404 problem details, not routing.
    response = httpx.post(
        f"{internal}/internal/jobs/01jd6q3e9m8z5k7x2w4v6t8r0p/step",
        headers={"X-INTERNAL-TOKEN": TOKEN},
        json={"stepId": "layout:started", "name": "layout", "phase": "started",
              "at": "2026-01-01T00:00:00Z"},
    )  # fmt: skip
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"] == "application/problem+json"
    without = httpx.post(f"{internal}/internal/jobs/x/step", json={})
    assert without.status_code == 401


def test_readiness_is_only_on_the_internal_port_and_liveness_on_both(
    ports: tuple[str, str],
) -> None:
    public, internal = ports
    assert httpx.get(f"{internal}/readyz").status_code == 200
    assert httpx.get(f"{public}/readyz").status_code == 404
    assert httpx.get(f"{public}/healthz").status_code == 200
    assert httpx.get(f"{internal}/healthz").status_code == 200
    assert httpx.get(f"{internal}/internal/openapi.json").status_code == 401
    assert httpx.get(f"{public}/internal/openapi.json").status_code == 404


def test_the_public_port_serves_the_api_and_the_internal_port_does_not(
    ports: tuple[str, str],
) -> None:
    public, internal = ports
    document = httpx.get(f"{public}/openapi.json").json()
    assert "/generate" in document["paths"]
    assert not [path for path in document["paths"] if "internal" in path]
    assert httpx.post(f"{internal}/generate", json={"prompt": "a well"}).status_code == 404
    # Demo mode on two ports still runs jobs to the end (the embedded worker needs no port).
    accepted = httpx.post(
        f"{public}/generate", json={"prompt": "a well"}, headers={"Prefer": "wait=10"}
    )
    assert accepted.json()["status"] == "done", accepted.text


def test_the_internal_port_must_differ_from_the_public_one() -> None:
    import subprocess

    finished = subprocess.run(
        [SCENEGEN, "serve", "--port", "8123", "--internal-port", "8123"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert finished.returncode == 2
    assert "--internal-port must differ from --port" in finished.stderr
