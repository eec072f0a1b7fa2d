"""Process-level tuning for the long-running entrypoints (API server, worker)."""

import gc


def freeze_startup_heap() -> None:
    """Leave everything built at start (modules, the app, its routes and OpenAPI schema) out of
    every later garbage collection.

    Spans waiting in the exporter's queue survive into the older generations, so a process
    that traces every request runs full collections often, and each one walked the whole
    startup heap: measured in-process, tracing every GET /status cost 84 µs a request with
    the startup heap in the collector's generations and 71 µs with it frozen (29 µs with
    tracing off either way). Collect first, so no startup garbage is frozen with it.
    """
    gc.collect()
    gc.freeze()
