"""Public job endpoints: submit a job, read its status (or wait for its end), cancel it."""

import re
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Router, get, post
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIType, Parameter, Schema
from litestar.params import FromPath, HeaderParameter, JSONBody, SkipValidation

from application.errors import JobNotFound
from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.follow_job import FollowJobHandler
from application.use_cases.get_status import JobView
from application.use_cases.submit_job import SubmitJob, SubmitJobHandler
from application.webhooks.ports import WebhookUrlRefused
from domain.jobs import JobStatus, is_job_id
from interfaces.http.encoded_response import JSON_NO_STORE, EncodedResponse, header_fields
from interfaces.http.json_bodies import strict_json_body
from interfaces.http.openapi import (
    LOCATION,
    NO_STORE,
    PREFERENCE_APPLIED,
    RETRY_AFTER,
    operation_with_headers,
    problem,
)
from interfaces.http.prefer import prefer_header, preference_applied, requested_wait
from interfaces.http.problems import Problem
from interfaces.http.schemas import (
    MAX_PROMPT_LENGTH,
    GenerateRequest,
    JobAccepted,
    JobStatusResponse,
    trimmed_prompt,
)
from interfaces.http.status_bodies import StatusBodies

MAX_GENERATE_BODY = 64 * 1024
"""Room for the largest valid body: a 2000-character prompt and a 2048-character webhook URL,
each character possibly sent as an escaped surrogate pair (12 bytes), come to about 48 KiB."""
_RETRY_AFTER = {"Retry-After": "1"}
_POLL_AGAIN = (*JSON_NO_STORE, *header_fields(_RETRY_AFTER))
_ENCODER = msgspec.json.Encoder()
_IDEMPOTENCY_KEY = re.compile(r"^[!-~]{1,128}$")

PREFER = Parameter(
    name="Prefer",
    param_in="header",
    required=False,
    schema=Schema(type=OpenAPIType.STRING),
    description=(
        "`wait=N` (RFC 7240), N in 1..60: answer when the job has ended or N seconds have "
        "passed, whichever is first. `Preference-Applied` says when it was honoured. Other "
        "preferences, and a malformed `wait`, are ignored (RFC 7240)."
    ),
)
"""Documented only, read by the handlers from the raw request headers (`prefer_header`): a
declared header parameter costs every request a validation pass (measured: GET /status fell
from 0.91 to 0.70 of the bare app)."""


def _not_found_unless_job_id(job_id: str) -> None:
    if not is_job_id(job_id):
        raise JobNotFound(job_id)


