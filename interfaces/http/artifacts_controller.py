"""`GET /status/{id}/scene-graph.json`, `/minimap.txt` and `/scene.svg`: a done job's artifacts,
same origin.

In demo mode they are the job's inline result; in persistent mode the API reads the objects
from the artifact store, so the web page (whose Content-Security-Policy allows connections to
its own origin only) can draw a scene whose files live in a bucket with no CORS rule.

A done job's artifacts never change, so a browser may keep them (`private`: the job id is the
only key to them, no shared cache should hold them) and revalidate with their `ETag`.
"""

import hashlib
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIHeader, OpenAPIType, Schema
from litestar.params import HeaderParameter

from application.errors import ArtifactMissing
from application.ports import ArtifactFile
from application.use_cases.catalog import UseCases
from application.use_cases.read_artifacts import JobNotDone
from application.wire import (
    JOBS_PATH,
    MINIMAP_FILE,
    SCENE_GRAPH_FILE,
    SCENE_SVG_FILE,
)
from interfaces.http.api_keys import caller_of
from interfaces.http.job_routes import JOB, JobId, Jobs
from interfaces.http.openapi import NO_STORE, RETRY_AFTER, operation_with_headers, problems
from interfaces.http.problems import Problem

SVG_MEDIA_TYPE = "image/svg+xml"
OCTET_STREAM = "application/octet-stream"
"""The SVG map's bytes as a plain download, for a client that asks for them with `Accept`
(a generated client reads a response as bytes only under this media type)."""
CACHE_CONTROL = "private, max-age=86400, immutable"
"""A day: the bytes of a done job's artifacts are final; `private` keeps them out of shared
caches, since anyone holding the (unguessable) job id may read them."""

IfNoneMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-None-Match",
        required=False,
        description="An `ETag` from an earlier answer: 304 with no body when it still matches",
    ),
]

_CACHED = OpenAPIHeader(
    description=f"`{CACHE_CONTROL}`: a done job's artifacts never change",
    schema=Schema(type=OpenAPIType.STRING, const=CACHE_CONTROL),
)
_ETAG = OpenAPIHeader(
    description="A strong validator of the file's bytes; send it back as `If-None-Match`",
    schema=Schema(type=OpenAPIType.STRING, pattern='^"[0-9a-f]{32}"$'),
)


def _disposition(filename: str) -> OpenAPIHeader:
    value = f'inline; filename="{filename}"'
    return OpenAPIHeader(
        description=f"`{value}`: shown in the browser, saved under that name",
        schema=Schema(type=OpenAPIType.STRING, const=value),
    )


def _artifact_route(
    filename: str,
    what: str,
    body: ResponseSpec,
    *,
    operation_id: str,
    summary: str,
    description: str,
    also_served_as: tuple[str, ...] = (),
) -> get:
    """The `get` of one artifact's route: its path, its answers and their headers."""
    return get(
        f"{JOB}/{filename}",
        operation_id=operation_id,
        summary=summary,
        description=description,
        responses={
            200: body,
            304: ResponseSpec(
                data_container=None,
                description="`If-None-Match` names this file's `ETag`: the copy held is current",
                generate_examples=False,
            ),
            **problems(
                (404, "No job has this id (or, for a map, a job finished before maps were drawn)"),
                (
                    409,
                    f"The job is not done (queued, running, failed or canceled): it has no {what} "
                    "to read; `jobStatus` names its status",
                    "The job is running; its artifacts can be read once it is done.",
                ),
                (
                    503,
                    "The job store or the artifact store is unavailable; retry after Retry-After",
                ),
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {
                    "Cache-Control": _CACHED,
                    "ETag": _ETAG,
                    "Content-Disposition": _disposition(filename),
                },
                304: {"Cache-Control": _CACHED, "ETag": _ETAG},
                404: {"Cache-Control": NO_STORE},
                409: {"Cache-Control": NO_STORE},
                503: {"Cache-Control": NO_STORE, "Retry-After": RETRY_AFTER},
            },
            also_served_as=also_served_as,
        ),
    )


