"""Which adapter serves each port, chosen by the settings: the dependency-injector container.

Part of the composition root (`infrastructure.bootstrap`): with `runtimes`, the only modules
that name adapters.
"""

import inspect
import secrets
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any, TypeVar

import httpx
from dependency_injector import containers, providers

from application.polling_job_watch import PollingJobWatch
from application.stop_signals import PollingCancelWatch
from application.use_cases.api_keys import AuthenticateHandler
from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.follow_job import FollowJobHandler
from application.use_cases.get_status import GetStatusHandler
from application.use_cases.job_access import FindOwnJobHandler
from application.use_cases.list_jobs import ListJobsHandler
from application.use_cases.quotas import QuotaLimits, SubmissionQuotaHandler
from application.use_cases.read_artifacts import ReadArtifactsHandler
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler
from application.use_cases.submit_job import SubmitJobHandler
from application.webhooks.dispatcher import WebhookDispatcher
from application.webhooks.notifier import WebhookNotifier
from application.worker import JobWorker
from infrastructure.aws import clients
from infrastructure.aws.dynamodb_active_job_slots import DynamoDbActiveJobSlots
from infrastructure.aws.dynamodb_job_repository import DynamoDbJobRepository
from infrastructure.aws.dynamodb_key_store import DynamoDbKeyStore, keys_table_for
from infrastructure.aws.dynamodb_rate_counter import DynamoDbRateCounter
from infrastructure.aws.s3_artifact_store import S3ArtifactStore
from infrastructure.aws.sqs_job_queue import SqsJobQueue, resolve_queue_url
from infrastructure.aws.sqs_webhook_queue import SqsWebhookQueue, resolve_webhook_queue_url
from infrastructure.aws.ssm_secret_provider import SsmSecretProvider
from infrastructure.memory.active_job_slots import InMemoryActiveJobSlots
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.cancel_watch import InMemoryCancelWatch
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.job_watch import InMemoryJobWatch
from infrastructure.memory.key_store import key_store_from_api_keys
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.null_metrics import NullMetrics
from infrastructure.memory.queue import InProcessJobQueue
from infrastructure.memory.rate_counter import InMemoryRateCounter
from infrastructure.memory.secrets import StaticSecretProvider
from infrastructure.memory.step_reporter import InProcessStepReporter
from infrastructure.memory.webhook_queue import InProcessWebhookQueue
from infrastructure.observability.cloudwatch_metrics import running_cloudwatch_metrics
from infrastructure.observability.emf_metrics import EmfMetrics
from infrastructure.observability.tracing import (
    OpenTelemetryTracer,
)
from infrastructure.settings import Settings
from infrastructure.step_callbacks.http_step_reporter import HttpStepReporter
from infrastructure.time_and_randomness import RandomJobIds, RandomSeeds, SystemClock
from infrastructure.webhook_payloads import JobWebhookLog, JobWebhookPayloads
from infrastructure.webhook_secrets import ParameterWebhookSecrets, StaticWebhookSecrets
from infrastructure.webhooks.sender import HttpWebhookSender
from infrastructure.webhooks.url_guard import WebhookUrlPolicy

T = TypeVar("T")


async def http_client() -> AsyncIterator[httpx.AsyncClient]:
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0), limits=limits) as client:
        yield client


