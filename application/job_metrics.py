"""The metrics of a job's status move, counted the same way whichever use case moved it."""

from application import metric_names as m
from application.ports import Metrics
from domain.jobs import Job


def count_status_move(metrics: Metrics, job: Job) -> None:
    """The job's new status; and, when it has ended, how long it took."""
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: job.status.value})
    if job.status.is_terminal:
        seconds = (job.updated_at - job.created_at).total_seconds()
        metrics.observe(m.JOB_DURATION, {m.STATUS: job.status.value}, seconds, "Seconds")
