"""`scenegen scene` and the parser load none of the service's heavy dependencies.

These check which modules get imported, in a fresh interpreter; they do not time anything
(bench/bench_scene.py measures the command end to end).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interfaces.cli.main import main

ROOT = Path(__file__).resolve().parents[3]
SCENEGEN = Path(sys.executable).parent / "scenegen"
HEAVY = (
    "litestar",
    "aiobotocore",
    "botocore",
    "opentelemetry",
    "uvicorn",
    "httpx",
    "dependency_injector",
    "jsonschema",
)

_REPORT_LOADED = (
    "import json, sys\n"
    "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(sys.argv[1])))\n"
    "print(json.dumps(loaded), file=sys.stderr)\n"
)


def heavy_modules_after(code: str) -> list[str]:
    """Run `code` in a fresh interpreter; the heavy top-level packages it left in sys.modules."""
    script = f"{code}\n{_REPORT_LOADED}"
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return loaded


def test_the_scene_command_imports_no_service_dependency() -> None:
    code = (
        "from interfaces.cli.main import main\n"
        "assert main(['scene', 'a village with two houses', '--seed', '3']) == 0"
    )
    assert heavy_modules_after(code) == []


def test_building_the_parser_imports_no_service_dependency_nor_the_generator() -> None:
    code = (
        "import sys\n"
        "from interfaces.cli.main import build_parser\n"
        "build_parser().format_help()\n"
        "eager = {'domain.scene', 'asyncio', 'infrastructure'} & set(sys.modules)\n"
        "assert not eager, sorted(eager)"
    )
    assert heavy_modules_after(code) == []


def test_the_console_script_imports_no_service_dependency() -> None:
    assert SCENEGEN.exists(), f"{SCENEGEN} is missing: run make"
    # -X importtime lists every module the launcher and the command import, on stderr.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(SCENEGEN), "scene", "a village"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Relations:" in result.stdout
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


def test_a_configuration_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("JOBS_TABLE", "ARTIFACTS_BUCKET", "JOBS_QUEUE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["provision"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "scenegen: configuration error: JOBS_TABLE, ARTIFACTS_BUCKET, JOBS_QUEUE "
        "must be set to provision persistent mode\n"
    )


def test_an_error_that_is_not_about_configuration_still_propagates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from interfaces.cli import scene_command

    def boom(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(scene_command, "run_scene", boom)
    with pytest.raises(RuntimeError, match="boom"):
        main(["scene", "a village"])


def test_scene_into_a_closed_pipe_exits_quietly() -> None:
    """`scenegen scene ... | head`: no traceback when the reader goes away."""
    process = subprocess.Popen(
        [sys.executable, "-m", "interfaces.cli.main", "scene", "a village with forty houses"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, error
    assert "Traceback" not in error
