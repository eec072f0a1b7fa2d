"""The status view of a job as clients read it: `GET /status`, the event stream's final event and
webhook bodies all send this one shape (camelCase JSON)."""

from datetime import datetime
from typing import Annotated

import msgspec

from application.ports import ArtifactLinks
from application.use_cases.get_status import JobView
from domain.jobs import InlineArtifacts, JobStatus
from infrastructure.step_callback_wire import SceneGraphJson, StepWire

SCENE_SVG_FILE = "scene.svg"
"""The SVG map's name under a job's status URL (`GET /status/{id}/scene.svg`)."""


class JobLinks(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """Where to read, follow and cancel a job; relative to the API's origin."""

    status_url: str
    events_url: str
    cancel_url: str

    @classmethod
    def of(cls, job_id: str) -> "JobLinks":
        status_url = f"/status/{job_id}"
        return cls(
            status_url=status_url,
            events_url=f"{status_url}/events",
            cancel_url=f"{status_url}/cancel",
        )


class RequestWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    prompt: str
    seed: int
    width: int
    height: int


class JobResult(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """Demo mode: `sceneGraph` and `asciiMinimap` inline, and `sceneSvgUrl` the API's own
    `scene.svg` endpoint. Persistent mode: presigned URLs (minted fresh on every request, valid
    until `urlsExpireAt`) and the object keys."""

    scene_graph: SceneGraphJson | None = None
    ascii_minimap: str | None = None
    scene_graph_url: str | None = None
    ascii_minimap_url: str | None = None
    scene_svg_url: (
        Annotated[
            str,
            msgspec.Meta(
                description=(
                    "The scene drawn as an SVG map (`image/svg+xml`): demo mode, this API's "
                    "`/status/{id}/scene.svg`; persistent mode, a presigned S3 GET URL like "
                    "the other two"
                )
            ),
        ]
        | None
    ) = None
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
    # `result` and `error` stay the last two fields: StatusBodies splices fresh links there.
    result: JobResult | None
    error: ErrorWire | None

    @classmethod
    def of(cls, view: JobView) -> "JobStatusResponse":
        job = view.job
        links = JobLinks.of(job.id)
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
            result=_result(view),
            error=ErrorWire(step=job.error.step, message=job.error.message) if job.error else None,
        )


def _result(view: JobView) -> JobResult | None:
    refs = view.job.result
    if isinstance(refs, InlineArtifacts):
        return JobResult(
            scene_graph=refs.scene_graph,
            ascii_minimap=refs.ascii_minimap,
            scene_svg_url=f"{JobLinks.of(view.job.id).status_url}/{SCENE_SVG_FILE}"
            if refs.scene_svg is not None
            else None,
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
