"""The internal port: the step callback, /readyz and /healthz served apart from the public API.

With `scenegen serve --internal-port P`, one server listens on both ports: connections to P
reach an app that holds only the callback and the health checks, and the public app has no
internal route at all, so no spelling of a path (`//internal/...`, `/%69nternal/...`) can
reach the callback through the public port. Without it (demo mode, zero configuration),
everything stays on the one port.
"""

from litestar import Litestar
from litestar.types import ASGIApp, Receive, Scope, Send

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.app import MAX_BODY_BYTES, create_app
from interfaces.http.dependencies import litestar_dependencies
from interfaces.http.health_controller import healthz, readyz
from interfaces.http.internal_controller import internal_routes
from interfaces.http.problems import problem_details_plugin


def served_app(runtime: ApiRuntime, internal_port: int | None) -> ASGIApp:
    """The app `scenegen serve` runs: one port, or the public and internal apps by port."""
    if internal_port is None:
        return create_app(runtime)
    public = create_app(runtime, internal=False)
    return ByListeningPort(public, create_internal_app(runtime), internal_port)


def create_internal_app(runtime: ApiRuntime) -> Litestar:
    """The internal port's routes over the runtime whose lifespan the public app runs."""
    app = Litestar(
        route_handlers=[
            internal_routes(runtime.token_is_accepted),
            healthz,
            readyz,
        ],
        dependencies=litestar_dependencies(runtime),
        plugins=[problem_details_plugin(runtime.count_error)],
        request_max_body_size=MAX_BODY_BYTES,
        openapi_config=None,
        debug=False,
        logging_config=None,
    )
    runtime.trace(app)
    return app


class ByListeningPort:
    """Each connection goes to the app of the port it arrived on (the ASGI scope's `server`).

    The lifespan goes to the public app alone: it opens and closes the runtime both share.
    """

    def __init__(self, public: ASGIApp, internal: ASGIApp, internal_port: int) -> None:
        self.public = public
        self.internal = internal
        self.internal_port = internal_port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server")  # none in a lifespan scope
        if server is not None and server[1] == self.internal_port:
            await self.internal(scope, receive, send)
        else:
            await self.public(scope, receive, send)
