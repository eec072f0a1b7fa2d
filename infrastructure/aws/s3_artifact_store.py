"""S3ArtifactStore: a finished job's artifacts as S3 objects, read through presigned GET URLs
(clients) or GetObject (the API, for same-origin reads)."""

import asyncio
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from application.errors import ArtifactMissing
from application.ports import ArtifactFile, ArtifactLinks, RenderedArtifacts
from domain.jobs import ArtifactRefs, InlineArtifacts, StoredArtifacts
from infrastructure.aws.deadlines import within_request_deadline
from infrastructure.aws.errors import reported_as
from infrastructure.memory.artifact_store import inline_file

if TYPE_CHECKING:
    from types_aiobotocore_s3 import S3Client

DEPENDENCY = "artifact store"
ARTIFACT_PREFIX = "jobs/"
SCENE_GRAPH_NAME = "scene-graph.json"
MINIMAP_NAME = "minimap.txt"
SVG_NAME = "scene.svg"
SVG_TYPE = "image/svg+xml"


class S3ArtifactStore:
    """Objects live under `<prefix><job id>/`; links are signed locally (SigV4), no request made.

    The client must sign with SigV4 (`AioConfig(signature_version="s3v4")`): the client factory
    in infrastructure.aws.clients does that.
    """

    def __init__(
        self, client: "S3Client", bucket: str, url_ttl_seconds: int, prefix: str = ARTIFACT_PREFIX
    ) -> None:
        self._client = client
        self._bucket = bucket
        self._url_ttl_seconds = url_ttl_seconds
        self._prefix = prefix

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        refs = StoredArtifacts(
            scene_graph_key=f"{self._prefix}{job_id}/{SCENE_GRAPH_NAME}",
            ascii_minimap_key=f"{self._prefix}{job_id}/{MINIMAP_NAME}",
            scene_svg_key=f"{self._prefix}{job_id}/{SVG_NAME}",
        )
        await asyncio.gather(
            self._put(refs.scene_graph_key, artifacts.scene_graph_json, "application/json"),
            self._put(
                refs.ascii_minimap_key,
                artifacts.ascii_minimap.encode(),
                "text/plain; charset=utf-8",
            ),
            self._put(f"{self._prefix}{job_id}/{SVG_NAME}", artifacts.scene_svg.encode(), SVG_TYPE),
        )
        return refs

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        if not isinstance(refs, StoredArtifacts):
            return None
        keys = [refs.scene_graph_key, refs.ascii_minimap_key]
        if refs.scene_svg_key is not None:
            keys.append(refs.scene_svg_key)
        scene_graph_url, minimap_url, *svg_url = await asyncio.gather(*map(self._presign, keys))
        return ArtifactLinks(
            scene_graph_url=scene_graph_url,
            ascii_minimap_url=minimap_url,
            expires_at=now + timedelta(seconds=self._url_ttl_seconds),
            scene_graph_key=refs.scene_graph_key,
            ascii_minimap_key=refs.ascii_minimap_key,
            scene_svg_url=svg_url[0] if svg_url else None,
            scene_svg_key=refs.scene_svg_key,
        )

    async def delete(self, refs: ArtifactRefs) -> None:
        if not isinstance(refs, StoredArtifacts):
            return
        keys = [refs.scene_graph_key, refs.ascii_minimap_key]
        if refs.scene_svg_key is not None:
            keys.append(refs.scene_svg_key)
        with reported_as(DEPENDENCY):
            await self._client.delete_objects(
                Bucket=self._bucket,
                Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True},
            )

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        """One GetObject, within the request deadline: a hung bucket answers 503 in time."""
        if isinstance(refs, InlineArtifacts):
            return inline_file(refs, file)
        key = {
            "scene_graph": refs.scene_graph_key,
            "ascii_minimap": refs.ascii_minimap_key,
            "scene_svg": refs.scene_svg_key,
        }[file]
        if key is None:
            raise ArtifactMissing(file)
        return await within_request_deadline(self._get(key), DEPENDENCY)

    async def check(self) -> None:
        with reported_as(DEPENDENCY):
            await self._client.head_bucket(Bucket=self._bucket)

    async def _put(self, key: str, body: bytes, content_type: str) -> None:
        with reported_as(DEPENDENCY):
            await self._client.put_object(
                Bucket=self._bucket,
                Key=key,
                Body=body,
                ContentType=content_type,
                ServerSideEncryption="AES256",
            )

    async def _get(self, key: str) -> bytes:
        with reported_as(DEPENDENCY):
            answer = await self._client.get_object(Bucket=self._bucket, Key=key)
            async with answer["Body"] as body:
                content: bytes = await body.read()
        return content

    async def _presign(self, key: str) -> str:
        with reported_as(DEPENDENCY):
            url: str = await self._client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self._bucket, "Key": key},
                ExpiresIn=self._url_ttl_seconds,
            )
        return url
