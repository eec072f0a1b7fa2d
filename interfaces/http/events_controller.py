"""`GET /status/{id}/events`: a job's steps and status as a live Server-Sent Events stream."""

import weakref
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from litestar.types import ASGIApp, Receive, Scope, Send

from application.use_cases.follow_job import (
    Finished,
    JobEvent,
    KeepAlive,
    StatusChanged,
    StepRecorded,
    StreamSlot,
)
from application.wire import EVENTS, JOBS_PATH, JobStatusResponse, StatusChangeWire, StepWire
from interfaces.http.api_keys import caller_of
from interfaces.http.job_routes import JOB, JobId, Jobs
from interfaces.http.links import base_url_of
from interfaces.http.openapi import RETRY_AFTER, operation_with_headers, problems

RECONNECT_MILLISECONDS = 2000
_ENCODER = msgspec.json.Encoder()

_DESCRIPTION = """\
`text/event-stream`: the job's history, then its events as they happen, then the stream closes.
The job's first status (`event: status`, data `{"id", "status", "updatedAt"}` where `updatedAt`
is when the job reached it), then each recorded step (`event: step`, data: the step), each
followed by the status it moved the job to, and a last event named after the terminal status
(`done`, `failed` or `canceled`) whose data is the full status view. Every event's `id` names it
for good, the same live and in any replay: a step's `stepId`, `status:<status>`, `end` for the
last. Reconnect with `Last-Event-ID` to resume with nothing lost and nothing repeated (after
the last event that answers 204, which tells an `EventSource` to stop). A `: keep-alive` comment
comes every 15 s while nothing happens."""


class JobStreamEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One event of the stream, as an SSE parser hands it over (OpenAPI 3.1: `schema` describes
    each event of a `text/event-stream`)."""

    event: Literal["step", "status", "done", "failed", "canceled"]
    data: Annotated[
        str,
        msgspec.Meta(
            description=(
                "JSON: a step (`step`), `{id, status, updatedAt}` (`status`), or the full status "
                "view (the final event)"
            ),
            extra_json_schema={"contentMediaType": "application/json"},
        ),
    ]
    id: Annotated[
        str,
        msgspec.Meta(
            description=(
                "Names the event for good (the same in a live stream and any replay): a step's "
                "`stepId`, `status:<status>`, or `end` for the last; send it back as "
                "`Last-Event-ID` to resume after it"
            ),
            pattern="^([a-z_]{1,32}:(started|succeeded|failed)|status:[a-z]{1,16}|end)$",
        ),
    ]
    retry: int | None = None


class StreamHoldingSlot:
    """The stream's ASGI response, and its slot given back however the response ends.

    The generator's own `finally` only runs once iteration began: a client that goes before the
    first event left the slot held until the garbage collector found the generator, so a few
    hundred such clients could take every slot for a while.
    """

    def __init__(self, response: ASGIApp, slot: StreamSlot) -> None:
        self._response = response
        self._slot = slot

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self._response(scope, receive, send)
        finally:
            self._slot.release()


class JobEventsController(Controller):
    path = JOBS_PATH
    tags = ["jobs"]

    @get(
        f"{JOB}/{EVENTS}",
        name="streamJobEvents",
        operation_id="streamJobEvents",
        summary="Follow a job's steps live (Server-Sent Events)",
        description=_DESCRIPTION,
        responses={
            200: ResponseSpec(
                data_container=JobStreamEvent,
                media_type="text/event-stream",
                description="The job's events, until its last one",
                generate_examples=False,
            ),
            204: ResponseSpec(
                data_container=None,
                description="`Last-Event-ID` names the last event: nothing more will come",
                generate_examples=False,
            ),
            **problems(
                (404, "No job has this id"),
                (
                    503,
                    "Too many streams on this server, or the job store is unavailable; retry "
                    "after Retry-After",
                ),
            ),
        },
        operation_class=operation_with_headers({503: {"Retry-After": RETRY_AFTER}}),
    )
    async def events(
        self,
        request: Request[Any, Any, Any],
        job_id: JobId,
        use_cases: Jobs,
        last_event_id: Annotated[
            str | None,
            HeaderParameter(
                name="Last-Event-ID",
                required=False,
                description="The `id` of the last event received, to resume after it",
            ),
        ] = None,
    ) -> ASGIApp:
        follow_job = use_cases.follow_job
        job = await use_cases.find_own_job(job_id, caller_of(request))
        if follow_job.is_past_the_end(job, last_event_id):
            return Response(None, status_code=204).to_asgi_response(app=None, request=request)
        slot = follow_job.reserve_stream()
        messages = self._messages(follow_job.events(job, last_event_id), slot, base_url_of(request))
        stream = ServerSentEvent(messages, headers={"Cache-Control": "no-store"})
        held = StreamHoldingSlot(stream.to_asgi_response(app=None, request=request), slot)
        # Should the stream never be sent at all, the slot goes back with it.
        weakref.finalize(held, slot.release)
        return held

    async def _messages(
        self, events: AsyncIterator[JobEvent], slot: StreamSlot, base_url: str
    ) -> AsyncIterator[ServerSentEventMessage]:
        try:
            first = True
            async for event in events:
                message = self._message(event, base_url)
                if first:
                    message.retry = RECONNECT_MILLISECONDS
                    first = False
                yield message
        finally:
            slot.release()

    def _message(self, event: JobEvent, base_url: str) -> ServerSentEventMessage:
        if isinstance(event, KeepAlive):
            return ServerSentEventMessage(data=None, comment="keep-alive")
        event_id = event.event_id
        if isinstance(event, StepRecorded):
            step = msgspec.convert(event.step, StepWire, from_attributes=True)
            return ServerSentEventMessage(id=event_id, event="step", data=_ENCODER.encode(step))
        if isinstance(event, StatusChanged):
            change = StatusChangeWire(id=event.job_id, status=event.status, updated_at=event.at)
            return ServerSentEventMessage(id=event_id, event="status", data=_ENCODER.encode(change))
        if isinstance(event, Finished):
            body = _ENCODER.encode(JobStatusResponse.of(event.view, base_url))
            return ServerSentEventMessage(id=event_id, event=event.view.job.status.value, data=body)
        raise AssertionError(f"unknown event {event!r}")
