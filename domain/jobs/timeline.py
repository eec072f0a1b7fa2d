"""A job's events, derived from its record alone: what an event stream sends, with stable ids.

The record keeps its steps in the order they were recorded, and a status moves only with a
step (or a cancel, after which nothing is recorded). So the events are: the job's first status
(`queued`), then each recorded step, each followed by the status it moved the job to when it
moved it, then `canceled` when the job was canceled. The record only ever grows at its end, so
a later read of the same job yields the same events followed by new ones: every event keeps its
place and its id for good, whether it is sent live or replayed from a finished job. The events
end with the terminal status: a late step of the finished run, recorded after it (an earlier
step's report that arrived last), shows in the final view's steps but is no event of its own,
since a live stream may have ended before it came.

Ids name the event, not a position: a step's id is its step id (`layout:started`, recorded at
most once), a status event's is `status:<status>` (each status is reached at most once), and
the final event, which carries the whole view, is `end`.
"""

from datetime import datetime

import msgspec

from domain.jobs.events import StepRecord
from domain.jobs.job import Job
from domain.jobs.rules import status_after
from domain.jobs.status import JobStatus

END = "end"
"""The id of the final event, sent once the job has finished."""


class TimelineEvent(msgspec.Struct, frozen=True, kw_only=True):
    """A step recorded (`step`) or a status reached (`status`, `at`); exactly one of the two."""

    event_id: str
    step: StepRecord | None = None
    status: JobStatus | None = None
    at: datetime | None = None
    """When the status was reached: the job's creation, the step's time, or the cancel's."""


def status_event_id(status: JobStatus) -> str:
    return f"status:{status.value}"


def timeline(job: Job) -> tuple[TimelineEvent, ...]:
    """Every event of the job so far, in order (the final `end` event aside)."""
    status = JobStatus.QUEUED
    events = [_status(status, job.created_at)]
    for step in job.steps:
        if status.is_terminal:
            break  # a late step of the finished run: in the final view, not an event of its own
        events.append(TimelineEvent(event_id=step.step_id, step=step))
        if status_after(step) is not status:
            status = status_after(step)
            events.append(_status(status, step.at))
    if job.status is not status:  # a cancel: no step moved the job there, nothing follows it
        events.append(_status(job.status, job.updated_at))
    return tuple(events)


def _status(status: JobStatus, at: datetime) -> TimelineEvent:
    return TimelineEvent(event_id=status_event_id(status), status=status, at=at)


def sent_before(events: tuple[TimelineEvent, ...], last_event_id: str | None) -> int:
    """How many of `events` a client that last received `last_event_id` has: all up to that
    one. An id no event has (none, a foreign one, an old format) starts from the top."""
    if last_event_id is None:
        return 0
    wanted = last_event_id.strip()
    for position, event in enumerate(events):
        if event.event_id == wanted:
            return position + 1
    return 0
