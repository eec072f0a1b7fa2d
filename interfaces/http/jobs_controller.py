"""Public job endpoints: submit a job and read its status."""

import re
from typing import Annotated

from litestar import Controller, MediaType, Response, Router, get, post
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody, SkipValidation

from application.errors import JobNotFound
from application.use_cases.get_status import GetStatusHandler
from application.use_cases.submit_job import SubmitJob, SubmitJobHandler
from domain.jobs import is_job_id
from interfaces.http.json_bodies import strict_json_body
from interfaces.http.openapi import (
    LOCATION,
    NO_STORE,
    RETRY_AFTER,
    operation_with_headers,
    problem,
)
from interfaces.http.problems import Problem
from interfaces.http.schemas import (
    MAX_PROMPT_LENGTH,
    GenerateRequest,
    JobAccepted,
    JobStatusResponse,
    trimmed_prompt,
)
from interfaces.http.status_bodies import StatusBodies

MAX_GENERATE_BODY = 16 * 1024
_POLL_AGAIN = {"Retry-After": "1"}
_IDEMPOTENCY_KEY = re.compile(r"^[!-~]{1,128}$")


class JobsController(Controller):
    tags = ["jobs"]

    def __init__(self, owner: Router) -> None:
        super().__init__(owner)
        self._status_bodies = StatusBodies()

    @post(
        "/generate",
        status_code=202,
        request_max_body_size=MAX_GENERATE_BODY,
        before_request=strict_json_body(GenerateRequest),
        summary="Submit a scene to generate",
        description=(
            "Queues a job and answers 202 with its status URL. With an `Idempotency-Key` header, "
            "the same key and body return the original job (200); the same key with another "
            "body is 422. The body must be `application/json`; numbers are never read from "
            "strings."
        ),
        responses={
            200: ResponseSpec(
                data_container=JobAccepted,
                description="The job first submitted with this Idempotency-Key and body",
            ),
            400: problem(
                400,
                "The body is empty, not UTF-8 or not JSON; or a bad Idempotency-Key",
                "The request body is not valid JSON.",
            ),
            413: problem(
                413,
                "The body is over 16 KiB",
                "The request body is larger than this endpoint accepts.",
            ),
            415: problem(
                415,
                "The body is not application/json",
                "The request body must be JSON, sent with Content-Type: application/json.",
            ),
            422: problem(
                422,
                "A field is invalid, or the Idempotency-Key was used with another body",
                "The request has invalid fields.",
            ),
            503: problem(
                503,
                "The job store or queue is unavailable; retry after Retry-After",
                "The job store is unavailable; retry shortly.",
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {"Location": LOCATION, "Retry-After": RETRY_AFTER},
                202: {"Location": LOCATION, "Retry-After": RETRY_AFTER},
                503: {"Retry-After": RETRY_AFTER},
            }
        ),
    )
    async def generate(
        self,
        data: JSONBody[GenerateRequest],
        submit_job: NamedDependency[SkipValidation[SubmitJobHandler]],
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
    ) -> Response[JobAccepted]:
        prompt = trimmed_prompt(data.prompt)
        if not 1 <= len(prompt) <= MAX_PROMPT_LENGTH:
            raise Problem(
                422,
                "The request has invalid fields.",
                errors=[
                    {
                        "field": "prompt",
                        "source": "body",
                        "message": f"must be 1..{MAX_PROMPT_LENGTH} characters after trimming",
                    }
                ],
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
        )
        result = await submit_job(command)
        job = result.job
        status_url = f"/status/{job.id}"
        return Response(
            JobAccepted(id=job.id, status=job.status, status_url=status_url),
            status_code=202 if result.created else 200,
            headers={"Location": status_url, "Retry-After": "1"},
        )

    @get(
        "/status/{job_id:str}",
        summary="Read a job's status, steps and result",
        cache_control=CacheControlHeader(no_store=True),
        # The body is encoded by StatusBodies (bytes); the schema is JobStatusResponse's.
        responses={
            200: ResponseSpec(data_container=JobStatusResponse, description="The job"),
            404: problem(404, "No job has this id", "No job has this id."),
            503: problem(
                503,
                "The job store is unavailable; retry after Retry-After",
                "The job store is unavailable; retry shortly.",
            ),
        },
        operation_class=operation_with_headers(
            {
                200: {"Cache-Control": NO_STORE, "Retry-After": RETRY_AFTER},
                404: {"Cache-Control": NO_STORE},
                503: {"Cache-Control": NO_STORE, "Retry-After": RETRY_AFTER},
            }
        ),
    )
    async def status(
        self,
        job_id: FromPath[str],
        get_status: NamedDependency[SkipValidation[GetStatusHandler]],
    ) -> Response[bytes]:
        if not is_job_id(job_id):
            raise JobNotFound(job_id)
        view = await get_status(job_id)
        headers = None if view.job.status.is_terminal else _POLL_AGAIN
        body = self._status_bodies.body(view)
        return Response(body, media_type=MediaType.JSON, headers=headers)
