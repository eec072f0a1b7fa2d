"""What every route of one job shares: its path under `JOBS_PATH`, its id and its dependency."""

from typing import Annotated

import msgspec
from litestar.di import NamedDependency
from litestar.params import PathParameter, SkipValidation

from application.use_cases.catalog import UseCases
from domain.jobs.ids import JOB_ID_PATTERN

JOB = "/{job_id:str}"
"""A job's own path, relative to `application.wire.JOBS_PATH` (the controllers' `path`)."""

JobId = Annotated[
    str,
    msgspec.Meta(pattern=JOB_ID_PATTERN),
    PathParameter(description="The job's id, as `POST /generate` gave it"),
]
"""The `job_id` path parameter: an id no job could have fails its pattern before any lookup,
and `problems` answers that as an unknown job (404)."""

Jobs = NamedDependency[SkipValidation[UseCases]]
"""The use cases, the one dependency of every job route (`use_cases: Jobs`): a hot path
resolving two would pay for an anyio task group (measured in-process at about 60 µs a request
on GET /status)."""
