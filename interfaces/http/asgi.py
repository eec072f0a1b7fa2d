"""An app factory for ASGI servers: `uvicorn --factory interfaces.http.asgi:create_app_from_env`."""

import os

from litestar import Litestar

from infrastructure.container import Container
from infrastructure.settings import Settings
from interfaces.http.app import create_app


def create_app_from_env() -> Litestar:
    return create_app(Container(settings=Settings.from_env(os.environ)))
