"""Botocore failures translated into the application's DependencyUnavailable, without AWS names."""

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.exceptions import BotoCoreError, ClientError

from application.errors import DependencyUnavailable


def error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def unavailable(dependency: str, error: Exception) -> DependencyUnavailable:
    """Names the failure by its kind only: AWS messages carry table, bucket and queue names."""
    detail = error_code(error) if isinstance(error, ClientError) else type(error).__name__
    return DependencyUnavailable(dependency, detail or "error")


@contextmanager
def reported_as(dependency: str) -> Iterator[None]:
    """Any botocore failure inside the block becomes DependencyUnavailable(dependency)."""
    try:
        yield
    except (ClientError, BotoCoreError) as error:
        raise unavailable(dependency, error) from error
