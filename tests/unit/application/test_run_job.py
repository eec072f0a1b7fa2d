"""run_job with the real scene generator and the in-process reporter, end to end."""

import msgspec
import pytest

from application.ports import ArtifactStore, QueuedJob
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler
from domain import scene
from domain.jobs import (
    PIPELINE,
    InlineArtifacts,
    JobRequest,
    JobStatus,
    StepName,
    StepPhase,
    new_job,
)
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.step_reporter import InProcessStepReporter
from tests.fakes import (
    RETENTION,
    T0,
    CountingArtifactStore,
    FailingArtifactStore,
    FixedClock,
    RecordingReporter,
    a_request,
    event,
)

JOB_ID = "01jobidforrunjobtests00000000000000"


class Service:
    """The API side in one process: repository, record_step and the reporter the worker uses."""

    def __init__(self) -> None:
        self.clock = FixedClock(T0)
        self.jobs = InMemoryJobRepository(clock=self.clock)
        self.record_step = RecordStepHandler(
            jobs=self.jobs, clock=self.clock, metrics=InMemoryMetrics()
        )
        self.reporter = RecordingReporter(InProcessStepReporter(self.record_step))

    def runner(self, artifacts: ArtifactStore) -> RunJobHandler:
        return RunJobHandler(reporter=self.reporter, artifacts=artifacts, clock=self.clock)

    async def submit(self, request: JobRequest) -> QueuedJob:
        await self.jobs.add(new_job(job_id=JOB_ID, request=request, now=T0, retention=RETENTION))
        return QueuedJob(job_id=JOB_ID, request=request)


@pytest.fixture
def service() -> Service:
    return Service()


def expected_artifacts(request: JobRequest) -> tuple[dict[str, object], str, str]:
    parsed = scene.parse_prompt(request.prompt)
    layout = scene.layout_scene(
        parsed, seed=request.seed, width=request.width, height=request.height
    )
    graph = msgspec.json.decode(scene.encode_scene_graph(scene.build_scene_graph(layout)))
    return graph, scene.render_minimap(layout), scene.render_svg(layout)


async def test_run_reports_every_step_and_finishes_done_with_inline_artifacts(
    service: Service,
) -> None:
    queued = await service.submit(a_request(prompt="a village with three houses and a well"))

    outcome = await service.runner(CountingArtifactStore())(queued)

    assert outcome.job_status is JobStatus.DONE
    assert not outcome.stopped_early
    job = await service.jobs.get(JOB_ID)
    assert job is not None
    assert job.status is JobStatus.DONE
    assert job.error is None
    assert [s.step_id for s in job.steps] == [
        f"{name.value}:{phase}" for name in PIPELINE for phase in ("started", "succeeded")
    ]
    assert isinstance(job.result, InlineArtifacts)
    assert job.result.scene_graph
    assert job.result.ascii_minimap
    assert job.result.scene_svg is not None and job.result.scene_svg.startswith("<svg")


async def test_run_stores_exactly_what_the_generator_makes(service: Service) -> None:
    request = a_request(prompt="a dungeon with five rooms", seed=99, width=40, height=20)
    queued = await service.submit(request)
    await service.runner(CountingArtifactStore())(queued)
    job = await service.jobs.get(JOB_ID)
    assert job is not None and isinstance(job.result, InlineArtifacts)
    graph, minimap, svg = expected_artifacts(request)
    assert msgspec.json.decode(job.result.scene_graph) == graph
    assert job.result.ascii_minimap == minimap
    assert job.result.scene_svg == svg


async def test_only_the_final_event_carries_artifacts(service: Service) -> None:
    queued = await service.submit(a_request())
    await service.runner(CountingArtifactStore())(queued)
    carrying = [e.step_id for _, e in service.reporter.events if e.artifacts is not None]
    assert carrying == ["store_artifacts:succeeded"]
    outcomes = [e for _, e in service.reporter.events if e.phase is not StepPhase.STARTED]
    assert all(e.duration_ms is not None and e.duration_ms >= 0 for e in outcomes)


async def test_failing_artifact_store_fails_the_job_at_store_artifacts(service: Service) -> None:
    queued = await service.submit(a_request())

    outcome = await service.runner(FailingArtifactStore("bucket on fire"))(queued)

    assert outcome.job_status is JobStatus.FAILED
    job = await service.jobs.get(JOB_ID)
    assert job is not None
    assert job.status is JobStatus.FAILED
    assert job.error is not None
    assert job.error.step == "store_artifacts"
    assert "bucket on fire" in job.error.message
    assert job.result is None
    assert [s.step_id for s in job.ordered_steps()][-2:] == [
        "store_artifacts:started",
        "store_artifacts:failed",
    ]


async def test_rerun_of_a_done_job_stops_early_without_redoing_work(service: Service) -> None:
    queued = await service.submit(a_request())
    store = CountingArtifactStore()
    await service.runner(store)(queued)
    done = await service.jobs.get(JOB_ID)
    service.reporter.events.clear()

    outcome = await service.runner(store)(queued)

    assert outcome.stopped_early
    assert outcome.job_status is JobStatus.DONE
    assert store.saved == [JOB_ID]
    assert len(service.reporter.events) == 1
    assert await service.jobs.get(JOB_ID) == done


async def test_rerun_of_a_failed_job_stops_early(service: Service) -> None:
    queued = await service.submit(a_request())
    await service.runner(FailingArtifactStore())(queued)
    store = CountingArtifactStore()
    outcome = await service.runner(store)(queued)
    assert outcome.stopped_early and outcome.job_status is JobStatus.FAILED
    assert store.saved == []


async def test_rerun_after_a_crash_finishes_the_job_with_each_step_once(service: Service) -> None:
    queued = await service.submit(a_request())
    await service.record_step(JOB_ID, event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    await service.record_step(JOB_ID, event(StepName.PARSE_PROMPT, StepPhase.SUCCEEDED))
    await service.record_step(JOB_ID, event(StepName.LAYOUT, StepPhase.STARTED))

    outcome = await service.runner(CountingArtifactStore())(queued)

    assert outcome.job_status is JobStatus.DONE and not outcome.stopped_early
    job = await service.jobs.get(JOB_ID)
    assert job is not None
    assert len(job.steps) == len(job.step_ids) == 10


async def test_run_of_a_job_the_service_does_not_know_stops_early(service: Service) -> None:
    queued = QueuedJob(job_id="missing", request=a_request())
    store = CountingArtifactStore()
    outcome = await service.runner(store)(queued)
    assert outcome.stopped_early
    assert store.saved == []
