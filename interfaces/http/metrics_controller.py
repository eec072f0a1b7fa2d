"""GET /metrics: demo mode's counters, the same figures CloudWatch shows in persistent mode."""

from typing import Any

from litestar import Request, Response, get

from infrastructure.memory.metrics import InMemoryMetrics
from interfaces.http.problems import Problem


@get(
    "/metrics",
    tags=["operations"],
    summary="Totals of every metric since start (in-memory sink only)",
    description=(
        "Demo mode keeps metrics in memory: each metric's total per dimension set, e.g. "
        "`JobsByStatus` by `Status`, `StepDuration` (sum of milliseconds) by `Step`. With "
        "another sink (CloudWatch, EMF) the figures are on the dashboard instead: 404."
    ),
)
async def metrics(request: Request[Any, Any, Any]) -> Response[dict[str, dict[str, float]]]:
    sink = request.app.state.metrics
    if not isinstance(sink, InMemoryMetrics):
        raise Problem(404, "Metrics are published to the configured sink, not kept here.")
    body: dict[str, dict[str, float]] = {}
    for point in sink.points:
        label = ",".join(f"{name}={value}" for name, value in point.dimensions) or "-"
        series = body.setdefault(point.name, {})
        series[label] = series.get(label, 0.0) + point.value
    return Response(body, headers={"Cache-Control": "no-store"})
