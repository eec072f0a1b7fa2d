"""RFC 9457 problem details for every error the API returns."""

import logging
import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap

from application import metric_names as m
from application.errors import (
    DependencyUnavailable,
    IdempotencyKeyReused,
    JobAlreadyFinished,
    JobNotFound,
    JobStoreFull,
    SubmissionInProgress,
    TooManyFollowers,
)
from interfaces.http.log_throttle import LogThrottle

log = logging.getLogger(__name__)

AT_CAPACITY_RETRY_AFTER_SECONDS = 5
AT_CAPACITY_LOG_INTERVAL_SECONDS = 60.0
PROBLEM_JSON = "application/problem+json"


class Problem(HTTPException):
    """An error with a chosen status, title and detail; rendered as problem details."""

    def __init__(
        self,
        status_code: int,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, str]] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail=detail, status_code=status_code, headers=headers)
        self.title = title or HTTPStatus(status_code).phrase
        self.errors = errors
        self.extensions = extensions


def problem_response(
    request: Request[Any, Any, Any],
    status_code: int,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, str]] | None = None,
    extensions: dict[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = errors
    body.update(extensions or {})
    return Response(
        body,
        status_code=status_code,
        media_type=PROBLEM_JSON,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


def _http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    if isinstance(exc, Problem):
        return problem_response(
            request,
            exc.status_code,
            exc.detail,
            title=exc.title,
            headers=exc.headers,
            errors=exc.errors,
            extensions=exc.extensions,
        )
    if isinstance(exc, ValidationException):
        return _validation(request, exc)
    status = exc.status_code
    detail = (
        exc.detail if exc.detail != HTTPStatus(status).phrase else _DEFAULT_DETAIL.get(status, "")
    )
    return problem_response(
        request, status, detail or HTTPStatus(status).phrase, headers=exc.headers
    )


_DEFAULT_DETAIL = {
    404: "Nothing is served at this path.",
    405: "This method is not allowed at this path.",
    413: "The request body is larger than this endpoint accepts.",
}


def _validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    items = [item for item in exc.extra or [] if isinstance(item, dict)]
    errors = [_field_error(item) for item in items if not _is_unreadable_body(item)]
    if errors:
        return problem_response(request, 422, "The request has invalid fields.", errors=errors)
    return problem_response(request, 400, "The request body is not valid JSON.")


# Litestar reports errors about the whole body under the handler's parameter name.
_BODY_PARAMETER = "data"
_NAMED_FIELD = re.compile(r"field `([^`]+)`")


def _is_unreadable_body(item: dict[str, Any]) -> bool:
    """An empty or non-object body: msgspec never got as far as a field."""
    message = str(item.get("message") or "")
    return item.get("key") == _BODY_PARAMETER and not _NAMED_FIELD.search(message)


def _field_error(item: dict[str, Any]) -> dict[str, str]:
    message = str(item.get("message") or "is invalid")
    field = str(item.get("key") or "body")
    if field == _BODY_PARAMETER:
        named = _NAMED_FIELD.search(message)
        field = named.group(1) if named else "body"
    return {"field": field, "source": str(item.get("source") or "body"), "message": message}


def _not_found(request: Request[Any, Any, Any], exc: JobNotFound) -> Response[Any]:
    return problem_response(request, 404, "No job has this id.")


def _idempotency(request: Request[Any, Any, Any], exc: IdempotencyKeyReused) -> Response[Any]:
    return problem_response(
        request,
        422,
        "This Idempotency-Key was already used with a different request body.",
        title="Idempotency-Key reused",
    )


def _already_finished(request: Request[Any, Any, Any], exc: JobAlreadyFinished) -> Response[Any]:
    return problem_response(
        request,
        409,
        f"The job is already {exc.status.value}; only a queued or running job can be canceled.",
        extensions={"jobStatus": exc.status.value},
    )


def _in_progress(request: Request[Any, Any, Any], exc: SubmissionInProgress) -> Response[Any]:
    return problem_response(
        request,
        409,
        "A request with this Idempotency-Key is being processed; retry after "
        f"{exc.retry_after_seconds} s for its job.",
        title="Request in progress",
        headers={"Retry-After": str(exc.retry_after_seconds)},
    )


def _too_many_followers(request: Request[Any, Any, Any], exc: TooManyFollowers) -> Response[Any]:
    return problem_response(
        request,
        503,
        f"This server is streaming as many jobs as it may ({exc.limit}); retry shortly, "
        "or poll the status URL.",
        headers={"Retry-After": "5"},
    )


def exception_handlers(count_error: Callable[[str], None]) -> ExceptionHandlersMap:
    """Every error as problem details; `count_error(kind)` counts the service's own failures."""

    def dependency(request: Request[Any, Any, Any], exc: DependencyUnavailable) -> Response[Any]:
        log.warning("dependency unavailable: %s", exc)
        count_error(m.ERROR_DEPENDENCY)
        return problem_response(
            request,
            503,
            f"The {exc.dependency} is unavailable; retry shortly.",
            headers={"Retry-After": "2"},
        )

    capacity_log = LogThrottle(AT_CAPACITY_LOG_INTERVAL_SECONDS)

    def at_capacity(request: Request[Any, Any, Any], exc: JobStoreFull) -> Response[Any]:
        # The service working as configured: no error counted, one line a minute at most.
        held_back = capacity_log.due()
        if held_back is not None:
            log.warning(
                "at the limit of %d unfinished jobs: submissions refused with 503 "
                "(%d more since the last line)",
                exc.capacity,
                held_back,
            )
        return problem_response(
            request,
            503,
            f"The service is at its limit of {exc.capacity} unfinished (queued or running) "
            f"jobs; retry after {AT_CAPACITY_RETRY_AFTER_SECONDS} seconds.",
            title="At capacity",
            headers={"Retry-After": str(AT_CAPACITY_RETRY_AFTER_SECONDS)},
        )

    def unhandled(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        count_error(m.ERROR_UNHANDLED)
        return problem_response(request, 500, "An unexpected error occurred.")

    return {
        HTTPException: _http_exception,
        JobNotFound: _not_found,
        IdempotencyKeyReused: _idempotency,
        JobAlreadyFinished: _already_finished,
        TooManyFollowers: _too_many_followers,
        JobStoreFull: at_capacity,
        SubmissionInProgress: _in_progress,
        DependencyUnavailable: dependency,
        Exception: unhandled,
    }


__all__ = ["PROBLEM_JSON", "MediaType", "Problem", "exception_handlers", "problem_response"]
