"""The real app served by uvicorn on a loopback port, in the test's own event loop: a real HTTP
connection, while the test still reaches the container (to seed jobs, read counters)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import uvicorn


@contextlib.asynccontextmanager
async def served(container: Any) -> AsyncIterator[str]:
    """Serve `container`'s API; yields its base URL and stops the server on exit."""
    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    config = uvicorn.Config(
        create_app(ApiRuntime(container)),
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
