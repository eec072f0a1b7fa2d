"""The OpenAPI document's examples are answers of this service, not random strings: each job
example is a status view, a 202 or a listing page that decodes as the wire type, its scene graph
follows the shipped JSON Schema, and problem details name the operation's own path."""

import re
from typing import Any

import jsonschema
import msgspec

from application.wire import JobStatusResponse
from domain.jobs.ids import JOB_ID_PATTERN
from infrastructure.artifact_validation import scene_graph_schema
from interfaces.http.problems import ProblemDetails
from interfaces.http.schemas import GenerateRequest, JobAccepted, JobListResponse

WIRE_TYPES: dict[str, Any] = {
    "JobStatusResponse": JobStatusResponse,
    "JobAccepted": JobAccepted,
    "JobListResponse": JobListResponse,
}


def _without_inline_graph(value: dict[str, Any]) -> dict[str, Any]:
    """The view without `result.sceneGraph` (JSON text kept raw: the wire type only sends it),
    which the scene graph's JSON Schema checks instead."""
    result = value.get("result")
    if not isinstance(result, dict) or "sceneGraph" not in result:
        return value
    jsonschema.validate(result["sceneGraph"], scene_graph_schema())
    return {**value, "result": {k: v for k, v in result.items() if k != "sceneGraph"}}


def _operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post")
    ]


async def test_job_examples_are_answers_of_the_wire_types(client: Any) -> None:
    document = (await client.get("/openapi.json")).json()
    seen = set()
    for _, operation in _operations(document):
        for response in operation["responses"].values():
            media = response.get("content", {}).get("application/json", {})
            name = media.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
            for example in media.get("examples", {}).values():
                value = example["value"]
                if name in WIRE_TYPES:
                    msgspec.convert(_without_inline_graph(value), WIRE_TYPES[name], strict=False)
                    seen.add(name)
                if name == "SceneGraph":
                    jsonschema.validate(value, scene_graph_schema())
                    seen.add(name)
    assert seen == {*WIRE_TYPES, "SceneGraph"}


async def test_the_done_example_is_a_real_job_with_absolute_links(client: Any) -> None:
    document = (await client.get("/openapi.json")).json()
    content = document["paths"]["/status/{job_id}"]["get"]["responses"]["200"]["content"]
    done = content["application/json"]["examples"]["done"]["value"]

    assert re.fullmatch(JOB_ID_PATTERN, done["id"])
    assert done["status"] == "done"
    jsonschema.validate(done["result"]["sceneGraph"], scene_graph_schema())
    assert done["result"]["asciiMinimap"].strip()
    for link in ("sceneGraphUrl", "asciiMinimapUrl", "sceneSvgUrl"):
        assert done["result"][link].startswith(f"https://scenes.example.com/status/{done['id']}/")
    assert done["statusUrl"] == f"https://scenes.example.com/status/{done['id']}"
    body = document["paths"]["/generate"]["post"]["requestBody"]["content"]["application/json"]
    (request,) = body["examples"].values()
    assert msgspec.convert(request["value"], GenerateRequest).prompt == done["request"]["prompt"]


async def test_problem_examples_name_their_operations_path(client: Any) -> None:
    document = (await client.get("/openapi.json")).json()
    for path, operation in _operations(document):
        for status, response in operation["responses"].items():
            media = response.get("content", {}).get("application/problem+json")
            if media is None:
                continue
            for example in media["examples"].values():
                problem = msgspec.convert(example["value"], ProblemDetails)
                assert problem.status == int(status)
                assert re.sub(JOB_ID_PATTERN.strip("^$"), "{job_id}", problem.instance) == path
                if status == "422" and path in ("/generate", "/jobs"):
                    assert problem.errors, (path, problem)
