"""The smoke check fails for the right reason, and passes against a healthy service."""

import asyncio
import os
import subprocess
from datetime import datetime

import msgspec
import pytest
from dependency_injector import providers
from litestar import Litestar, get

from application.ports import ArtifactLinks, RenderedArtifacts
from domain.jobs import ArtifactRefs, InlineArtifacts
from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.settings import Settings
from interfaces.cli.embedded_server import serving
from interfaces.cli.smoke import SmokeExit, SmokeFailure, run_smoke
from interfaces.http.app import create_app
from tests.e2e.processes import SCENEGEN, free_port
from tests.fakes import IdleQueue


def _container(**overrides: object) -> Container:
    container = Container(settings=Settings(internal_token="smoke-token-0123456789abcdef"))
    for name, provider in overrides.items():
        getattr(container, name).override(provider)
    return container


async def _smoke_failure(app: Litestar, timeout: float = 20.0) -> SmokeFailure:
    async with serving(app) as base_url:
        try:
            await run_smoke(base_url, timeout=timeout)
        except SmokeFailure as failure:
            return failure
    raise AssertionError("the smoke check passed")


class _BrokenStore:
    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        raise OSError("disk full")

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None

    async def check(self) -> None:
        return None


class _CorruptStore(_BrokenStore):
    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        return InlineArtifacts(scene_graph=msgspec.Raw(b'{"not": "a scene"}'), ascii_minimap="?")


class _ScriptedPictureStore(_BrokenStore):
    """Keeps a good scene graph and minimap, and an SVG map carrying a script."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        return InlineArtifacts(
            scene_graph=msgspec.Raw(artifacts.scene_graph_json),
            ascii_minimap=artifacts.ascii_minimap,
            scene_svg='<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        )

    async def read_file(self, refs: ArtifactRefs, file: str) -> bytes:
        assert isinstance(refs, InlineArtifacts) and refs.scene_svg is not None
        return refs.scene_svg.encode()


async def test_smoke_checks_the_svg_map_too() -> None:
    failure = await _smoke_failure(
        create_app(ApiRuntime(_container(artifact_store=providers.Object(_ScriptedPictureStore()))))
    )
    assert failure.code is SmokeExit.ARTIFACT_INVALID
    assert "scene.svg" in str(failure)


async def test_smoke_passes_against_a_healthy_demo_service() -> None:
    async with serving(create_app(ApiRuntime(_container()))) as base_url:
        result = await run_smoke(base_url, timeout=30)
    assert result.job["status"] == "done"
    assert result.minimap.count("\n") >= 25


async def test_smoke_reports_a_failed_job() -> None:
    failure = await _smoke_failure(
        create_app(ApiRuntime(_container(artifact_store=providers.Object(_BrokenStore()))))
    )
    assert failure.code is SmokeExit.JOB_FAILED
    assert "store_artifacts" in str(failure)


async def test_smoke_reports_a_job_that_never_finishes() -> None:
    container = _container(job_queue=providers.Object(IdleQueue()))
    failure = await _smoke_failure(create_app(ApiRuntime(container)), timeout=1.5)
    assert failure.code is SmokeExit.TIMED_OUT


async def test_smoke_reports_invalid_artifacts() -> None:
    failure = await _smoke_failure(
        create_app(ApiRuntime(_container(artifact_store=providers.Object(_CorruptStore()))))
    )
    assert failure.code is SmokeExit.ARTIFACT_INVALID


async def test_smoke_reports_a_service_without_an_openapi_document() -> None:
    @get("/healthz")
    async def healthz() -> str:
        return "ok"

    failure = await _smoke_failure(Litestar([healthz], openapi_config=None))
    assert failure.code is SmokeExit.NO_OPENAPI


def test_smoke_command_exits_unreachable_against_a_stopped_server() -> None:
    result = subprocess.run(
        [SCENEGEN, "smoke", "--base-url", f"http://127.0.0.1:{free_port()}", "--timeout", "5"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == SmokeExit.UNREACHABLE
    assert "unreachable" in result.stderr


def test_smoke_command_refuses_a_base_url_without_a_scheme_in_one_line() -> None:
    result = subprocess.run(
        [SCENEGEN, "smoke", "--base-url", "localhost:8000"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == SmokeExit.USAGE
    assert result.stderr.strip().splitlines()[-1].endswith("got 'localhost:8000'")


SMOKE_KEY = "sg_" + "k" * 40


def _keyed_app() -> Litestar:
    settings = Settings(
        internal_token="smoke-token-0123456789abcdef",
        auth_mode="api-keys",
        api_keys=f"smoke:{SMOKE_KEY}",
    )
    return create_app(ApiRuntime(Container(settings=settings)))


async def test_smoke_sends_its_key_to_a_service_with_keys() -> None:
    async with serving(_keyed_app()) as base_url:
        result = await run_smoke(base_url, timeout=30, api_key=SMOKE_KEY)
    assert result.job["status"] == "done"


async def test_smoke_without_a_key_says_one_line_on_a_service_with_keys() -> None:
    async with serving(_keyed_app()) as base_url:
        with pytest.raises(SmokeFailure) as raised:
            await run_smoke(base_url, timeout=30)
        with pytest.raises(SmokeFailure) as wrong:
            await run_smoke(base_url, timeout=30, api_key="sg_" + "w" * 40)
    assert raised.value.code is SmokeExit.UNAUTHORIZED
    assert str(raised.value) == (
        "the service requires an API key: pass --api-key or set SCENEGEN_API_KEY"
    )
    assert wrong.value.code is SmokeExit.UNAUTHORIZED
    assert "w" * 40 not in str(wrong.value)


async def _smoke_command(base_url: str, *arguments: str, key: str | None) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "SCENEGEN_API_KEY"}
    if key is not None:
        env["SCENEGEN_API_KEY"] = key
    process = await asyncio.create_subprocess_exec(
        SCENEGEN,
        *("smoke", "--base-url", base_url, "--timeout", "30", *arguments),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def test_smoke_command_reads_the_key_from_scenegen_api_key_and_never_shows_it() -> None:
    async with serving(_keyed_app()) as base_url:
        keyed = await _smoke_command(base_url, key=SMOKE_KEY)
        keyless = await _smoke_command(base_url, key=None)
    assert keyed[0] == SmokeExit.OK, keyed[1]
    assert SMOKE_KEY not in keyed[1]
    assert keyless[0] == SmokeExit.UNAUTHORIZED
    assert keyless[1].strip().splitlines() == [
        "smoke: FAILED (unauthorized): the service requires an API key: pass --api-key or set "
        "SCENEGEN_API_KEY"
    ]
