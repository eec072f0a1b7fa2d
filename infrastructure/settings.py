"""Settings from the environment, validated at start with one clear line per mistake."""

from collections.abc import Callable, Mapping
from typing import Annotated
from urllib.parse import urlparse

import msgspec
import msgspec.inspect

from application.use_cases import follow_job, run_job
from application.use_cases.quotas import DEFAULT_MAX_ACTIVE_JOBS, DEFAULT_RATE_PER_MINUTE
from domain.keys import MAX_ACTIVE_LIMIT


class ConfigError(ValueError):
    """Invalid configuration; the message names the variable."""


DEMO_MAX_JOBS = 1000
KEEP_ALIVE_SECONDS = 80
"""Longer than the ALB's idle timeout (75 s in deploy/scenegen.yaml), else occasional 502s."""
HEARTBEAT_FILE_VARIABLE = "WORKER_HEARTBEAT_FILE"
AUTH_NONE = "none"
AUTH_API_KEYS = "api-keys"
AUTH_MODES = (AUTH_NONE, AUTH_API_KEYS)
"""About 50 MB of 256x128 jobs with their inline artifacts, and a long history of small ones."""


def _within(low: int, high: int) -> msgspec.Meta:
    return msgspec.Meta(ge=low, le=high)


class Settings(msgspec.Struct, frozen=True, kw_only=True, rename="upper"):
    """Every setting, each declared once: its type, its default and (for numbers) its bounds.

    A field is read from the environment variable of its (upper-case) name; `from_env` checks
    numbers against the bounds declared here.
    """

    jobs_table: str | None = None
    artifacts_bucket: str | None = None
    jobs_queue: str | None = None
    internal_token: str | None = None
    internal_token_parameter: str | None = None
    internal_token_previous: str | None = None
    artifact_url_ttl_seconds: Annotated[int, _within(900, 3600)] = 900
    retention_days: Annotated[int, _within(1, 3650)] = 14
    demo_max_jobs: Annotated[int, _within(1, 1_000_000)] = DEMO_MAX_JOBS
    """Jobs kept in memory (demo mode); the finished ones go first, oldest first."""
    aws_region: str = "us-east-1"
    """Also read from AWS_DEFAULT_REGION when AWS_REGION is not set."""
    aws_endpoint_url: str | None = None
    orchestrator_url: str | None = None
    metrics_namespace: str = "SceneGen"
    metrics_sink: str = "memory"
    """One of `_SINKS`; `cloudwatch` by default in persistent mode."""
    token_refresh_seconds: Annotated[int, _within(1, 3600)] = msgspec.field(
        default=60, name="INTERNAL_TOKEN_REFRESH_SECONDS"
    )
    token_grace_seconds: Annotated[int, _within(0, 86400)] = msgspec.field(
        default=300, name="INTERNAL_TOKEN_GRACE_SECONDS"
    )
    jobs_queue_visibility_seconds: Annotated[int, _within(1, 43200)] = 60
    max_event_streams: Annotated[int, _within(1, 100_000)] = follow_job.MAX_STREAMS
    """Event streams open at once in one API process; beyond: 503 with Retry-After."""
    max_waiting_requests: Annotated[int, _within(0, 100_000)] = follow_job.MAX_WAITERS
    """`Prefer: wait` requests held at once in one API process; beyond, answered at once."""
    events_keep_alive_seconds: Annotated[int, _within(1, 300)] = follow_job.KEEP_ALIVE_SECONDS
    """A comment on an idle event stream this often, so proxies (an ALB) keep it open."""
    follow_reads_per_second: Annotated[int, _within(1, 20)] = 2
    """Persistent mode: strongly consistent reads a second of each followed job (shared by all
    of its streams and waiting requests in one process)."""
    webhook_secret: str | None = None
    """Space-separated `whsec_` secrets, newest first; webhooks are off without one (or SSM)."""
    webhook_secret_parameter: str | None = None
    webhooks_queue: str | None = None
    """Persistent mode: the SQS queue (name or URL) that makes deliveries durable."""
    webhooks_queue_visibility_seconds: Annotated[int, _within(15, 43200)] = 60
    """How long a received delivery stays hidden; one that is not settled by then (its worker
    died) is delivered again."""
    webhook_max_attempts: Annotated[int, _within(1, 50)] = 8
    webhook_timeout_seconds: Annotated[int, _within(1, 60)] = 5
    """One delivery attempt, from resolving the receiver to its answer; then retried later."""
    webhook_connect_timeout_seconds: Annotated[int, _within(1, 30)] = 2
    webhook_concurrency: Annotated[int, _within(1, 1000)] = 32
    """Deliveries under way at once, per dispatcher (the API in demo mode, each worker)."""
    webhook_per_destination: Annotated[int, _within(1, 100)] = 2
    """Deliveries under way at once to one receiver (scheme, host, port); others wait."""
    webhook_allow_private: bool = False
    webhook_allow_http: bool = False
    trace_status_polls_per_second: Annotated[int, _within(0, 1_000_000)] | None = 1
    """New traces a second that `GET /status` polls may start; `unlimited` (None): no budget
    of their own."""
    generation_deadline_seconds: Annotated[int, _within(1, 600)] = (
        run_job.DEFAULT_GENERATION_DEADLINE_SECONDS
    )
    """A job's scene generation is stopped (the job fails) when it runs longer than this."""
    cancel_poll_milliseconds: Annotated[int, _within(10, 5000)] = 50
    """Persistent mode: how often a worker reads a running job's status to learn of a cancel."""
    max_artifacts_kb: Annotated[int, _within(64, 65536)] = (
        run_job.DEFAULT_MAX_ARTIFACT_BYTES // 1024
    )
    """The most a job's artifacts (scene graph and minimap) may come to; a larger scene fails."""
    demo_max_artifacts_mb: Annotated[int, _within(1, 65536)] = 64
    """Demo mode: inline artifacts kept in memory in all; finished jobs go first, oldest first."""
    max_header_kb: Annotated[int, _within(1, 1024)] = 32
    """A request's line and headers may come to this; beyond, 431 and nothing more is read."""
    request_head_timeout_seconds: Annotated[int, _within(1, 300)] = 10
    """A request's line and headers must arrive within this (slowloris); else 408, closed."""
    request_body_timeout_seconds: Annotated[int, _within(1, 600)] = 30
    """A request's body must arrive within this of its headers; else 408, closed."""
    keep_alive_seconds: Annotated[int, _within(1, 3600)] = KEEP_ALIVE_SECONDS
    """An idle keep-alive connection is closed after this."""
    max_connections: Annotated[int, _within(16, 1_000_000)] = 4096
    """Connections open at once; one more closes the idlest, or is refused with 503."""
    worker_heartbeat_file: str | None = None
    """A file the worker touches while its loop runs (`scenegen worker-health` reads it)."""
    auth_mode: str = AUTH_NONE
    """One of `AUTH_MODES`: `api-keys` asks every public job request for `Authorization: Bearer`.
    From the environment: `api-keys` by default when JOBS_TABLE is set (persistent mode: the keys
    live in <JOBS_TABLE>-api-keys), `none` otherwise (demo mode); AUTH_MODE, when set, wins."""
    api_keys: str | None = None
    """Demo mode: `name:secret,name:secret`, the keys `AUTH_MODE=api-keys` accepts."""
    rate_limit_per_minute: Annotated[int, _within(1, 1_000_000)] = DEFAULT_RATE_PER_MINUTE
    """Submissions a key may make in a minute, unless the key has its own limit."""
    max_active_jobs_per_key: Annotated[int, _within(1, MAX_ACTIVE_LIMIT)] = DEFAULT_MAX_ACTIVE_JOBS
    """Queued or running jobs a key may have at once, unless the key has its own limit; at most
    1,000 (each key's active job ids are reserved in one DynamoDB item)."""
    cors_allow_origins: str | None = None
    """Comma-separated origins a browser may call the API from; none by default."""
    public_base_url: str | None = None
    """The API's address as clients call it (`https://api.example.com`): links in bodies are
    built on it; by default on the request's own scheme and host. Webhook bodies need it to
    carry absolute links (they answer no request)."""

    @property
    def keys_required(self) -> bool:
        return self.auth_mode == AUTH_API_KEYS

    @property
    def cors_origins(self) -> tuple[str, ...]:
        return tuple(o.strip() for o in (self.cors_allow_origins or "").split(",") if o.strip())

    @property
    def webhooks_enabled(self) -> bool:
        return bool(self.webhook_secret or self.webhook_secret_parameter)

    @property
    def demo_mode(self) -> bool:
        return not (self.jobs_table or self.artifacts_bucket or self.jobs_queue)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        values: dict[str, object] = {}
        for field in _FIELDS:
            raw = env.get(field.encode_name, "").strip()
            if raw and field.encode_name not in _SET_APART:
                values[field.name] = _read(field, raw)
        if region := _text(env, "AWS_REGION") or _text(env, "AWS_DEFAULT_REGION"):
            values["aws_region"] = region
        values["metrics_sink"] = _choice(env, "METRICS_SINK", _default_sink(env), _SINKS)
        values["auth_mode"] = _choice(env, "AUTH_MODE", _default_auth_mode(env), AUTH_MODES)
        settings = cls(**values)  # type: ignore[arg-type]
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
        if self.api_keys and not self.demo_mode:
            raise ConfigError(
                "API_KEYS is for demo mode; in persistent mode keys are made with "
                "`scenegen keys create`"
            )
        if self.keys_required and self.demo_mode and not self.api_keys:
            raise ConfigError("AUTH_MODE=api-keys in demo mode needs API_KEYS (name:secret,...)")
        if self.internal_token is not None and len(self.internal_token) < 16:
            raise ConfigError("INTERNAL_TOKEN must be at least 16 characters")


