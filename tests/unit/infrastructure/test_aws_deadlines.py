"""AWS clients' deadlines: a hung queue fails enqueue quickly; failures are named by their cause."""

import time

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError

from application.errors import DependencyUnavailable
from application.ports import QueuedJob
from infrastructure.aws import clients
from infrastructure.aws.errors import failure_kind, unavailable
from infrastructure.aws.sqs_job_queue import SqsJobQueue
from infrastructure.aws.sqs_queue import MAX_WAIT_SECONDS
from tests.fakes import a_request
from tests.silent_server import SilentServer


async def test_enqueue_on_a_hung_queue_fails_as_timed_out_within_its_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The SQS client's reads outlast a 20 s long poll; enqueue has a deadline of its own."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    server = SilentServer()
    endpoint = f"http://127.0.0.1:{server.port}"
    try:
        async with clients.sqs_client(clients.new_session(), "us-east-1", endpoint) as sqs:
            queue = SqsJobQueue(sqs, f"{endpoint}/000000000000/jobs")
            started = time.monotonic()
            with pytest.raises(DependencyUnavailable) as raised:
                await queue.enqueue(QueuedJob(job_id="j1", request=a_request()))
            elapsed = time.monotonic() - started
    finally:
        server.close()
    assert failure_kind(raised.value) == "timed out", raised.value
    assert elapsed < 10.0, f"enqueue on a hung queue took {elapsed:.2f} s"


def client_error(code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "arn:aws:secret"}}, "GetItem")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (ReadTimeoutError(endpoint_url="http://x"), "timed out"),
        (TimeoutError(), "timed out"),
        (
            EndpointConnectionError(endpoint_url="http://x", error=ConnectionRefusedError()),
            "refused",
        ),
        (
            EndpointConnectionError(endpoint_url="http://x", error=OSError("no route")),
            "unreachable",
        ),
        (client_error("ProvisionedThroughputExceededException"), "throttled"),
        (client_error("ThrottlingException"), "throttled"),
        (client_error("AccessDeniedException"), "denied"),
        (client_error("UnrecognizedClientException"), "denied"),
        (client_error("ResourceNotFoundException"), "failed"),
    ],
)
def test_failure_kind_names_the_cause_through_dependency_unavailable(
    error: Exception, kind: str
) -> None:
    try:
        raise unavailable("job store", error) from error
    except DependencyUnavailable as wrapped:
        assert failure_kind(wrapped) == kind
        assert "arn:aws" not in str(wrapped)


def test_request_path_clients_give_up_after_two_short_attempts() -> None:
    deadlines = clients.REQUEST_PATH
    assert deadlines.connect_seconds <= 1 and deadlines.read_seconds <= 1
    assert deadlines.max_attempts == 2
    assert clients.QUEUE.read_seconds > MAX_WAIT_SECONDS, "a long poll must not time out"
