"""Run a job's pipeline, reporting each step as it starts and ends."""

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import ParamSpec, Protocol, TypeVar

import msgspec

from application.ports import (
    ArtifactStore,
    Clock,
    QueuedJob,
    RenderedArtifacts,
    StepRejected,
    StepReporter,
    Tracer,
)
from application.stop_signals import CancelWatch, StopSignal
from domain import scene
from domain.jobs import ArtifactRefs, JobStatus, StepEvent, StepName, StepPhase
from domain.scene import GenerationStopped, Layout, SceneRequest, StopCheck

MAX_ERROR_LENGTH = 500
DEFAULT_GENERATION_DEADLINE_SECONDS = 10
DEFAULT_MAX_ARTIFACT_BYTES = 4 * 1024 * 1024

P = ParamSpec("P")
R = TypeVar("R")


class RunOutcome(msgspec.Struct, frozen=True, kw_only=True):
    job_status: JobStatus
    """The status the service reported last."""

    stopped_early: bool = False
    """The service refused an event (the job finished elsewhere or was canceled): the run
    stopped at that step boundary."""


class _StepFailed(Exception):
    pass


class GenerationDeadlineExceeded(Exception):
    """The generation ran past its deadline and was stopped: the job fails at that step."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the generation did not finish within its deadline of {seconds:g} s")


class ArtifactsTooLarge(Exception):
    """A scene whose artifacts are larger than a job may keep: the job fails, nothing is kept."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"the scene graph, minimap and SVG map come to {size:,} bytes, over the limit of "
            f"{limit:,}"
        )


class LayoutScene(Protocol):
    """The layout stage (`domain.scene.layout_scene`): the one that takes effort, and asks
    `should_stop` between placements."""

    def __call__(
        self,
        request: SceneRequest,
        *,
        seed: int,
        width: int,
        height: int,
        should_stop: StopCheck,
    ) -> Layout: ...


class _NoWatch:
    @asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[StopSignal]:
        yield StopSignal()


class RunJobHandler:
    """Runs parse_prompt, layout, build_scene_graph, render_minimap and store_artifacts in order.

    `render_minimap` draws both pictures of the layout, the ASCII minimap and the SVG map: the
    contract's step ids stay as they are.

    A re-run of the same job (after a worker crash) produces the same step ids and the same
    artifacts, so nothing already recorded changes.
    """

    def __init__(
        self,
        *,
        reporter: StepReporter,
        artifacts: ArtifactStore,
        clock: Clock,
        tracer: Tracer | None = None,
        cancels: CancelWatch | None = None,
        deadline_seconds: float = DEFAULT_GENERATION_DEADLINE_SECONDS,
        layout_scene: LayoutScene = scene.layout_scene,
        max_artifact_bytes: int = DEFAULT_MAX_ARTIFACT_BYTES,
    ) -> None:
        self._reporter = reporter
        self._artifacts = artifacts
        self._clock = clock
        self._tracer = tracer
        self._cancels: CancelWatch = cancels or _NoWatch()
        self._deadline = deadline_seconds
        self._layout_scene = layout_scene
        self._max_artifact_bytes = max_artifact_bytes

    async def __call__(self, queued: QueuedJob) -> RunOutcome:
        """Run every step; the caller (the worker) holds the job's span around the run."""
        run = _PipelineRun(self._reporter, self._clock, self._tracer, queued.job_id)
        try:
            async with self._cancels.watching(queued.job_id) as stop:
                rendered = await self._generate(queued, run, stop)
            await run.step(
                StepName.STORE_ARTIFACTS,
                lambda: self._store(queued.job_id, rendered),
                stored=_stored_refs,
            )
        except _StepFailed:
            return RunOutcome(job_status=run.last_status)
        except StepRejected as rejected:
            if rejected.job_status is JobStatus.CANCELED and run.stored is not None:
                # Canceled while the artifacts were being stored: no job will ever show them.
                await self._artifacts.delete(run.stored)
            return RunOutcome(job_status=rejected.job_status or run.last_status, stopped_early=True)
        return RunOutcome(job_status=run.last_status)

    async def _store(self, job_id: str, rendered: RenderedArtifacts) -> ArtifactRefs:
        size = rendered.size
        if size > self._max_artifact_bytes:
            raise ArtifactsTooLarge(size, self._max_artifact_bytes)
        return await self._artifacts.save(job_id, rendered)

    async def _generate(
        self, queued: QueuedJob, run: "_PipelineRun", stop: StopSignal
    ) -> RenderedArtifacts:
        """The four generation steps. The layout is asked to stop as soon as the job is
        canceled (or finished elsewhere: the cancel watch sets `stop`), and when the generation
        deadline passes, which fails the job at that step."""
        request = queued.request
        deadline = time.monotonic() + self._deadline

        def should_stop() -> bool:
            return stop.is_set() or time.monotonic() >= deadline

        async def layout(parsed: SceneRequest) -> Layout:
            try:
                return await _off_event_loop(
                    self._layout_scene,
                    parsed,
                    seed=request.seed,
                    width=request.width,
                    height=request.height,
                    should_stop=should_stop,
                )
            except GenerationStopped:
                if stop.is_set():
                    raise _stopped(queued.job_id, stop) from None
                raise GenerationDeadlineExceeded(self._deadline) from None

        parsed = await run.step(
            StepName.PARSE_PROMPT,
            lambda: _off_event_loop(scene.parse_prompt, request.prompt),
            stop=stop,
        )
        placed = await run.step(StepName.LAYOUT, lambda: layout(parsed), stop=stop)
        graph_json = await run.step(
            StepName.BUILD_SCENE_GRAPH,
            lambda: _off_event_loop(_build_graph_json, placed),
            stop=stop,
        )
        minimap, svg = await run.step(
            StepName.RENDER_MINIMAP,
            lambda: _off_event_loop(_draw_pictures, placed),
            stop=stop,
        )
        return RenderedArtifacts(scene_graph_json=graph_json, ascii_minimap=minimap, scene_svg=svg)


