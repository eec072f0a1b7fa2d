"""ArtifactStore contract: inline (demo) and S3 (emulated) artifacts read back exactly as saved."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec
import pytest

from application.errors import ArtifactMissing, DependencyUnavailable
from application.ports import ArtifactStore, RenderedArtifacts
from domain.jobs import ArtifactRefs, InlineArtifacts, StoredArtifacts
from infrastructure.aws import clients
from infrastructure.aws.deadlines import REQUEST_DEADLINE_SECONDS
from infrastructure.aws.s3_artifact_store import S3ArtifactStore
from infrastructure.memory.artifact_store import InlineArtifactStore

pytestmark = pytest.mark.integration

URL_TTL_SECONDS = 900
RENDERED = RenderedArtifacts(
    scene_graph_json=msgspec.json.encode({"objects": [{"kind": "barn", "x": 3.5}], "seed": 7}),
    ascii_minimap="..B..\n.~~~.\n",
    scene_svg='<svg xmlns="http://www.w3.org/2000/svg"><text>caf\u00e9 \u2615</text></svg>',
)


@pytest.fixture(params=["inline", "s3"])
def store(request: pytest.FixtureRequest) -> ArtifactStore:
    if request.param == "inline":
        return InlineArtifactStore()
    return S3ArtifactStore(
        request.getfixturevalue("s3"), request.getfixturevalue("artifacts_bucket"), URL_TTL_SECONDS
    )


async def read_files(store: ArtifactStore, refs: ArtifactRefs) -> RenderedArtifacts:
    """The three files behind `refs`, read one at a time as the artifact endpoints read them."""
    return RenderedArtifacts(
        scene_graph_json=await store.read_file(refs, "scene_graph"),
        ascii_minimap=(await store.read_file(refs, "ascii_minimap")).decode("utf-8"),
        scene_svg=(await store.read_file(refs, "scene_svg")).decode("utf-8"),
    )


async def read_back(store: ArtifactStore, job_id: str) -> tuple[bytes, str]:
    """What a client of GET /status gets: the inline content, or the content behind the links."""
    refs = await store.save(job_id, RENDERED)
    links = await store.links(refs, now=datetime.now(UTC))
    if links is None:
        assert isinstance(refs, InlineArtifacts)
        return msgspec.json.encode(refs.scene_graph), refs.ascii_minimap
    async with httpx.AsyncClient() as http:
        graph, minimap = await asyncio.gather(
            http.get(links.scene_graph_url), http.get(links.ascii_minimap_url)
        )
    assert graph.status_code == 200
    assert minimap.status_code == 200
    return graph.content, minimap.content.decode()


async def test_saved_artifacts_read_back_exactly(store: ArtifactStore) -> None:
    graph, minimap = await read_back(store, "job-1")
    assert msgspec.json.decode(graph) == msgspec.json.decode(RENDERED.scene_graph_json)
    assert minimap == RENDERED.ascii_minimap


async def test_read_gives_back_what_was_saved(store: ArtifactStore) -> None:
    refs = await store.save("job-read-1", RENDERED)

    assert await read_files(store, refs) == RENDERED


async def test_read_gives_the_bytes_a_client_of_the_links_gets(store: ArtifactStore) -> None:
    """GET /status/{id}/scene-graph.json (read) and GET /status (inline, or the presigned
    links) hand a client the same bytes."""
    graph, minimap = await read_back(store, "job-read-2")

    read = await read_files(store, await store.save("job-read-2", RENDERED))

    assert read.scene_graph_json == graph
    assert read.ascii_minimap == minimap


async def test_read_keeps_non_ascii_text_and_key_order(store: ArtifactStore) -> None:
    rendered = RenderedArtifacts(
        scene_graph_json=msgspec.json.encode({"z": "café ☕", "a": [1, 2.5, None], "m": {}}),
        ascii_minimap="~~é~~\n",
        scene_svg="<svg><title>é</title></svg>",
    )

    assert await read_files(store, await store.save("job-read-3", rendered)) == rendered


async def test_a_job_stored_before_svg_maps_has_no_svg_link_and_no_svg_file(
    store: ArtifactStore,
) -> None:
    """Refs written by an earlier release name two files: the third is missing, not an error
    of the store."""
    saved = await store.save("job-old-1", RENDERED)
    if isinstance(saved, InlineArtifacts):
        old: ArtifactRefs = msgspec.structs.replace(saved, scene_svg=None)
    else:
        old = msgspec.structs.replace(saved, scene_svg_key=None)
        links = await store.links(old, now=datetime.now(UTC))
        assert links is not None
        assert (links.scene_svg_url, links.scene_svg_key) == (None, None)

    assert await store.read_file(old, "scene_graph") == RENDERED.scene_graph_json
    with pytest.raises(ArtifactMissing):
        await store.read_file(old, "scene_svg")


async def test_check_passes_when_the_store_is_reachable(store: ArtifactStore) -> None:
    await store.check()


async def test_objects_are_typed_encrypted_and_under_the_job_prefix(
    s3: Any, artifacts_bucket: str
) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    refs = await store.save("job-2", RENDERED)
    assert refs == StoredArtifacts(
        scene_graph_key="jobs/job-2/scene-graph.json",
        ascii_minimap_key="jobs/job-2/minimap.txt",
        scene_svg_key="jobs/job-2/scene.svg",
    )
    graph = await s3.get_object(Bucket=artifacts_bucket, Key=refs.scene_graph_key)
    minimap = await s3.head_object(Bucket=artifacts_bucket, Key=refs.ascii_minimap_key)
    picture = await s3.get_object(Bucket=artifacts_bucket, Key="jobs/job-2/scene.svg")
    assert graph["ContentType"] == "application/json"
    assert await graph["Body"].read() == RENDERED.scene_graph_json
    assert minimap["ContentType"] == "text/plain; charset=utf-8"
    assert picture["ContentType"] == "image/svg+xml"
    assert await picture["Body"].read() == RENDERED.scene_svg.encode("utf-8")
    assert graph["ServerSideEncryption"] == minimap["ServerSideEncryption"] == "AES256"
    assert picture["ServerSideEncryption"] == "AES256"


async def test_links_are_sigv4_and_expire_after_the_ttl(s3: Any, artifacts_bucket: str) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    refs = await store.save("job-3", RENDERED)
    now = datetime.now(UTC)
    links = await store.links(refs, now=now)
    assert links is not None
    assert isinstance(refs, StoredArtifacts)
    assert links.expires_at == now + timedelta(seconds=URL_TTL_SECONDS)
    assert (links.scene_graph_key, links.ascii_minimap_key, links.scene_svg_key) == (
        refs.scene_graph_key,
        refs.ascii_minimap_key,
        refs.scene_svg_key,
    )
    assert links.scene_svg_url is not None
    for url in (links.scene_graph_url, links.ascii_minimap_url, links.scene_svg_url):
        assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in url
        assert f"X-Amz-Expires={URL_TTL_SECONDS}" in url


async def test_links_are_refused_after_they_expire(s3: Any, artifacts_bucket: str) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, url_ttl_seconds=2)
    refs = await store.save("job-4", RENDERED)
    links = await store.links(refs, now=datetime.now(UTC))
    assert links is not None
    async with httpx.AsyncClient() as http:
        assert (await http.get(links.ascii_minimap_url)).status_code == 200
        expires = time.monotonic() + 2
        refused = 200
        while refused == 200 and time.monotonic() < expires + 30:
            await asyncio.sleep(0.2)
            refused = (await http.get(links.ascii_minimap_url)).status_code
        assert refused == 403


async def test_link_with_a_tampered_key_is_refused(s3: Any, artifacts_bucket: str) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    refs = await store.save("job-5", RENDERED)
    await store.save("job-6", RENDERED)
    links = await store.links(refs, now=datetime.now(UTC))
    assert links is not None
    tampered = links.ascii_minimap_url.replace("/job-5/", "/job-6/")
    assert tampered != links.ascii_minimap_url
    async with httpx.AsyncClient() as http:
        assert (await http.get(tampered)).status_code == 403


async def test_links_are_signed_without_a_request(artifacts_bucket: str) -> None:
    unreachable = "http://127.0.0.1:9"
    async with clients.s3_client(clients.new_session(), "us-east-1", unreachable) as offline:
        store = S3ArtifactStore(offline, artifacts_bucket, URL_TTL_SECONDS)
        refs = StoredArtifacts(scene_graph_key="jobs/j/a.json", ascii_minimap_key="jobs/j/b.txt")
        links = await store.links(refs, now=datetime.now(UTC))
    assert links is not None
    assert links.scene_graph_url.startswith(f"{unreachable}/{artifacts_bucket}/jobs/j/a.json?")


async def test_inline_artifacts_have_no_links(s3: Any, artifacts_bucket: str) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    inline = InlineArtifacts(scene_graph=msgspec.Raw(b"{}"), ascii_minimap="")
    assert await store.links(inline, now=datetime.now(UTC)) is None


async def test_s3_store_reads_inline_refs_as_their_own_content(
    s3: Any, artifacts_bucket: str
) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    inline = await InlineArtifactStore().save("job-8", RENDERED)

    assert await read_files(store, inline) == RENDERED


async def test_reading_a_missing_object_is_unavailable_without_naming_it(
    s3: Any, artifacts_bucket: str
) -> None:
    store = S3ArtifactStore(s3, artifacts_bucket, URL_TTL_SECONDS)
    refs = await store.save("job-9", RENDERED)
    await store.delete(refs)

    with pytest.raises(DependencyUnavailable) as raised:
        await read_files(store, refs)
    assert raised.value.dependency == "artifact store"
    assert artifacts_bucket not in str(raised.value)
    assert "job-9" not in str(raised.value)


async def test_reading_from_an_unreachable_endpoint_is_unavailable(artifacts_bucket: str) -> None:
    unreachable = "http://127.0.0.1:9"
    async with clients.s3_client(clients.new_session(), "us-east-1", unreachable) as offline:
        store = S3ArtifactStore(offline, artifacts_bucket, URL_TTL_SECONDS)
        refs = StoredArtifacts(scene_graph_key="jobs/j/a.json", ascii_minimap_key="jobs/j/b.txt")
        with pytest.raises(DependencyUnavailable) as raised:
            await read_files(store, refs)
    assert raised.value.dependency == "artifact store"


@pytest.mark.deadline
async def test_reading_from_a_hung_endpoint_is_unavailable_within_the_request_deadline(
    artifacts_bucket: str,
) -> None:
    """The read is on the API's request path: an endpoint that accepts and never answers costs
    at most the request deadline (the client's own read timeout is longer, for uploads)."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with clients.s3_client(
            clients.new_session(), "us-east-1", f"http://127.0.0.1:{port}"
        ) as hung:
            store = S3ArtifactStore(hung, artifacts_bucket, URL_TTL_SECONDS)
            refs = StoredArtifacts(
                scene_graph_key="jobs/j/a.json", ascii_minimap_key="jobs/j/b.txt"
            )
            started = time.monotonic()
            with pytest.raises(DependencyUnavailable) as raised:
                await read_files(store, refs)
            elapsed = time.monotonic() - started
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()
    assert raised.value.dependency == "artifact store"
    assert elapsed < REQUEST_DEADLINE_SECONDS + 3.0, elapsed  # (a busy machine's slack)


async def test_missing_bucket_is_unavailable_without_naming_it(s3: Any) -> None:
    bucket = "sg-test-missing-bucket"
    store = S3ArtifactStore(s3, bucket, URL_TTL_SECONDS)
    refs = StoredArtifacts(scene_graph_key="jobs/j/a.json", ascii_minimap_key="jobs/j/b.txt")
    for attempt in (
        store.check,
        lambda: store.save("job-7", RENDERED),
        lambda: read_files(store, refs),
    ):
        with pytest.raises(DependencyUnavailable) as raised:
            await attempt()
        assert raised.value.dependency == "artifact store"
        assert bucket not in str(raised.value)
