"""Hostile and malformed requests: each a clear 4xx problem, never a 500 (issue 9's table)."""

import logging
from typing import Any, NamedTuple

import pytest

from tests.fakes import TOKEN, assert_problem, seed_job

JSON = {"Content-Type": "application/json"}
AUTH = {"X-INTERNAL-TOKEN": TOKEN}


class Case(NamedTuple):
    body: bytes
    content_type: str | None
    status: int
    says: str
    """A phrase the problem's detail or field message must contain."""


CASES = {
    "invalid-utf8-in-string": Case(b'{"prompt": "\xff"}', "application/json", 400, "UTF-8"),
    "invalid-utf8-only": Case(b"\xff\xfe", "application/json", 400, "UTF-8"),
    "empty": Case(b"", "application/json", 400, "empty"),
    "truncated": Case(b'{"prompt": "a', "application/json", 400, "not valid JSON"),
    "trailing-garbage": Case(b'{"prompt": "a"} x', "application/json", 400, "not valid JSON"),
    "lone-surrogate": Case(b'{"prompt": "\\ud800"}', "application/json", 400, "surrogate"),
    "array": Case(b"[]", "application/json", 422, "must be a JSON object"),
    "null": Case(b"null", "application/json", 422, "must be a JSON object"),
    "string": Case(b'"x"', "application/json", 422, "must be a JSON object"),
    "number-out-of-range": Case(
        b'{"prompt": "a", "seed": 1e400}', "application/json", 422, "too large"
    ),
    "seed-as-string": Case(
        b'{"prompt": "a", "seed": "9"}', "application/json", 422, "must be an integer"
    ),
    "width-as-float": Case(
        b'{"prompt": "a", "width": 20.5}', "application/json", 422, "must be an integer"
    ),
    "nested-arrays": Case(b"[" * 1000 + b"]" * 1000, "application/json", 400, "too deeply"),
    "nested-objects": Case(
        b'{"a":' * 1000 + b"1" + b"}" * 1000, "application/json", 400, "too deeply"
    ),
    "nested-in-a-field": Case(
        b'{"prompt": ' + b"[" * 1000 + b"]" * 1000 + b"}", "application/json", 400, "too deeply"
    ),
    "nested-deeper-than-the-stack": Case(
        b"[" * 30_000 + b"]" * 30_000, "application/json", 400, "too deeply"
    ),
    "text-plain": Case(b'{"prompt": "a"}', "text/plain", 415, "application/json"),
    "form": Case(b"prompt=a", "application/x-www-form-urlencoded", 415, "application/json"),
    "no-content-type": Case(b'{"prompt": "a"}', None, 415, "application/json"),
}


def _says(problem: dict[str, Any], phrase: str) -> bool:
    texts = [problem["detail"], *(error["message"] for error in problem.get("errors", []))]
    return any(phrase in text for text in texts)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_malformed_generate_body_is_a_clear_4xx(client: Any, case: Case) -> None:
    headers = {"Content-Type": case.content_type} if case.content_type else {}
    response = await client.post("/generate", content=case.body, headers=headers)
    problem = assert_problem(response, case.status)
    assert _says(problem, case.says), problem


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_malformed_callback_body_is_a_clear_4xx_and_records_nothing(
    client: Any, container: Any, case: Case
) -> None:
    job_id = await seed_job(container)
    headers = {**AUTH, **({"Content-Type": case.content_type} if case.content_type else {})}
    response = await client.post(
        f"/internal/jobs/{job_id}/step", content=case.body, headers=headers
    )
    assert response.status_code == case.status, response.text
    assert_problem(response, case.status)
    assert (await container.job_repository().get(job_id)).steps == ()


async def test_field_of_the_wrong_type_names_the_field(client: Any) -> None:
    response = await client.post("/generate", content=b'{"prompt": "a", "seed": "9"}', headers=JSON)
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "field": "seed",
            "source": "body",
            "message": "must be an integer, not a string",
            "pointer": "/seed",
        }
    ]


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", "application/merge-patch+json"],
    ids=["charset", "plus-json"],
)
async def test_json_media_types_with_parameters_or_suffix_are_accepted(
    client: Any, content_type: str
) -> None:
    response = await client.post(
        "/generate", content=b'{"prompt": "a"}', headers={"Content-Type": content_type}
    )
    assert response.status_code == 202, response.text


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json", "/metrics"])
async def test_head_answers_like_get_without_a_body(client: Any, path: str) -> None:
    got = await client.get(path)
    head = await client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))


async def test_head_on_status_is_200_for_a_job_and_404_for_an_unknown_id(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    found = await client.head(f"/status/{job_id}")
    assert found.status_code == 200 and found.content == b""
    assert found.headers["cache-control"] == "no-store"
    missing = await client.head("/status/not-a-job")
    assert missing.status_code == 404 and missing.content == b""


async def test_head_on_a_post_only_route_is_405(client: Any) -> None:
    assert (await client.head("/generate")).status_code == 405


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["missing", "wrong"])
async def test_callback_401_carries_a_www_authenticate_challenge(
    client: Any, container: Any, token: str | None
) -> None:
    job_id = await seed_job(container)
    headers = {**JSON, **({"X-INTERNAL-TOKEN": token} if token else {})}
    response = await client.post(f"/internal/jobs/{job_id}/step", content=b"{}", headers=headers)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("X-INTERNAL-TOKEN ")


async def test_deeply_nested_json_is_no_unhandled_error(
    client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    nested = b'{"prompt": "a", "webhookEvents": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    with caplog.at_level(logging.WARNING):
        response = await client.post("/generate", content=nested, headers=JSON)
    assert_problem(response, 400)
    counted = (await client.get("/metrics")).json().get("Errors", {})
    assert "Kind=unhandled" not in counted, counted
    assert [record.getMessage() for record in caplog.records if record.exc_info] == []


async def test_a_number_with_no_fraction_is_an_integer_as_json_schema_says(client: Any) -> None:
    body = {"prompt": "a well", "width": 16.0, "height": 8.0, "seed": 7.0}
    accepted = await client.post("/generate", json=body)
    assert accepted.status_code == 202, accepted.text
    job = (await client.get(f"/status/{accepted.json()['id']}")).json()
    assert job["request"] | {"prompt": "a well"} == {
        "prompt": "a well",
        "seed": 7,
        "width": 16,
        "height": 8,
    }
    for refused in ({"width": 16.5}, {"width": 1e300}, {"width": "16"}):
        problem = assert_problem(
            await client.post("/generate", json={"prompt": "a well", **refused}), 422
        )
        assert problem["errors"][0]["field"] == "width", problem
