"""The runtime of each role (API, demo, worker, provisioning), built over the container.

Part of the composition root (`infrastructure.bootstrap`).
"""

import asyncio
import contextlib
import hmac
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from dependency_injector import providers
from litestar import Litestar

from application.errors import DependencyUnavailable
from application.metric_names import ERRORS, KIND
from application.ports import Metrics, MetricsReadout, SecretProvider
from application.use_cases.catalog import KeyAccess, UseCases
from application.webhooks.dispatcher import WebhookDispatcher
from application.worker import JobWorker, capped_backoff
from infrastructure.aws import clients
from infrastructure.aws.errors import failure_kind
from infrastructure.bootstrap.container import Container, resolve, shutdown
from infrastructure.json_logging import configure_logging
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.observability.server_spans import trace_requests
from infrastructure.observability.tracing import (
    configure_tracing,
    instrument_aws,
)
from infrastructure.settings import ConfigError, Settings
from infrastructure.startup_heap import freeze_startup_heap, tune_malloc
from infrastructure.worker_heartbeat import beat

log = logging.getLogger(__name__)

API_SERVICE_NAME = "scenegen-api"
WORKER_SERVICE_NAME = "scenegen-worker"
EMBEDDED_WORKER_STOP_GRACE_SECONDS = 10.0
WORKER_STOP_GRACE_SECONDS = 30.0


# Process set-up for the long-running roles.


def configure_process(service_name: str, settings: Settings) -> None:
    """JSON log lines, the OpenTelemetry SDK (from OTEL_*), client spans for AWS calls, and
    malloc held to the memory the service documents."""
    tune_malloc()
    configure_logging()
    configure_tracing(service_name, status_polls_per_second=settings.trace_status_polls_per_second)
    instrument_aws()


# The API (and demo) role.

Check = Callable[[], Awaitable[str]]
"""A readiness probe: "ok", or why the dependency failed ("refused", "timed out", ...)."""


def _probe(check: Callable[[], Awaitable[object]]) -> Check:
    async def probe() -> str:
        try:
            await check()
        except Exception as error:
            return failure_kind(error)
        return "ok"

    return probe


Dependency = Callable[[], Awaitable[object]]
"""How the HTTP interface gets one value by name: resolved once, then kept."""


