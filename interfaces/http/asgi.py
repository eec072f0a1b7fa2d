"""An app factory for ASGI servers: `uvicorn --factory interfaces.http.asgi:create_app_from_env`."""

import os

from litestar import Litestar

from infrastructure.container import Container
from infrastructure.json_logging import configure_logging
from infrastructure.observability.tracing import configure_tracing, instrument_aws
from infrastructure.runtime import freeze_startup_heap
from infrastructure.settings import Settings
from interfaces.http.app import create_app


def create_app_from_env() -> Litestar:
    settings = Settings.from_env(os.environ)
    configure_logging()
    configure_tracing("scenegen-api", os.environ)
    instrument_aws()
    app = create_app(Container(settings=settings))
    freeze_startup_heap()
    return app