class ArtifactsController(Controller):
    """A done job's files: another artifact is one more route of this shape."""

    path = JOBS_PATH
    tags = ["jobs"]

    @_artifact_route(
        SCENE_GRAPH_FILE,
        "scene graph",
        ResponseSpec(
            data_container=msgspec.Raw,
            media_type="application/json",
            description="The scene graph (its JSON Schema: `GET /schemas/scene-graph.json`)",
            generate_examples=False,
        ),
        operation_id="getSceneGraph",
        summary="Read a done job's scene graph",
        description=(
            "The scene graph of a `done` job, as JSON (the same document as `result.sceneGraph` "
            "in demo mode, and as the object behind `result.sceneGraphUrl` in persistent "
            "mode), from this origin in both modes. Its JSON Schema is "
            "`domain/scene/scene_graph.schema.json`. A job that is not done is 409."
        ),
    )
    async def scene_graph(
        self,
        request: Request[Any, Any, Any],
        job_id: JobId,
        use_cases: Jobs,
        if_none_match: IfNoneMatch = None,
    ) -> Response[bytes]:
        content = await _read(use_cases, caller_of(request), job_id, "scene_graph")
        return _file(content, "application/json", SCENE_GRAPH_FILE, if_none_match)

    @_artifact_route(
        MINIMAP_FILE,
        "minimap",
        ResponseSpec(
            data_container=str,
            media_type="text/plain; charset=utf-8",
            description="The minimap and its legend",
            generate_examples=False,
        ),
        operation_id="getMinimap",
        summary="Read a done job's ASCII minimap",
        description=(
            "The ASCII minimap of a `done` job, with its legend (the same text as "
            "`result.asciiMinimap` in demo mode, and as the object behind "
            "`result.asciiMinimapUrl` in persistent mode), from this origin in both modes. A "
            "job that is not done is 409."
        ),
    )
    async def minimap(
        self,
        request: Request[Any, Any, Any],
        job_id: JobId,
        use_cases: Jobs,
        if_none_match: IfNoneMatch = None,
    ) -> Response[bytes]:
        content = await _read(use_cases, caller_of(request), job_id, "ascii_minimap")
        return _file(content, "text/plain", MINIMAP_FILE, if_none_match)

    @_artifact_route(
        SCENE_SVG_FILE,
        "SVG map",
        ResponseSpec(
            data_container=str,
            media_type=SVG_MEDIA_TYPE,
            description="The SVG map",
            generate_examples=False,
        ),
        operation_id="getSceneSvg",
        also_served_as=(OCTET_STREAM,),
        summary="Read a done job's SVG map",
        description=(
            "The scene of a `done` job drawn as an SVG map: symbols by kind, labels for the "
            "things the prompt named, a legend, compass and scale; no script and no external "
            "references (the same bytes as `scenegen scene ... --svg FILE` and as the object "
            "behind `result.sceneSvgUrl` in persistent mode), from this origin in both modes. "
            "With `Accept: application/octet-stream` (and not `image/svg+xml`) the same bytes "
            "come as `application/octet-stream`. A job that is not done is 409."
        ),
    )
    async def scene_svg(
        self,
        request: Request[Any, Any, Any],
        job_id: JobId,
        use_cases: Jobs,
        if_none_match: IfNoneMatch = None,
    ) -> Response[bytes]:
        content = await _read(use_cases, caller_of(request), job_id, "scene_svg")
        accept = request.headers.get("accept", "")
        as_bytes = OCTET_STREAM in accept and SVG_MEDIA_TYPE not in accept
        media_type = OCTET_STREAM if as_bytes else SVG_MEDIA_TYPE
        return _file(content, media_type, SCENE_SVG_FILE, if_none_match)


async def _read(use_cases: UseCases, caller: str | None, job_id: str, file: ArtifactFile) -> bytes:
    if caller is not None:
        await use_cases.find_own_job(job_id, caller)
    try:
        return await use_cases.read_artifacts(job_id, file)
    except JobNotDone as not_done:
        status = not_done.status.value
        detail = (
            f"The job is {status}; its artifacts can be read once it is done."
            if not not_done.status.is_terminal
            else f"The job is {status}; it has no artifacts."
        )
        raise Problem(409, detail, job_status=not_done.status) from not_done
    except ArtifactMissing as missing:
        detail = "The job finished before the service drew SVG maps; it has none."
        raise Problem(404, detail) from missing


def _file(
    body: bytes, media_type: str, filename: str, if_none_match: str | None
) -> Response[bytes]:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag}
    if if_none_match is not None and _matches(if_none_match, etag):
        return Response(b"", status_code=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return Response(body, media_type=media_type, headers=headers)


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110's weak comparison, as `If-None-Match` asks for; `*` matches any file."""
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags
