"""The Litestar application factory: routes, error handling and OpenAPI over a runtime."""

from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.config.response_cache import ResponseCacheConfig
from litestar.openapi import OpenAPIConfig

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.api_docs import api_docs_asset, api_docs_render_plugin
from interfaces.http.api_keys import RateLimitHeaders, key_guard
from interfaces.http.artifacts_controller import ArtifactsController
from interfaces.http.dependencies import litestar_dependencies
from interfaces.http.events_controller import JobEventsController
from interfaces.http.head_requests import HeadAsGet
from interfaces.http.health_controller import healthz, openapi_json, readyz
from interfaces.http.internal_controller import internal_routes
from interfaces.http.jobs_controller import JobsController, generate
from interfaces.http.json_schemas import scene_graph_schema
from interfaces.http.links import PublicBaseUrl
from interfaces.http.list_jobs_route import list_jobs
from interfaces.http.metrics_controller import metrics
from interfaces.http.openapi import (
    RawJsonObjects,
    StrictBodySchemas,
    document_api_keys,
    document_scene_graph,
)
from interfaces.http.openapi_examples import document_examples
from interfaces.http.problems import problem_details_plugin
from interfaces.http.schemas import GenerateRequest
from interfaces.http.web_page import WebPage

MAX_BODY_BYTES = 4 * 1024 * 1024


def _not_taken(runtime: ApiRuntime) -> tuple[str, ...]:
    """Request fields this configuration refuses, so the document does not offer them."""
    return () if runtime.settings.webhooks_enabled else ("webhook", "webhookEvents")


def _cors(runtime: ApiRuntime) -> CORSConfig | None:
    """Browsers on the origins CORS_ALLOW_ORIGINS lists may call the API; none by default."""
    origins = runtime.settings.cors_origins
    if not origins:
        return None
    return CORSConfig(
        allow_origins=list(origins),
        allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "Idempotency-Key",
            "Prefer",
            "Last-Event-ID",
            "If-None-Match",
        ],
        expose_headers=[
            "Location",
            "Retry-After",
            "Preference-Applied",
            "ETag",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "WWW-Authenticate",
        ],
        max_age=600,
    )


def create_app(runtime: ApiRuntime, *, internal: bool = True) -> Litestar:
    """The API over `runtime` (from `infrastructure.bootstrap`), which its lifespan runs.

    `internal=False` leaves out the callback and /readyz, which another port serves
    (`interfaces/http/internal_port.py`).
    """
    keys_required = runtime.settings.keys_required
    public_jobs = Router(
        path="/",
        route_handlers=[
            generate,
            list_jobs,
            JobsController,
            JobEventsController,
            ArtifactsController,
        ],
        guards=[key_guard(runtime.key_access)] if keys_required else None,
    )
    app = Litestar(
        route_handlers=[
            public_jobs,
            *([internal_routes(runtime.token_is_accepted)] if internal else []),
            healthz,
            *([readyz] if internal else []),
            metrics,
            openapi_json,
            scene_graph_schema,
            api_docs_asset,
            WebPage,
        ],
        dependencies=litestar_dependencies(runtime),
        lifespan=[runtime.lifespan],
        request_max_body_size=MAX_BODY_BYTES,
        plugins=[
            problem_details_plugin(runtime.count_error),
            StrictBodySchemas(GenerateRequest, omitted=_not_taken(runtime)),
            RawJsonObjects(),
        ],
        response_cache_config=ResponseCacheConfig(),
        cors_config=_cors(runtime),
        openapi_config=OpenAPIConfig(
            title="Scene generation service",
            version="1.0.0",
            description=(
                "Submit an English description of a place, poll the job, and fetch a scene graph "
                "and an ASCII minimap. Errors are RFC 9457 problem details."
            ),
            path="/schema",
            render_plugins=[api_docs_render_plugin()],
        ),
        debug=False,
        # Logging is configured once by the entrypoint (JSON lines), not by Litestar.
        logging_config=None,
    )
    document_scene_graph(app.openapi_schema)
    if keys_required:
        document_api_keys(app.openapi_schema)
        app.asgi_handler = RateLimitHeaders(app.asgi_handler)
    document_examples(app.openapi_schema)
    if runtime.settings.public_base_url:
        app.asgi_handler = PublicBaseUrl(app.asgi_handler, runtime.settings.public_base_url)
    app.asgi_handler = HeadAsGet(app.asgi_handler)
    runtime.trace(app)
    return app
