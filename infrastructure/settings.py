"""Settings from the environment, validated at start with one clear line per mistake."""

from collections.abc import Mapping
from urllib.parse import urlparse

import msgspec


class ConfigError(ValueError):
    """Invalid configuration; the message names the variable."""


DEMO_MAX_JOBS = 1000
KEEP_ALIVE_SECONDS = 80
"""Longer than the ALB's idle timeout (75 s in deploy/scenegen.yaml), else occasional 502s."""
HEARTBEAT_FILE_VARIABLE = "WORKER_HEARTBEAT_FILE"
"""About 50 MB of 256x128 jobs with their inline artifacts, and a long history of small ones."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    jobs_table: str | None = None
    artifacts_bucket: str | None = None
    jobs_queue: str | None = None
    internal_token: str | None = None
    internal_token_parameter: str | None = None
    internal_token_previous: str | None = None
    artifact_url_ttl_seconds: int = 900
    retention_days: int = 14
    demo_max_jobs: int = DEMO_MAX_JOBS
    """Jobs kept in memory (demo mode); the finished ones go first, oldest first."""
    aws_region: str = "us-east-1"
    aws_endpoint_url: str | None = None
    orchestrator_url: str | None = None
    metrics_namespace: str = "SceneGen"
    metrics_sink: str = "memory"
    token_refresh_seconds: float = 60.0
    token_grace_seconds: float = 300.0
    jobs_queue_visibility_seconds: int = 60
    max_event_streams: int = 500
    """Event streams open at once in one API process; beyond: 503 with Retry-After."""
    max_waiting_requests: int = 2000
    """`Prefer: wait` requests held at once in one API process; beyond, answered at once."""
    events_keep_alive_seconds: int = 15
    """A comment on an idle event stream this often, so proxies (an ALB) keep it open."""
    follow_reads_per_second: int = 2
    """Persistent mode: strongly consistent reads a second of each followed job (shared by all
    of its streams and waiting requests in one process)."""
    webhook_secret: str | None = None
    """Space-separated `whsec_` secrets, newest first; webhooks are off without one (or SSM)."""
    webhook_secret_parameter: str | None = None
    webhooks_queue: str | None = None
    """Persistent mode: the SQS queue (name or URL) that makes deliveries durable."""
    webhooks_queue_visibility_seconds: int = 60
    """How long a received delivery stays hidden; one that is not settled by then (its worker
    died) is delivered again."""
    webhook_max_attempts: int = 8
    webhook_timeout_seconds: int = 5
    """One delivery attempt, from resolving the receiver to its answer; then retried later."""
    webhook_connect_timeout_seconds: int = 2
    webhook_concurrency: int = 32
    """Deliveries under way at once, per dispatcher (the API in demo mode, each worker)."""
    webhook_per_destination: int = 2
    """Deliveries under way at once to one receiver (scheme, host, port); others wait."""
    webhook_allow_private: bool = False
    webhook_allow_http: bool = False
    trace_status_polls_per_second: int | None = 1
    """New traces a second that `GET /status` polls may start; None: no budget of their own."""
    generation_deadline_seconds: int = 10
    """A job's scene generation is stopped (the job fails) when it runs longer than this."""
    cancel_poll_milliseconds: int = 50
    """Persistent mode: how often a worker reads a running job's status to learn of a cancel."""
    max_artifacts_kb: int = 4096
    """The most a job's artifacts (scene graph and minimap) may come to; a larger scene fails."""
    demo_max_artifacts_mb: int = 64
    """Demo mode: inline artifacts kept in memory in all; finished jobs go first, oldest first."""
    max_header_kb: int = 32
    """A request's line and headers may come to this; beyond, 431 and nothing more is read."""
    request_head_timeout_seconds: int = 10
    """A request's line and headers must arrive within this (slowloris); else 408, closed."""
    request_body_timeout_seconds: int = 30
    """A request's body must arrive within this of its headers; else 408, closed."""
    keep_alive_seconds: int = KEEP_ALIVE_SECONDS
    """An idle keep-alive connection is closed after this."""
    max_connections: int = 4096
    """Connections open at once; one more closes the idlest, or is refused with 503."""
    worker_heartbeat_file: str | None = None
    """A file the worker touches while its loop runs (`scenegen worker-health` reads it)."""

    @property
    def webhooks_enabled(self) -> bool:
        return bool(self.webhook_secret or self.webhook_secret_parameter)

    @property
    def demo_mode(self) -> bool:
        return not (self.jobs_table or self.artifacts_bucket or self.jobs_queue)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        def text(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        settings = cls(
            jobs_table=text("JOBS_TABLE"),
            artifacts_bucket=text("ARTIFACTS_BUCKET"),
            jobs_queue=text("JOBS_QUEUE"),
            internal_token=text("INTERNAL_TOKEN"),
            internal_token_parameter=text("INTERNAL_TOKEN_PARAMETER"),
            internal_token_previous=text("INTERNAL_TOKEN_PREVIOUS"),
            artifact_url_ttl_seconds=_integer(env, "ARTIFACT_URL_TTL_SECONDS", 900, 900, 3600),
            retention_days=_integer(env, "RETENTION_DAYS", 14, 1, 3650),
            demo_max_jobs=_integer(env, "DEMO_MAX_JOBS", DEMO_MAX_JOBS, 1, 1_000_000),
            aws_region=text("AWS_REGION") or text("AWS_DEFAULT_REGION") or "us-east-1",
            aws_endpoint_url=_url(env, "AWS_ENDPOINT_URL"),
            orchestrator_url=_url(env, "ORCHESTRATOR_URL"),
            metrics_namespace=text("METRICS_NAMESPACE") or "SceneGen",
            metrics_sink=_choice(env, "METRICS_SINK", _default_sink(env), _SINKS),
            token_refresh_seconds=_integer(env, "INTERNAL_TOKEN_REFRESH_SECONDS", 60, 1, 3600),
            token_grace_seconds=_integer(env, "INTERNAL_TOKEN_GRACE_SECONDS", 300, 0, 86400),
            jobs_queue_visibility_seconds=_integer(
                env, "JOBS_QUEUE_VISIBILITY_SECONDS", 60, 1, 43200
            ),
            max_event_streams=_integer(env, "MAX_EVENT_STREAMS", 500, 1, 100_000),
            max_waiting_requests=_integer(env, "MAX_WAITING_REQUESTS", 2000, 0, 100_000),
            events_keep_alive_seconds=_integer(env, "EVENTS_KEEP_ALIVE_SECONDS", 15, 1, 300),
            follow_reads_per_second=_integer(env, "FOLLOW_READS_PER_SECOND", 2, 1, 20),
            trace_status_polls_per_second=_budget(env, "TRACE_STATUS_POLLS_PER_SECOND", 1),
            generation_deadline_seconds=_integer(env, "GENERATION_DEADLINE_SECONDS", 10, 1, 600),
            cancel_poll_milliseconds=_integer(env, "CANCEL_POLL_MILLISECONDS", 50, 10, 5000),
            max_artifacts_kb=_integer(env, "MAX_ARTIFACTS_KB", 4096, 64, 65536),
            demo_max_artifacts_mb=_integer(env, "DEMO_MAX_ARTIFACTS_MB", 64, 1, 65536),
            max_header_kb=_integer(env, "MAX_HEADER_KB", 32, 1, 1024),
            request_head_timeout_seconds=_integer(env, "REQUEST_HEAD_TIMEOUT_SECONDS", 10, 1, 300),
            request_body_timeout_seconds=_integer(env, "REQUEST_BODY_TIMEOUT_SECONDS", 30, 1, 600),
            keep_alive_seconds=_integer(env, "KEEP_ALIVE_SECONDS", KEEP_ALIVE_SECONDS, 1, 3600),
            max_connections=_integer(env, "MAX_CONNECTIONS", 4096, 16, 1_000_000),
            webhook_secret=_webhook_secret(env),
            webhook_secret_parameter=text("WEBHOOK_SECRET_PARAMETER"),
            webhooks_queue=text("WEBHOOKS_QUEUE"),
            webhook_max_attempts=_integer(env, "WEBHOOK_MAX_ATTEMPTS", 8, 1, 50),
            webhook_timeout_seconds=_integer(env, "WEBHOOK_TIMEOUT_SECONDS", 5, 1, 60),
            webhook_connect_timeout_seconds=_integer(
                env, "WEBHOOK_CONNECT_TIMEOUT_SECONDS", 2, 1, 30
            ),
            webhook_concurrency=_integer(env, "WEBHOOK_CONCURRENCY", 32, 1, 1000),
            webhook_per_destination=_integer(env, "WEBHOOK_PER_DESTINATION", 2, 1, 100),
            webhooks_queue_visibility_seconds=_integer(
                env, "WEBHOOKS_QUEUE_VISIBILITY_SECONDS", 60, 15, 43200
            ),
            webhook_allow_private=_flag(env, "WEBHOOK_ALLOW_PRIVATE"),
            webhook_allow_http=_flag(env, "WEBHOOK_ALLOW_HTTP"),
            worker_heartbeat_file=text(HEARTBEAT_FILE_VARIABLE),
        )
        settings.check_combination()
        return settings

    def check_combination(self) -> None:
        if self.jobs_table and not self.artifacts_bucket:
            raise ConfigError(
                "JOBS_TABLE needs ARTIFACTS_BUCKET: stored jobs keep artifact keys, not content"
            )
        if self.jobs_queue and not self.jobs_table:
            raise ConfigError(
                "JOBS_QUEUE needs JOBS_TABLE: jobs run by remote workers must be readable "
                "by every API process"
            )
        if self.internal_token and self.internal_token_parameter:
            raise ConfigError("set INTERNAL_TOKEN or INTERNAL_TOKEN_PARAMETER, not both")
        if self.webhook_secret and self.webhook_secret_parameter:
            raise ConfigError("set WEBHOOK_SECRET or WEBHOOK_SECRET_PARAMETER, not both")
        if self.webhooks_enabled and self.jobs_queue and not self.webhooks_queue:
            raise ConfigError(
                "webhooks in persistent mode need WEBHOOKS_QUEUE: deliveries must outlive a "
                "restart of the API or the worker"
            )
        if self.internal_token is not None and len(self.internal_token) < 16:
            raise ConfigError("INTERNAL_TOKEN must be at least 16 characters")


_SINKS = ("memory", "cloudwatch", "emf", "none")


def _default_sink(env: Mapping[str, str]) -> str:
    persistent = any(env.get(name, "").strip() for name in ("JOBS_TABLE", "JOBS_QUEUE"))
    return "cloudwatch" if persistent else "memory"


def _integer(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _budget(env: Mapping[str, str], name: str, default: int) -> int | None:
    """A whole number of events a second, or `unlimited` (None)."""
    raw = env.get(name, "").strip().lower()
    if raw == "unlimited":
        return None
    try:
        return _integer(env, name, default, 0, 1_000_000)
    except ConfigError:
        raise ConfigError(
            f"{name} must be a whole number from 0 to 1000000 or 'unlimited', got {raw!r}"
        ) from None


def _url(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} must be an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    raw = env.get(name, "").strip().lower() or default
    if raw not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no"):
        return False
    if raw in ("1", "true", "yes"):
        return True
    raise ConfigError(f"{name} must be 1 or 0, got {raw!r}")


def _webhook_secret(env: Mapping[str, str]) -> str | None:
    """The secrets as given, checked now so that a bad one fails at start with one line."""
    from infrastructure.webhooks.signing import InvalidWebhookSecret, parse_webhook_secrets

    raw = env.get("WEBHOOK_SECRET", "").strip()
    if not raw:
        return None
    try:
        parse_webhook_secrets(raw)
    except InvalidWebhookSecret as invalid:
        raise ConfigError(str(invalid)) from None
    return raw
