"""Run uvicorn on the service's port and, when asked, on the internal port as well."""

import uvicorn

STARTUP_FAILURE = 3  # uvicorn's own exit code when the server does not start


def run_server(config: uvicorn.Config, internal_port: int | None) -> int:
    """Serve `config.app` until a signal: one server (one lifespan), one socket per port."""
    server = uvicorn.Server(config)
    if internal_port is None:
        server.run()
    else:
        internal = uvicorn.Config(config.app, host=config.host, port=internal_port)
        server.run(sockets=[config.bind_socket(), internal.bind_socket()])
    return 0 if server.started else STARTUP_FAILURE
