"""HttpStepReporter: the worker reports steps to the API's internal callback."""

import asyncio
import logging
import random

import httpx
import msgspec

from application.ports import SecretProvider, StepRejected, StepReport
from application.wire import TOKEN_HEADER, StepAckWire, StepEventWire
from domain.jobs import JobStatus, StepEvent
from infrastructure.observability.tracing import inject_context

log = logging.getLogger(__name__)


class StepReportFailed(RuntimeError):
    """The service did not take the event after every retry; the job should run again later."""


class HttpStepReporter:
    """Retries connection errors and 5xx with exponential backoff and full jitter.

    Stops at once on `applied: false` (a duplicate) and on 409 (the job has finished).
    """

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        base_url: str,
        secrets: SecretProvider,
        attempts: int = 6,
        base_delay: float = 0.2,
        max_delay: float = 5.0,
        rng: random.Random | None = None,
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._secrets = secrets
        self._attempts = attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._rng = rng or random.Random()

    async def report(self, job_id: str, event: StepEvent) -> StepReport:
        url = f"{self._base_url}/internal/jobs/{job_id}/step"
        body = msgspec.json.encode(StepEventWire.from_domain(event))
        for attempt in range(1, self._attempts + 1):
            headers = {
                TOKEN_HEADER: await self._secrets.current(),
                "Content-Type": "application/json",
                **inject_context(),
            }
            try:
                response = await self._client.post(url, content=body, headers=headers)
            except httpx.TransportError as error:
                reason = f"{type(error).__name__}"
            else:
                if response.status_code == 200:
                    ack = msgspec.json.decode(response.content, type=StepAckWire)
                    return StepReport(applied=ack.applied, job_status=ack.job_status)
                if response.status_code in (404, 409):
                    raise StepRejected(_problem_detail(response), _problem_job_status(response))
                if response.status_code < 500 and response.status_code != 429:
                    detail = _problem_detail(response)
                    raise StepReportFailed(
                        f"{event.step_id} refused with {response.status_code}: {detail}"
                    )
                reason = f"HTTP {response.status_code}"
            if attempt == self._attempts:
                raise StepReportFailed(
                    f"{event.step_id} not reported after {attempt} attempts: {reason}"
                )
            delay = self._rng.uniform(
                0, min(self._max_delay, self._base_delay * 2 ** (attempt - 1))
            )
            log.warning("step report failed (%s); retrying in %.2fs", reason, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")


def _problem_detail(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(problem, dict):
        return str(problem.get("detail") or problem.get("title") or problem)
    return str(problem)


def _problem_job_status(response: httpx.Response) -> JobStatus | None:
    """A 409 names the status that refused the event (`canceled`, `done`, ...)."""
    try:
        return JobStatus(response.json().get("jobStatus"))
    except (ValueError, AttributeError):
        return None
