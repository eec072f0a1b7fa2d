"""Public job endpoints: submit a job, read its status (or wait for its end), cancel it."""

import re
from typing import Annotated, Any

from litestar import Controller, Request, Router, get, post
from litestar.datastructures import CacheControlHeader
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import HeaderParameter, JSONBody
from litestar.response import Response

from application.use_cases.get_status import JobView
from application.use_cases.quotas import QuotaExceeded
from application.use_cases.submit_job import SubmitJob
from application.webhooks.ports import WebhookUrlRefused
from application.wire import CANCEL, JOBS_PATH, JobStatusResponse, status_url_of
from domain.jobs import JobStatus
from domain.jobs.limits import MAX_PROMPT_LENGTH, trimmed_prompt
from interfaces.http.api_keys import (
    SUBMITS,
    caller_of,
    quota_counted,
    quota_refused,
    submitter_of,
)
from interfaces.http.finished_status import NO_STORE, FinishedStatuses
from interfaces.http.job_routes import JOB, JobId, Jobs
from interfaces.http.json_bodies import strict_json_body
from interfaces.http.links import base_url_of
from interfaces.http.openapi import (
    LOCATION,
    PREFERENCE_APPLIED,
    RETRY_AFTER,
    operation_with_headers,
    problems,
)
from interfaces.http.openapi import NO_STORE as NO_STORE_HEADER
from interfaces.http.prefer import (
    PREFER_ON_THE_HOT_PATH,
    Prefer,
    prefer_header,
    preference_applied,
    requested_wait,
    requested_wait_of,
)
from interfaces.http.problems import FieldError, Problem, body_field_error, field_problem
from interfaces.http.schemas import GenerateRequest, JobAccepted

MAX_GENERATE_BODY = 64 * 1024
"""Room for the largest valid body: a 2000-character prompt and a 2048-character webhook URL,
each character possibly sent as an escaped surrogate pair (12 bytes), come to about 48 KiB."""
_POLL_AGAIN = {"Retry-After": "1"}
_IDEMPOTENCY_KEY = re.compile(r"^[!-~]{1,128}$")

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        description="1..128 printable ASCII characters, no spaces",
        # Documented here, checked in the handler (400 with a clear message).
        schema_extra={"pattern": _IDEMPOTENCY_KEY.pattern},
    ),
]


_PROMPT_LENGTH = f"must be 1..{MAX_PROMPT_LENGTH} characters after trimming"


def _prompt_length(body: dict[str, Any]) -> list[FieldError]:
    """The prompt's length once trimmed, which its type does not say (reported with the other
    invalid fields of a body)."""
    prompt = body.get("prompt")
    if isinstance(prompt, str) and not 1 <= len(trimmed_prompt(prompt)) <= MAX_PROMPT_LENGTH:
        return [body_field_error("prompt", _PROMPT_LENGTH)]
    return []


def _view(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=JobStatusResponse, generate_examples=False, description=description
    )


def _status_response(
    view: JobView, base_url: str, headers: dict[str, str] | None = None
) -> Response[JobStatusResponse]:
    """A view of a job still moving tells the client when to poll again."""
    fields = NO_STORE if view.job.status.is_terminal else {**NO_STORE, **_POLL_AGAIN}
    headers = {**fields, **(headers or {})}
    return Response(JobStatusResponse.of(view, base_url), status_code=200, headers=headers)


def _accepted(
    job_id: str, status: JobStatus, base_url: str, headers: dict[str, str]
) -> Response[JobAccepted]:
    accepted = JobAccepted.queued(job_id, status, base_url)
    return Response(accepted, status_code=202, headers={**_POLL_AGAIN, **headers})


