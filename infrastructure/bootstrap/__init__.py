"""The composition root: builds the runtime of each role (API, worker, demo, provisioning).

The only package that names adapters. Every entrypoint (the ASGI factory, `scenegen serve`,
`worker`, `demo`, `provision` and `keys`) asks it for a runtime built for its role from the
settings, and `scenegen deploy` runs its `deployment` modules; the HTTP interface gets use
cases and ports from `ApiRuntime.dependencies()`, which it hands to Litestar's dependency
injection.
"""

from infrastructure.bootstrap.container import Container, resolve, shutdown
from infrastructure.bootstrap.key_admin import KeyAdmin, key_admin_from_settings
from infrastructure.bootstrap.runtimes import (
    ApiRuntime,
    Dependency,
    WorkerRuntime,
    api_runtime,
    api_runtime_from_env,
    configure_process,
    demo_runtime,
    provision_from_settings,
    service_started,
    worker_runtime_from_env,
)

__all__ = [
    "ApiRuntime",
    "Container",
    "Dependency",
    "KeyAdmin",
    "WorkerRuntime",
    "api_runtime",
    "api_runtime_from_env",
    "configure_process",
    "demo_runtime",
    "key_admin_from_settings",
    "provision_from_settings",
    "resolve",
    "service_started",
    "shutdown",
    "worker_runtime_from_env",
]
