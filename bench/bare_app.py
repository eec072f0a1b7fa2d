"""A bare Litestar app that serves fixed bytes: the ceiling the service is measured against."""

import os

from litestar import Litestar, MediaType, Response, get, post

STATUS_BODY = open(os.environ["BARE_STATUS_FILE"], "rb").read()  # noqa: SIM115
ACK_BODY = b'{"applied":false,"jobStatus":"done"}'


@get("/status/{job_id:str}")
async def status(job_id: str) -> Response[bytes]:
    return Response(STATUS_BODY, media_type=MediaType.JSON, headers={"Cache-Control": "no-store"})


@post("/internal/jobs/{job_id:str}/step", status_code=200)
async def step(job_id: str) -> Response[bytes]:
    return Response(ACK_BODY, media_type=MediaType.JSON)


app = Litestar(route_handlers=[status, step], openapi_config=None)
