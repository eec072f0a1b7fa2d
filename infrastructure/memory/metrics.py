"""InMemoryMetrics: demo-mode and test sink that keeps every data point."""

from collections.abc import Mapping

import msgspec


class DataPoint(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    dimensions: tuple[tuple[str, str], ...]
    value: float
    unit: str


class InMemoryMetrics:
    def __init__(self) -> None:
        self.points: list[DataPoint] = []

    def count(self, name: str, dimensions: Mapping[str, str], value: float = 1.0) -> None:
        self.points.append(
            DataPoint(name=name, dimensions=_dims(dimensions), value=value, unit="Count")
        )

    def observe(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        self.points.append(
            DataPoint(name=name, dimensions=_dims(dimensions), value=value, unit=unit)
        )

    def totals(self, name: str) -> dict[tuple[tuple[str, str], ...], float]:
        """Sum of values per dimension set for one metric."""
        totals: dict[tuple[tuple[str, str], ...], float] = {}
        for point in self.points:
            if point.name == name:
                totals[point.dimensions] = totals.get(point.dimensions, 0.0) + point.value
        return totals

    def totals_by_metric(self) -> dict[str, dict[str, float]]:
        body: dict[str, dict[str, float]] = {}
        for point in self.points:
            label = ",".join(f"{name}={value}" for name, value in point.dimensions) or "-"
            series = body.setdefault(point.name, {})
            series[label] = series.get(label, 0.0) + point.value
        return body


def _dims(dimensions: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(dimensions.items()))
