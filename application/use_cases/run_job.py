"""Run a job's pipeline, reporting each step as it starts and ends."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import ParamSpec, TypeVar

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
from domain import scene
from domain.jobs import ArtifactRefs, JobStatus, StepEvent, StepName, StepPhase
from domain.scene import Layout

MAX_ERROR_LENGTH = 500

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


class RunJobHandler:
    """Runs parse_prompt, layout, build_scene_graph, render_minimap and store_artifacts in order.

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
    ) -> None:
        self._reporter = reporter
        self._artifacts = artifacts
        self._clock = clock
        self._tracer = tracer

    async def __call__(self, queued: QueuedJob) -> RunOutcome:
        """Run every step; the caller (the worker) holds the job's span around the run."""
        request = queued.request
        run = _PipelineRun(self._reporter, self._clock, self._tracer, queued.job_id)
        try:
            parsed = await run.step(
                StepName.PARSE_PROMPT, lambda: _off_event_loop(scene.parse_prompt, request.prompt)
            )
            layout = await run.step(
                StepName.LAYOUT,
                lambda: _off_event_loop(
                    scene.layout_scene,
                    parsed,
                    seed=request.seed,
                    width=request.width,
                    height=request.height,
                ),
            )
            graph_json = await run.step(
                StepName.BUILD_SCENE_GRAPH, lambda: _off_event_loop(_build_graph_json, layout)
            )
            minimap = await run.step(
                StepName.RENDER_MINIMAP, lambda: _off_event_loop(scene.render_minimap, layout)
            )
            rendered = RenderedArtifacts(scene_graph_json=graph_json, ascii_minimap=minimap)
            await run.step(
                StepName.STORE_ARTIFACTS,
                lambda: self._artifacts.save(queued.job_id, rendered),
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
    ) -> R:
        """Report `started`, run `work`, report `succeeded` (with the refs `stored` finds in its
        result: only the final step has any) or `failed`."""
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


def _stored_refs(refs: ArtifactRefs) -> ArtifactRefs:
    return refs


def _build_graph_json(layout: Layout) -> bytes:
    return scene.encode_scene_graph(scene.build_scene_graph(layout))


def _elapsed_ms(start: datetime, end: datetime) -> int:
    return max(0, round((end - start).total_seconds() * 1000))


def _describe(error: Exception) -> str:
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return text[:MAX_ERROR_LENGTH]
