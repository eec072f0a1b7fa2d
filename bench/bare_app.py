"""A bare Litestar app that serves fixed bytes: the ceiling the service is measured against.

`/status/{id}` answers the way a Litestar handler ordinarily does, with a `Response`.
`/encoded/status/{id}` answers the way the service sends a job's status view, with an
`EncodedResponse` (headers and body already bytes), so the gap between it and the service is
the service's own work alone: reading the job, checking its kept body, its dependency.
"""

import os

from litestar import Litestar, MediaType, Response, get, post

from interfaces.http.encoded_response import JSON_NO_STORE, EncodedResponse

STATUS_BODY = open(os.environ["BARE_STATUS_FILE"], "rb").read()  # noqa: SIM115
ACK_BODY = b'{"applied":false,"jobStatus":"done"}'


@get("/status/{job_id:str}")
async def status(job_id: str) -> Response[bytes]:
    return Response(STATUS_BODY, media_type=MediaType.JSON, headers={"Cache-Control": "no-store"})


@get("/encoded/status/{job_id:str}")
async def encoded_status(job_id: str) -> EncodedResponse:
    return EncodedResponse(STATUS_BODY, JSON_NO_STORE)


@post("/internal/jobs/{job_id:str}/step", status_code=200)
async def step(job_id: str) -> Response[bytes]:
    return Response(ACK_BODY, media_type=MediaType.JSON)


app = Litestar(route_handlers=[status, encoded_status, step], openapi_config=None)
