"""The Litestar application factory and its lifespan."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.config.response_cache import ResponseCacheConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin

from application.worker import JobWorker
from infrastructure.container import Container, resolve, shutdown
from infrastructure.observability.server_spans import trace_requests
from interfaces.http.dependencies import provide
from interfaces.http.health_controller import healthz, openapi_json, readyz
from interfaces.http.internal_controller import InternalController
from interfaces.http.jobs_controller import JobsController
from interfaces.http.metrics_controller import metrics
from interfaces.http.problems import EXCEPTION_HANDLERS

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 4 * 1024 * 1024
WORKER_STOP_GRACE_SECONDS = 10.0


def create_app(container: Container) -> Litestar:
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        app.state.secret_provider = await resolve(container.secret_provider)
        app.state.metrics = await resolve(container.metrics)
        jobs = await resolve(container.job_repository)
        artifacts = await resolve(container.artifact_store)
        queue = await resolve(container.job_queue)
        app.state.readiness_checks = {
            "jobStore": jobs.check,
            "artifactStore": artifacts.check,
            "queue": queue.check,
            "secretStore": app.state.secret_provider.current,
        }
        worker: JobWorker | None = None
        if not container.settings().jobs_queue:
            worker = await resolve(container.worker)
            worker.start()
        try:
            yield
        finally:
            if worker is not None:
                await worker.stop(WORKER_STOP_GRACE_SECONDS)
            await shutdown(container)

    app = Litestar(
        route_handlers=[
            JobsController,
            InternalController,
            healthz,
            readyz,
            metrics,
            openapi_json,
        ],
        dependencies={
            "submit_job": provide(container.submit_job),
            "get_status": provide(container.get_status),
            "record_step": provide(container.record_step),
        },
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=[lifespan],
        request_max_body_size=MAX_BODY_BYTES,
        response_cache_config=ResponseCacheConfig(),
        openapi_config=OpenAPIConfig(
            title="Scene generation service",
            version="1.0.0",
            description=(
                "Submit an English description of a place, poll the job, and fetch a scene graph "
                "and an ASCII minimap. Errors are RFC 9457 problem details."
            ),
            path="/schema",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
        ),
        debug=False,
        # Logging is configured once by the entrypoint (JSON lines), not by Litestar.
        logging_config=None,
    )
    trace_requests(app, status_polls_per_second=container.settings().trace_status_polls_per_second)
    return app
