"""The public request schemas and the 202 answer; the shapes shared with the adapters (the
status view, steps, webhook bodies) are `application.wire`'s."""

from typing import Annotated, Literal

import msgspec

from application.wire import JobLinks, JobStatusResponse
from domain.jobs import JobStatus
from domain.jobs.limits import HEIGHT, MAX_PROMPT_LENGTH, MAX_SEED, PROMPT_WHITESPACE, WIDTH

_WHITESPACE = "".join(f"\\x{ord(character):02x}" for character in PROMPT_WHITESPACE)
_SPACE = f"[{_WHITESPACE}]"
_NON_SPACE = f"[^{_WHITESPACE}]"
PROMPT_PATTERN = (
    f"^{_SPACE}*{_NON_SPACE}(?:[\\s\\S]{{0,{MAX_PROMPT_LENGTH - 2}}}{_NON_SPACE})?{_SPACE}*$"
)
"""1..MAX_PROMPT_LENGTH characters once PROMPT_WHITESPACE is trimmed from both ends."""


Seed = Annotated[
    int,
    msgspec.Meta(ge=0, le=MAX_SEED, description="0..2^32-1; random and recorded when absent"),
]
Width = Annotated[
    int, msgspec.Meta(ge=WIDTH.low, le=WIDTH.high, description=f"Map width in cells, {WIDTH}")
]
Height = Annotated[
    int, msgspec.Meta(ge=HEIGHT.low, le=HEIGHT.high, description=f"Map height in cells, {HEIGHT}")
]


WebhookUrl = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=2048,
        description=(
            "An absolute https URL called (signed, Standard Webhooks) when the job ends, and on "
            "each step if `webhookEvents` has `step`. Loopback, private, link-local and cloud "
            "metadata addresses are refused."
        ),
        examples=["https://example.com/hooks/scenegen"],
    ),
]
WebhookEvents = Annotated[
    tuple[Literal["terminal", "step"], ...],
    msgspec.Meta(
        min_length=1,
        max_length=2,
        description='Which events to send: "terminal" (job.done, job.failed, job.canceled), "step"',
    ),
]


class GenerateRequest(
    msgspec.Struct, frozen=True, kw_only=True, rename="camel", forbid_unknown_fields=True
):
    prompt: Annotated[
        str,
        msgspec.Meta(
            description=(
                f"An English description of a place; 1..{MAX_PROMPT_LENGTH} characters after "
                "trimming"
            ),
            examples=["a village with three houses north of a river"],
            # Documented, not enforced by msgspec: the handler checks it with a clearer message.
            extra_json_schema={"pattern": PROMPT_PATTERN},
        ),
    ]
    seed: Seed | None = None
    width: Width = WIDTH.default
    height: Height = HEIGHT.default
    webhook: WebhookUrl | None = None
    webhook_events: WebhookEvents = ("terminal",)


class JobAccepted(JobLinks, frozen=True, kw_only=True, rename="camel"):
    """A queued job: its id and status, and its links."""

    id: str
    status: JobStatus

    @classmethod
    def queued(cls, job_id: str, status: JobStatus, base_url: str = "") -> "JobAccepted":
        links = msgspec.structs.asdict(JobLinks.of(job_id, base_url))
        return cls(id=job_id, status=status, **links)


class HealthResponse(msgspec.Struct, frozen=True, kw_only=True):
    status: str
    checks: dict[str, str] = {}


class JobListResponse(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """A page of the caller's jobs, newest first (`GET /jobs`)."""

    items: list[JobStatusResponse]
    next_cursor: str | None
    """Give it back as `cursor` for the next page; null on the last page."""
