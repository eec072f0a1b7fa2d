"""The internal step callback, guarded by the shared token; not in the public OpenAPI document."""

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, Response, Router, get, post
from litestar.connection import ASGIConnection
from litestar.di import Provide
from litestar.handlers import BaseRouteHandler
from litestar.params import JSONBody

from application.wire import TOKEN_HEADER, StepAckWire, StepEventWire
from domain.jobs import InvalidStepEvent, StepOutcomeKind
from interfaces.http.job_routes import JOB, JobId, Jobs
from interfaces.http.json_bodies import strict_json_body
from interfaces.http.openapi import StrictBodySchemas, problems
from interfaces.http.problems import Problem, field_problem

MAX_CALLBACK_BODY = 4 * 1024 * 1024


# RFC 9110 requires a challenge with every 401; the scheme names the header to send.
_CHALLENGE = {"WWW-Authenticate": f'{TOKEN_HEADER} realm="scenegen-internal"'}

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


def internal_token_guard(token_is_accepted: Callable[[str], Awaitable[bool]]) -> Guard:
    """A guard checking the shared token before the body is read (401 without a good one)."""

    async def require_internal_token(
        connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
    ) -> None:
        presented = connection.headers.get(TOKEN_HEADER)
        if not presented:
            raise Problem(401, f"The {TOKEN_HEADER} header is required.", headers=_CHALLENGE)
        if not await token_is_accepted(presented):
            raise Problem(401, f"The {TOKEN_HEADER} header does not match.", headers=_CHALLENGE)

    return require_internal_token


def internal_routes(token_is_accepted: Callable[[str], Awaitable[bool]]) -> Router:
    """The callback and its document, behind the token guard."""
    return Router(
        path="/",
        route_handlers=[
            InternalController,
            Router(path="/internal", route_handlers=[internal_openapi_json]),
        ],
        guards=[internal_token_guard(token_is_accepted)],
    )


class InternalController(Controller):
    """The internal callback, not in the public OpenAPI document; `/internal/openapi.json`
    (token-guarded too) documents it for the workers' side."""

    path = "/internal/jobs"
    # Guarded by `internal_token_guard`, set where the app is built.
    include_in_schema: bool = False

    @post(
        f"{JOB}/step",
        status_code=200,
        request_max_body_size=MAX_CALLBACK_BODY,
        before_request=strict_json_body(StepEventWire),
        summary="Report one step of a job (workers only)",
        description=(
            f"Needs the shared secret in `{TOKEN_HEADER}`. Each step is recorded at most once "
            "(`applied: false` for a duplicate `stepId`, so a retrying worker stops); an event "
            "that would change a finished or canceled job is 409 with its `jobStatus`, which "
            "tells the worker to stop at this step boundary."
        ),
        responses=problems(
            (401, "No or a wrong token", f"The {TOKEN_HEADER} header is required."),
            (404, "No job has this id"),
            (
                409,
                "The job has finished or was canceled; `jobStatus` names its status",
                "The event would change a finished job: job is already canceled.",
            ),
            (413, "The body is over 4 MiB", "The request body is too large."),
            (422, "The event is invalid", "The step event is invalid."),
        ),
    )
    async def record_step(
        self,
        job_id: JobId,
        data: JSONBody[StepEventWire],
        use_cases: Jobs,
    ) -> Response[StepAckWire]:
        try:
            event = data.to_domain()
            outcome = await use_cases.record_step(job_id, event)
        except (ValueError, InvalidStepEvent, msgspec.ValidationError) as invalid:
            raise field_problem(
                "body", str(invalid), detail="The step event is invalid."
            ) from invalid
        if outcome.kind is StepOutcomeKind.REJECTED:
            raise Problem(
                409,
                f"The event would change a finished job: {outcome.reason}.",
                job_status=outcome.job.status,
            )
        return Response(StepAckWire(applied=outcome.applied, job_status=outcome.job.status))


class DocumentedInternalController(InternalController):
    """The same routes, listed: only the internal document's app is built from this one."""

    include_in_schema = True


@get("/openapi.json", summary="This document", include_in_schema=False)
async def internal_openapi_json() -> dict[str, Any]:
    """The internal callback's OpenAPI document, built once from its own schema-only app."""
    return _internal_document()


def _no_handler() -> None:
    return None


@functools.cache
def _internal_document() -> dict[str, Any]:
    from litestar import Litestar
    from litestar.openapi import OpenAPIConfig

    app = Litestar(
        route_handlers=[DocumentedInternalController],
        openapi_config=OpenAPIConfig(
            title="Scene generation service: internal callback",
            version="1.0.0",
            description=(
                "How workers report steps to the API. Every call needs the shared secret in "
                f"`{TOKEN_HEADER}`; errors are RFC 9457 problem details."
            ),
            path="/internal/schema",
            render_plugins=[],
        ),
        plugins=[StrictBodySchemas(StepEventWire)],
        # Never called: the app exists only to render the document.
        dependencies={"use_cases": Provide(_no_handler, sync_to_thread=False)},
    )
    document: dict[str, Any] = app.openapi_schema.to_schema()
    document.setdefault("components", {})["securitySchemes"] = {
        "internalToken": {"type": "apiKey", "in": "header", "name": TOKEN_HEADER}
    }
    document["security"] = [{"internalToken": []}]
    return document
