"""GET /status of a finished job: answered with bytes kept per version; links fresh each time."""

from datetime import datetime, timedelta

import msgspec

from application.ports import ArtifactLinks
from application.use_cases.get_status import JobView
from application.wire import JobStatusResponse
from domain.jobs import (
    InlineArtifacts,
    StepEvent,
    StepName,
    StepPhase,
    StoredArtifacts,
    apply_step,
)
from interfaces.http.finished_status import FinishedStatuses, KeptResponse
from tests.fakes import T0, a_job, apply_all, failed_run, successful_run

STORED = StoredArtifacts(scene_graph_key="jobs/j/scene.json", ascii_minimap_key="jobs/j/map.txt")


def stored_run() -> list[StepEvent]:
    return successful_run(artifacts=STORED)


def links(minted: datetime) -> ArtifactLinks:
    return ArtifactLinks(
        scene_graph_url=f"https://s3.example/scene?signed={minted.timestamp()}",
        ascii_minimap_url=f"https://s3.example/map?signed={minted.timestamp()}",
        expires_at=minted + timedelta(seconds=900),
        scene_graph_key=STORED.scene_graph_key,
        ascii_minimap_key=STORED.ascii_minimap_key,
    )


def encoded(view: JobView) -> bytes:
    return msgspec.json.encode(JobStatusResponse.of(view))


class AnsweredBodies:
    """The bodies `FinishedStatuses` answers with: kept bytes as they are, others encoded."""

    def __init__(self, max_jobs: int = 10_000, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.statuses = FinishedStatuses(max_jobs=max_jobs, max_bytes=max_bytes)

    def body(self, view: JobView) -> bytes:
        response = self.statuses.response(view, "")
        if isinstance(response, KeptResponse):
            assert isinstance(response.content, bytes)
            return response.content
        return msgspec.json.encode(response.content)


def test_a_finished_inline_job_is_encoded_once_and_served_as_the_same_bytes() -> None:
    bodies = AnsweredBodies()
    view = JobView(job=apply_all(a_job("j"), successful_run()), links=None)
    assert isinstance(view.job.result, InlineArtifacts)

    first = bodies.body(view)
    second = bodies.body(view)

    assert first == encoded(view)
    assert second is first


def test_a_failed_job_is_encoded_once() -> None:
    bodies = AnsweredBodies()
    view = JobView(job=apply_all(a_job("j"), failed_run(1)), links=None)
    assert bodies.body(view) is bodies.body(view)
    assert bodies.body(view) == encoded(view)


def test_stored_artifacts_get_the_links_of_each_request() -> None:
    bodies = AnsweredBodies()
    job = apply_all(a_job("j"), stored_run())
    early = JobView(job=job, links=links(T0))
    late = JobView(job=job, links=links(T0 + timedelta(days=1)))

    assert bodies.body(early) == encoded(early)
    assert bodies.body(late) == encoded(late)
    assert bodies.body(early) != bodies.body(late)


def test_a_late_step_of_a_finished_job_shows_in_the_next_body() -> None:
    bodies = AnsweredBodies()
    events = successful_run()
    late_start = next(e for e in events if e.name is StepName.LAYOUT)
    assert late_start.phase is StepPhase.STARTED
    finished = apply_all(a_job("j"), [e for e in events if e is not late_start])
    before = bodies.body(JobView(job=finished, links=None))

    appended = apply_step(finished, late_start, now=T0 + timedelta(minutes=5)).job
    after = bodies.body(JobView(job=appended, links=None))

    assert len(appended.steps) == len(finished.steps) + 1
    assert after != before
    assert after == encoded(JobView(job=appended, links=None))


def test_it_keeps_at_most_max_jobs_bodies() -> None:
    bodies = AnsweredBodies(max_jobs=2)
    views = [JobView(job=apply_all(a_job(f"j{n}"), successful_run()), links=None) for n in range(3)]
    kept = [bodies.body(view) for view in views]
    assert bodies.body(views[2]) is kept[2]
    assert bodies.body(views[0]) is not kept[0]  # the oldest was dropped, so encoded again
    assert bodies.body(views[0]) == kept[0]


def test_it_keeps_at_most_max_bytes_of_bodies() -> None:
    views = [JobView(job=apply_all(a_job(f"j{n}"), successful_run()), links=None) for n in range(3)]
    size = len(encoded(views[0]))
    bodies = AnsweredBodies(max_bytes=2 * size)
    kept = [bodies.body(view) for view in views]
    assert bodies.body(views[1]) is kept[1] and bodies.body(views[2]) is kept[2]
    assert bodies.body(views[0]) is not kept[0]  # over the byte budget: the oldest went
    assert bodies.body(views[0]) == kept[0]


def test_a_new_version_of_a_body_replaces_the_old_in_the_byte_count() -> None:
    events = successful_run()
    late_start = next(e for e in events if e.name is StepName.LAYOUT)
    finished = apply_all(a_job("j"), [e for e in events if e is not late_start])
    appended = apply_step(finished, late_start, now=T0 + timedelta(minutes=5)).job
    other = JobView(job=apply_all(a_job("k"), successful_run()), links=None)
    newer = JobView(job=appended, links=None)
    bodies = AnsweredBodies(max_bytes=len(encoded(newer)) + len(encoded(other)))
    bodies.body(JobView(job=finished, links=None))
    kept = bodies.body(newer)
    bodies.body(other)
    assert bodies.body(newer) is kept  # the first version no longer counts
