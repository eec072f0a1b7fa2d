"""The internal step callback, guarded by the shared token; not in the public OpenAPI document."""

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, Response, post
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers import BaseRouteHandler
from litestar.params import FromPath, JSONBody, SkipValidation

from application.errors import JobNotFound
from application.use_cases.record_step import RecordStepHandler
from domain.jobs import InvalidStepEvent, StepOutcomeKind, is_job_id
from infrastructure.step_callback_wire import TOKEN_HEADER, StepAckWire, StepEventWire
from interfaces.http.json_bodies import strict_json_body
from interfaces.http.problems import Problem

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


class InternalController(Controller):
    path = "/internal"
    # Guarded by `internal_token_guard`, set where the app is built.
    include_in_schema = False

    @post(
        "/jobs/{job_id:str}/step",
        status_code=200,
        request_max_body_size=MAX_CALLBACK_BODY,
        before_request=strict_json_body(StepEventWire),
    )
    async def record_step(
        self,
        job_id: FromPath[str],
        data: JSONBody[StepEventWire],
        record_step: NamedDependency[SkipValidation[RecordStepHandler]],
    ) -> Response[StepAckWire]:
        if not is_job_id(job_id):
            raise JobNotFound(job_id)
        try:
            event = data.to_domain()
            outcome = await record_step(job_id, event)
        except (ValueError, InvalidStepEvent, msgspec.ValidationError) as invalid:
            raise Problem(
                422,
                "The step event is invalid.",
                errors=[{"field": "body", "source": "body", "message": str(invalid)}],
            ) from invalid
        if outcome.kind is StepOutcomeKind.REJECTED:
            raise Problem(
                409,
                f"The event would change a finished job: {outcome.reason}.",
                extensions={"jobStatus": outcome.job.status.value},
            )
        return Response(StepAckWire(applied=outcome.applied, job_status=outcome.job.status))
