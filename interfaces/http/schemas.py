"""Public wire schemas: camelCase JSON, translated to and from the domain here only."""

from datetime import datetime
from typing import Annotated, Any

import msgspec

from application.ports import ArtifactLinks
from application.use_cases.get_status import JobView
from domain.jobs import InlineArtifacts, JobStatus
from infrastructure.step_callback_wire import StepWire

MAX_PROMPT_LENGTH = 2000
TRIMMED = " \t\n\r\x0b\x0c"
"""The whitespace trimmed from a prompt: spelled out, so that the schema's pattern and the
server agree (`\\s` differs between Python, ECMA-262 and other regex engines)."""
_SPACE = "[ \\t\\n\\r\\x0b\\x0c]"
_NON_SPACE = "[^ \\t\\n\\r\\x0b\\x0c]"
PROMPT_PATTERN = (
    f"^{_SPACE}*{_NON_SPACE}(?:[\\s\\S]{{0,{MAX_PROMPT_LENGTH - 2}}}{_NON_SPACE})?{_SPACE}*$"
)
"""1..2000 characters once TRIMMED is stripped from both ends."""


def trimmed_prompt(prompt: str) -> str:
    return prompt.strip(TRIMMED)


Seed = Annotated[
    int, msgspec.Meta(ge=0, le=2**32 - 1, description="0..2^32-1; random and recorded when absent")
]
Width = Annotated[int, msgspec.Meta(ge=16, le=256, description="Map width in cells")]
Height = Annotated[int, msgspec.Meta(ge=8, le=128, description="Map height in cells")]


class GenerateRequest(
    msgspec.Struct, frozen=True, kw_only=True, rename="camel", forbid_unknown_fields=True
):
    prompt: Annotated[
        str,
        msgspec.Meta(
            description="An English description of a place; 1..2000 characters after trimming",
            examples=["a village with three houses north of a river"],
            # Documented, not enforced by msgspec: the handler checks it with a clearer message.
            extra_json_schema={"pattern": PROMPT_PATTERN},
        ),
    ]
    seed: Seed | None = None
    width: Width = 48
    height: Height = 24


class JobAccepted(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    id: str
    status: JobStatus
    status_url: str


class RequestWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    prompt: str
    seed: int
    width: int
    height: int


class JobResult(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """Demo mode: `sceneGraph` and `asciiMinimap` inline. Persistent mode: presigned URLs
    (minted fresh on every request, valid until `urlsExpireAt`) and the object keys."""

    scene_graph: dict[str, Any] | None = None
    ascii_minimap: str | None = None
    scene_graph_url: str | None = None
    ascii_minimap_url: str | None = None
    urls_expire_at: datetime | None = None
    scene_graph_key: str | None = None
    ascii_minimap_key: str | None = None


class ErrorWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    step: str
    message: str


class JobStatusResponse(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    id: str
    status: JobStatus
    created_at: datetime
    updated_at: datetime
    request: RequestWire
    steps: list[StepWire]
    result: JobResult | None
    error: ErrorWire | None

    @classmethod
    def of(cls, view: JobView) -> "JobStatusResponse":
        job = view.job
        return cls(
            id=job.id,
            status=job.status,
            created_at=job.created_at,
            updated_at=job.updated_at,
            request=RequestWire(
                prompt=job.request.prompt,
                seed=job.request.seed,
                width=job.request.width,
                height=job.request.height,
            ),
            steps=msgspec.convert(job.ordered_steps(), list[StepWire], from_attributes=True),
            result=_result(view),
            error=ErrorWire(step=job.error.step, message=job.error.message) if job.error else None,
        )


def _result(view: JobView) -> JobResult | None:
    refs = view.job.result
    if isinstance(refs, InlineArtifacts):
        return JobResult(scene_graph=refs.scene_graph, ascii_minimap=refs.ascii_minimap)
    if view.links is not None:
        return linked_result(view.links)
    return None


def linked_result(links: ArtifactLinks) -> JobResult:
    return JobResult(
        scene_graph_url=links.scene_graph_url,
        ascii_minimap_url=links.ascii_minimap_url,
        urls_expire_at=links.expires_at,
        scene_graph_key=links.scene_graph_key,
        ascii_minimap_key=links.ascii_minimap_key,
    )


class HealthResponse(msgspec.Struct, frozen=True, kw_only=True):
    status: str
    checks: dict[str, str] = {}
