"""What the OpenAPI document says beyond Litestar's defaults, so that it describes the server.

- Request bodies decoded strictly (`json_bodies.strict_json_body`) are documented with
  msgspec's own JSON Schema of the same Struct: every `Meta` constraint, defaults, and
  `additionalProperties: false` for `forbid_unknown_fields` (Litestar's generator drops a
  `minimum` of 0 and never says that unknown fields are refused).
- Errors are problem details (`application/problem+json`, one shared schema), one
  `ResponseSpec` per status an operation can answer.
- Response headers (`Location`, `Retry-After`, `Cache-Control`) per status, through
  Litestar's `operation_class` hook.
"""

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    Example,
    OpenAPI,
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Parameter,
    Reference,
    Schema,
    SecurityScheme,
)
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition

from domain.scene import scene_graph_schema_components
from interfaces.http.problems import PROBLEM_JSON, ProblemDetails

# msgspec's JSON Schema keywords and the Litestar Schema fields that hold them.
_KEYWORDS = {
    "type": "type",
    "title": "title",
    "description": "description",
    "default": "default",
    "examples": "examples",
    "enum": "enum",
    "const": "const",
    "format": "format",
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "minItems": "min_items",
    "maxItems": "max_items",
    "required": "required",
}


class StrictBodySchemas(OpenAPISchemaPlugin):
    """Documents the given Structs with msgspec's JSON Schema, the rules they are decoded by.

    `omitted` names fields (by their JSON name) this server does not take, left out of the
    document: a client generated from it never sends them (the server refuses them).
    """

    def __init__(self, *structs: type[msgspec.Struct], omitted: tuple[str, ...] = ()) -> None:
        self._structs = structs
        self._omitted = omitted

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return field_definition.annotation in self._structs

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        document = msgspec.json.schema(field_definition.annotation)
        definitions: dict[str, Any] = document.get("$defs", {})
        for definition in definitions.values():
            for name in self._omitted:
                definition.get("properties", {}).pop(name, None)
        return _schema(document, definitions)


SCENE_GRAPH = "SceneGraph"
_COMPONENT = "#/components/schemas/{name}"


class RawJsonObjects(OpenAPISchemaPlugin):
    """`msgspec.Raw` in the wire types is the scene graph kept as its JSON text: documented as
    the `SceneGraph` schema, which `document_scene_graph` adds."""

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return field_definition.annotation is msgspec.Raw

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Any:
        return Reference(ref=_COMPONENT.format(name=SCENE_GRAPH))


def document_scene_graph(document: OpenAPI) -> None:
    """The scene graph's schemas (`SceneGraph`, `Node`, ...) as components, from the msgspec
    Structs the shipped JSON Schema (`domain/scene/scene_graph.schema.json`) is made of."""
    _, definitions = scene_graph_schema_components(_COMPONENT)
    components = document.components
    components.schemas = {
        **(components.schemas or {}),
        **{name: _definition(definition) for name, definition in definitions.items()},
    }


def _definition(node: dict[str, Any]) -> Schema:
    schema = _component(node)
    assert isinstance(schema, Schema), "a component is a schema, not a reference"
    return schema


def _component(node: dict[str, Any]) -> Schema | Reference:
    """A JSON Schema of msgspec's as Litestar's spec objects, its references kept."""
    if "$ref" in node:
        return Reference(ref=node["$ref"])
    values: dict[str, Any] = {
        field: node[keyword] for keyword, field in _KEYWORDS.items() if keyword in node
    }
    if "type" in values:
        values["type"] = OpenAPIType(values["type"])
    if "uniqueItems" in node:
        values["unique_items"] = node["uniqueItems"]
    if "properties" in node:
        values["properties"] = {
            name: _component(child) for name, child in node["properties"].items()
        }
    if "additionalProperties" in node:
        extra = node["additionalProperties"]
        values["additional_properties"] = extra if isinstance(extra, bool) else _component(extra)
    if "items" in node:
        values["items"] = _component(node["items"])
    if "prefixItems" in node:
        values["prefix_items"] = [_component(child) for child in node["prefixItems"]]
    if "anyOf" in node:
        values["any_of"] = [_component(child) for child in node["anyOf"]]
    return Schema(**values)


