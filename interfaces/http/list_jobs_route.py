"""`GET /jobs`: the calling key's own jobs, newest first, a page at a time (AUTH_MODE=api-keys).

Without keys it is 403: a listing would show everyone's prompts.
"""

from typing import Annotated, Any

from litestar import Request, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from litestar.response import Response

from application.errors import InvalidCursor
from application.ports import MAX_PAGE_SIZE
from application.use_cases.list_jobs import DEFAULT_PAGE_SIZE, ListJobs
from application.wire import JobStatusResponse
from domain.jobs import JobStatus
from interfaces.http.api_keys import caller_of
from interfaces.http.finished_status import NO_STORE
from interfaces.http.job_routes import Jobs
from interfaces.http.links import base_url_of
from interfaces.http.openapi import NO_STORE as NO_STORE_HEADER
from interfaces.http.openapi import RETRY_AFTER, operation_with_headers, problems
from interfaces.http.problems import Problem
from interfaces.http.schemas import JobListResponse

Limit = Annotated[
    int,
    Parameter(
        ge=1, le=MAX_PAGE_SIZE, description=f"Jobs on a page, 1..{MAX_PAGE_SIZE}", required=False
    ),
]
Cursor = Annotated[
    str | None,
    Parameter(
        description="`nextCursor` of the previous page, as given (with the same `status`)",
        required=False,
        max_length=512,
    ),
]
StatusFilter = Annotated[
    JobStatus | None, Parameter(description="Only jobs with this status", required=False)
]


@get(
    "/jobs",
    operation_id="listJobs",
    tags=["jobs"],
    summary="List your own jobs, newest first",
    description=(
        "The jobs made with the calling API key, newest first, `limit` at a time. Follow "
        "`nextCursor` (null on the last page) for the next page: new submissions never shift "
        "a listing already under way. Needs `AUTH_MODE=api-keys`; without keys it is 403, "
        "since it would show everyone's prompts."
    ),
    responses={
        200: ResponseSpec(
            data_container=JobListResponse,
            generate_examples=False,
            description="A page of the caller's jobs",
        ),
        **problems(
            (
                400,
                "The cursor is not one this service made for this listing",
                "Bad cursor: the cursor is not one this service made.",
            ),
            (403, "The service runs without API keys, so it lists no jobs"),
            (422, "`limit` is not 1..100, or `status` is not a job status"),
            (503, "The job store is unavailable; retry after Retry-After"),
        ),
    },
    operation_class=operation_with_headers(
        {200: {"Cache-Control": NO_STORE_HEADER}, 503: {"Retry-After": RETRY_AFTER}}
    ),
)
async def list_jobs(
    request: Request[Any, Any, Any],
    use_cases: Jobs,
    limit: Limit = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
    status: StatusFilter = None,
) -> Response[JobListResponse]:
    query = ListJobs(owner=caller_of(request), limit=limit, cursor=cursor, status=status)
    try:
        page = await use_cases.list_jobs(query)
    except InvalidCursor as invalid:
        raise Problem(400, f"Bad cursor: {invalid}.", title="Invalid cursor") from invalid
    base_url = base_url_of(request)
    body = JobListResponse(
        items=[JobStatusResponse.of(view, base_url) for view in page.items],
        next_cursor=page.next_cursor,
    )
    return Response(body, headers=NO_STORE)
