"""Fresh persistent-mode resources on the emulator, and `scenegen serve`/`worker` processes on them.

    resources = provision_resources(endpoint, tmp_path)    # runs `scenegen provision`
    with PersistentStack(resources, tmp_path) as stack:
        api = stack.start_api(RETENTION_DAYS="3")
        stack.start_worker(api.base_url)

Webhooks: every stack has a webhooks queue (WEBHOOKS_QUEUE), and webhooks are off until a secret
is given. `webhook_env()` turns them on with a receiver on loopback allowed; give it to the stack
so the API and the workers sign with the same secret:

    secret = generate_webhook_secret()
    with PersistentStack(resources, tmp_path, env=webhook_env(secret)) as stack: ...

or provision a secret in SSM (`provision_resources(..., webhook_secret_parameter=True)`; the
processes then read WEBHOOK_SECRET_PARAMETER, and `resources.webhook_secrets()` gives its value).

API keys: persistent mode requires them by default (AUTH_MODE=api-keys), so `provision_resources`
also makes one key with `scenegen keys create` (`resources.api_key`). Every API the stack starts
is registered with that key, and `api_headers(base_url)` gives the `Authorization` header for it
(`submit`, `get_job` and `wait_for_job` send it). A test about an open persistent service starts
its API with `AUTH_MODE="none"`; `api_headers` then gives nothing.

Every process gets its own log file in the work directory; a process that does not come up
fails the test with the tail of its log. On exit every process still running gets SIGTERM,
then SIGKILL if it has not stopped.
"""

import dataclasses
import os
import re
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import botocore.session
import httpx
from botocore.config import Config

from domain.keys import MAX_ACTIVE_LIMIT
from tests.e2e.processes import SCENEGEN
from tests.managed_process import ManagedProcess, free_port, start_process

REGION = "us-east-1"
START_TIMEOUT_SECONDS = 30.0
TERMINAL = ("done", "failed")
PIPELINE_STEP_IDS = [
    f"{name}:{phase}"
    for name in (
        "parse_prompt",
        "layout",
        "build_scene_graph",
        "render_minimap",
        "store_artifacts",
    )
    for phase in ("started", "succeeded")
]

# Variables of the service that must come from the stack, never from the outer environment.
_SERVICE_VARIABLES = (
    "JOBS_TABLE",
    "ARTIFACTS_BUCKET",
    "JOBS_QUEUE",
    "WEBHOOKS_QUEUE",
    "WEBHOOK_SECRET",
    "WEBHOOK_SECRET_PARAMETER",
    "WEBHOOK_MAX_ATTEMPTS",
    "WEBHOOK_ALLOW_PRIVATE",
    "WEBHOOK_ALLOW_HTTP",
    "INTERNAL_TOKEN",
    "INTERNAL_TOKEN_PREVIOUS",
    "INTERNAL_TOKEN_PARAMETER",
    "ORCHESTRATOR_URL",
    "ARTIFACT_URL_TTL_SECONDS",
    "RETENTION_DAYS",
    "JOBS_QUEUE_VISIBILITY_SECONDS",
    "WEBHOOKS_QUEUE_VISIBILITY_SECONDS",
    "INTERNAL_TOKEN_REFRESH_SECONDS",
    "INTERNAL_TOKEN_GRACE_SECONDS",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "AUTH_MODE",
    "SCENEGEN_API_KEY",
)


