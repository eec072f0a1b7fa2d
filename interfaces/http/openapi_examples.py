"""Examples in the OpenAPI document that look like the service's answers, not random strings.

One real status view, `web/examples/done-job.json` (a job this service ran in demo mode,
answered on PUBLIC_BASE_URL=https://scenes.example.com), is the source of every job example: the
done view, the same job while running, the 202 that accepted it, a page of a listing and its
scene graph. Problem details get the path of the operation they answer for as `instance`, and a
422 names its invalid fields as the service does.
"""

import json
from functools import cache
from importlib import resources
from typing import Any

import msgspec
from litestar.openapi.spec import Example, OpenAPI, OpenAPIResponse, Operation, Reference

from interfaces.http.problems import PROBLEM_JSON

EXAMPLE_FILE = "done-job.json"
_SCHEMAS = "#/components/schemas/"
_FIELD_ERRORS = {
    "/generate": [
        {"field": "width", "source": "body", "message": "must be >= 16", "pointer": "/width"},
        {
            "field": "prompt",
            "source": "body",
            "message": "must be 1..2000 characters after trimming",
            "pointer": "/prompt",
        },
    ],
    "/jobs": [
        {"field": "limit", "source": "query", "message": "must be <= 100"},
        {
            "field": "status",
            "source": "query",
            "message": "must be one of the documented values, not 'finished'",
        },
    ],
}


@cache
def done_job() -> dict[str, Any]:
    """The status view of a done job, as this service answered it."""
    text = (resources.files("interfaces.http") / "web" / "examples" / EXAMPLE_FILE).read_text()
    view: dict[str, Any] = json.loads(text)
    return view


def _job_examples() -> dict[str, dict[str, Example | Reference]]:
    """Examples by the schema they are of."""
    done = done_job()
    steps = done["steps"]
    running = {
        **done,
        "status": "running",
        "updatedAt": steps[2]["at"],
        "steps": steps[:3],
        "result": None,
    }
    accepted = {
        "id": done["id"],
        "status": "queued",
        "statusUrl": done["statusUrl"],
        "eventsUrl": done["eventsUrl"],
        "cancelUrl": done["cancelUrl"],
    }
    page = {"items": [running], "nextCursor": "eyJrIjoiMDFtOTc3OTd0YjQzbjN0amF0ZXp6In0"}
    return {
        "JobStatusResponse": {
            "done": _example("A done job (demo mode: artifacts inline too)", done),
            "running": _example("A running job", running),
        },
        "JobAccepted": {"queued": _example("A queued job", accepted)},
        "JobListResponse": {"page": _example("A page with more to come", page)},
        "SceneGraph": {"scene": _example("A small village square", done["result"]["sceneGraph"])},
    }


def _example(summary: str, value: dict[str, Any]) -> Example:
    """The value as JSON text: Litestar's document drops every null it holds (`"error": null`
    and `"result": null` are part of a status view), but writes JSON text as it is."""
    return Example(summary=summary, value=msgspec.Raw(msgspec.json.encode(value)))


def document_examples(document: OpenAPI) -> None:
    """Every job answer's example from the real job; problem details' `instance` and 422's
    `errors` as the operation answers them; a submission's body."""
    by_schema = _job_examples()
    job_id = done_job()["id"]
    for path, path_item in (document.paths or {}).items():
        instance = path.replace("{job_id}", job_id)
        for method in ("get", "post"):
            operation: Operation | None = getattr(path_item, method, None)
            if operation is None:
                continue
            for response in (operation.responses or {}).values():
                if isinstance(response, OpenAPIResponse):
                    _fill(response, by_schema, instance, _FIELD_ERRORS.get(path))
    submit = (document.paths or {}).get("/generate")
    body = submit.post.request_body if submit is not None and submit.post is not None else None
    if body is not None and not isinstance(body, Reference):
        request = done_job()["request"]
        for media in body.content.values():
            media.examples = {"village": Example(summary="A village square", value=request)}


def _fill(
    response: OpenAPIResponse,
    by_schema: dict[str, dict[str, Example | Reference]],
    instance: str,
    field_errors: list[dict[str, str]] | None,
) -> None:
    for media_type, media in (response.content or {}).items():
        if media_type == PROBLEM_JSON:
            for example in (media.examples or {}).values():
                if isinstance(example, Example) and isinstance(example.value, dict):
                    example.value = {**example.value, "instance": instance}
                    if example.value.get("status") == 422 and field_errors:
                        example.value["errors"] = field_errors
            continue
        schema = media.schema
        if isinstance(schema, Reference) and schema.ref.startswith(_SCHEMAS):
            examples = by_schema.get(schema.ref.removeprefix(_SCHEMAS))
            if examples is not None:
                media.examples = dict(examples)
