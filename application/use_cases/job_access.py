"""Who may see a job: its own key only (another key gets 'not found', as for an unknown id)."""

from application.errors import JobNotFound
from application.ports import JobRepository
from domain.jobs import Job


class FindOwnJobHandler:
    """The job if the caller may see it, else `JobNotFound`, exactly as for an unknown id.

    The caller is an API key id, or None in a service without keys (AUTH_MODE=none), which sees
    every job. The interface calls this before status, events, artifacts and cancel; a job's
    owner never changes, so the check cannot go stale between the two calls.
    """

    def __init__(self, *, jobs: JobRepository) -> None:
        self._jobs = jobs

    async def __call__(self, job_id: str, caller: str | None) -> Job:
        job = await self._jobs.get(job_id)
        if job is None or not job.is_visible_to(caller):
            raise JobNotFound(job_id)
        return job