def _schema(node: dict[str, Any], definitions: dict[str, Any]) -> Schema:
    if "$ref" in node:
        return _schema(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
    values: dict[str, Any] = {
        field: node[keyword] for keyword, field in _KEYWORDS.items() if keyword in node
    }
    if "type" in values:
        values["type"] = OpenAPIType(values["type"])
    if "properties" in node:
        values["properties"] = {
            name: _schema(child, definitions) for name, child in node["properties"].items()
        }
    if "additionalProperties" in node:
        extra = node["additionalProperties"]
        values["additional_properties"] = (
            extra if isinstance(extra, bool) else _schema(extra, definitions)
        )
    if "items" in node:
        values["items"] = _schema(node["items"], definitions)
    if "anyOf" in node:
        values["any_of"] = [_schema(child, definitions) for child in node["anyOf"]]
    return Schema(**values)


def problem(status: int, description: str, example_detail: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=ProblemDetails,
        media_type=PROBLEM_JSON,
        description=description,
        generate_examples=False,
        examples=[
            Example(
                summary=HTTPStatus(status).phrase,
                value=msgspec.to_builtins(
                    ProblemDetails(
                        type="about:blank",
                        title=HTTPStatus(status).phrase,
                        status=status,
                        detail=example_detail,
                        instance="/generate",
                    )
                ),
            )
        ],
    )


def _header(description: str, schema: Schema) -> OpenAPIHeader:
    return OpenAPIHeader(schema=schema, description=description)


LOCATION = _header("The job's status URL, `/status/{id}`", Schema(type=OpenAPIType.STRING))
RETRY_AFTER = _header(
    "Seconds to wait before polling or retrying", Schema(type=OpenAPIType.INTEGER, minimum=0)
)
PREFERENCE_APPLIED = _header(
    "`wait=N` when the answer waited (up to N seconds) for the job to end",
    Schema(type=OpenAPIType.STRING, pattern="^wait=[0-9]+$"),
)
NO_STORE = _header("`no-store`: never cached", Schema(type=OpenAPIType.STRING, const="no-store"))


def operation_with_headers(
    headers: dict[int, dict[str, OpenAPIHeader]],
    parameters: tuple[Parameter, ...] = (),
    also_served_as: tuple[str, ...] = (),
) -> type[Operation]:
    """An `operation_class` adding `headers[status]` to the documented response of `status`,
    `parameters` the handler reads itself (`prefer.PREFER_ON_THE_HOT_PATH`), and the media
    types `also_served_as` (on request, with `Accept`) to the 200 response."""

    @dataclass
    class OperationWithHeaders(Operation):
        def __post_init__(self) -> None:
            if parameters:
                self.parameters = [*(self.parameters or []), *parameters]
            _problem_details_for_litestar_400(self)
            for status, by_name in headers.items():
                response = (self.responses or {}).get(str(status))
                if isinstance(response, OpenAPIResponse):
                    response.headers = {**(response.headers or {}), **by_name}
            ok = (self.responses or {}).get("200")
            if also_served_as and isinstance(ok, OpenAPIResponse) and ok.content:
                (served,) = ok.content.values()
                for media_type in also_served_as:
                    ok.content[media_type] = OpenAPIMediaType(schema=served.schema)

    return OperationWithHeaders


def _problem_details_for_litestar_400(operation: Operation) -> None:
    """The 400 Litestar documents by itself (its own error schema, as `application/json`) as
    the problem details the service answers with (`problems._validation_error`)."""
    responses = operation.responses or {}
    response = responses.get("400")
    if not isinstance(response, OpenAPIResponse) or PROBLEM_JSON in (response.content or {}):
        return
    responses["400"] = _problem_response(
        400,
        "A parameter or header could not be read",
        "The request could not be read.",
        {},
    )


_EXAMPLE_DETAIL = {
    400: "The request body is not valid JSON.",
    401: "The X-INTERNAL-TOKEN header is required.",
    403: "This service runs without API keys (AUTH_MODE=none): listing jobs would show "
    "everyone's prompts.",
    404: "No job has this id.",
    409: "The job is already done; only a queued or running job can be canceled.",
    413: "The request body is larger than this endpoint accepts.",
    415: "The request body must be JSON, sent with Content-Type: application/json.",
    422: "The request has invalid fields.",
    429: "This key made its 60 submissions of this minute; retry after 12 s.",
    503: "The job store is unavailable; retry shortly.",
}


def problems(*documented: tuple[int, str] | tuple[int, str, str]) -> dict[int, ResponseSpec]:
    """`responses` entries for the problem details a route answers: (status, when), or
    (status, when, the example's detail)."""
    specs = {}
    for status, description, *example in documented:
        specs[status] = problem(status, description, *example or [_EXAMPLE_DETAIL[status]])
    return specs


BEARER_AUTH = "bearerAuth"
KEYED_OPERATIONS = frozenset(
    {
        "createJob",
        "getJob",
        "cancelJob",
        "streamJobEvents",
        "listJobs",
        "getSceneGraph",
        "getMinimap",
        "getSceneSvg",
    }
)
"""The operations `interfaces.http.api_keys.key_guard` guards (AUTH_MODE=api-keys)."""
SUBMITTING_OPERATIONS = frozenset({"createJob"})
_RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _header(
        "Submissions this key may make in the current minute's window",
        Schema(type=OpenAPIType.INTEGER, minimum=1),
    ),
    "RateLimit-Remaining": _header(
        "Submissions left to this key in the current window", Schema(type=OpenAPIType.INTEGER)
    ),
    "RateLimit-Reset": _header(
        "Seconds until the current window ends", Schema(type=OpenAPIType.INTEGER, minimum=1)
    ),
}
_WWW_AUTHENTICATE = _header(
    "`Bearer`: send the API key as `Authorization: Bearer <key>`",
    Schema(type=OpenAPIType.STRING),
)


