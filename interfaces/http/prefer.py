"""The `Prefer: wait=N` request preference (RFC 7240): its description written once, a declared
parameter on POST /generate, read from the request on the GET /status hot path."""

import re
from typing import Annotated, Any

from litestar import Request
from litestar.enums import ParamType
from litestar.openapi.spec import OpenAPIType, Parameter, Schema
from litestar.params import HeaderParameter
from litestar.types import Scope

from application.use_cases.follow_job import MAX_WAIT_SECONDS as MAX_WAIT_SECONDS

MIN_WAIT_SECONDS = 1
_WAIT = re.compile(r"^\s*wait\s*=\s*\"?(\d{1,6})\"?\s*$", re.IGNORECASE)

_DESCRIPTION = (
    f"`wait=N` (RFC 7240), N in {MIN_WAIT_SECONDS}..{MAX_WAIT_SECONDS}: answer when the job has "
    "ended or N seconds have passed, whichever is first. `Preference-Applied` says when it was "
    "honoured. Other preferences, and a malformed `wait`, are ignored (RFC 7240)."
)
Prefer = Annotated[
    str | None, HeaderParameter(name="Prefer", required=False, description=_DESCRIPTION)
]
"""The header as a handler parameter: `prefer: Prefer = None`, read with `requested_wait_of`."""

PREFER_ON_THE_HOT_PATH = Parameter(
    name="Prefer",
    param_in=ParamType.HEADER,
    required=False,
    schema=Schema(type=OpenAPIType.STRING),
    description=_DESCRIPTION,
)
"""The same header documented for GET /status, which reads it with `prefer_header`: a declared
header parameter makes Litestar parse every request's headers, measured under load (wrk,
bench/bench_api.py) at about 14 µs of CPU a request, a quarter of the poll's cost (off/bare
0.82 with it, 1.24 without)."""


def prefer_header(scope: Scope) -> str | None:
    """Every `Prefer` field of the request, joined as one list (RFC 9110 5.3)."""
    values = [value.decode("latin-1") for name, value in scope["headers"] if name == b"prefer"]
    return ",".join(values) if values else None


def requested_wait_of(prefer: str | None, request: Request[Any, Any, Any]) -> int | None:
    """`requested_wait` of every `Prefer` field: Litestar hands the declared parameter the first
    field only, and several fields are one comma-separated list (RFC 9110 5.3)."""
    if prefer is None:
        return None
    return requested_wait(",".join(request.headers.getall("prefer")))


def requested_wait(prefer: str | None) -> int | None:
    """Seconds to wait, from the first `wait` preference among comma- or `;`-separated ones.

    Above 60 is held to 60 (and `Preference-Applied` says so); 0, a malformed value or no
    preference means no wait, as a server ignores a preference it cannot honour.
    """
    if not prefer:
        return None
    for preference in prefer.split(","):
        match = _WAIT.match(preference.split(";", 1)[0])
        if match is None:
            continue
        seconds = int(match.group(1))
        return min(seconds, MAX_WAIT_SECONDS) if seconds >= MIN_WAIT_SECONDS else None
    return None


def preference_applied(seconds: int) -> dict[str, str]:
    return {"Preference-Applied": f"wait={seconds}"}
