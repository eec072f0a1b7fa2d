"""What every route of one job shares: its path under `JOBS_PATH` and the check of its id."""

from typing import Any

from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers import BaseRouteHandler
from litestar.params import SkipValidation

from application.errors import JobNotFound
from application.use_cases.catalog import UseCases
from domain.jobs import is_job_id

JOB = "/{job_id:str}"
"""A job's own path, relative to `application.wire.JOBS_PATH` (the controllers' `path`)."""

Jobs = NamedDependency[SkipValidation[UseCases]]
"""The use cases, the one dependency of every job route (`use_cases: Jobs`): a hot path
resolving two would pay for an anyio task group (measured in-process at about 60 µs a request
on GET /status)."""


async def known_job_id(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """A guard: an id that no job could have is an unknown job (404), before any lookup."""
    job_id = connection.path_params["job_id"]
    if not is_job_id(job_id):
        raise JobNotFound(job_id)