@dataclass(frozen=True)
class Resources:
    """One table, bucket, job queue and webhooks queue (each with its dead-letter queue), token
    parameter and, when asked for, webhook secret parameter."""

    endpoint: str
    table: str
    bucket: str
    queue: str
    token_parameter: str
    webhooks_queue: str | None = None
    webhook_secret_parameter: str | None = None
    api_key: str | None = None
    """The secret of the key `provision_resources` made (`scenegen keys create --name e2e`)."""
    api_key_id: str | None = None
    """Its id (`key_...`): the owner of the jobs it submits, which scopes their Idempotency-Keys."""

    def env(self) -> dict[str, str]:
        env = {
            "JOBS_TABLE": self.table,
            "ARTIFACTS_BUCKET": self.bucket,
            "JOBS_QUEUE": self.queue,
            "INTERNAL_TOKEN_PARAMETER": self.token_parameter,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_REGION": REGION,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_ACCESS_KEY_ID": os.environ.get("AWS_ACCESS_KEY_ID", "test"),
            "AWS_SECRET_ACCESS_KEY": os.environ.get("AWS_SECRET_ACCESS_KEY", "test"),
        }
        if self.webhooks_queue:
            env["WEBHOOKS_QUEUE"] = self.webhooks_queue
        if self.webhook_secret_parameter:
            env["WEBHOOK_SECRET_PARAMETER"] = self.webhook_secret_parameter
        return env

    def client(self, service: str) -> Any:
        """A plain (synchronous) botocore client on the emulator, for the tests' own checks."""
        config = Config(signature_version="s3v4", s3={"addressing_style": "path"})
        return botocore.session.get_session().create_client(
            service,
            region_name=REGION,
            endpoint_url=self.endpoint,
            aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "test"),
            aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "test"),
            config=config,
        )

    def internal_token(self) -> str:
        response = self.client("ssm").get_parameter(Name=self.token_parameter, WithDecryption=True)
        return str(response["Parameter"]["Value"])

    def webhook_secrets(self) -> str:
        """The value of the webhook secret parameter (space-separated whsec_ secrets)."""
        if not self.webhook_secret_parameter:
            raise ValueError("provisioned without a webhook secret parameter")
        response = self.client("ssm").get_parameter(
            Name=self.webhook_secret_parameter, WithDecryption=True
        )
        return str(response["Parameter"]["Value"])

    def queue_url(self) -> str:
        return str(self.client("sqs").get_queue_url(QueueName=self.queue)["QueueUrl"])

    def webhooks_queue_url(self) -> str:
        if not self.webhooks_queue:
            raise ValueError("provisioned without a webhooks queue")
        return str(self.client("sqs").get_queue_url(QueueName=self.webhooks_queue)["QueueUrl"])

    def job_item(self, job_id: str) -> dict[str, Any]:
        response = self.client("dynamodb").get_item(
            TableName=self.table, Key={"pk": {"S": f"job#{job_id}"}}, ConsistentRead=True
        )
        item: dict[str, Any] = response["Item"]
        return item


def outer_env() -> dict[str, str]:
    """The test run's environment without any of the service's own variables."""
    return _outer_env()


def provision_resources(
    endpoint: str,
    workdir: Path,
    retention_days: int = 14,
    *,
    webhook_secret_parameter: bool = False,
) -> Resources:
    """Fresh resources made by the real `scenegen provision` command.

    Always a webhooks queue; with `webhook_secret_parameter`, also an SSM parameter holding a
    generated webhook secret (provision makes it when WEBHOOK_SECRET_PARAMETER names one).
    """
    suffix = uuid.uuid4().hex[:10]
    resources = Resources(
        endpoint=endpoint,
        table=f"sg-e2e-jobs-{suffix}",
        bucket=f"sg-e2e-artifacts-{suffix}",
        queue=f"sg-e2e-jobs-{suffix}",
        token_parameter=f"/sg-e2e/{suffix}/internal-token",
        webhooks_queue=f"sg-e2e-webhooks-{suffix}",
        webhook_secret_parameter=(
            f"/sg-e2e/{suffix}/webhook-secret" if webhook_secret_parameter else None
        ),
    )
    env = {**_outer_env(), **resources.env(), "RETENTION_DAYS": str(retention_days)}
    result = subprocess.run(
        [SCENEGEN, "provision"],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"scenegen provision failed:\n{result.stdout}\n{result.stderr}")
    # Limits far above the defaults (60 a minute, 10 active; 1,000 active is the most a key may
    # have): the tests submit in bursts, and quotas have tests of their own
    # (test_api_keys_served.py).
    unlimited = ("--rate-per-minute", "1000000", "--max-active", str(MAX_ACTIVE_LIMIT))
    key_id, key = create_key(resources, workdir, "e2e", *unlimited)
    return dataclasses.replace(resources, api_key=key, api_key_id=key_id)


