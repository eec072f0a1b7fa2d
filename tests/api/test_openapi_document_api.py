"""The OpenAPI document describes the server: statuses, problem details, headers, constraints."""

import re
from typing import Any

import pytest

from domain.jobs.limits import PROMPT_WHITESPACE as TRIMMED
from domain.jobs.limits import trimmed_prompt
from interfaces.http.schemas import PROMPT_PATTERN
from tests.fakes import assert_problem

PROBLEM = "application/problem+json"


@pytest.fixture
async def document(client: Any) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def responses(document: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    found: dict[str, Any] = document["paths"][path][method]["responses"]
    return found


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        resolved: dict[str, Any] = document["components"]["schemas"][name]
        return resolved
    return schema


@pytest.mark.parametrize(
    ("path", "method", "errors"),
    [
        ("/generate", "post", {"400", "413", "415", "422", "503"}),
        ("/status/{job_id}", "get", {"404", "503"}),
    ],
)
def test_every_error_status_is_documented_as_problem_details(
    document: dict[str, Any], path: str, method: str, errors: set[str]
) -> None:
    documented = responses(document, path, method)
    assert errors <= set(documented)
    for status in errors:
        content = documented[status]["content"]
        assert list(content) == [PROBLEM], (status, content)
        schema = resolve(document, content[PROBLEM]["schema"])
        assert {"type", "title", "status", "detail", "instance", "errors"} <= set(
            schema["properties"]
        )


def test_generate_documents_the_replay_and_its_headers(document: dict[str, Any]) -> None:
    documented = responses(document, "/generate", "post")
    bodies = {"200": "JobStatusResponse", "202": "JobAccepted"}
    for status, schema in bodies.items():
        assert {"Location", "Retry-After"} <= set(documented[status]["headers"]), status
        content = documented[status]["content"]["application/json"]
        assert content["schema"] == {"$ref": f"#/components/schemas/{schema}"}, status
    assert "Retry-After" in documented["503"]["headers"]


def test_readyz_documents_503_and_status_its_cache_headers(document: dict[str, Any]) -> None:
    assert "503" in responses(document, "/readyz", "get")
    status = responses(document, "/status/{job_id}", "get")
    assert "Cache-Control" in status["200"]["headers"]
    assert "Retry-After" in status["200"]["headers"]


def test_generate_body_schema_has_the_constraints_the_server_enforces(
    document: dict[str, Any],
) -> None:
    body = document["paths"]["/generate"]["post"]["requestBody"]["content"]["application/json"]
    schema = resolve(document, body["schema"])
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["prompt"]
    properties = schema["properties"]
    assert properties["prompt"]["pattern"] == PROMPT_PATTERN
    seed = next(option for option in properties["seed"]["anyOf"] if option["type"] == "integer")
    assert (seed["minimum"], seed["maximum"]) == (0, 2**32 - 1)
    assert (properties["width"]["minimum"], properties["width"]["maximum"]) == (16, 256)
    assert (properties["height"]["minimum"], properties["height"]["maximum"]) == (8, 128)


def test_idempotency_key_and_prefer_headers_are_documented(document: dict[str, Any]) -> None:
    headers = {p["name"]: p for p in document["paths"]["/generate"]["post"]["parameters"]}
    assert set(headers) == {"Idempotency-Key", "Prefer"}
    assert headers["Idempotency-Key"]["schema"]["pattern"] == "^[!-~]{1,128}$"
    assert "wait=N" in headers["Prefer"]["description"]
    assert "pattern" not in headers["Prefer"]["schema"], "other preferences must be ignored"


def test_internal_callback_is_not_in_the_public_document(document: dict[str, Any]) -> None:
    assert not [path for path in document["paths"] if path.startswith("/internal")]


@pytest.mark.parametrize(
    "prompt",
    [
        "a",
        " a ",
        "\t\n",
        "",
        " ",
        "x" * 2000,
        " " + "x" * 2000 + "\n",
        "x" * 2001,
        "\u3000",
        "a\x0c",
    ],
)
def test_prompt_pattern_and_the_servers_trimming_agree(prompt: str) -> None:
    assert bool(re.fullmatch(PROMPT_PATTERN, prompt)) == (1 <= len(trimmed_prompt(prompt)) <= 2000)
    assert trimmed_prompt(prompt) == prompt.strip(TRIMMED)


@pytest.mark.parametrize("prompt", ["\x0b\x0c", " " * 3 + "x" * 2001])
async def test_a_prompt_the_schema_refuses_is_422(client: Any, prompt: str) -> None:
    assert not re.fullmatch(PROMPT_PATTERN, prompt)
    assert_problem(await client.post("/generate", json={"prompt": prompt}), 422)


def _generate_properties(document: dict[str, Any]) -> set[str]:
    body = document["paths"]["/generate"]["post"]["requestBody"]["content"]["application/json"]
    return set(resolve(document, body["schema"])["properties"])


async def test_without_a_signing_secret_the_document_offers_no_webhook(
    document: dict[str, Any], client: Any
) -> None:
    assert _generate_properties(document) == {"prompt", "seed", "width", "height"}
    refused = await client.post(
        "/generate", json={"prompt": "a well", "webhook": "https://example.com/hook"}
    )
    assert_problem(refused, 422)


async def test_with_a_signing_secret_the_document_offers_webhooks() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from infrastructure.webhooks.signing import generate_webhook_secret
    from interfaces.http.app import create_app
    from tests.conftest import make_container
    from tests.fakes import TOKEN

    container = make_container(
        {"INTERNAL_TOKEN": TOKEN, "WEBHOOK_SECRET": generate_webhook_secret()}
    )
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        document = (await client.get("/openapi.json")).json()
    assert {"webhook", "webhookEvents"} <= _generate_properties(document)
