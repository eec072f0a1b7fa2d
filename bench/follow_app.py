"""The demo service with a queue that never delivers: every job stays queued, so waiting
requests and event streams stay open for as long as a benchmark needs them."""

from dependency_injector import providers
from litestar import Litestar

from infrastructure.bootstrap import api_runtime_from_env
from interfaces.http.app import create_app
from tests.fakes import IdleQueue


def create_held_app() -> Litestar:
    runtime = api_runtime_from_env()
    runtime.container.job_queue.override(providers.Singleton(IdleQueue))
    return create_app(runtime)
