"""One picture, three ways to get it: `scenegen scene --svg`, `GET /status/{id}/scene.svg` on a
demo-mode `scenegen serve`, and the same endpoint, the presigned link and the S3 object in
persistent mode on the emulator give the same bytes for the same prompt, seed and size."""

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.persistent_stack import SharedStack, api_headers, get_job, submit, wait_for_job
from tests.e2e.processes import SCENEGEN, scenegen_serve

pytestmark = pytest.mark.e2e

TOKEN = "e2e-svg-token-0123456789abcdef"
SCENES = [
    {"prompt": "a village with a church, a well and five houses along a road", "seed": 4},
    {
        "prompt": "a dungeon with 12 rooms connected by corridors, 6 chests and 9 skeletons",
        "seed": 17,
        "width": 128,
        "height": 64,
    },
]
IDS = ["village-48x24", "dungeon-128x64"]


def _cli_svg(body: dict[str, Any], tmp_path: Path) -> bytes:
    target = tmp_path / "scene.svg"
    finished = subprocess.run(
        [
            SCENEGEN,
            "scene",
            body["prompt"],
            "--seed",
            str(body["seed"]),
            "--width",
            str(body.get("width", 48)),
            "--height",
            str(body.get("height", 24)),
            "--svg",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    picture = target.read_bytes()
    assert picture.startswith(b"<svg") and picture.rstrip().endswith(b"</svg>")
    return picture


@pytest.fixture(scope="module")
def demo_server() -> Iterator[str]:
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url:
        yield base_url


def _served_svg(base_url: str, job_id: str) -> httpx.Response:
    keyed = api_headers(base_url)  # the persistent stack's key; none for the demo server
    response = httpx.get(f"{base_url}/status/{job_id}/scene.svg", headers=keyed, timeout=10.0)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/svg+xml"
    head = httpx.head(f"{base_url}/status/{job_id}/scene.svg", headers=keyed, timeout=10.0)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == response.headers["etag"]
    return response


@pytest.mark.parametrize("body", SCENES, ids=IDS)
def test_cli_and_demo_server_give_the_same_svg_bytes(
    body: dict[str, Any], demo_server: str, tmp_path: Path
) -> None:
    expected = _cli_svg(body, tmp_path)
    job_id = submit(demo_server, body)
    job = wait_for_job(demo_server, job_id)
    assert job["status"] == "done", job

    served = _served_svg(demo_server, job_id)

    assert job["result"]["sceneSvgUrl"] == f"{demo_server}/status/{job_id}/scene.svg"
    assert served.content == expected


@pytest.mark.parametrize("body", SCENES, ids=IDS)
def test_cli_and_persistent_stack_give_the_same_svg_bytes(
    body: dict[str, Any], shared_stack: SharedStack, tmp_path: Path
) -> None:
    expected = _cli_svg(body, tmp_path)
    base_url = shared_stack.base_url
    job_id = submit(base_url, body)
    job = wait_for_job(base_url, job_id)
    assert job["status"] == "done", (job, shared_stack.stack.logs())
    result = get_job(base_url, job_id)["result"]
    key = f"jobs/{job_id}/scene.svg"
    assert result["sceneSvgKey"] == key

    served = _served_svg(base_url, job_id)
    presigned = httpx.get(result["sceneSvgUrl"], timeout=10.0)
    s3 = shared_stack.resources.client("s3")
    stored = s3.get_object(Bucket=shared_stack.resources.bucket, Key=key)

    assert served.content == expected
    assert presigned.status_code == 200 and presigned.content == expected
    assert stored["ContentType"] == "image/svg+xml"
    assert stored["Body"].read() == expected
    # The key is on the job's record in DynamoDB, beside the other two.
    record = shared_stack.resources.job_item(job_id)["result"]["M"]
    assert record["scene_svg_key"] == {"S": key}
    assert record["scene_graph_key"] == {"S": f"jobs/{job_id}/scene-graph.json"}
