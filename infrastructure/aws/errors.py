"""Botocore failures translated into the application's DependencyUnavailable, without AWS names."""

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from application.errors import DependencyUnavailable


def error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def unavailable(dependency: str, error: Exception) -> DependencyUnavailable:
    """Names the failure by its kind only: AWS messages carry table, bucket and queue names."""
    detail = error_code(error) if isinstance(error, ClientError) else type(error).__name__
    return DependencyUnavailable(dependency, detail or "error")


@contextmanager
def reported_as(dependency: str) -> Iterator[None]:
    """Any botocore failure inside the block becomes DependencyUnavailable(dependency)."""
    try:
        yield
    except (ClientError, BotoCoreError) as error:
        raise unavailable(dependency, error) from error


_THROTTLED = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestLimitExceeded",
        "ProvisionedThroughputExceededException",
        "TooManyRequestsException",
        "SlowDown",
    }
)
_DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidSignatureException",
        "ExpiredToken",
        "ExpiredTokenException",
        "Forbidden",
        "403",
    }
)


def failure_kind(error: BaseException) -> str:
    """Why a dependency call failed, in words an operator can act on.

    `timed out` (connected, no answer; or no connection in time), `refused` (nothing listens),
    `unreachable` (no route or name), `throttled`, `denied`, or `failed` (anything else).
    """
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
            return "timed out"
        if isinstance(seen, EndpointConnectionError):
            cause = seen.kwargs.get("error")
            refused = isinstance(cause, ConnectionRefusedError) or isinstance(
                getattr(cause, "os_error", None), ConnectionRefusedError
            )
            return "refused" if refused else "unreachable"
        if isinstance(seen, ConnectionRefusedError):
            return "refused"
        if isinstance(seen, ClientError):
            code = error_code(seen)
            if code in _THROTTLED:
                return "throttled"
            if code in _DENIED:
                return "denied"
            return "failed"
        seen = seen.__cause__ or seen.__context__
    return "failed"
