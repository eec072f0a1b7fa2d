"""Entrypoints: the HTTP API, the worker and the command line."""
