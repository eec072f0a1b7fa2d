"""Errors the use cases raise for the interfaces to translate."""

from domain.jobs import JobStatus


class JobNotFound(LookupError):
    """No job has this id."""


class ArtifactMissing(LookupError):
    """The job is done but has no such file (it finished before the service drew SVG maps)."""


class JobAlreadyFinished(Exception):
    """The job is done or failed: it can no longer be canceled."""

    def __init__(self, job_id: str, status: JobStatus) -> None:
        super().__init__(f"job {job_id} is already {status.value}")
        self.job_id = job_id
        self.status = status


class TooManyFollowers(Exception):
    """This process follows as many jobs (event streams) as it may; retry later."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"all {limit} event streams of this server are in use")
        self.limit = limit


class IdempotencyKeyReused(ValueError):
    """The Idempotency-Key was already used with a different request body."""


class SubmissionInProgress(Exception):
    """Another request with this Idempotency-Key is creating and queueing its job right now."""

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__("a request with this Idempotency-Key is being processed")
        self.retry_after_seconds = retry_after_seconds


class DependencyUnavailable(RuntimeError):
    """A store, queue or secret the service depends on did not answer; safe to retry."""

    def __init__(self, dependency: str, detail: str = "") -> None:
        super().__init__(f"{dependency} is unavailable" + (f": {detail}" if detail else ""))
        self.dependency = dependency


class JobStoreFull(Exception):
    """The job store holds as many unfinished jobs as it may: none can be added until one ends.

    The service working as configured, not a failing dependency: a client retries later.
    """

    def __init__(self, capacity: int) -> None:
        super().__init__(f"all {capacity} slots hold unfinished jobs")
        self.capacity = capacity


class InvalidCursor(ValueError):
    """A listing cursor this service did not make (or made for another listing)."""


class ListingNeedsAKey(PermissionError):
    """Listing jobs needs a caller's API key: without keys it would show everyone's prompts."""