class ApiRuntime:
    """What the HTTP app needs: its dependencies, its lifespan and its request tracing.

    Demo mode (no JOBS_QUEUE) runs the worker inside the API process, reporting steps
    straight to the record_step use case.
    """

    def __init__(self, container: Container) -> None:
        self.container = container
        self.settings: Settings = container.settings()
        self._metrics: Metrics | None = None

    @property
    def embedded_worker(self) -> bool:
        return not self.settings.jobs_queue

    def dependencies(self) -> dict[str, Dependency]:
        return {
            "use_cases": self._use_cases,
            "readiness_checks": self._readiness_checks,
            "metrics_readout": self._metrics_readout,
        }

    async def _use_cases(self) -> UseCases:
        c = self.container
        return UseCases(
            submit_job=await resolve(c.submit_job),
            get_status=await resolve(c.get_status),
            follow_job=await resolve(c.follow_job),
            cancel_job=await resolve(c.cancel_job),
            read_artifacts=await resolve(c.read_artifacts),
            record_step=await resolve(c.record_step),
            find_own_job=await resolve(c.find_own_job),
            list_jobs=await resolve(c.list_jobs),
        )

    async def key_access(self) -> KeyAccess:
        """What a keyed request needs before its handler runs (AUTH_MODE=api-keys)."""
        c = self.container
        return KeyAccess(
            authenticate=await resolve(c.authenticate),
            quota=await resolve(c.submission_quota),
        )

    async def secret_provider(self) -> SecretProvider:
        provider: SecretProvider = await resolve(self.container.secret_provider)
        return provider

    async def token_is_accepted(self, presented: str) -> bool:
        """Compare a callback's token with every accepted one, in constant time."""
        accepted = await (await self.secret_provider()).accepted()
        presented_bytes = presented.encode()
        matches = [hmac.compare_digest(presented_bytes, token.encode()) for token in accepted]
        return any(matches)

    def count_error(self, kind: str) -> None:
        """Count an error of the service itself (once the lifespan has opened the sink)."""
        if self._metrics is not None:
            self._metrics.count(ERRORS, {KIND: kind})

    async def _readiness_checks(self) -> Mapping[str, Check]:
        c = self.container
        jobs = await resolve(c.job_repository)
        artifacts = await resolve(c.artifact_store)
        queue = await resolve(c.job_queue)
        secret_provider = await self.secret_provider()
        checks = {
            "jobStore": _probe(jobs.check),
            "artifactStore": _probe(artifacts.check),
            "queue": _probe(queue.check),
            "secretStore": _probe(secret_provider.current),
        }
        if self.settings.webhooks_enabled:
            webhook_queue = await resolve(c.webhook_queue)
            checks["webhookQueue"] = _probe(webhook_queue.check)
        return checks

    async def _metrics_readout(self) -> MetricsReadout | None:
        sink = await resolve(self.container.metrics)
        return sink if isinstance(sink, InMemoryMetrics) else None

    @asynccontextmanager
    async def lifespan(self, _app: object = None) -> AsyncIterator[None]:
        """Open the clients, start the embedded worker in demo mode; close all on exit."""
        worker: JobWorker | None = None
        dispatcher: WebhookDispatcher | None = None
        try:
            await self._readiness_checks()  # opens every client at start, not on a request
            self._metrics = await resolve(self.container.metrics)
            if self.embedded_worker:
                worker = await resolve(self.container.worker)
                worker.start()
                dispatcher = await _started_dispatcher(self.container)
            yield
        finally:
            if worker is not None:
                await worker.stop(EMBEDDED_WORKER_STOP_GRACE_SECONDS)
            if dispatcher is not None:
                await dispatcher.stop(EMBEDDED_WORKER_STOP_GRACE_SECONDS)
            await shutdown(self.container)

    def trace(self, app: Litestar) -> None:
        """Server spans around the app, once `configure_process` has installed the SDK."""
        trace_requests(app)


async def _resolved_when_reachable(
    provider: "providers.Provider[JobWorker]", stop: asyncio.Event
) -> JobWorker | None:
    """The worker, once its dependencies answer (the queue URL is looked up at start): a
    worker started during an outage waits it out, one line when it begins and one when it
    ends, instead of exiting. None if asked to stop first."""
    failures = 0
    while not stop.is_set():
        try:
            worker: JobWorker = await resolve(provider)
        except DependencyUnavailable as error:
            failures += 1
            if failures == 1:
                log.warning("cannot start the worker yet, retrying with backoff: %s", error)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), capped_backoff(failures))
            continue
        if failures:
            log.info("worker dependencies answer again after %d attempts", failures + 1)
        return worker
    return None


async def _started_dispatcher(container: Container) -> WebhookDispatcher | None:
    """The webhook dispatcher, started, when a signing secret is configured.

    It runs where the jobs run: inside the API in demo mode, in each worker in persistent mode.
    """
    if not container.settings().webhooks_enabled:
        return None
    dispatcher: WebhookDispatcher = await resolve(container.webhook_dispatcher)
    dispatcher.start()
    return dispatcher


def api_runtime(settings: Settings) -> ApiRuntime:
    return ApiRuntime(Container(settings=settings))


def api_runtime_from_env(environ: Mapping[str, str] | None = None) -> ApiRuntime:
    """`scenegen serve` and the ASGI factory: settings from the environment, process set up."""
    settings = Settings.from_env(os.environ if environ is None else environ)
    configure_process(API_SERVICE_NAME, settings)
    return api_runtime(settings)


