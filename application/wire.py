"""The wire formats: camelCase JSON as clients, workers and webhook receivers read and send it.

One module for every shape that crosses the process boundary, owned by the application so the
HTTP interface (which serves them) and the adapters (the worker's step reporter, webhook
payloads) import the same definitions: the internal step callback, the status view sent by
`GET /status`, the event stream and webhooks, and a webhook's envelope.
"""

from datetime import datetime
from typing import Annotated, Any

import msgspec

from application.ports import ArtifactLinks
from application.use_cases.get_status import JobView
from application.webhooks.ports import WebhookEventType
from domain.jobs import (
    ArtifactRefs,
    InlineArtifacts,
    JobStatus,
    StepEvent,
    StepName,
    StepPhase,
    StoredArtifacts,
    step_id_for,
)

JOBS_PATH = "/status"
"""Where the job resources live: `{JOBS_PATH}/{id}`, its `/events`, `/cancel` and artifacts.
The HTTP routes are declared under it and every link in a body is built from it."""
EVENTS = "events"
CANCEL = "cancel"
SCENE_GRAPH_FILE = "scene-graph.json"
MINIMAP_FILE = "minimap.txt"
SCENE_SVG_FILE = "scene.svg"
"""The artifacts' names under a job's status URL (`GET /status/{id}/scene.svg`, ...)."""

TOKEN_HEADER = "X-INTERNAL-TOKEN"
"""The header carrying the shared secret on every callback."""

ObjectKey = Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]
SceneGraphJson = Annotated[
    msgspec.Raw,
    msgspec.Meta(
        description="Demo mode: the scene graph inline (its JSON Schema: GET "
        "/schemas/scene-graph.json)"
    ),
]
"""The scene graph as JSON text, sent and received as it is (never decoded into objects)."""


class ArtifactsWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """Inline content in demo mode, object keys in persistent mode. The SVG map (`sceneSvg`,
    `sceneSvgKey`) is optional: a worker of an earlier release sends none."""

    scene_graph: dict[str, Any] | None = None
    ascii_minimap: str | None = None
    scene_svg: str | None = None
    scene_graph_key: ObjectKey | None = None
    ascii_minimap_key: ObjectKey | None = None
    scene_svg_key: ObjectKey | None = None

    def to_domain(self) -> ArtifactRefs:
        if self.scene_graph is not None and self.ascii_minimap is not None:
            # Inline artifacts come over the wire only in tests (a demo worker reports in
            # process): kept as JSON text like the in-process path keeps them.
            graph = msgspec.Raw(msgspec.json.encode(self.scene_graph))
            return InlineArtifacts(
                scene_graph=graph, ascii_minimap=self.ascii_minimap, scene_svg=self.scene_svg
            )
        if self.scene_graph_key is not None and self.ascii_minimap_key is not None:
            return StoredArtifacts(
                scene_graph_key=self.scene_graph_key,
                ascii_minimap_key=self.ascii_minimap_key,
                scene_svg_key=self.scene_svg_key,
            )
        raise ValueError(
            "artifacts need sceneGraph and asciiMinimap, or sceneGraphKey and asciiMinimapKey"
        )

    @classmethod
    def from_domain(cls, refs: ArtifactRefs) -> "ArtifactsWire":
        if isinstance(refs, InlineArtifacts):
            graph: dict[str, Any] = msgspec.json.decode(refs.scene_graph)
            return cls(
                scene_graph=graph, ascii_minimap=refs.ascii_minimap, scene_svg=refs.scene_svg
            )
        return cls(
            scene_graph_key=refs.scene_graph_key,
            ascii_minimap_key=refs.ascii_minimap_key,
            scene_svg_key=refs.scene_svg_key,
        )


class StepWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """A step as it travels: the domain's StepRecord in camelCase, with the wire's limits.

    The one wire shape of a step: `GET /status` lists these, and a callback's event is one
    with its artifacts. Both convert from the domain with msgspec (`from_attributes`).
    """

    step_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    name: StepName
    phase: StepPhase
    at: datetime
    duration_ms: Annotated[int, msgspec.Meta(ge=0, le=86_400_000)] | None = None
    error: Annotated[str, msgspec.Meta(max_length=2000)] | None = None


class StepEventWire(StepWire, frozen=True, kw_only=True):
    """A worker's report of one step (the internal callback's body)."""

    artifacts: ArtifactsWire | None = None

    def to_domain(self) -> StepEvent:
        expected = step_id_for(self.name, self.phase)
        if self.step_id != expected:
            raise ValueError(f"stepId must be {expected!r} for this step and phase")
        if self.at.tzinfo is None:
            raise ValueError("at must carry a time zone offset")
        artifacts = self.artifacts.to_domain() if self.artifacts is not None else None
        fields = msgspec.structs.replace(self, artifacts=None)
        event = msgspec.convert(fields, StepEvent, from_attributes=True)
        return msgspec.structs.replace(event, artifacts=artifacts)

    @classmethod
    def from_domain(cls, event: StepEvent) -> "StepEventWire":
        wire = msgspec.convert(
            msgspec.structs.replace(event, artifacts=None), cls, from_attributes=True
        )
        if event.artifacts is None:
            return wire
        return msgspec.structs.replace(wire, artifacts=ArtifactsWire.from_domain(event.artifacts))


class StepAckWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    applied: bool
    job_status: JobStatus


class JobLinks(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """Where to read, follow and cancel a job: absolute URLs on `base_url`, the API's origin as
    the client called it (or PUBLIC_BASE_URL); relative to it when `base_url` is empty."""

    status_url: str
    events_url: str
    cancel_url: str

    @classmethod
    def of(cls, job_id: str, base_url: str = "") -> "JobLinks":
        status_url = status_url_of(job_id, base_url)
        return cls(
            status_url=status_url,
            events_url=f"{status_url}/{EVENTS}",
            cancel_url=f"{status_url}/{CANCEL}",
        )


def status_url_of(job_id: str, base_url: str = "") -> str:
    return f"{base_url}{JOBS_PATH}/{job_id}"


class RequestWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    prompt: str
    seed: int
    width: int
    height: int


InlineMinimap = Annotated[
    str, msgspec.Meta(description="Demo mode: the ASCII minimap and its legend, inline")
]
SceneGraphUrl = Annotated[
    str,
    msgspec.Meta(
        description="The scene graph (JSON): demo mode, this API's "
        "`/status/{id}/scene-graph.json`; persistent mode, a presigned S3 GET URL"
    ),
]
MinimapUrl = Annotated[
    str,
    msgspec.Meta(
        description="The ASCII minimap (text): demo mode, this API's `/status/{id}/minimap.txt`; "
        "persistent mode, a presigned S3 GET URL"
    ),
]
SceneSvgUrl = Annotated[
    str,
    msgspec.Meta(
        description="The scene drawn as an SVG map (`image/svg+xml`): demo mode, this API's "
        "`/status/{id}/scene.svg`; persistent mode, a presigned S3 GET URL like the other two"
    ),
]


class JobResult(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """A done job's artifacts. Both modes: `sceneGraphUrl`, `asciiMinimapUrl` and `sceneSvgUrl`
    (demo mode: this API's own artifact endpoints; persistent mode: presigned S3 GET URLs,
    minted fresh on every request, valid until `urlsExpireAt`, and the object keys). Demo mode
    also has `sceneGraph` and `asciiMinimap` inline."""

    scene_graph: SceneGraphJson | None = None
    ascii_minimap: InlineMinimap | None = None
    scene_graph_url: SceneGraphUrl | None = None
    ascii_minimap_url: MinimapUrl | None = None
    scene_svg_url: SceneSvgUrl | None = None
    urls_expire_at: datetime | None = None
    scene_graph_key: str | None = None
    ascii_minimap_key: str | None = None
    scene_svg_key: str | None = None


class ErrorWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    step: str
    message: str


class WebhookWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """How delivery of the job's webhook has gone: attempts made, the last success, the last
    failure (cleared by a success)."""

    attempts: int
    delivered_at: datetime | None
    last_error: str | None


class JobStatusResponse(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    id: str
    status: JobStatus
    created_at: datetime
    updated_at: datetime
    request: RequestWire
    steps: list[StepWire]
    status_url: str
    events_url: str
    cancel_url: str
    webhook: WebhookWire | None = None
    result: JobResult | None
    error: ErrorWire | None

    @classmethod
    def of(cls, view: JobView, base_url: str = "") -> "JobStatusResponse":
        """The view with its links on `base_url` (see `JobLinks`)."""
        job = view.job
        links = JobLinks.of(job.id, base_url)
        webhook = job.webhook
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
            status_url=links.status_url,
            events_url=links.events_url,
            cancel_url=links.cancel_url,
            webhook=WebhookWire(
                attempts=webhook.attempts,
                delivered_at=webhook.delivered_at,
                last_error=webhook.last_error,
            )
            if webhook is not None
            else None,
            result=_result(view, base_url),
            error=ErrorWire(step=job.error.step, message=job.error.message) if job.error else None,
        )


def _result(view: JobView, base_url: str) -> JobResult | None:
    refs = view.job.result
    if isinstance(refs, InlineArtifacts):
        status_url = status_url_of(view.job.id, base_url)
        return JobResult(
            scene_graph=refs.scene_graph,
            ascii_minimap=refs.ascii_minimap,
            scene_graph_url=f"{status_url}/{SCENE_GRAPH_FILE}",
            ascii_minimap_url=f"{status_url}/{MINIMAP_FILE}",
            scene_svg_url=f"{status_url}/{SCENE_SVG_FILE}" if refs.scene_svg is not None else None,
        )
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
        scene_svg_url=links.scene_svg_url,
        scene_svg_key=links.scene_svg_key,
    )


class StatusChangeWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """The data of an `event: status`."""

    id: str
    status: JobStatus
    updated_at: datetime


class WebhookBody(msgspec.Struct, frozen=True, kw_only=True):
    """A webhook's body, as Standard Webhooks shape it: the status view for a terminal event,
    the step for `job.step`."""

    type: WebhookEventType
    timestamp: datetime
    data: JobStatusResponse | StepWire
