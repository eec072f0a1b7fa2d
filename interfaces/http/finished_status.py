"""`GET /status` of a finished job, the API's hot path: its answer built once per version.

A finished job changes only when a late event of its own run is appended (a new step, a new
`updatedAt`) or its webhook is attempted, so its status view is kept per version
`(updatedAt, number of steps, webhook attempts)` and the base URL its links are on. Without
stored artifacts (demo mode, or a job that failed or was canceled) the whole answer is constant:
kept as a `KeptResponse`, whose ASGI message is built once. With stored artifacts the presigned
URLs are fresh on every request, so the view is kept converted and each request only puts the
new links in its `result` field.

Measured in-process (bench/bench_api_inprocess.py): GET /status of a finished job took 36 µs
when each request built and encoded its `Response`, 21 µs sending the kept message.
"""

from collections import OrderedDict
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import msgspec
from litestar import MediaType, Request, Response
from litestar.response.base import ASGIResponse
from litestar.types import Receive, Scope, Send

from application.use_cases.get_status import JobView
from application.wire import JobStatusResponse, linked_result

NO_STORE = {"cache-control": "no-store"}
"""Spelt as the route's `cache_control` is, so that a response given both sends it once."""

Version = tuple[datetime, int, int, str]


class KeptResponse(Response[bytes]):
    """A JSON `Response` whose ASGI message is built once and sent as it is to every request.

    The route's own headers (its `cache_control`) are not added to it: `headers` is all it
    sends besides Content-Type and Content-Length.
    """

    __slots__ = ("_message",)

    def __init__(self, body: bytes, headers: Mapping[str, str]) -> None:
        super().__init__(body, media_type=MediaType.JSON, headers=dict(headers))
        self._message = _Encoded(body, dict(headers))

    def to_asgi_response(
        self, app: object, request: Request[Any, Any, Any], **_: object
    ) -> ASGIResponse:
        return self._message


class _Encoded(ASGIResponse):
    """Litestar's ASGI response with its header fields encoded once, sent as they are."""

    __slots__ = ("_fields",)

    def __init__(self, body: bytes, headers: dict[str, str]) -> None:
        super().__init__(body=body, headers=headers, media_type=MediaType.JSON)
        self._fields = self.encode_headers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self._fields})
        await send({"type": "http.response.body", "body": self.body, "more_body": False})


class _Kept(msgspec.Struct, frozen=True):
    version: Version
    view: JobStatusResponse
    """Without links: the stored artifacts' fresh ones go in its `result` per request."""
    response: KeptResponse | None
    """The whole answer, when it holds no link."""
    size: int


class FinishedStatuses:
    """Answers for finished jobs, at most `max_jobs` of them and `max_bytes` in all.

    The least recently built go first. The byte budget keeps demo mode's bodies, which carry
    the artifacts inline (about 45 kB at 256x128), from outgrowing the jobs they copy.
    """

    def __init__(self, max_jobs: int = 10_000, max_bytes: int = 32 * 1024 * 1024) -> None:
        self._max_jobs = max_jobs
        self._max_bytes = max_bytes
        self._bytes = 0
        self._kept: OrderedDict[str, _Kept] = OrderedDict()

    def response(self, view: JobView, base_url: str) -> Response[Any]:
        """The answer for `view`, a finished job's, its links on `base_url`."""
        job = view.job
        attempts = job.webhook.attempts if job.webhook else 0
        version = (job.updated_at, len(job.steps), attempts, base_url)
        kept = self._kept.get(job.id)
        if kept is None or kept.version != version:
            kept = self._keep(view, version)
        if kept.response is not None:
            return kept.response
        result = linked_result(view.links) if view.links is not None else None
        return Response(msgspec.structs.replace(kept.view, result=result), headers=NO_STORE)

    def _keep(self, view: JobView, version: Version) -> _Kept:
        wire = JobStatusResponse.of(JobView(job=view.job, links=None), version[3])
        if view.links is None:
            body = msgspec.json.encode(wire)
            kept = _Kept(version, wire, KeptResponse(body, NO_STORE), len(body))
        else:
            kept = _Kept(version, wire, None, 0)
        replaced = self._kept.pop(view.job.id, None)
        if replaced is not None:
            self._bytes -= replaced.size
        self._kept[view.job.id] = kept
        self._bytes += kept.size
        while len(self._kept) > self._max_jobs or self._bytes > self._max_bytes:
            _, dropped = self._kept.popitem(last=False)
            self._bytes -= dropped.size
        return kept
