"""RFC 9457 problem details for every error the API returns, through Litestar's plugin.

`ProblemDetails` is the one shape: every error body is one, and the OpenAPI document's problem
schema is this Struct. A handler raises `Problem`; `problem_details_plugin` maps Litestar's own
errors (unknown path, 405, 413, validation) and the application's (`application.errors`) to a
`Problem`, which answers with `instance` set and `Cache-Control: no-store`.
"""

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)

from application import metric_names as m
from application.errors import (
    DependencyUnavailable,
    IdempotencyKeyReused,
    JobAlreadyFinished,
    JobNotFound,
    JobStoreFull,
    ListingNeedsAKey,
    SubmissionInProgress,
    TooManyFollowers,
)
from domain.jobs import JobStatus
from interfaces.http.log_throttle import LogThrottle

log = logging.getLogger(__name__)

AT_CAPACITY_RETRY_AFTER_SECONDS = 5
AT_CAPACITY_LOG_INTERVAL_SECONDS = 60.0
PROBLEM_JSON = "application/problem+json"


class FieldError(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One invalid field: its name (`webhookEvents[0]` inside a value), where it was sent
    (`body`, `query`, `header`), what is wrong, and for a body its JSON Pointer (RFC 6901)."""

    field: str
    source: str
    message: str
    pointer: str | None = None


def body_field_error(field: str, message: str) -> FieldError:
    """An invalid field of a JSON body, with its JSON Pointer (`webhookEvents[0]` is
    `/webhookEvents/0`)."""
    steps = field.replace("[", ".").replace("]", "").split(".")
    pointer = "".join("/" + step.replace("~", "~0").replace("/", "~1") for step in steps if step)
    return FieldError(field=field, source="body", message=message, pointer=pointer)


class ProblemDetails(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """RFC 9457 problem details, with `errors` naming each invalid field."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | None = None
    job_status: JobStatus | None = None
    """The job's status, when it is why the request was refused (409)."""


class Problem(ProblemDetailsException):
    """An error with a chosen status, title and detail; rendered as problem details."""

    def __init__(
        self,
        status_code: int,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: Iterable[FieldError] = (),
        job_status: JobStatus | None = None,
    ) -> None:
        super().__init__(
            detail=detail,
            status_code=status_code,
            headers=headers,
            type_="about:blank",
            title=title or HTTPStatus(status_code).phrase,
        )
        self.errors = list(errors)
        self.job_status = job_status

    def to_response(self, request: Request[Any, Any, Any]) -> Response[Any]:
        body = ProblemDetails(
            type=self.type_ or "about:blank",
            title=self.title or HTTPStatus(self.status_code).phrase,
            status=self.status_code,
            detail=self.detail,
            instance=request.url.path,
            errors=self.errors or None,
            job_status=self.job_status,
        )
        return Response(
            body,
            status_code=self.status_code,
            media_type=PROBLEM_JSON,
            headers={"Cache-Control": "no-store", **(self.headers or {})},
        )


def field_problem(
    field: str, message: str, *, detail: str = "The request has invalid fields."
) -> Problem:
    """422 naming one invalid field of the body."""
    return Problem(422, detail, errors=[body_field_error(field, message)])


_DEFAULT_DETAIL = {
    404: "Nothing is served at this path.",
    405: "This method is not allowed at this path.",
    413: "The request body is larger than this endpoint accepts.",
}


def _http_error(exc: HTTPException) -> Problem:
    status = exc.status_code
    phrase = HTTPStatus(status).phrase
    detail = exc.detail if exc.detail != phrase else _DEFAULT_DETAIL.get(status, "")
    return Problem(status, detail or phrase, headers=exc.headers)


# Litestar reports errors about the whole body under the handler's parameter name.
_BODY_PARAMETER = "data"
_NAMED_FIELD = re.compile(r"field `([^`]+)`")


def _validation_error(exc: ValidationException) -> Problem:
    items = [item for item in exc.extra or [] if isinstance(item, dict)]
    if any(item.get("source") == "path" for item in items):
        # The only constrained path parameter is a job's id: one no job could have names none.
        return Problem(404, "No job has this id.")
    errors = [_field_error(item) for item in items if not _is_unreadable_body(item)]
    if errors:
        return Problem(422, "The request has invalid fields.", errors=errors)
    return Problem(400, "The request body is not valid JSON.")


def _is_unreadable_body(item: Mapping[str, Any]) -> bool:
    """An empty or non-object body: msgspec never got as far as a field."""
    message = str(item.get("message") or "")
    return item.get("key") == _BODY_PARAMETER and not _NAMED_FIELD.search(message)


def _field_error(item: Mapping[str, Any]) -> FieldError:
    """One of the errors Litestar found, each parameter checked on its own (so every invalid
    query parameter is named in one answer), in the words of the body's field errors."""
    message = str(item.get("message") or "is invalid")
    field = str(item.get("key") or "body")
    if field == _BODY_PARAMETER:
        named = _NAMED_FIELD.search(message)
        field = named.group(1) if named else "body"
    source = item.get("source") or "body"
    source = str(source.value if isinstance(source, Enum) else source)
    return FieldError(field=field, source=source, message=_in_words(message))


_BOUND = re.compile(r"^Expected `[^`]+` (?P<bound>.+)$")
_WRONG_TYPE = re.compile(r"^Expected `(?P<expected>int|str)[^`]*`, got `[^`]+`$")
_NOT_A_CHOICE = re.compile(r"^Invalid enum value (?P<value>.+)$")


def _in_words(message: str) -> str:
    if bound := _BOUND.match(message):
        return f"must be {bound['bound']}"
    if wrong := _WRONG_TYPE.match(message):
        return "must be an integer" if wrong["expected"] == "int" else "must be a string"
    if choice := _NOT_A_CHOICE.match(message):
        return f"must be one of the documented values, not {choice['value']}"
    return message


def _job_not_found(exc: JobNotFound) -> Problem:
    return Problem(404, "No job has this id.")


def _listing_needs_a_key(exc: ListingNeedsAKey) -> Problem:
    return Problem(
        403,
        "This service runs without API keys (AUTH_MODE=none): listing jobs would show "
        "everyone's prompts.",
        title="Listing needs an API key",
    )


def _idempotency_key_reused(exc: IdempotencyKeyReused) -> Problem:
    return Problem(
        422,
        "This Idempotency-Key was already used with a different request body.",
        title="Idempotency-Key reused",
    )


def _already_finished(exc: JobAlreadyFinished) -> Problem:
    return Problem(
        409,
        f"The job is already {exc.status.value}; only a queued or running job can be canceled.",
        job_status=exc.status,
    )


def _in_progress(exc: SubmissionInProgress) -> Problem:
    return Problem(
        409,
        "A request with this Idempotency-Key is being processed; retry after "
        f"{exc.retry_after_seconds} s for its job.",
        title="Request in progress",
        headers={"Retry-After": str(exc.retry_after_seconds)},
    )


def _too_many_followers(exc: TooManyFollowers) -> Problem:
    return Problem(
        503,
        f"This server is streaming as many jobs as it may ({exc.limit}); retry shortly, "
        "or poll the status URL.",
        headers={"Retry-After": "5"},
    )


def problem_details_plugin(count_error: Callable[[str], None]) -> ProblemDetailsPlugin:
    """Every error as problem details; `count_error(kind)` counts the service's own failures."""

    def dependency_unavailable(exc: DependencyUnavailable) -> Problem:
        log.warning("dependency unavailable: %s", exc)
        count_error(m.ERROR_DEPENDENCY)
        return Problem(
            503,
            f"The {exc.dependency} is unavailable; retry shortly.",
            headers={"Retry-After": "2"},
        )

    capacity_log = LogThrottle(AT_CAPACITY_LOG_INTERVAL_SECONDS)

    def at_capacity(exc: JobStoreFull) -> Problem:
        # The service working as configured: no error counted, one line a minute at most.
        held_back = capacity_log.due()
        if held_back is not None:
            log.warning(
                "at the limit of %d unfinished jobs: submissions refused with 503 "
                "(%d more since the last line)",
                exc.capacity,
                held_back,
            )
        return Problem(
            503,
            f"The service is at its limit of {exc.capacity} unfinished (queued or running) "
            f"jobs; retry after {AT_CAPACITY_RETRY_AFTER_SECONDS} seconds.",
            title="At capacity",
            headers={"Retry-After": str(AT_CAPACITY_RETRY_AFTER_SECONDS)},
        )

    def unhandled(exc: Exception) -> Problem:
        log.error("unhandled error", exc_info=exc)
        count_error(m.ERROR_UNHANDLED)
        return Problem(500, "An unexpected error occurred.")

    problems: dict[type[Any], Callable[[Any], Problem]] = {
        HTTPException: _http_error,
        ValidationException: _validation_error,
        JobNotFound: _job_not_found,
        ListingNeedsAKey: _listing_needs_a_key,
        IdempotencyKeyReused: _idempotency_key_reused,
        JobAlreadyFinished: _already_finished,
        TooManyFollowers: _too_many_followers,
        JobStoreFull: at_capacity,
        SubmissionInProgress: _in_progress,
        DependencyUnavailable: dependency_unavailable,
        Exception: unhandled,
    }
    return ProblemDetailsPlugin(ProblemDetailsConfig(exception_to_problem_detail_map=problems))
