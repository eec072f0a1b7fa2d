"""The scene graph is one named, typed schema: `SceneGraph` and its parts in the OpenAPI
document (what the status view's result and `getSceneGraph` refer to) are the shipped JSON
Schema's definitions, which `GET /schemas/scene-graph.json` serves byte for byte."""

import importlib.resources
import json
from typing import Any

from domain.scene import SCENE_GRAPH_SCHEMA_FILE
from tests.fakes import wait_until_finished

GRAPH_REF = "#/components/schemas/SceneGraph"


def _shipped() -> bytes:
    return (importlib.resources.files("domain.scene") / SCENE_GRAPH_SCHEMA_FILE).read_bytes()


def _as_components(node: Any) -> Any:
    """The shipped schema's definitions as the document's components: references renamed, and
    without `default: null` (the document's spec objects have no way to say it)."""
    if isinstance(node, list):
        return [_as_components(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: GRAPH_REF.replace("SceneGraph", value.rsplit("/", 1)[-1])
        if key == "$ref"
        else _as_components(value)
        for key, value in node.items()
        if not (key == "default" and value is None)
    }


async def test_the_documents_scene_graph_schemas_are_the_shipped_json_schemas(
    client: Any,
) -> None:
    document = (await client.get("/openapi.json")).json()
    shipped = json.loads(_shipped())
    components = document["components"]["schemas"]

    assert shipped["$ref"] == "#/$defs/SceneGraph"
    for name, definition in shipped["$defs"].items():
        assert components[name] == _as_components(definition), name
    assert components["Node"]["properties"]["children"]["items"] == {
        "$ref": "#/components/schemas/Node"
    }


async def test_the_result_and_get_scene_graph_refer_to_the_scene_graph_schema(client: Any) -> None:
    document = (await client.get("/openapi.json")).json()
    result = document["components"]["schemas"]["JobResult"]["properties"]
    graph = document["paths"]["/status/{job_id}/scene-graph.json"]["get"]["responses"]["200"]

    assert {"$ref": GRAPH_REF} in result["sceneGraph"]["oneOf"]
    assert graph["content"]["application/json"]["schema"] == {"$ref": GRAPH_REF}
    for link in ("sceneGraphUrl", "asciiMinimapUrl", "sceneSvgUrl"):
        assert link in result


async def test_the_scene_graph_schema_is_served_as_shipped_and_cacheable(client: Any) -> None:
    response = await client.get("/schemas/scene-graph.json")

    assert response.status_code == 200
    assert response.content == _shipped()
    assert response.headers["content-type"].startswith("application/schema+json")
    assert "max-age" in response.headers["cache-control"]
    again = await client.get(
        "/schemas/scene-graph.json", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


async def test_the_svg_map_comes_as_bytes_to_a_client_asking_for_them(client: Any) -> None:
    accepted = await client.post("/generate", json={"prompt": "a well in a village", "seed": 1})
    job_id = accepted.json()["id"]
    await wait_until_finished(client, job_id)
    url = f"/status/{job_id}/scene.svg"

    as_bytes = await client.get(url, headers={"Accept": "application/octet-stream"})
    as_svg = await client.get(url)

    assert as_bytes.headers["content-type"] == "application/octet-stream"
    assert as_svg.headers["content-type"] == "image/svg+xml"
    assert as_bytes.content == as_svg.content
