"""A bare Litestar app that serves fixed bytes: the ceiling the service is measured against.

`/status/{id}` answers the way a Litestar handler ordinarily does, with a `Response`.
`/encoded/status/{id}` answers as the service sends a finished job's kept status view
(interfaces/http/finished_status.py), its headers and body already bytes, so the gap between
it and the service is the service's own work alone: routing and parameters, reading the job,
checking its kept answer, its dependency.
"""

import os

from litestar import Litestar, MediaType, Response, get, post
from litestar.types import Receive, Scope, Send

STATUS_BODY = open(os.environ["BARE_STATUS_FILE"], "rb").read()  # noqa: SIM115
ACK_BODY = b'{"applied":false,"jobStatus":"done"}'


@get("/status/{job_id:str}")
async def status(job_id: str) -> Response[bytes]:
    return Response(STATUS_BODY, media_type=MediaType.JSON, headers={"Cache-Control": "no-store"})


class PreEncodedResponse:
    """An ASGI app sending a response whose status, headers and body are bytes already."""

    def __init__(self, body: bytes) -> None:
        self._body = body
        self._headers = [
            (b"cache-control", b"no-store"),
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(body)),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self._headers})
        await send({"type": "http.response.body", "body": self._body, "more_body": False})


@get("/encoded/status/{job_id:str}")
async def encoded_status(job_id: str) -> PreEncodedResponse:
    return PreEncodedResponse(STATUS_BODY)


@post("/internal/jobs/{job_id:str}/step", status_code=200)
async def step(job_id: str) -> Response[bytes]:
    return Response(ACK_BODY, media_type=MediaType.JSON)


app = Litestar(route_handlers=[status, encoded_status, step], openapi_config=None)
