"""NullMetrics: a sink that drops everything, for when metrics are switched off."""

from collections.abc import Mapping


class NullMetrics:
    def count(self, name: str, dimensions: Mapping[str, str], value: float = 1.0) -> None:
        return None

    def observe(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        return None
