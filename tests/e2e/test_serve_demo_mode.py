"""`scenegen serve` as a real process: a job goes to done over HTTP in demo mode."""

import json
import socket
import subprocess
import time

import httpx

from infrastructure.artifact_validation import minimap_problems, scene_graph_problems
from tests.e2e.processes import SCENEGEN, scenegen_serve

TOKEN = "e2e-token-0123456789abcdef"


def test_served_demo_job_reaches_done_with_valid_artifacts() -> None:
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url:
        accepted = httpx.post(
            f"{base_url}/generate",
            json={"prompt": "a dungeon with five rooms connected by corridors", "seed": 11},
        )
        assert accepted.status_code == 202
        status_url = base_url + accepted.headers["Location"]
        deadline = time.monotonic() + 30
        job = httpx.get(status_url).json()
        while job["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.1)
            job = httpx.get(status_url).json()

    assert job["status"] == "done", job.get("error")
    assert [step["stepId"] for step in job["steps"]][-1] == "store_artifacts:succeeded"
    assert len(job["steps"]) == 10
    assert scene_graph_problems(job["result"]["sceneGraph"]) == []
    assert minimap_problems(job["result"]["asciiMinimap"], width=48, height=24) == []


def test_serve_refuses_bad_configuration_with_one_line_naming_the_variable() -> None:
    result = subprocess.run(
        [SCENEGEN, "serve"],
        env={"ARTIFACT_URL_TTL_SECONDS": "60", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "ARTIFACT_URL_TTL_SECONDS" in lines[0]


def test_a_request_uvicorn_cannot_parse_gets_problem_details() -> None:
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url:
        host, port = base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            raw.sendall(b"GET /status/x HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n")
            answer = b""
            while chunk := raw.recv(4096):
                answer += chunk

    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"content-type: application/problem+json" in head.lower()
    problem = json.loads(body)
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert "could not be parsed" in problem["detail"]
