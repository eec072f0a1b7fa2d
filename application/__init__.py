"""Use cases and the ports they need; no I/O of its own."""