@post(
    "/generate",
    operation_id="createJob",
    status_code=202,
    tags=["jobs"],
    request_max_body_size=MAX_GENERATE_BODY,
    before_request=strict_json_body(GenerateRequest, more_checks=_prompt_length),
    opt={SUBMITS: True},
    summary="Submit a scene to generate",
    description=(
        "Queues a job and answers 202 with its links. With an `Idempotency-Key` header, the same "
        "key and body return the original job's status view (200); the same key with another "
        "body is 422. With `Prefer: wait=N` the answer waits up to N seconds and is 200 with the "
        "full status view when the job has ended by then. The body must be `application/json`; "
        "numbers are never read from strings."
    ),
    responses={
        202: ResponseSpec(
            data_container=JobAccepted,
            generate_examples=False,
            description="Accepted: the job is queued; follow it through its links",
        ),
        200: _view(
            "The job as it is now: the job first submitted with this Idempotency-Key and body, "
            "or (with `Prefer: wait`) a job that ended in time"
        ),
        **problems(
            (400, "The body is empty, not UTF-8 or not JSON; or a bad Idempotency-Key"),
            (
                409,
                "Another request with this Idempotency-Key is being processed; retry after "
                "Retry-After",
            ),
            (413, "The body is over 64 KiB"),
            (415, "The body is not application/json"),
            (
                422,
                "A field is invalid, the webhook URL is refused, or the Idempotency-Key was used "
                "with another body",
            ),
            (
                503,
                "The job store or queue is unavailable, or the service is at its limit of "
                "unfinished jobs; retry after Retry-After",
            ),
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
        }
    ),
)
async def generate(
    request: Request[Any, Any, Any],
    data: JSONBody[GenerateRequest],
    use_cases: Jobs,
    idempotency_key: IdempotencyKey = None,
    prefer: Prefer = None,
) -> Response[JobAccepted] | Response[JobStatusResponse]:
    if idempotency_key is not None and not _IDEMPOTENCY_KEY.fullmatch(idempotency_key):
        raise Problem(
            400, "Idempotency-Key must be 1..128 printable ASCII characters without spaces."
        )
    prompt = trimmed_prompt(data.prompt)
    if not 1 <= len(prompt) <= MAX_PROMPT_LENGTH:
        raise field_problem("prompt", _PROMPT_LENGTH)
    command = SubmitJob(
        prompt=prompt,
        seed=data.seed,
        width=data.width,
        height=data.height,
        idempotency_key=idempotency_key,
        webhook_url=data.webhook,
        webhook_events=data.webhook_events,
        owner=caller_of(request),
        key=submitter_of(request),
    )
    try:
        result = await use_cases.submit_job(command)
    except WebhookUrlRefused as refused:
        raise field_problem("webhook", str(refused)) from refused
    except QuotaExceeded as exceeded:
        raise quota_refused(request, exceeded.decision) from exceeded
    quota_counted(request, result.quota)
    job = result.job
    base_url = base_url_of(request)
    headers = {"Location": status_url_of(job.id)}
    wait = requested_wait_of(prefer, request)
    if wait is None and result.created:
        return _accepted(job.id, job.status, base_url, headers)
    if wait is None:
        return _status_response(await use_cases.get_status.view_of(job), base_url, headers)
    view, applied = await use_cases.follow_job.wait(job, wait)
    if applied:
        headers.update(preference_applied(wait))
    if view.job.status.is_terminal or not result.created:
        return _status_response(view, base_url, headers)
    return _accepted(view.job.id, view.job.status, base_url, headers)


class JobsController(Controller):
    """One job: its status (or a wait for its end) and its cancellation."""

    path = JOBS_PATH
    tags = ["jobs"]
    cache_control = CacheControlHeader(no_store=True)

    def __init__(self, owner: Router) -> None:
        super().__init__(owner)
        self._finished = FinishedStatuses()

    @get(
        JOB,
        name="getJob",
        operation_id="getJob",
        summary="Read a job's status, steps and result",
        description="With `Prefer: wait=N` the answer waits up to N seconds for the job to end.",
        responses={
            200: _view("The job"),
            **problems(
                (404, "No job has this id"),
                (503, "The job store is unavailable; retry after Retry-After"),
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {
                    "Cache-Control": NO_STORE_HEADER,
                    "Retry-After": RETRY_AFTER,
                    "Preference-Applied": PREFERENCE_APPLIED,
                },
                404: {"Cache-Control": NO_STORE_HEADER},
                503: {"Cache-Control": NO_STORE_HEADER, "Retry-After": RETRY_AFTER},
            },
            parameters=(PREFER_ON_THE_HOT_PATH,),
        ),
    )
    async def status(
        self, request: Request[Any, Any, Any], job_id: JobId, use_cases: Jobs
    ) -> Response[JobStatusResponse]:
        job = await use_cases.find_own_job(job_id, caller_of(request))
        wait = requested_wait(prefer_header(request.scope))
        base_url = base_url_of(request)
        if wait is None:
            view = await use_cases.get_status.view_of(job)
            if job.status.is_terminal:
                return self._finished.response(view, base_url)
            return _status_response(view, base_url)
        view, applied = await use_cases.follow_job.wait(job, wait)
        return _status_response(view, base_url, preference_applied(wait) if applied else None)

    @post(
        f"{JOB}/{CANCEL}",
        name="cancelJob",
        operation_id="cancelJob",
        status_code=200,
        summary="Cancel a queued or running job",
        description=(
            "The job becomes `canceled` at once and stays so; its worker stops at the next step "
            "boundary and stores nothing. Canceling a canceled job answers the same view; a "
            "`done` or `failed` job is 409. No request body."
        ),
        responses={
            200: _view("The canceled job"),
            **problems(
                (404, "No job has this id"),
                (409, "The job is done or failed, and cannot be canceled"),
                (503, "The job store is unavailable; retry after Retry-After"),
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {"Cache-Control": NO_STORE_HEADER},
                409: {"Cache-Control": NO_STORE_HEADER},
                503: {"Retry-After": RETRY_AFTER},
            }
        ),
    )
    async def cancel(
        self, request: Request[Any, Any, Any], job_id: JobId, use_cases: Jobs
    ) -> Response[JobStatusResponse]:
        if (caller := caller_of(request)) is not None:
            await use_cases.find_own_job(job_id, caller)
        job = await use_cases.cancel_job(job_id)
        return _status_response(JobView(job=job, links=None), base_url_of(request))