_SINKS = ("memory", "cloudwatch", "emf", "none")


def _default_sink(env: Mapping[str, str]) -> str:
    persistent = any(env.get(name, "").strip() for name in ("JOBS_TABLE", "JOBS_QUEUE"))
    return "cloudwatch" if persistent else "memory"


def _default_auth_mode(env: Mapping[str, str]) -> str:
    """Keys by default where they can be kept: the DynamoDB table beside JOBS_TABLE."""
    return AUTH_API_KEYS if env.get("JOBS_TABLE", "").strip() else AUTH_NONE


def _text(env: Mapping[str, str], name: str) -> str | None:
    return env.get(name, "").strip() or None


def _read(field: msgspec.inspect.Field, raw: str) -> object:
    """One variable's value, checked against its field's type and bounds."""
    name, kind = field.encode_name, field.type
    if name in _READERS:
        return _READERS[name](name, raw)
    optional = isinstance(kind, msgspec.inspect.UnionType)
    if isinstance(kind, msgspec.inspect.UnionType):
        (kind,) = [t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType)]
    if isinstance(kind, msgspec.inspect.IntType):
        if optional and raw.lower() == "unlimited":  # a number, or no limit at all
            return None
        if optional and not raw.isdigit():
            raise ConfigError(
                f"{name} must be a whole number from {kind.ge} to {kind.le} or 'unlimited', "
                f"got {raw!r}"
            )
        return _integer(name, raw, kind)
    if isinstance(kind, msgspec.inspect.BoolType):
        return _flag(name, raw)
    return raw


