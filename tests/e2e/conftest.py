"""Persistent-mode stacks on the integration tests' emulator endpoint.

`aws_endpoint` is the session fixture of tests/aws_emulator.py, shared through tests/conftest.py.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.persistent_stack import (
    SHARED_RETENTION_DAYS,
    SHARED_URL_TTL_SECONDS,
    PersistentStack,
    SharedStack,
    delete_resources,
    provision_resources,
)


@pytest.fixture(scope="session")
def shared_stack(
    aws_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedStack]:
    workdir = tmp_path_factory.mktemp("shared-stack")
    resources = provision_resources(aws_endpoint, workdir, retention_days=SHARED_RETENTION_DAYS)
    settings = {
        "RETENTION_DAYS": str(SHARED_RETENTION_DAYS),
        "ARTIFACT_URL_TTL_SECONDS": str(SHARED_URL_TTL_SECONDS),
    }
    with PersistentStack(resources, workdir) as stack:
        api_a = stack.start_api(**settings)
        api_b = stack.start_api(**settings)
        stack.start_worker(api_a.url, **settings)
        stack.start_worker(api_b.url, **settings)
        yield SharedStack(resources=resources, stack=stack, api_a=api_a, api_b=api_b)
    delete_resources(resources)


@pytest.fixture
def fresh_stack(aws_endpoint: str, tmp_path: Path) -> Iterator[Callable[[], PersistentStack]]:
    """Makes stacks on freshly provisioned resources; stops their processes after the test."""
    made: list[PersistentStack] = []

    def make() -> PersistentStack:
        workdir = tmp_path / f"stack-{len(made)}"
        workdir.mkdir()
        stack = PersistentStack(provision_resources(aws_endpoint, workdir), workdir)
        made.append(stack)
        return stack

    yield make
    for stack in made:
        stack.close()
    for stack in made:
        delete_resources(stack.resources)
