"""A client generated from the served /openapi.json by openapi-python-client works as typed
code: `scenegen serve` in demo mode with API keys, the generator run on its document (with no
warning), and the generated package submitting, waiting, listing, reading the scene graph as a
typed model and getting problem details as typed models for 401, 404, 422 and 429."""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conditions import until_sync
from tests.e2e.processes import scenegen_serve
from tests.e2e.rate_window import submit_until_refused

pytestmark = pytest.mark.e2e

ALICE = "sg_" + "a1" * 20
BOB = "sg_" + "b2" * 20
PACKAGE = "scenegen_api_client"
PROMPT = "a village with three houses north of a river and a well between them"
RATE_PER_MINUTE = 3
GENERATOR = str(Path(sys.executable).parent / "openapi-python-client")


def _generate(base_url: str, into: Path) -> str:
    """Runs the generator on the served document; its output (warnings are printed there)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [
            GENERATOR,
            "generate",
            "--url",
            f"{base_url}/openapi.json",
            "--output-path",
            str(into / PACKAGE),
            "--meta",
            "none",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    return output


def _import(directory: Path) -> ModuleType:
    sys.path.insert(0, str(directory))
    try:
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(directory))


def _module(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


def test_a_generated_client_submits_follows_lists_and_reads_typed_results(
    tmp_path: Path,
) -> None:
    env = {
        "AUTH_MODE": "api-keys",
        "API_KEYS": f"alice:{ALICE},bob:{BOB}",
        "RATE_LIMIT_PER_MINUTE": str(RATE_PER_MINUTE),
    }
    with scenegen_serve(env) as base_url:
        output = _generate(base_url, tmp_path)
        assert "warning" not in output.lower(), output
        client_package = _import(tmp_path)
        try:
            _use_the_client(client_package, base_url)
        finally:
            for name in [name for name in sys.modules if name.startswith(PACKAGE)]:
                del sys.modules[name]


def _use_the_client(package: Any, base_url: str) -> None:
    models = _module("models")
    create_job = _module("api.jobs.create_job")
    get_job = _module("api.jobs.get_job")
    list_jobs = _module("api.jobs.list_jobs")
    get_scene_graph = _module("api.jobs.get_scene_graph")
    alice = package.AuthenticatedClient(base_url=base_url, token=ALICE)
    bob = package.AuthenticatedClient(base_url=base_url, token=BOB)
    body = models.CreateJobGenerateRequest(prompt=PROMPT, seed=7, width=48, height=24)

    accepted = create_job.sync_detailed(client=alice, body=body)
    assert accepted.status_code == 202
    assert isinstance(accepted.parsed, models.JobAccepted)
    job_id = accepted.parsed.id
    assert accepted.parsed.status_url == f"{base_url}/status/{job_id}"

    seen: list[Any] = []

    def ended() -> bool:
        view = get_job.sync(job_id, client=alice)
        assert isinstance(view, models.JobStatusResponse), view
        seen.append(view)
        return view.status in (models.JobStatus.DONE, models.JobStatus.FAILED)

    until_sync(ended, f"job {job_id} ended", timeout=60)
    view = seen[-1]
    assert view.status == models.JobStatus.DONE
    result = view.result
    assert isinstance(result, models.JobResult)
    assert isinstance(result.scene_graph, models.SceneGraph)
    assert result.scene_graph_url == f"{base_url}/status/{job_id}/scene-graph.json"
    assert result.ascii_minimap_url == f"{base_url}/status/{job_id}/minimap.txt"
    assert result.scene_svg_url == f"{base_url}/status/{job_id}/scene.svg"
    assert isinstance(result.ascii_minimap, str) and result.ascii_minimap

    listed = list_jobs.sync(client=alice, limit=10)
    assert isinstance(listed, models.JobListResponse)
    assert [item.id for item in listed.items] == [job_id]

    graph = get_scene_graph.sync(job_id, client=alice)
    assert isinstance(graph, models.SceneGraph)
    assert graph.seed == 7
    assert graph.bounds.width == 48 and graph.bounds.height == 24
    nodes = graph.root.children
    assert nodes and all(isinstance(node, models.Node) for node in nodes)
    assert {node.kind for node in nodes} >= {"house", "river"}, [n.kind for n in nodes]
    assert all(isinstance(node.transform, models.Transform) for node in nodes)
    assert graph.to_dict() == result.scene_graph.to_dict()
    assert isinstance(graph.quality, models.QualitySummary)
    assert not hasattr(graph, "additional_properties")  # closed: every field is typed

    # 401: no key, and a key the service does not know.
    anonymous = package.Client(base_url=base_url)
    stranger = package.AuthenticatedClient(base_url=base_url, token="sg_" + "0" * 40)
    for caller in (anonymous, stranger):
        refused = create_job.sync_detailed(client=caller, body=body)
        assert refused.status_code == 401
        assert isinstance(refused.parsed, models.ProblemDetails)
        assert refused.parsed.status == 401

    # 404: an unknown id, and another key's job.
    for caller, unknown in ((alice, "0" * 26), (bob, job_id)):
        missing = get_job.sync_detailed(unknown, client=caller)
        assert missing.status_code == 404
        assert isinstance(missing.parsed, models.ProblemDetails)

    # 422: every invalid field named at once.
    bad = models.CreateJobGenerateRequest(prompt="   ", width=4, height=500)
    invalid = create_job.sync_detailed(client=alice, body=bad)
    assert invalid.status_code == 422
    problem = invalid.parsed
    assert isinstance(problem, models.ProblemDetails)
    assert isinstance(problem.errors, list)
    assert all(isinstance(error, models.FieldError) for error in problem.errors)
    assert {error.field for error in problem.errors} >= {"width", "height"}

    # 429: the key's submissions of this minute are used up (an invalid one costs nothing).
    over = submit_until_refused(
        lambda: create_job.sync_detailed(client=alice, body=body), RATE_PER_MINUTE
    )
    assert isinstance(over.parsed, models.ProblemDetails)