def document_api_keys(document: OpenAPI) -> None:
    """AUTH_MODE=api-keys in the document: the `bearerAuth` scheme on every guarded operation,
    its 401 (and for a submission 429) as problem details, and the RateLimit-* headers."""
    components = document.components
    components.security_schemes = {
        **(components.security_schemes or {}),
        BEARER_AUTH: SecurityScheme(
            type="http",
            scheme="bearer",
            description="An API key (`sg_...`) from `scenegen keys create`, or from API_KEYS",
        ),
    }
    for path_item in (document.paths or {}).values():
        for method in ("get", "post"):
            operation: Operation | None = getattr(path_item, method, None)
            if operation is None or operation.operation_id not in KEYED_OPERATIONS:
                continue
            operation.security = [{BEARER_AUTH: []}]
            responses = operation.responses or {}
            responses["401"] = _problem_response(
                401,
                "No API key, or one that is unknown or revoked",
                "This endpoint needs an API key: send `Authorization: Bearer <key>`.",
                {"WWW-Authenticate": _WWW_AUTHENTICATE},
            )
            if operation.operation_id in SUBMITTING_OPERATIONS:
                responses["429"] = _problem_response(
                    429,
                    "The key made its submissions of this minute (RATE_LIMIT_PER_MINUTE), or "
                    "has its most queued or running jobs (MAX_ACTIVE_JOBS_PER_KEY); retry "
                    "after Retry-After",
                    _EXAMPLE_DETAIL[429],
                    {"Retry-After": RETRY_AFTER},
                )
            for status, response in responses.items():
                if status != "401" and isinstance(response, OpenAPIResponse):
                    response.headers = {**(response.headers or {}), **_RATE_LIMIT_HEADERS}
            operation.responses = dict(sorted(responses.items()))


def _problem_response(
    status: int, description: str, detail: str, headers: dict[str, OpenAPIHeader | Reference]
) -> OpenAPIResponse:
    example = ProblemDetails(
        type="about:blank",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance="/generate",
    )
    return OpenAPIResponse(
        description=description,
        headers=headers,
        content={
            PROBLEM_JSON: OpenAPIMediaType(
                schema=Reference(ref="#/components/schemas/ProblemDetails"),
                examples={
                    f"problem-{status}": Example(
                        summary=HTTPStatus(status).phrase, value=msgspec.to_builtins(example)
                    )
                },
            )
        },
    )
