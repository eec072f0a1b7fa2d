"""Liveness, readiness and the OpenAPI document at /openapi.json."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.enums import OpenAPIMediaType
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import SkipValidation

from interfaces.http.openapi import NO_STORE, operation_with_headers
from interfaces.http.schemas import HealthResponse

READINESS_TIMEOUT_SECONDS = 3.0

Check = Callable[[], Awaitable[str]]
"""A readiness probe from the runtime: "ok", or why not ("refused", "timed out", ...)."""


@get(
    "/healthz",
    tags=["health"],
    summary="The process is alive",
    operation_class=operation_with_headers({200: {"Cache-Control": NO_STORE}}),
)
async def healthz() -> Response[HealthResponse]:
    return Response(HealthResponse(status="ok"), headers={"Cache-Control": "no-store"})


@get(
    "/readyz",
    tags=["health"],
    summary="Every dependency answers (503 names the one that does not)",
    description=(
        "Each check is `ok` or why not: `refused`, `timed out`, `unreachable`, `throttled`, "
        "`denied` or `failed`."
    ),
    responses={
        503: ResponseSpec(
            data_container=HealthResponse,
            description="A dependency does not answer; `checks` names it and why",
        )
    },
    operation_class=operation_with_headers(
        {200: {"Cache-Control": NO_STORE}, 503: {"Cache-Control": NO_STORE}}
    ),
)
async def readyz(
    readiness_checks: NamedDependency[SkipValidation[Mapping[str, Check]]],
) -> Response[HealthResponse]:
    checks = readiness_checks
    results = await asyncio.gather(*(_run(check) for check in checks.values()))
    report = dict(zip(checks, results, strict=True))
    ready = all(result == "ok" for result in report.values())
    return Response(
        HealthResponse(status="ready" if ready else "unavailable", checks=report),
        status_code=200 if ready else 503,
        headers={"Cache-Control": "no-store"},
    )


async def _run(check: Check) -> str:
    try:
        return await asyncio.wait_for(check(), timeout=READINESS_TIMEOUT_SECONDS)
    except TimeoutError:
        return "timed out"


@get("/openapi.json", include_in_schema=False, media_type=OpenAPIMediaType.OPENAPI_JSON)
async def openapi_json(request: Request[Any, Any, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = request.app.openapi_schema.to_schema()
    return schema
