"""`GET /schemas/scene-graph.json`: the scene graph's JSON Schema, the file shipped in the
package (`domain/scene/scene_graph.schema.json`), byte for byte; revalidated with its ETag."""

from functools import cache
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIHeader, OpenAPIType, Schema
from litestar.params import HeaderParameter

from domain.scene import SCENE_GRAPH_SCHEMA_FILE
from interfaces.http.openapi import operation_with_headers
from interfaces.http.packaged_files import PackagedFile, read_packaged_file

SCHEMA_JSON = "application/schema+json"
_CACHE_CONTROL = "public, max-age=3600"
"""An hour: the schema changes only with a release; after that a browser revalidates."""


@cache
def _scene_graph_schema() -> PackagedFile:
    return read_packaged_file("domain.scene", SCENE_GRAPH_SCHEMA_FILE, SCHEMA_JSON)


_HEADERS = {
    "Cache-Control": OpenAPIHeader(
        description=f"`{_CACHE_CONTROL}`", schema=Schema(type=OpenAPIType.STRING)
    ),
    "ETag": OpenAPIHeader(
        description="A strong validator of the file; send it back as `If-None-Match`",
        schema=Schema(type=OpenAPIType.STRING),
    ),
}


@get(
    "/schemas/scene-graph.json",
    operation_id="getSceneGraphSchema",
    tags=["schemas"],
    summary="The scene graph's JSON Schema (draft 2020-12)",
    description=(
        "The JSON Schema the scene graph follows, the file shipped with the service: the same "
        "Structs make the `SceneGraph` schema of this document."
    ),
    responses={
        200: ResponseSpec(
            data_container=dict[str, Any],
            media_type=SCHEMA_JSON,
            description="The JSON Schema",
            generate_examples=False,
        ),
        304: ResponseSpec(
            data_container=None,
            description="`If-None-Match` names this file's `ETag`: the copy held is current",
            generate_examples=False,
        ),
    },
    operation_class=operation_with_headers({200: _HEADERS, 304: _HEADERS}),
)
async def scene_graph_schema(
    request: Request[Any, Any, Any],
    if_none_match: Annotated[
        str | None,
        HeaderParameter(
            name="If-None-Match",
            required=False,
            description="An `ETag` from an earlier answer: 304 with no body when it still matches",
        ),
    ] = None,
) -> Response[bytes]:
    schema = _scene_graph_schema()
    headers = {"ETag": schema.etag, "Cache-Control": _CACHE_CONTROL}
    tags = {tag.strip().removeprefix("W/") for tag in (if_none_match or "").split(",")}
    if schema.etag in tags or "*" in tags:
        return Response(b"", status_code=304, headers=headers)
    return Response(schema.body, media_type=schema.media_type, headers=headers)
