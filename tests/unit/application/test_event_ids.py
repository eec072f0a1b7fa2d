"""Stable event ids: the worker's progress interleaved with a stream at every point.

For each run below, the job's record is taken after every write (a step recorded, a cancel).
A stream starts at every one of those points, is cut after every number of events, and resumes
(with the last id it received) at every later point; the worker makes one write each time the
stream waits. Every combination must deliver exactly the events of the finished job, each once,
in order, with the ids and data a replay of the finished job gives them.
"""

from datetime import timedelta
from typing import Any

import pytest

from application.use_cases.follow_job import (
    Finished,
    FollowJobHandler,
    JobEvent,
    KeepAlive,
    StatusChanged,
    StepRecorded,
)
from application.use_cases.get_status import GetStatusHandler
from domain.jobs import Job, StepName, StepPhase, apply_step, cancel_job
from domain.jobs.timeline import END, timeline
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.job_repository import InMemoryJobRepository
from tests.fakes import T0, FixedClock, a_job, event, failed_run, successful_run

Write = Any
"""A StepEvent to record, or "cancel"."""


def late_history_run() -> list[Write]:
    """The final step's success overtakes render_minimap's: recorded after the job is done."""
    run = successful_run()
    minimap_succeeded = run.pop(7)
    assert minimap_succeeded.name is StepName.RENDER_MINIMAP
    return [*run, minimap_succeeded]


RUNS: dict[str, list[Write]] = {
    "done": successful_run(),
    "failed at layout": failed_run(1),
    "canceled while laying out": [*successful_run()[:3], "cancel"],
    "canceled while queued": ["cancel"],
    "done, then a late step": late_history_run(),
}


def snapshots(writes: list[Write]) -> list[Job]:
    """The job's record before any write and after each one."""
    job = a_job("j1")
    records = [job]
    for n, write in enumerate(writes):
        now = T0 + timedelta(seconds=30 + n)
        job = (
            cancel_job(job, now=now).job
            if write == "cancel"
            else apply_step(job, write, now=now).job
        )
        records.append(job)
    return records


class ScriptedWatch:
    """The worker makes one more write each time a follower waits for a change."""

    def __init__(self, records: list[Job], progress: int) -> None:
        self.records = records
        self.progress = progress

    async def next_change(self, job_id: str, seen: Job, *, timeout: float) -> Job | None:
        if self.progress + 1 < len(self.records):
            self.progress += 1
        return self.records[self.progress]


def follower(watch: ScriptedWatch) -> FollowJobHandler:
    get_status = GetStatusHandler(
        jobs=InMemoryJobRepository(clock=FixedClock()),
        artifacts=InlineArtifactStore(),
        clock=FixedClock(),
    )
    return FollowJobHandler(get_status=get_status, watch=watch)


def described(event: JobEvent) -> tuple[str, object]:
    if isinstance(event, StepRecorded):
        return event.event_id, event.step
    if isinstance(event, StatusChanged):
        return event.event_id, (event.status, event.at)
    if isinstance(event, Finished):
        return event.event_id, event.view.job.status
    raise AssertionError(f"no keep-alive expected here: {event!r}")


async def receive(
    records: list[Job], progress: int, last_event_id: str | None, count: int | None = None
) -> tuple[list[tuple[str, object]], int]:
    """`count` events (all, when None) of a stream opened at `progress`; and the progress then."""
    watch = ScriptedWatch(records, progress)
    received: list[tuple[str, object]] = []
    stream = follower(watch).events(records[progress], last_event_id)
    try:
        async for each in stream:
            assert not isinstance(each, KeepAlive)
            if count is not None and len(received) == count:
                break
            received.append(described(each))
    finally:
        await stream.aclose()
    return received, watch.progress


async def replay_of(finished: Job) -> list[tuple[str, object]]:
    events, _ = await receive([finished], 0, None)
    return events


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS.keys())
async def test_a_live_stream_and_a_replay_give_every_event_the_same_id_and_data(
    run: list[Write],
) -> None:
    records = snapshots(run)
    live, _ = await receive(records, 0, None)
    assert live == await replay_of(records[-1])
    ids = [event_id for event_id, _ in live]
    assert len(set(ids)) == len(ids), "an id names one event"
    assert ids[-1] == END and ids[0] == "status:queued"


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS.keys())
async def test_resuming_at_every_point_loses_and_repeats_nothing(run: list[Write]) -> None:
    records = snapshots(run)
    whole = await replay_of(records[-1])
    checked = 0
    for start in range(len(records)):
        for cut in range(len(whole) + 1):
            before, progress = await receive(records, start, None, count=cut)
            for resume_at in range(progress, len(records)):
                last_id = before[-1][0] if before else None
                if last_id == END:
                    assert FollowJobHandler.is_past_the_end(records[resume_at], last_id)
                    after: list[tuple[str, object]] = []
                else:
                    after, _ = await receive(records, resume_at, last_id)
                assert before + after == whole, (start, cut, resume_at)
                checked += 1
    assert checked > len(records) * len(whole)


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS.keys())
async def test_every_id_ever_sent_resumes_right_after_its_event(run: list[Write]) -> None:
    records = snapshots(run)
    for progress, record in enumerate(records):
        sent = [event.event_id for event in timeline(record)]
        whole, _ = await receive(records, progress, None)
        for position, event_id in enumerate(sent):
            after, _ = await receive(records, progress, event_id)
            assert after == whole[position + 1 :], (progress, event_id)


async def test_an_unknown_or_old_style_id_starts_from_the_top() -> None:
    records = snapshots(successful_run())
    whole = await replay_of(records[-1])
    for foreign in ("3.running", "nonsense", "", "status:exploded"):
        again, _ = await receive(records, len(records) - 1, foreign)
        assert again == whole, foreign


def test_a_canceled_job_records_nothing_after_its_cancel_so_its_events_end_there() -> None:
    records = snapshots([*successful_run()[:3], "cancel"])
    late = apply_step(records[-1], event(StepName.LAYOUT, StepPhase.SUCCEEDED), now=T0)
    assert not late.applied
    assert [e.event_id for e in timeline(records[-1])][-2:] == ["layout:started", "status:canceled"]
