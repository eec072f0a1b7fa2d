"""An app factory for ASGI servers: `uvicorn --factory interfaces.http.asgi:create_app_from_env`."""

from litestar import Litestar

from infrastructure import bootstrap
from interfaces.http.app import create_app


def create_app_from_env() -> Litestar:
    app = create_app(bootstrap.api_runtime_from_env())
    bootstrap.service_started()
    return app
