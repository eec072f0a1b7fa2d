"""GET /metrics: demo mode's counters, the same figures CloudWatch shows in persistent mode."""

from litestar import Response, get
from litestar.di import NamedDependency
from litestar.params import SkipValidation

from application.ports import MetricsReadout
from interfaces.http.openapi import NO_STORE, operation_with_headers, problem
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
    responses={
        404: problem(
            404,
            "Metrics go to another sink (CloudWatch, EMF)",
            "Metrics are published to the configured sink, not kept here.",
        )
    },
    operation_class=operation_with_headers({200: {"Cache-Control": NO_STORE}}),
)
async def metrics(
    metrics_readout: NamedDependency[SkipValidation[MetricsReadout | None]],
) -> Response[dict[str, dict[str, float]]]:
    if metrics_readout is None:
        raise Problem(404, "Metrics are published to the configured sink, not kept here.")
    return Response(metrics_readout.totals_by_metric(), headers={"Cache-Control": "no-store"})