class _PipelineRun:
    def __init__(
        self, reporter: StepReporter, clock: Clock, tracer: Tracer | None, job_id: str
    ) -> None:
        self._reporter = reporter
        self._clock = clock
        self._tracer = tracer
        self._job_id = job_id
        self.last_status = JobStatus.QUEUED
        self.stored: ArtifactRefs | None = None

    async def _report(self, event: StepEvent) -> None:
        report = await self._reporter.report(self._job_id, event)
        self.last_status = report.job_status
        if not report.applied and report.job_status.is_terminal:
            # Another run already finished this job: stop instead of redoing its work.
            raise StepRejected(
                f"job {self._job_id} is already {report.job_status.value}", report.job_status
            )

    async def step(
        self,
        name: StepName,
        work: Callable[[], Awaitable[R]],
        *,
        stored: Callable[[R], ArtifactRefs | None] = lambda _: None,
        stop: StopSignal | None = None,
    ) -> R:
        """Report `started`, run `work`, report `succeeded` (with the refs `stored` finds in its
        result: only the final step has any) or `failed`. A job told to stop goes no further
        and reports nothing more (the service would refuse it)."""
        if stop is not None and stop.is_set():
            raise _stopped(self._job_id, stop)
        span = (
            self._tracer.step(self._job_id, name.value)
            if self._tracer is not None
            else contextlib.nullcontext()
        )
        with span:
            return await self._step(name, work, stored)

    async def _step(
        self,
        name: StepName,
        work: Callable[[], Awaitable[R]],
        stored: Callable[[R], ArtifactRefs | None],
    ) -> R:
        clock = self._clock
        await self._report(StepEvent(name=name, phase=StepPhase.STARTED, at=clock.now()))
        started = clock.now()
        try:
            value = await work()
        except StepRejected:
            raise
        except Exception as error:
            failed = StepEvent(
                name=name,
                phase=StepPhase.FAILED,
                at=clock.now(),
                duration_ms=_elapsed_ms(started, clock.now()),
                error=_describe(error),
            )
            await self._report(failed)
            raise _StepFailed from error
        artifacts = self.stored = stored(value)
        succeeded = StepEvent(
            name=name,
            phase=StepPhase.SUCCEEDED,
            at=clock.now(),
            duration_ms=_elapsed_ms(started, clock.now()),
            artifacts=artifacts,
        )
        await self._report(succeeded)
        return value


async def _off_event_loop(function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """CPU-bound generation runs in a thread so an in-process API stays responsive."""
    return await asyncio.to_thread(function, *args, **kwargs)


def _stopped(job_id: str, stop: StopSignal) -> StepRejected:
    status = stop.status
    reason = f"job {job_id} is {status.value}" if status else f"job {job_id} is gone"
    return StepRejected(reason, status)


def _stored_refs(refs: ArtifactRefs) -> ArtifactRefs:
    return refs


def _build_graph_json(layout: Layout) -> bytes:
    return scene.encode_scene_graph(scene.build_scene_graph(layout))


def _draw_pictures(layout: Layout) -> tuple[str, str]:
    """The minimap and the SVG map: the same drawings `scenegen scene` makes of the layout."""
    return scene.render_minimap(layout), scene.render_svg(layout)


def _elapsed_ms(start: datetime, end: datetime) -> int:
    return max(0, round((end - start).total_seconds() * 1000))


def _describe(error: Exception) -> str:
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return text[:MAX_ERROR_LENGTH]