def demo_runtime() -> ApiRuntime:
    """`scenegen demo`: everything in memory, nothing configured from the environment."""
    return api_runtime(Settings())


def service_started() -> None:
    """Called once the app is built: leave the startup heap out of later collections."""
    freeze_startup_heap()


# The worker role.


class WorkerRuntime:
    """A worker consuming JOBS_QUEUE and reporting steps to ORCHESTRATOR_URL over HTTP."""

    def __init__(self, container: Container) -> None:
        self.container = container
        container.role.override("worker")

    async def run_until(self, stop: asyncio.Event) -> None:
        """Run jobs until `stop` is set, then finish (or release) the current one."""
        try:
            worker = await _resolved_when_reachable(self.container.worker, stop)
            if worker is None:
                return
            dispatcher = await _started_dispatcher(self.container)
            freeze_startup_heap()
            worker.start()
            heartbeat_file = self.container.settings().worker_heartbeat_file
            heartbeat = (
                asyncio.create_task(beat(Path(heartbeat_file), lambda: worker.running, stop))
                if heartbeat_file
                else None
            )
            await stop.wait()
            if heartbeat is not None:
                await heartbeat
            await worker.stop(WORKER_STOP_GRACE_SECONDS)
            if dispatcher is not None:
                await dispatcher.stop(WORKER_STOP_GRACE_SECONDS)
        finally:
            await shutdown(self.container)


def worker_runtime_from_env(environ: Mapping[str, str] | None = None) -> WorkerRuntime:
    settings = Settings.from_env(os.environ if environ is None else environ)
    if not settings.jobs_queue:
        raise ConfigError("JOBS_QUEUE must be set: the worker consumes that queue")
    if not settings.orchestrator_url:
        raise ConfigError("ORCHESTRATOR_URL must be set: the worker reports steps to that API")
    configure_process(WORKER_SERVICE_NAME, settings)
    return WorkerRuntime(Container(settings=settings))


# One-shot: provisioning.


async def provision_from_settings(settings: Settings) -> list[str]:
    """`scenegen provision`: create or update the AWS resources; one line per resource.

    With WEBHOOKS_QUEUE, also the webhooks queue and its dead-letter queue; with
    WEBHOOK_SECRET_PARAMETER, also that parameter (a generated secret when absent). Always the
    API keys table, `<JOBS_TABLE>-api-keys`.
    """
    from infrastructure.aws.dynamodb_key_store import keys_table_for
    from infrastructure.aws.provision import provision, queue_name
    from infrastructure.observability.dashboard import DASHBOARD_NAME, put_dashboard

    session = clients.new_session()
    region, endpoint = settings.aws_region, settings.aws_endpoint_url
    slow = clients.CONTROL_PLANE
    async with (
        clients.dynamodb_client(session, region, endpoint, slow) as dynamodb,
        clients.s3_client(session, region, endpoint, slow) as s3,
        clients.sqs_client(session, region, endpoint, slow) as sqs,
        clients.ssm_client(session, region, endpoint, slow) as ssm,
        clients.cloudwatch_client(session, region, endpoint, slow) as cloudwatch,
    ):
        lines = await provision(
            dynamodb=dynamodb,
            s3=s3,
            sqs=sqs,
            ssm=ssm,
            table=str(settings.jobs_table),
            bucket=str(settings.artifacts_bucket),
            queue=queue_name(str(settings.jobs_queue)),
            token_parameter=settings.internal_token_parameter,
            retention_days=settings.retention_days,
            webhooks_queue=queue_name(settings.webhooks_queue) if settings.webhooks_queue else None,
            webhook_secret_parameter=settings.webhook_secret_parameter,
            keys_table=keys_table_for(str(settings.jobs_table)),
        )
        dashboard = await put_dashboard(
            cloudwatch, DASHBOARD_NAME, settings.metrics_namespace, region
        )
        return [*lines, dashboard]