async def webhook_http_client(concurrency: int) -> AsyncIterator[httpx.AsyncClient]:
    """Its own client: never follows redirects, sends no cookies back, trusts no proxy env;
    a connection for every delivery slot (the sender sets each request's deadlines)."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=5)
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(10.0), limits=limits, follow_redirects=False, trust_env=False
    ) as client:
        yield client


def _webhooks(settings: Settings) -> str:
    return "on" if settings.webhooks_enabled else "off"


def _webhook_queue_backend(settings: Settings) -> str:
    return "sqs" if settings.webhooks_queue else "in_process"


def _webhook_secrets_backend(settings: Settings) -> str:
    return "ssm" if settings.webhook_secret_parameter else "static"


def _jobs_backend(settings: Settings) -> str:
    return "dynamodb" if settings.jobs_table else "memory"


def _artifacts_backend(settings: Settings) -> str:
    return "s3" if settings.artifacts_bucket else "inline"


def _queue_backend(settings: Settings) -> str:
    return "sqs" if settings.jobs_queue else "in_process"


def _secrets_backend(settings: Settings) -> str:
    return "ssm" if settings.internal_token_parameter else "static"


def _static_token(settings: Settings) -> str:
    return settings.internal_token or secrets.token_urlsafe(32)


def _keep_alive_seconds(settings: Settings) -> float:
    """Extend a running job's message well before its visibility timeout runs out."""
    return settings.jobs_queue_visibility_seconds / 3


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    role = providers.Object("api")
    """'api' runs the embedded worker with the in-process reporter; 'worker' reports over HTTP."""

    clock = providers.Singleton(SystemClock)
    job_ids = providers.Singleton(RandomJobIds)
    seeds = providers.Singleton(RandomSeeds)
    retention = providers.Callable(lambda s: timedelta(days=s.retention_days), settings)
    http = providers.Resource(http_client)

    aws_session = providers.Singleton(clients.new_session)
    _region = settings.provided.aws_region
    _endpoint = settings.provided.aws_endpoint_url
    dynamodb_client = providers.Resource(clients.dynamodb_client, aws_session, _region, _endpoint)
    s3_client = providers.Resource(clients.s3_client, aws_session, _region, _endpoint)
    sqs_client = providers.Resource(clients.sqs_client, aws_session, _region, _endpoint)
    ssm_client = providers.Resource(clients.ssm_client, aws_session, _region, _endpoint)
    cloudwatch_client = providers.Resource(
        clients.cloudwatch_client, aws_session, _region, _endpoint
    )
    queue_url = providers.Resource(resolve_queue_url, sqs_client, settings.provided.jobs_queue)

    job_repository = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(
            InMemoryJobRepository,
            clock=clock,
            max_jobs=settings.provided.demo_max_jobs,
            max_artifact_bytes=providers.Callable(
                lambda s: s.demo_max_artifacts_mb * 1024 * 1024, settings
            ),
        ),
        dynamodb=providers.Singleton(
            DynamoDbJobRepository, client=dynamodb_client, table_name=settings.provided.jobs_table
        ),
    )
    job_watch = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(InMemoryJobWatch, jobs=job_repository),
        dynamodb=providers.Singleton(
            PollingJobWatch,
            jobs=job_repository,
            interval_seconds=providers.Callable(lambda s: 1 / s.follow_reads_per_second, settings),
        ),
    )
    cancel_watch = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(InMemoryCancelWatch, jobs=job_repository),
        dynamodb=providers.Singleton(
            PollingCancelWatch,
            jobs=job_repository,
            interval_seconds=providers.Callable(
                lambda s: s.cancel_poll_milliseconds / 1000, settings
            ),
        ),
    )
    artifact_store = providers.Selector(
        providers.Callable(_artifacts_backend, settings),
        inline=providers.Singleton(InlineArtifactStore),
        s3=providers.Singleton(
            S3ArtifactStore,
            client=s3_client,
            bucket=settings.provided.artifacts_bucket,
            url_ttl_seconds=settings.provided.artifact_url_ttl_seconds,
        ),
    )
    job_queue = providers.Selector(
        providers.Callable(_queue_backend, settings),
        in_process=providers.Singleton(InProcessJobQueue),
        sqs=providers.Singleton(
            SqsJobQueue,
            client=sqs_client,
            queue_url=queue_url,
            visibility_timeout_seconds=settings.provided.jobs_queue_visibility_seconds,
        ),
    )
    secret_provider = providers.Selector(
        providers.Callable(_secrets_backend, settings),
        static=providers.Singleton(
            StaticSecretProvider,
            current=providers.Callable(_static_token, settings),
            previous=settings.provided.internal_token_previous,
        ),
        ssm=providers.Singleton(
            SsmSecretProvider,
            client=ssm_client,
            parameter_name=settings.provided.internal_token_parameter,
            clock=clock,
            refresh_seconds=settings.provided.token_refresh_seconds,
            grace_seconds=settings.provided.token_grace_seconds,
        ),
    )
    metrics = providers.Selector(
        settings.provided.metrics_sink,
        memory=providers.Singleton(InMemoryMetrics),
        none=providers.Singleton(NullMetrics),
        emf=providers.Singleton(EmfMetrics, settings.provided.metrics_namespace),
        cloudwatch=providers.Resource(
            running_cloudwatch_metrics, cloudwatch_client, settings.provided.metrics_namespace
        ),
    )
    tracer = providers.Singleton(OpenTelemetryTracer)

    # Webhooks: on when a signing secret is configured.
    webhook_queue_url = providers.Resource(
        resolve_webhook_queue_url, sqs_client, settings.provided.webhooks_queue
    )
    webhook_queue = providers.Selector(
        providers.Callable(_webhook_queue_backend, settings),
        in_process=providers.Singleton(InProcessWebhookQueue),
        sqs=providers.Singleton(
            SqsWebhookQueue,
            client=sqs_client,
            queue_url=webhook_queue_url,
            visibility_timeout_seconds=settings.provided.webhooks_queue_visibility_seconds,
        ),
    )
    webhook_policy = providers.Singleton(
        WebhookUrlPolicy,
        allow_private=settings.provided.webhook_allow_private,
        allow_http=settings.provided.webhook_allow_http,
    )
    webhook_guard = providers.Selector(
        providers.Callable(_webhooks, settings),
        on=webhook_policy,
        off=providers.Object(None),
    )
    webhook_notifier = providers.Selector(
        providers.Callable(_webhooks, settings),
        on=providers.Singleton(WebhookNotifier, queue=webhook_queue, metrics=metrics),
        off=providers.Object(None),
    )
    webhook_secrets = providers.Selector(
        providers.Callable(_webhook_secrets_backend, settings),
        static=providers.Singleton(StaticWebhookSecrets, settings.provided.webhook_secret),
        ssm=providers.Singleton(
            ParameterWebhookSecrets,
            provider=providers.Singleton(
                SsmSecretProvider,
                client=ssm_client,
                parameter_name=settings.provided.webhook_secret_parameter,
                clock=clock,
                refresh_seconds=settings.provided.token_refresh_seconds,
                grace_seconds=0,
            ),
            parameter_name=settings.provided.webhook_secret_parameter,
        ),
    )
    webhook_http = providers.Resource(webhook_http_client, settings.provided.webhook_concurrency)
    webhook_sender = providers.Singleton(
        HttpWebhookSender,
        client=webhook_http,
        secrets=webhook_secrets,
        clock=clock,
        policy=webhook_policy,
        timeout_seconds=settings.provided.webhook_timeout_seconds,
        connect_timeout_seconds=settings.provided.webhook_connect_timeout_seconds,
    )

    # Quotas, chosen like the job store (JOBS_TABLE): each key's rate counter and its reserved
    # active jobs (items in the jobs table in persistent mode); the limits are
    # RATE_LIMIT_PER_MINUTE and MAX_ACTIVE_JOBS_PER_KEY unless a key has its own.
    rate_counter = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(InMemoryRateCounter),
        dynamodb=providers.Singleton(
            DynamoDbRateCounter, client=dynamodb_client, table_name=settings.provided.jobs_table
        ),
    )
    active_job_slots = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(InMemoryActiveJobSlots),
        dynamodb=providers.Singleton(
            DynamoDbActiveJobSlots, client=dynamodb_client, table_name=settings.provided.jobs_table
        ),
    )
    submission_quota = providers.Singleton(
        SubmissionQuotaHandler,
        jobs=job_repository,
        counter=rate_counter,
        slots=active_job_slots,
        clock=clock,
        defaults=providers.Singleton(
            QuotaLimits,
            rate_per_minute=settings.provided.rate_limit_per_minute,
            max_active=settings.provided.max_active_jobs_per_key,
        ),
    )

    # Use cases hold no per-request state: one of each per container.
    submit_job = providers.Singleton(
        SubmitJobHandler,
        jobs=job_repository,
        queue=job_queue,
        ids=job_ids,
        seeds=seeds,
        clock=clock,
        metrics=metrics,
        retention=retention,
        tracer=tracer,
        webhook_guard=webhook_guard,
        quota=submission_quota,
    )
    get_status = providers.Singleton(
        GetStatusHandler, jobs=job_repository, artifacts=artifact_store, clock=clock
    )
    read_artifacts = providers.Singleton(
        ReadArtifactsHandler, jobs=job_repository, artifacts=artifact_store
    )
    record_step = providers.Singleton(
        RecordStepHandler,
        jobs=job_repository,
        clock=clock,
        metrics=metrics,
        webhooks=webhook_notifier,
        slots=active_job_slots,
    )
    cancel_job = providers.Singleton(
        CancelJobHandler,
        jobs=job_repository,
        clock=clock,
        metrics=metrics,
        webhooks=webhook_notifier,
        slots=active_job_slots,
    )
    webhook_dispatcher = providers.Singleton(
        WebhookDispatcher,
        queue=webhook_queue,
        sender=webhook_sender,
        guard=webhook_policy,
        payloads=providers.Singleton(
            JobWebhookPayloads, get_status, base_url=settings.provided.public_base_url
        ),
        log=providers.Singleton(JobWebhookLog, job_repository),
        clock=clock,
        max_attempts=settings.provided.webhook_max_attempts,
        metrics=metrics,
        concurrency=settings.provided.webhook_concurrency,
        per_destination=settings.provided.webhook_per_destination,
    )
    follow_job = providers.Singleton(
        FollowJobHandler,
        get_status=get_status,
        watch=job_watch,
        max_streams=settings.provided.max_event_streams,
        max_waiters=settings.provided.max_waiting_requests,
        keep_alive_seconds=settings.provided.events_keep_alive_seconds,
    )

    # API keys, chosen like the job store (JOBS_TABLE): demo mode's keys are those API_KEYS
    # lists, persistent mode's those `scenegen keys create` made.
    key_store = providers.Selector(
        providers.Callable(_jobs_backend, settings),
        memory=providers.Singleton(
            key_store_from_api_keys,
            providers.Callable(lambda s: s.api_keys or "", settings),
            now=providers.Callable(lambda c: c.now(), clock),
        ),
        dynamodb=providers.Singleton(
            DynamoDbKeyStore,
            client=dynamodb_client,
            table_name=providers.Callable(lambda s: keys_table_for(s.jobs_table), settings),
        ),
    )
    authenticate = providers.Singleton(AuthenticateHandler, keys=key_store, clock=clock)
    list_jobs = providers.Singleton(
        ListJobsHandler, jobs=job_repository, artifacts=artifact_store, clock=clock
    )
    find_own_job = providers.Singleton(FindOwnJobHandler, jobs=job_repository)
    step_reporter = providers.Selector(
        role,
        api=providers.Singleton(InProcessStepReporter, record_step=record_step),
        worker=providers.Singleton(
            HttpStepReporter,
            client=http,
            base_url=settings.provided.orchestrator_url,
            secrets=secret_provider,
        ),
    )
    run_job = providers.Factory(
        RunJobHandler,
        reporter=step_reporter,
        artifacts=artifact_store,
        clock=clock,
        tracer=tracer,
        cancels=cancel_watch,
        deadline_seconds=settings.provided.generation_deadline_seconds,
        max_artifact_bytes=providers.Callable(lambda s: s.max_artifacts_kb * 1024, settings),
    )
    worker = providers.Singleton(
        JobWorker,
        queue=job_queue,
        run_job=run_job,
        keep_alive_seconds=providers.Callable(_keep_alive_seconds, settings),
        tracer=tracer,
    )


async def resolve(provider: "providers.Provider[T]") -> T:
    """Call a provider; await it when an async resource sits under it (persistent mode)."""
    value: Any = provider()
    if inspect.isawaitable(value):
        value = await value
    result: T = value
    return result


async def shutdown(container: Container) -> None:
    pending = container.shutdown_resources()
    if pending is not None:
        await pending
