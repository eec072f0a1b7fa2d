"""Services for the browser tests: the real `scenegen serve`, and in-process apps whose jobs
fail or never start (a broken artifact store, a queue that delivers nothing)."""

import asyncio
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from dependency_injector import providers

from application.errors import DependencyUnavailable
from application.ports import ArtifactFile, ArtifactLinks, RenderedArtifacts
from domain.jobs import ArtifactRefs, StoredArtifacts
from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.settings import Settings
from interfaces.cli.embedded_server import serving
from interfaces.http.app import create_app

TOKEN = "browser-token-0123456789abcdef"


class FullArtifactStore:
    """Every save fails as a full disk would: the job fails at `store_artifacts`."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        raise OSError("disk full")

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None

    async def delete(self, refs: ArtifactRefs) -> None:
        return None

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        raise OSError("disk full")

    async def check(self) -> None:
        return None


class LinkingArtifactStore:
    """Stores as an object store does (persistent mode), in memory: `GET /status` shows
    presigned-looking links on another origin (which the page must never fetch), and the
    first `unavailable_reads` reads fail as a bucket that does not answer."""

    def __init__(self, unavailable_reads: int = 0) -> None:
        self.unavailable_reads = unavailable_reads
        self.reads = 0
        self._objects: dict[str, RenderedArtifacts] = {}

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        refs = StoredArtifacts(
            scene_graph_key=f"jobs/{job_id}/scene-graph.json",
            ascii_minimap_key=f"jobs/{job_id}/minimap.txt",
            scene_svg_key=f"jobs/{job_id}/scene.svg",
        )
        self._objects[refs.scene_graph_key] = artifacts
        return refs

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        if not isinstance(refs, StoredArtifacts):
            return None
        bucket = "https://bucket.s3.invalid/"
        return ArtifactLinks(
            scene_graph_url=f"{bucket}{refs.scene_graph_key}?X-Amz-Signature=0",
            ascii_minimap_url=f"{bucket}{refs.ascii_minimap_key}?X-Amz-Signature=0",
            expires_at=now + timedelta(minutes=15),
            scene_graph_key=refs.scene_graph_key,
            ascii_minimap_key=refs.ascii_minimap_key,
            scene_svg_url=f"{bucket}{refs.scene_svg_key}?X-Amz-Signature=0",
            scene_svg_key=refs.scene_svg_key,
        )

    async def delete(self, refs: ArtifactRefs) -> None:
        if isinstance(refs, StoredArtifacts):
            self._objects.pop(refs.scene_graph_key, None)

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        assert isinstance(refs, StoredArtifacts)
        self.reads += 1
        if self.reads <= self.unavailable_reads:
            raise DependencyUnavailable("artifact store", "SlowDown")
        stored = self._objects[refs.scene_graph_key]
        if file == "scene_graph":
            return stored.scene_graph_json
        if file == "scene_svg":
            return stored.scene_svg.encode()
        return stored.ascii_minimap.encode()

    async def check(self) -> None:
        return None


@contextmanager
def in_process_service(**overrides: object) -> Iterator[str]:
    """A demo-mode app with some adapters replaced, served by uvicorn in a thread of its own
    (Playwright's sync API owns the test's thread); yields its base URL."""
    container = Container(settings=Settings(internal_token=TOKEN))
    for name, provider in overrides.items():
        getattr(container, name).override(providers.Object(provider))
    app = create_app(ApiRuntime(container))
    started: queue.Queue[str | BaseException] = queue.Queue()
    stop = threading.Event()

    async def serve() -> None:
        try:
            async with serving(app) as base_url:
                started.put(base_url)
                await asyncio.to_thread(stop.wait)
        except BaseException as error:
            started.put(error)
            raise

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    outcome = started.get(timeout=30)
    if isinstance(outcome, BaseException):
        raise outcome
    try:
        yield outcome
    finally:
        stop.set()
        thread.join(timeout=30)
