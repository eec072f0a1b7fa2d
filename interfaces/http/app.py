"""The Litestar application factory: routes, error handling and OpenAPI over a runtime."""

from litestar import Litestar, Router
from litestar.config.response_cache import ResponseCacheConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.artifacts_controller import ArtifactsController
from interfaces.http.dependencies import litestar_dependencies
from interfaces.http.events_controller import JobEventsController
from interfaces.http.head_requests import HeadAsGet
from interfaces.http.health_controller import healthz, openapi_json, readyz
from interfaces.http.internal_controller import (
    InternalController,
    internal_openapi_json,
    internal_token_guard,
)
from interfaces.http.jobs_controller import JobsController
from interfaces.http.metrics_controller import metrics
from interfaces.http.openapi import RawJsonObjects, StrictBodySchemas
from interfaces.http.problems import exception_handlers
from interfaces.http.schemas import GenerateRequest
from interfaces.http.web_page import WebPage

MAX_BODY_BYTES = 4 * 1024 * 1024


def _not_taken(runtime: ApiRuntime) -> tuple[str, ...]:
    """Request fields this configuration refuses, so the document does not offer them."""
    return () if runtime.settings.webhooks_enabled else ("webhook", "webhookEvents")


def create_app(runtime: ApiRuntime, *, internal_routes: bool = True) -> Litestar:
    """The API over `runtime` (from `infrastructure.bootstrap`), which its lifespan runs.

    `internal_routes=False` leaves out the callback and /readyz, which another port serves
    (`interfaces/http/internal_port.py`).
    """
    internal = Router(
        path="/",
        route_handlers=[
            InternalController,
            Router(path="/internal", route_handlers=[internal_openapi_json]),
        ],
        guards=[internal_token_guard(runtime.token_is_accepted)],
    )
    app = Litestar(
        route_handlers=[
            JobsController,
            JobEventsController,
            ArtifactsController,
            *([internal] if internal_routes else []),
            healthz,
            *([readyz] if internal_routes else []),
            metrics,
            openapi_json,
            WebPage,
        ],
        dependencies=litestar_dependencies(runtime),
        exception_handlers=exception_handlers(runtime.count_error),
        lifespan=[runtime.lifespan],
        request_max_body_size=MAX_BODY_BYTES,
        plugins=[
            StrictBodySchemas(GenerateRequest, omitted=_not_taken(runtime)),
            RawJsonObjects(),
        ],
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
    app.asgi_handler = HeadAsGet(app.asgi_handler)
    runtime.trace(app)
    return app
