"""Read a job with fresh links to its artifacts."""

import msgspec

from application.errors import JobNotFound
from application.ports import ArtifactLinks, ArtifactStore, Clock, JobRepository
from domain.jobs import Job


class JobView(msgspec.Struct, frozen=True, kw_only=True):
    job: Job
    links: ArtifactLinks | None


class GetStatusHandler:
    """One consistent read of the job; links are signed locally, with no request to the store."""

    def __init__(self, *, jobs: JobRepository, artifacts: ArtifactStore, clock: Clock) -> None:
        self._jobs = jobs
        self._artifacts = artifacts
        self._clock = clock

    async def __call__(self, job_id: str) -> JobView:
        return await self.view_of(await self.job(job_id))

    async def job(self, job_id: str) -> Job:
        job = await self.find(job_id)
        if job is None:
            raise JobNotFound(job_id)
        return job

    async def find(self, job_id: str) -> Job | None:
        """The job, or None when it does not exist (or has expired)."""
        return await self._jobs.get(job_id)

    async def view_of(self, job: Job) -> JobView:
        """The job with fresh links to its stored artifacts, if it has any."""
        links = None
        if job.result is not None:
            links = await self._artifacts.links(job.result, now=self._clock.now())
        return JobView(job=job, links=links)
