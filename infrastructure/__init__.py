"""Adapters, settings and the composition root."""
