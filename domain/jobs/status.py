"""The job status machine: queued -> running -> done | failed | canceled, forward only."""

from enum import StrEnum


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def is_terminal(self) -> bool:
        return self in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED)

    @property
    def rank(self) -> int:
        return _RANK[self]

    def may_move_to(self, target: "JobStatus") -> bool:
        """Stay (unless terminal) or move forward; never back, never out of a terminal status."""
        if self.is_terminal:
            return target is self
        return target.rank >= self.rank


_RANK = {
    JobStatus.QUEUED: 0,
    JobStatus.RUNNING: 1,
    JobStatus.DONE: 2,
    JobStatus.FAILED: 2,
    JobStatus.CANCELED: 2,
}