SECRET_LINE = "secret (shown once, store it now): "


def create_key(resources: Resources, workdir: Path, name: str, *options: str) -> tuple[str, str]:
    """A new key's id and secret, made by the real `scenegen keys create` in the resources'
    table."""
    result = subprocess.run(
        [SCENEGEN, "keys", "create", "--name", name, *options],
        env={**_outer_env(), **resources.env()},
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    secrets = [
        line.removeprefix(SECRET_LINE)
        for line in result.stdout.splitlines()
        if line.startswith(SECRET_LINE)
    ]
    ids = re.findall(r"^created (key_\S+) ", result.stdout, re.MULTILINE)
    if result.returncode != 0 or len(secrets) != 1 or len(ids) != 1:
        raise RuntimeError(f"scenegen keys create failed:\n{result.stderr}")
    return ids[0], secrets[0].strip()


_KEYS_BY_URL: dict[str, str] = {}
"""Each keyed API the stacks started, by its base URL: the key its requests carry."""


def api_headers(base_url: str) -> dict[str, str]:
    """`Authorization: Bearer` with the stack's key for the API at `base_url`; none for an API
    started with AUTH_MODE=none (or not started by a stack)."""
    key = _KEYS_BY_URL.get(base_url.rstrip("/"))
    return {"Authorization": f"Bearer {key}"} if key else {}


def delete_resources(resources: Resources) -> None:
    """Deletes what `provision_resources` made (an AWS_ENDPOINT_URL emulator outlives a run)."""
    s3 = resources.client("s3")
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=resources.bucket):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=resources.bucket, Key=item["Key"])
    s3.delete_bucket(Bucket=resources.bucket)
    dynamodb = resources.client("dynamodb")
    dynamodb.delete_table(TableName=resources.table)
    dynamodb.delete_table(TableName=f"{resources.table}-api-keys")  # provision makes it too
    sqs = resources.client("sqs")
    for queue in (resources.queue, resources.webhooks_queue):
        for name in (queue, f"{queue}-dlq") if queue else ():
            sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])
    ssm = resources.client("ssm")
    ssm.delete_parameter(Name=resources.token_parameter)
    if resources.webhook_secret_parameter:
        ssm.delete_parameter(Name=resources.webhook_secret_parameter)


def webhook_env(
    secret: str | None = None, *, allow_loopback: bool = True, max_attempts: int | None = None
) -> dict[str, str]:
    """The variables that turn webhooks on: WEBHOOK_SECRET when given (else the stack's
    WEBHOOK_SECRET_PARAMETER is used), and a receiver on 127.0.0.1 over http allowed."""
    env: dict[str, str] = {}
    if secret is not None:
        env["WEBHOOK_SECRET"] = secret
    if allow_loopback:
        env.update({"WEBHOOK_ALLOW_PRIVATE": "1", "WEBHOOK_ALLOW_HTTP": "1"})
    if max_attempts is not None:
        env["WEBHOOK_MAX_ATTEMPTS"] = str(max_attempts)
    return env


Service = ManagedProcess
"""One `scenegen` process of the stack."""


