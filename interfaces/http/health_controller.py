"""Liveness, readiness and the OpenAPI document at /openapi.json."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.enums import OpenAPIMediaType
from litestar.params import SkipValidation

from interfaces.http.schemas import HealthResponse

READINESS_TIMEOUT_SECONDS = 3.0

Check = Callable[[], Awaitable[object]]


@get("/healthz", tags=["health"], summary="The process is alive", cache_control=None)
async def healthz() -> Response[HealthResponse]:
    return Response(HealthResponse(status="ok"), headers={"Cache-Control": "no-store"})


@get(
    "/readyz", tags=["health"], summary="Every dependency answers (503 names the one that does not)"
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
        await asyncio.wait_for(check(), timeout=READINESS_TIMEOUT_SECONDS)
    except TimeoutError:
        return "timed out"
    except Exception:
        return "unreachable"
    return "ok"


@get("/openapi.json", include_in_schema=False, media_type=OpenAPIMediaType.OPENAPI_JSON)
async def openapi_json(request: Request[Any, Any, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = request.app.openapi_schema.to_schema()
    return schema
