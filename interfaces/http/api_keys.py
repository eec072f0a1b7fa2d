"""API keys on the public job endpoints (AUTH_MODE=api-keys): one guard, one hook, one reader.

- `key_guard` is the guard of every public job route (POST /generate, GET /jobs and everything
  under /status). It reads `Authorization: Bearer <key>` (401 problem details with
  `WWW-Authenticate: Bearer` when missing, wrong or revoked), then reads the key's rate window.
  It keeps the key's id and the window in the request's scope.
- `submitter_of(request)` is the key a submitting handler (`opt={SUBMITS: True}`) hands to the
  submit use case once the request is valid (so a malformed submission costs nothing); the use
  case reserves the job's active slot and takes a place in the key's window, and
  `quota_counted` / `quota_refused` record its decision (429 with `Retry-After` beyond the
  rate or at the key's limit of active jobs).
- `RateLimitHeaders` (ASGI middleware in front of the app) writes `RateLimit-Limit`,
  `RateLimit-Remaining` and `RateLimit-Reset` on every answer to a keyed request, errors too.
- `caller_of(request)` is the key's id for the handler (the job's owner, the Idempotency-Key's
  namespace, whose jobs are listed), or None without keys, which sees every job.

With AUTH_MODE=none neither the guard nor the middleware is installed: routes cost what they did.
Health, readiness, the OpenAPI document, the page and the internal callback have no guard.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.handlers.base import BaseRouteHandler
from litestar.types import ASGIApp, Guard, Message, Receive, Scope, Send

from application.use_cases.catalog import KeyAccess
from application.use_cases.quotas import QuotaDecision
from domain.keys import ApiKey
from interfaces.http.problems import Problem

SUBMITS = "submits_job"
"""A route handler's `opt` flag: its requests count against the key's submission quota."""
_CALLER = "scenegen.api_key"
_DECISION = "scenegen.quota"
_SUBMITTER = "scenegen.submitter"
_BEARER = "bearer "
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def caller_of(request: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The calling key's id (set by `key_guard`), or None when keys are off."""
    scope: Any = request.scope
    caller: str | None = scope.get(_CALLER)
    return caller


def _presented(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    header = connection.headers.get("authorization")
    if header is None or header[: len(_BEARER)].lower() != _BEARER:
        return None
    return header[len(_BEARER) :].strip() or None


def key_guard(access: Callable[[], Awaitable[KeyAccess]]) -> Guard:
    """The guard of the public job routes; `access` gives the use cases it needs."""

    async def guard(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        presented = _presented(connection)
        if presented is None:
            raise Problem(
                401,
                "This endpoint needs an API key: send `Authorization: Bearer <key>`.",
                headers=_CHALLENGE,
            )
        checks = await access()
        key = await checks.authenticate(presented)
        if key is None:
            raise Problem(
                401,
                "The API key is not valid (unknown or revoked).",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        scope: Any = connection.scope
        scope[_CALLER] = key.id
        scope[_DECISION] = await checks.quota.current(key)
        if handler.opt.get(SUBMITS):
            scope[_SUBMITTER] = key

    return guard


def submitter_of(request: ASGIConnection[Any, Any, Any, Any]) -> ApiKey | None:
    """The key a submission is counted against (set by `key_guard`), or None without keys."""
    scope: Any = request.scope
    key: ApiKey | None = scope.get(_SUBMITTER)
    return key


def quota_counted(
    request: ASGIConnection[Any, Any, Any, Any], decision: QuotaDecision | None
) -> None:
    """The RateLimit-* headers of the answer say how the submission was counted."""
    if decision is not None:
        scope: Any = request.scope
        scope[_DECISION] = decision


def quota_refused(request: ASGIConnection[Any, Any, Any, Any], decision: QuotaDecision) -> Problem:
    """The 429 problem details of a refused submission (its headers say the window)."""
    quota_counted(request, decision)
    return _refused(decision)


def _refused(decision: QuotaDecision) -> Problem:
    retry_after = decision.retry_after_seconds or decision.reset_seconds
    if decision.exceeded == "active":
        detail = (
            f"This key has {decision.active} queued or running jobs, its limit "
            f"({decision.max_active}); retry when one has ended."
        )
    else:
        detail = (
            f"This key made its {decision.limit} submissions of this minute; retry after "
            f"{retry_after} s."
        )
    return Problem(429, detail, title="Quota exceeded", headers={"Retry-After": str(retry_after)})


class RateLimitHeaders:
    """ASGI middleware in front of Litestar's app: the key's rate window (RateLimit-Limit,
    -Remaining, -Reset) on every answer to a keyed request, errors included.

    In front of the app rather than a route's middleware, because errors are answered by the
    route's exception handler, outside any route middleware; and a new message rather than
    the one sent, which may be a kept response's, shared by every request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        state: Any = scope

        async def send_with_rate_limit(message: Message) -> None:
            decision: QuotaDecision | None = state.get(_DECISION)
            if message["type"] == "http.response.start" and decision is not None:
                headers = [
                    *message.get("headers", ()),
                    (b"ratelimit-limit", str(decision.limit).encode()),
                    (b"ratelimit-remaining", str(decision.remaining).encode()),
                    (b"ratelimit-reset", str(decision.reset_seconds).encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_rate_limit)
