"""The post-deployment smoke check: submit a job, follow it to done and check both artifacts."""

import asyncio
import json
import sys
import time
from enum import IntEnum
from typing import Any, TextIO

import httpx

from application.wire import JOBS_PATH, JobLinks
from infrastructure.artifact_validation import minimap_problems, scene_graph_problems
from interfaces.cli.defaults import DEFAULT_PROMPT
from interfaces.cli.event_stream import server_sent_events

PUBLIC_PATHS = ("/generate", f"{JOBS_PATH}/{{job_id}}")
API_KEY_VARIABLE = "SCENEGEN_API_KEY"


class SmokeExit(IntEnum):
    """Exit codes, one per kind of failure (documented in the README)."""

    OK = 0
    USAGE = 2
    UNREACHABLE = 3
    NO_OPENAPI = 4
    JOB_FAILED = 5
    TIMED_OUT = 6
    ARTIFACT_INVALID = 7
    UNEXPECTED_RESPONSE = 8
    UNAUTHORIZED = 9


class SmokeFailure(Exception):
    def __init__(self, code: SmokeExit, message: str) -> None:
        super().__init__(message)
        self.code = code


class SmokeResult:
    def __init__(self, job: dict[str, Any], scene_graph: dict[str, Any], minimap: str) -> None:
        self.job = job
        self.scene_graph = scene_graph
        self.minimap = minimap


async def run_smoke(
    base_url: str,
    *,
    prompt: str = DEFAULT_PROMPT,
    timeout: float = 60.0,
    out: TextIO = sys.stdout,
    transport: httpx.AsyncBaseTransport | None = None,
    api_key: str | None = None,
) -> SmokeResult:
    """Submits one job (with `Authorization: Bearer <api_key>` when a key is given), follows it
    to the end and checks its artifacts; raises `SmokeFailure` with the first thing wrong."""
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    async with httpx.AsyncClient(
        base_url=base_url.rstrip("/"),
        timeout=httpx.Timeout(10.0),
        transport=transport,
        headers=headers,
    ) as client:
        await _check_openapi(client)
        accepted = await _submit(client, prompt, out, keyed=bool(api_key))
        status_url = str(accepted["statusUrl"])
        job = await _follow(client, accepted, deadline, out)
        if job is None:
            job = await _poll(client, status_url, deadline, out)
        scene_graph, minimap = await _fetch_artifacts(client, job)
        await _check_picture(client, job)
    _check_artifacts(job, scene_graph, minimap)
    return SmokeResult(job, scene_graph, minimap)


async def _request(
    client: httpx.AsyncClient, method: str, url: str, **kwargs: Any
) -> httpx.Response:
    try:
        return await client.request(method, url, **kwargs)
    except httpx.TransportError as error:
        raise SmokeFailure(
            SmokeExit.UNREACHABLE, f"cannot reach {client.base_url}: {type(error).__name__}"
        ) from error


async def _check_openapi(client: httpx.AsyncClient) -> None:
    response = await _request(client, "GET", "/openapi.json")
    if response.status_code != 200:
        raise SmokeFailure(SmokeExit.NO_OPENAPI, f"/openapi.json answered {response.status_code}")
    try:
        paths = response.json().get("paths", {})
    except ValueError as error:
        raise SmokeFailure(SmokeExit.NO_OPENAPI, "/openapi.json is not JSON") from error
    missing = [path for path in PUBLIC_PATHS if path not in paths]
    if missing:
        raise SmokeFailure(SmokeExit.NO_OPENAPI, f"/openapi.json lacks {', '.join(missing)}")


async def _submit(
    client: httpx.AsyncClient, prompt: str, out: TextIO, *, keyed: bool
) -> dict[str, Any]:
    response = await _request(client, "POST", "/generate", json={"prompt": prompt})
    if response.status_code == 401:
        raise SmokeFailure(
            SmokeExit.UNAUTHORIZED,
            "the service refused the API key (401)"
            if keyed
            else f"the service requires an API key: pass --api-key or set {API_KEY_VARIABLE}",
        )
    if response.status_code != 202:
        raise SmokeFailure(
            SmokeExit.UNEXPECTED_RESPONSE,
            f"POST /generate answered {response.status_code}: {_detail(response)}",
        )
    body: dict[str, Any] = response.json()
    print(f"submitted job {body['id']}", file=out)
    body.setdefault(
        "statusUrl", response.headers.get("Location") or JobLinks.of(body["id"]).status_url
    )
    return body


async def _follow(
    client: httpx.AsyncClient, accepted: dict[str, Any], deadline: float, out: TextIO
) -> dict[str, Any] | None:
    """The finished job, followed live through its event stream; None when the server offers
    no stream or it breaks off before the end (the caller then polls)."""
    events_url = accepted.get("eventsUrl")
    if not events_url:
        return None
    timeout = httpx.Timeout(10.0, read=max(1.0, min(30.0, deadline - time.monotonic())))
    shown: set[str] = set()
    try:
        async with client.stream("GET", events_url, timeout=timeout) as response:
            if response.status_code != 200:
                return None
            print("  (following the job's event stream)", file=out)
            async for event, data in server_sent_events(response):
                if event == "step":
                    _show_step(json.loads(data), shown, out)
                elif event in TERMINAL_EVENTS:
                    job: dict[str, Any] = json.loads(data)
                    for step in job["steps"]:
                        _show_step(step, shown, out)
                    return _finished(job)
                if time.monotonic() > deadline:
                    raise SmokeFailure(
                        SmokeExit.TIMED_OUT, "the job did not finish before the timeout ran out"
                    )
    except (httpx.TransportError, ValueError):
        return None
    return None


TERMINAL_EVENTS = ("done", "failed", "canceled")