class JobsController(Controller):
    tags = ["jobs"]

    def __init__(self, owner: Router) -> None:
        super().__init__(owner)
        self._status_bodies = StatusBodies()

    def _status_response(
        self, view: JobView, headers: dict[str, str] | None = None
    ) -> EncodedResponse:
        fields = JSON_NO_STORE if view.job.status.is_terminal else _POLL_AGAIN
        if headers:
            fields = (*fields, *header_fields(headers))
        return EncodedResponse(self._status_bodies.body(view), fields)

    @post(
        "/generate",
        status_code=202,
        request_max_body_size=MAX_GENERATE_BODY,
        before_request=strict_json_body(GenerateRequest),
        summary="Submit a scene to generate",
        description=(
            "Queues a job and answers 202 with its links. With an `Idempotency-Key` header, "
            "the same key and body return the original job's status view (200); the same key "
            "with another body is 422. With `Prefer: wait=N` the answer waits up to N seconds "
            "and is 200 with the full status view when the job has ended by then. The body "
            "must be "
            "`application/json`; numbers are never read from strings."
        ),
        responses={
            202: ResponseSpec(
                data_container=JobAccepted,
                description="Accepted: the job is queued; follow it through its links",
            ),
            200: ResponseSpec(
                data_container=JobStatusResponse,
                generate_examples=False,
                description=(
                    "The job as it is now: the job first submitted with this Idempotency-Key "
                    "and body, or (with `Prefer: wait`) a job that ended in time"
                ),
            ),
            400: problem(
                400,
                "The body is empty, not UTF-8 or not JSON; or a bad Idempotency-Key",
                "The request body is not valid JSON.",
            ),
            409: problem(
                409,
                "Another request with this Idempotency-Key is being processed; retry after "
                "Retry-After",
                "A request with this Idempotency-Key is being processed; retry after 1 s for "
                "its job.",
            ),
            413: problem(
                413,
                "The body is over 64 KiB",
                "The request body is larger than this endpoint accepts.",
            ),
            415: problem(
                415,
                "The body is not application/json",
                "The request body must be JSON, sent with Content-Type: application/json.",
            ),
            422: problem(
                422,
                "A field is invalid, the webhook URL is refused, or the Idempotency-Key was "
                "used with another body",
                "The request has invalid fields.",
            ),
            503: problem(
                503,
                "The job store or queue is unavailable, or the service is at its limit of "
                "unfinished jobs; retry after Retry-After",
                "The job store is unavailable; retry shortly.",
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {
                    "Location": LOCATION,
                    "Retry-After": RETRY_AFTER,
                    "Preference-Applied": PREFERENCE_APPLIED,
                },
                202: {
                    "Location": LOCATION,
                    "Retry-After": RETRY_AFTER,
                    "Preference-Applied": PREFERENCE_APPLIED,
                },
                409: {"Retry-After": RETRY_AFTER},
                503: {"Retry-After": RETRY_AFTER},
            },
            parameters=(PREFER,),
        ),
    )
    async def generate(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[GenerateRequest],
        submit_job: NamedDependency[SkipValidation[SubmitJobHandler]],
        follow_job: NamedDependency[SkipValidation[FollowJobHandler]],
        idempotency_key: Annotated[
            str | None,
            HeaderParameter(
                name="Idempotency-Key",
                required=False,
                description="1..128 printable ASCII characters, no spaces",
                # Documented here, checked in the handler (400 with a clear message).
                schema_extra={"pattern": _IDEMPOTENCY_KEY.pattern},
            ),
        ] = None,
    ) -> EncodedResponse:
        prompt = trimmed_prompt(data.prompt)
        if not 1 <= len(prompt) <= MAX_PROMPT_LENGTH:
            raise _field_problem(
                "prompt", f"must be 1..{MAX_PROMPT_LENGTH} characters after trimming"
            )
        if idempotency_key is not None and not _IDEMPOTENCY_KEY.fullmatch(idempotency_key):
            raise Problem(
                400,
                "Idempotency-Key must be 1..128 printable ASCII characters without spaces.",
            )
        command = SubmitJob(
            prompt=prompt,
            seed=data.seed,
            width=data.width,
            height=data.height,
            idempotency_key=idempotency_key,
            webhook_url=data.webhook,
            webhook_events=data.webhook_events,
        )
        try:
            result = await submit_job(command)
        except WebhookUrlRefused as refused:
            raise _field_problem("webhook", str(refused)) from refused
        job = result.job
        headers = {"Location": f"/status/{job.id}"}
        wait = requested_wait(prefer_header(request.scope["headers"]))
        if wait is None and result.created:
            return _accepted(job.id, job.status, headers)
        if wait is None:
            return self._status_response(await follow_job.view_of(job), headers)
        view, applied = await follow_job.wait(job, wait)
        if applied:
            headers.update(preference_applied(wait))
        if view.job.status.is_terminal or not result.created:
            return self._status_response(view, headers)
        return _accepted(view.job.id, view.job.status, headers)

    @get(
        "/status/{job_id:str}",
        summary="Read a job's status, steps and result",
        description=("With `Prefer: wait=N` the answer waits up to N seconds for the job to end."),
        cache_control=CacheControlHeader(no_store=True),
        # The body is encoded by StatusBodies (bytes); the schema is JobStatusResponse's.
        responses={
            200: ResponseSpec(
                data_container=JobStatusResponse, description="The job", generate_examples=False
            ),
            404: problem(404, "No job has this id", "No job has this id."),
            503: problem(
                503,
                "The job store is unavailable; retry after Retry-After",
                "The job store is unavailable; retry shortly.",
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {
                    "Cache-Control": NO_STORE,
                    "Retry-After": RETRY_AFTER,
                    "Preference-Applied": PREFERENCE_APPLIED,
                },
                404: {"Cache-Control": NO_STORE},
                503: {"Cache-Control": NO_STORE, "Retry-After": RETRY_AFTER},
            },
            parameters=(PREFER,),
        ),
    )
    async def status(
        self,
        request: Request[Any, Any, Any],
        job_id: FromPath[str],
        follow_job: NamedDependency[SkipValidation[FollowJobHandler]],
    ) -> EncodedResponse:
        _not_found_unless_job_id(job_id)
        job = await follow_job.job(job_id)
        wait = requested_wait(prefer_header(request.scope["headers"]))
        if wait is None:
            return self._status_response(await follow_job.view_of(job))
        view, applied = await follow_job.wait(job, wait)
        return self._status_response(view, preference_applied(wait) if applied else None)

    @post(
        "/status/{job_id:str}/cancel",
        status_code=200,
        summary="Cancel a queued or running job",
        description=(
            "The job becomes `canceled` at once and stays so; its worker stops at the next step "
            "boundary and stores nothing. Canceling a canceled job answers the same view; a "
            "`done` or `failed` job is 409. No request body."
        ),
        cache_control=CacheControlHeader(no_store=True),
        responses={
            200: ResponseSpec(
                data_container=JobStatusResponse,
                description="The canceled job",
                generate_examples=False,
            ),
            404: problem(404, "No job has this id", "No job has this id."),
            409: problem(
                409,
                "The job is done or failed, and cannot be canceled",
                "The job is already done; only a queued or running job can be canceled.",
            ),
            503: problem(
                503,
                "The job store is unavailable; retry after Retry-After",
                "The job store is unavailable; retry shortly.",
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {"Cache-Control": NO_STORE},
                409: {"Cache-Control": NO_STORE},
                503: {"Retry-After": RETRY_AFTER},
            }
        ),
    )
    async def cancel(
        self,
        job_id: FromPath[str],
        cancel_job: NamedDependency[SkipValidation[CancelJobHandler]],
    ) -> EncodedResponse:
        _not_found_unless_job_id(job_id)
        job = await cancel_job(job_id)
        return self._status_response(JobView(job=job, links=None))


def _accepted(job_id: str, status: JobStatus, headers: dict[str, str]) -> EncodedResponse:
    body = _ENCODER.encode(JobAccepted.of(job_id, status))
    fields = [(b"content-type", b"application/json"), *header_fields(_RETRY_AFTER | headers)]
    return EncodedResponse(body, fields, status=202)


def _field_problem(field: str, message: str) -> Problem:
    return Problem(
        422,
        "The request has invalid fields.",
        errors=[{"field": field, "source": "body", "message": message}],
    )
