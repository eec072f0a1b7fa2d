"""The one AWS endpoint every test that needs AWS uses, shared by the whole session.

The endpoint is, in order: `AWS_ENDPOINT_URL` when set; LocalStack in Docker when a Docker
daemon answers; MiniStack started from `<repo>/.venv-emulator/bin/ministack` as a local
process. With none of them the tests fail: they are never skipped.
"""

import os
import signal
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.managed_process import ManagedProcess, ProcessDidNotStart, free_port, managed_process

REPO_ROOT = Path(__file__).resolve().parents[1]
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
def ministack_process(workdir: Path) -> Iterator[tuple[str, ManagedProcess]]:
    """A MiniStack of its own on a free port: its URL and its process (to freeze, say); a
    frozen one is resumed before it is stopped."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"GATEWAY_PORT": str(port), "BIND_HOST": "127.0.0.1", "IOT_MTLS_ENABLED": "0"}
    with managed_process(
        "MiniStack",
        [str(MINISTACK)],
        log_path=workdir / "ministack.log",
        env=env,
        cwd=workdir,
        ready_url=f"{url}/_ministack/health",
        ready_timeout=EMULATOR_START_SECONDS,
    ) as emulator:
        try:
            yield url, emulator
        finally:
            os.kill(emulator.process.pid, signal.SIGCONT)


@contextmanager
def _ministack(workdir: Path) -> Iterator[str]:
    with ExitStack() as running:
        try:
            url, _ = running.enter_context(ministack_process(workdir))
        except ProcessDidNotStart as failure:
            pytest.fail(str(failure), pytrace=False)
        yield url