def _show_step(step: dict[str, Any], shown: set[str], out: TextIO) -> None:
    if step["stepId"] in shown or step["phase"] == "started":
        return
    shown.add(step["stepId"])
    took = f" in {step['durationMs']} ms" if "durationMs" in step else ""
    print(f"  {step['name']:<18} {step['phase']}{took}", file=out)


def _finished(job: dict[str, Any]) -> dict[str, Any]:
    """`job` when it is done; raises for a failed or canceled one."""
    if job["status"] == "failed":
        error = job.get("error") or {}
        raise SmokeFailure(
            SmokeExit.JOB_FAILED,
            f"job failed at {error.get('step', '?')}: {error.get('message', 'no message')}",
        )
    if job["status"] == "canceled":
        raise SmokeFailure(SmokeExit.JOB_FAILED, "job was canceled")
    return job


async def _poll(
    client: httpx.AsyncClient, status_url: str, deadline: float, out: TextIO
) -> dict[str, Any]:
    shown: set[str] = set()
    delay = 0.1
    while True:
        response = await _request(client, "GET", status_url)
        if response.status_code != 200:
            raise SmokeFailure(
                SmokeExit.UNEXPECTED_RESPONSE,
                f"GET {status_url} answered {response.status_code}: {_detail(response)}",
            )
        job: dict[str, Any] = response.json()
        for step in job["steps"]:
            _show_step(step, shown, out)
        if job["status"] in TERMINAL_EVENTS:
            return _finished(job)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SmokeFailure(
                SmokeExit.TIMED_OUT, f"job still {job['status']} when the timeout ran out"
            )
        hinted = _retry_after(response)
        await asyncio.sleep(min(remaining, max(delay, min(hinted, 5.0)) if hinted else delay))
        delay = min(delay * 2, 2.0)


def _retry_after(response: httpx.Response) -> float:
    try:
        return float(response.headers.get("Retry-After", "0"))
    except ValueError:
        return 0.0


async def _fetch_artifacts(
    client: httpx.AsyncClient, job: dict[str, Any]
) -> tuple[dict[str, Any], str]:
    result = job.get("result") or {}
    if "sceneGraph" in result and "asciiMinimap" in result:
        return result["sceneGraph"], result["asciiMinimap"]
    if "sceneGraphUrl" in result and "asciiMinimapUrl" in result:
        graph_response = await _download(result["sceneGraphUrl"])
        minimap_response = await _download(result["asciiMinimapUrl"])
        try:
            graph = graph_response.json()
        except ValueError as error:
            raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, "the scene graph is not JSON") from error
        return graph, minimap_response.text
    raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, "the finished job has no artifacts")


async def _check_picture(client: httpx.AsyncClient, job: dict[str, Any]) -> None:
    """The SVG map behind `result.sceneSvgUrl` (this API's endpoint in demo mode, a presigned
    URL in persistent mode): an SVG document. A job from before SVG maps has no link."""
    url = (job.get("result") or {}).get("sceneSvgUrl")
    if url is None:
        return
    if url.startswith("/") or url.startswith(f"{str(client.base_url).rstrip('/')}/"):
        response = await _request(client, "GET", url)
        if response.status_code != 200:
            raise SmokeFailure(
                SmokeExit.ARTIFACT_INVALID, f"scene.svg answered {response.status_code}"
            )
    else:
        response = await _download(url)
    if not response.headers.get("content-type", "").startswith("image/svg+xml"):
        raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, "scene.svg is not image/svg+xml")
    if not response.content.startswith(b"<svg") or b"<script" in response.content:
        raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, "scene.svg is not a plain SVG document")


async def _download(url: str) -> httpx.Response:
    # A presigned URL carries its own authority: fetch it with a plain client.
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as plain:
        try:
            response = await plain.get(url)
        except httpx.TransportError as error:
            raise SmokeFailure(
                SmokeExit.ARTIFACT_INVALID, f"artifact URL unreachable: {type(error).__name__}"
            ) from error
    if response.status_code != 200:
        raise SmokeFailure(
            SmokeExit.ARTIFACT_INVALID, f"artifact URL answered {response.status_code}"
        )
    return response


def _check_artifacts(job: dict[str, Any], graph: dict[str, Any], minimap: str) -> None:
    problems = scene_graph_problems(graph)
    if problems:
        raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, f"scene graph invalid: {problems[0]}")
    request = job["request"]
    problems = minimap_problems(minimap, width=request["width"], height=request["height"])
    if problems:
        raise SmokeFailure(SmokeExit.ARTIFACT_INVALID, f"minimap invalid: {problems[0]}")


def _detail(response: httpx.Response) -> str:
    """A problem's detail, with the field each of its errors names (RFC 9457 `errors`)."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if not isinstance(body, dict):
        return str(body)
    detail = str(body.get("detail") or body)
    errors = body.get("errors")
    if isinstance(errors, list):
        named = [
            f"{error.get('field', '?')}: {error.get('message', '')}"
            for error in errors
            if isinstance(error, dict)
        ]
        if named:
            detail += " " + "; ".join(named)
    return detail


def summary(result: SmokeResult) -> str:
    job = result.job
    graph = result.scene_graph
    relations = graph.get("relations", [])
    held = sum(1 for relation in relations if relation.get("satisfied"))
    durations = [step.get("durationMs", 0) for step in job["steps"] if step["phase"] == "succeeded"]
    return (
        f"job {job['id']} done: {len(graph.get('root', {}).get('children', []))} top-level things, "
        f"{held}/{len(relations)} relations hold, steps took {sum(durations)} ms, "
        f"{len(graph.get('warnings', []))} warnings"
    )
