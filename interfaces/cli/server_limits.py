"""The HTTP server's limits from the settings, held under what the process may open."""

import logging
import resource

from infrastructure.settings import Settings
from interfaces.cli.http_protocol import ServerLimits

log = logging.getLogger(__name__)

RESERVED_FILES = 128
"""Descriptors kept for everything but client connections: the listening socket, AWS and
webhook connections, log files, the generator's threads."""


def raise_open_file_limit() -> int:
    """Raise the soft limit on open files to the hard one; the soft limit then in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 1_048_576)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft


def server_limits(settings: Settings, open_files: int) -> ServerLimits:
    """The settings' limits; the connection cap lowered to fit the open-file limit (beyond it
    the server could not even accept a connection to refuse it)."""
    max_connections = settings.max_connections
    room = max(open_files - RESERVED_FILES, 16)
    if max_connections > room:
        log.warning(
            "MAX_CONNECTIONS=%d is more than the open-file limit allows; holding it to %d",
            max_connections,
            room,
        )
        max_connections = room
    return ServerLimits(
        max_head_bytes=settings.max_header_kb * 1024,
        head_timeout=float(settings.request_head_timeout_seconds),
        body_timeout=float(settings.request_body_timeout_seconds),
        max_connections=max_connections,
    )
