"""The one AWS endpoint the integration tests use, with fresh clients and resources per test.

The endpoint is, in order: `AWS_ENDPOINT_URL` when set; LocalStack in Docker when a Docker
daemon answers; MiniStack started from `<repo>/.venv-emulator/bin/ministack` as a local
process. With none of them the tests fail: they are never skipped.
"""

import os
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from infrastructure.aws import clients
from infrastructure.aws.provision import ensure_bucket, ensure_queue, ensure_table

REPO_ROOT = Path(__file__).resolve().parents[2]
MINISTACK = REPO_ROOT / ".venv-emulator" / "bin" / "ministack"
LOCALSTACK_IMAGE = "localstack/localstack:4.14.0"
REGION = "us-east-1"
RETENTION_DAYS = 14
EMULATOR_START_SECONDS = 60

_DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_REGION": REGION,
}


@pytest.fixture(scope="session")
def aws_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An AWS-compatible endpoint for the whole session, with dummy credentials in the env."""
    with pytest.MonkeyPatch.context() as env, ExitStack() as stack:
        given = os.environ.get("AWS_ENDPOINT_URL")
        if given:
            for name, value in _DUMMY_CREDENTIALS.items():
                env.setenv(name, os.environ.get(name, value))
            yield given
            return
        for name, value in _DUMMY_CREDENTIALS.items():
            env.setenv(name, value)
        env.delenv("AWS_PROFILE", raising=False)
        env.delenv("AWS_SESSION_TOKEN", raising=False)
        if _docker_answers() and _localstack_importable():
            yield stack.enter_context(_localstack())
            return
        if MINISTACK.exists():
            yield stack.enter_context(_ministack(tmp_path_factory.mktemp("ministack")))
            return
        pytest.fail(
            "integration tests need an AWS endpoint: set AWS_ENDPOINT_URL, start a Docker daemon "
            f"(for {LOCALSTACK_IMAGE}), or install MiniStack: python3.11 -m venv .venv-emulator "
            "&& .venv-emulator/bin/pip install ministack==1.5.33",
            pytrace=False,
        )


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


def _localstack_importable() -> bool:
    """testcontainers' LocalStack module needs boto3 (`testcontainers[localstack]`)."""
    try:
        import testcontainers.community.localstack  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def _localstack() -> Iterator[str]:
    from testcontainers.community.localstack import LocalStackContainer

    container = LocalStackContainer(image=LOCALSTACK_IMAGE, region_name=REGION)
    # LocalStack skips presigned-URL checks by default; the expiry and tamper tests need them.
    container.with_env("S3_SKIP_SIGNATURE_VALIDATION", "0")
    with container:
        yield container.get_url()


@contextmanager
def _ministack(workdir: Path) -> Iterator[str]:
    port = _free_loopback_port()
    url = f"http://127.0.0.1:{port}"
    log_path = workdir / "ministack.log"
    env = {
        **os.environ,
        "GATEWAY_PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "IOT_MTLS_ENABLED": "0",
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(MINISTACK)], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_healthy(url, process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + EMULATOR_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"MiniStack exited with {process.returncode}:\n{_tail(log_path)}", pytrace=False
            )
        try:
            if httpx.get(f"{url}/_ministack/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    pytest.fail(f"MiniStack did not become healthy:\n{_tail(log_path)}", pytrace=False)


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def unique_name(kind: str) -> str:
    """Lowercase, 3..63 characters of [a-z0-9-]: valid for tables, buckets, queues, parameters."""
    return f"sg-test-{kind}-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def new_name() -> Callable[[str], str]:
    """Makes fresh resource names for tests that create their own resources."""
    return unique_name


@pytest.fixture
async def dynamodb(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.dynamodb_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def s3(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.s3_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def sqs(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.sqs_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def ssm(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.ssm_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def jobs_table(dynamodb: Any) -> AsyncIterator[str]:
    """A fresh table as `scenegen provision` makes it."""
    name = unique_name("jobs")
    await ensure_table(dynamodb, name)
    yield name
    await dynamodb.delete_table(TableName=name)


@pytest.fixture
async def artifacts_bucket(s3: Any) -> AsyncIterator[str]:
    name = unique_name("artifacts")
    await ensure_bucket(s3, name, retention_days=RETENTION_DAYS)
    yield name
    listed = await s3.list_objects_v2(Bucket=name)
    for item in listed.get("Contents", []):
        await s3.delete_object(Bucket=name, Key=item["Key"])
    await s3.delete_bucket(Bucket=name)


class Queues:
    """A job queue and its dead-letter queue, as `scenegen provision` makes them."""

    def __init__(self, url: str, dead_letter_url: str) -> None:
        self.url = url
        self.dead_letter_url = dead_letter_url


@pytest.fixture
async def queues(sqs: Any) -> AsyncIterator[Queues]:
    name = unique_name("jobs")
    await ensure_queue(sqs, name)
    url = (await sqs.get_queue_url(QueueName=name))["QueueUrl"]
    dead_letter_url = (await sqs.get_queue_url(QueueName=f"{name}-dlq"))["QueueUrl"]
    yield Queues(url, dead_letter_url)
    await sqs.delete_queue(QueueUrl=url)
    await sqs.delete_queue(QueueUrl=dead_letter_url)


@pytest.fixture
def parameter_name() -> str:
    """A fresh SSM parameter name; the test puts the parameter itself."""
    return f"/scenegen-test/{uuid.uuid4().hex[:12]}/internal-token"
