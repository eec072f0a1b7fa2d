"""Shared fixtures. The API fixtures import the app lazily so domain tests never depend on it."""

import os
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import settings

from tests.aws_emulator import aws_endpoint
from tests.fakes import T0, TOKEN, FixedClock

__all__ = ["aws_endpoint"]  # one emulator for the session, shared by integration and e2e

# CI explores the same examples on every run, so a red build always reproduces; developers'
# runs keep drawing new ones (and keep any failure in .hypothesis/ for replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def make_container(env: dict[str, str] | None = None) -> Any:
    """The composition root with a clock that stands at T0 until a test moves it."""
    from dependency_injector import providers

    from infrastructure.bootstrap import Container
    from infrastructure.settings import Settings

    container = Container(settings=Settings.from_env(env or {"INTERNAL_TOKEN": TOKEN}))
    container.clock.override(providers.Object(FixedClock(T0)))
    return container


@pytest.fixture
def container() -> Any:
    """A demo-mode container with a known internal token."""
    return make_container()


@pytest.fixture
async def client(container: Any) -> AsyncIterator[Any]:
    """An AsyncTestClient on the real app, lifespan (and embedded worker) running."""
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as test_client:
        yield test_client