@dataclass
class PersistentStack:
    """API and worker processes on one set of resources; stops all of them on exit.

    `env` is given to every process (the webhook secret, say), before each one's own.
    """

    resources: Resources
    workdir: Path
    services: list[Service] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)

    def start_api(self, **env: str) -> Service:
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        service = self._start(f"api-{port}", ["serve", "--port", str(port)], env, base_url)
        service.wait_until_answers(f"{base_url}/readyz", START_TIMEOUT_SECONDS)
        return service

    def start_api_with_internal_port(self, **env: str) -> tuple[Service, str]:
        """An API serving the callbacks and /readyz on a port of their own, as deployed;
        returns it and that port's URL (the worker's ORCHESTRATOR_URL)."""
        port, internal_port = free_port(), free_port()
        base_url, internal_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{internal_port}"
        command = ["serve", "--port", str(port), "--internal-port", str(internal_port)]
        service = self._start(f"api-{port}", command, env, base_url)
        service.wait_until_answers(f"{internal_url}/readyz", START_TIMEOUT_SECONDS)
        return service, internal_url

    def start_worker(self, orchestrator_url: str, **env: str) -> Service:
        return self._start(
            f"worker-{len(self.services)}",
            ["worker"],
            {"ORCHESTRATOR_URL": orchestrator_url, **env},
        )

    def close(self) -> None:
        for service in reversed(self.services):
            service.stop()

    def logs(self) -> str:
        """Every process's log tail, for an assertion message."""
        return "\n".join(f"--- {s.name}\n{s.log_tail()}" for s in self.services)

    def __enter__(self) -> "PersistentStack":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _start(
        self, name: str, arguments: list[str], env: dict[str, str], base_url: str | None = None
    ) -> Service:
        merged = {**_outer_env(), **self.resources.env(), **self.env, **env}
        if (
            base_url
            and self.resources.api_key
            and merged.get("AUTH_MODE", "").strip().lower() != "none"
        ):
            _KEYS_BY_URL[base_url] = self.resources.api_key
        service = start_process(
            name,
            [SCENEGEN, *arguments],
            log_path=self.workdir / f"{name}.log",
            env=merged,
            inherit_env=False,
            cwd=self.workdir,
            base_url=base_url,
        )
        self.services.append(service)
        return service


SHARED_RETENTION_DAYS = 3
SHARED_URL_TTL_SECONDS = 900


@dataclass(frozen=True)
class SharedStack:
    """Two API processes and two workers on one table, bucket and queue.

    Worker 0 reports to API A and worker 1 to API B. Both APIs run with
    RETENTION_DAYS=3 and ARTIFACT_URL_TTL_SECONDS=900, the token from the SSM parameter.
    """

    resources: Resources
    stack: PersistentStack
    api_a: Service
    api_b: Service

    @property
    def base_url(self) -> str:
        return self.api_a.url


def _outer_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in _SERVICE_VARIABLES}


def get_job(base_url: str, job_id: str) -> dict[str, Any]:
    response = httpx.get(f"{base_url}/status/{job_id}", headers=api_headers(base_url), timeout=10.0)
    response.raise_for_status()
    job: dict[str, Any] = response.json()
    return job


def wait_for_job(
    base_url: str,
    job_id: str,
    until: Callable[[dict[str, Any]], bool] = lambda job: job["status"] in TERMINAL,
    *,
    timeout: float = 60.0,
    interval: float = 0.1,
) -> dict[str, Any]:
    """Poll GET /status until `until(job)` holds; fails with the last job seen on timeout."""
    deadline = time.monotonic() + timeout
    job = get_job(base_url, job_id)
    while not until(job):
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} never reached the expected state; last: {job}")
        time.sleep(interval)
        job = get_job(base_url, job_id)
    return job


def submit(base_url: str, body: dict[str, Any], idempotency_key: str | None = None) -> str:
    headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
    headers.update(api_headers(base_url))
    response = httpx.post(f"{base_url}/generate", json=body, headers=headers, timeout=10.0)
    assert response.status_code == 202, response.text
    job_id: str = response.json()["id"]
    return job_id


def step_ids(job: dict[str, Any]) -> list[str]:
    return [step["stepId"] for step in job["steps"]]