def _integer(name: str, raw: str, kind: msgspec.inspect.IntType) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not (kind.ge is None or kind.ge <= value) or not (kind.le is None or value <= kind.le):
        raise ConfigError(f"{name} must be between {kind.ge} and {kind.le}, got {value}")
    return value


def _url(name: str, raw: str) -> str:
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} must be an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    raw = env.get(name, "").strip().lower() or default
    if raw not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def _flag(name: str, raw: str) -> bool:
    raw = raw.lower()
    if raw in ("", "0", "false", "no"):
        return False
    if raw in ("1", "true", "yes"):
        return True
    raise ConfigError(f"{name} must be 1 or 0, got {raw!r}")


def _api_keys(name: str, raw: str) -> str:
    """The keys as given, parsed now so that a bad one fails at start (never echoing a secret)."""
    from datetime import UTC, datetime

    from domain.keys import InvalidApiKey
    from infrastructure.memory.key_store import parse_api_keys

    try:
        parse_api_keys(raw, now=datetime.now(UTC), setting=name)
    except InvalidApiKey as invalid:
        raise ConfigError(str(invalid)) from None
    return raw


def _webhook_secret(name: str, raw: str) -> str:
    """The secrets as given, checked now so that a bad one fails at start with one line."""
    from infrastructure.webhooks.signing import InvalidWebhookSecret, parse_webhook_secrets

    try:
        parse_webhook_secrets(raw)
    except InvalidWebhookSecret as invalid:
        raise ConfigError(str(invalid)) from None
    return raw


_FIELDS = msgspec.inspect.type_info(Settings).fields  # type: ignore[attr-defined]
_READERS: dict[str, Callable[[str, str], object]] = {
    "AWS_ENDPOINT_URL": _url,
    "ORCHESTRATOR_URL": _url,
    "PUBLIC_BASE_URL": _url,
    "WEBHOOK_SECRET": _webhook_secret,
    "API_KEYS": _api_keys,
}
_SET_APART = {"AWS_REGION", "METRICS_SINK", "AUTH_MODE"}
"""Read by `from_env` itself: a fallback variable, a default that depends on the mode."""
