"""Read a finished job's artifacts back, whichever store keeps them (inline or objects)."""

from application.errors import JobNotFound
from application.ports import ArtifactFile, ArtifactStore, JobRepository
from domain.jobs import JobStatus


class JobNotDone(Exception):
    """The job exists but has no artifacts to read: it is queued, running, failed or canceled."""

    def __init__(self, job_id: str, status: JobStatus) -> None:
        super().__init__(f"job {job_id} is {status.value}, not done")
        self.job_id = job_id
        self.status = status


class ReadArtifactsHandler:
    """One read of the job, then of the artifact asked for. A done job's result never changes (the
    domain's rules), so what this returns for a job id is the same on every call."""

    def __init__(self, *, jobs: JobRepository, artifacts: ArtifactStore) -> None:
        self._jobs = jobs
        self._artifacts = artifacts

    async def __call__(self, job_id: str, file: ArtifactFile) -> bytes:
        """One artifact of a done job: one read of the job, one of the file."""
        job = await self._jobs.get(job_id)
        if job is None:
            raise JobNotFound(job_id)
        if job.status is not JobStatus.DONE or job.result is None:
            raise JobNotDone(job_id, job.status)
        return await self._artifacts.read_file(job.result, file)
