"""POST /generate: 202 with the status URL, idempotency, field errors and size limits."""

from typing import Any

import pytest

from infrastructure.time_and_randomness import is_job_id
from tests.fakes import assert_problem

ORIGIN = "http://testserver.local"
"""The test client's origin, which links in bodies are built on."""


async def test_generate_accepts_a_job_with_location_and_retry_after(client: Any) -> None:
    response = await client.post("/generate", json={"prompt": "a village with a well"})

    assert response.status_code == 202
    body = response.json()
    assert is_job_id(body["id"])
    assert body["status"] == "queued"
    assert body["statusUrl"] == f"{ORIGIN}/status/{body['id']}"
    assert response.headers["location"] == f"/status/{body['id']}"
    assert response.headers["retry-after"] == "1"


async def test_generate_records_trimmed_prompt_defaults_and_a_random_seed(client: Any) -> None:
    response = await client.post("/generate", json={"prompt": "  a quiet forest  "})
    status = (await client.get(response.json()["statusUrl"])).json()
    request = status["request"]
    assert request["prompt"] == "a quiet forest"
    assert request["width"] == 48 and request["height"] == 24
    assert isinstance(request["seed"], int) and 0 <= request["seed"] < 2**32


async def test_generate_keeps_the_given_seed_and_size(client: Any) -> None:
    body = {"prompt": "an island", "seed": 2**32 - 1, "width": 256, "height": 128}
    response = await client.post("/generate", json=body)
    assert response.status_code == 202
    request = (await client.get(response.json()["statusUrl"])).json()["request"]
    assert request == body


@pytest.mark.parametrize(
    "body",
    [
        {"prompt": "x" * 2000},
        {"prompt": " " * 50 + "x" * 2000 + " " * 50},
        {"prompt": "a", "width": 16, "height": 8, "seed": 0},
        {"prompt": "a", "width": 256, "height": 128, "seed": 2**32 - 1},
    ],
    ids=["prompt-2000", "prompt-2000-after-trim", "lower-bounds", "upper-bounds"],
)
async def test_generate_accepts_values_at_the_bounds(client: Any, body: dict[str, Any]) -> None:
    assert (await client.post("/generate", json=body)).status_code == 202


async def test_same_idempotency_key_and_body_returns_the_original_job_with_200(client: Any) -> None:
    headers = {"Idempotency-Key": "order-42"}
    body = {"prompt": "a dungeon", "seed": 5}
    first = await client.post("/generate", json=body, headers=headers)
    second = await client.post("/generate", json=body, headers=headers)

    assert first.status_code == 202
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["statusUrl"] == first.json()["statusUrl"]
    assert second.headers["location"] == first.headers["location"]


async def test_same_idempotency_key_with_another_body_is_422(client: Any) -> None:
    headers = {"Idempotency-Key": "order-42"}
    await client.post("/generate", json={"prompt": "a dungeon"}, headers=headers)
    response = await client.post("/generate", json={"prompt": "a castle"}, headers=headers)
    assert_problem(response, 422)


async def test_different_idempotency_keys_make_different_jobs(client: Any) -> None:
    first = await client.post("/generate", json={"prompt": "a"}, headers={"Idempotency-Key": "k1"})
    second = await client.post("/generate", json={"prompt": "a"}, headers={"Idempotency-Key": "k2"})
    assert first.status_code == second.status_code == 202
    assert first.json()["id"] != second.json()["id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"prompt": "   \n\t "}, "prompt"),
        ({"prompt": "x" * 2001}, "prompt"),
        ({"prompt": "a", "width": 15}, "width"),
        ({"prompt": "a", "width": 257}, "width"),
        ({"prompt": "a", "height": 7}, "height"),
        ({"prompt": "a", "height": 129}, "height"),
        ({"prompt": "a", "seed": -1}, "seed"),
        ({"prompt": "a", "seed": 2**32}, "seed"),
        ({"prompt": "a", "width": "wide"}, "width"),
        ({"prompt": "a", "colour": "red"}, "colour"),
    ],
    ids=[
        "prompt-blank",
        "prompt-2001",
        "width-15",
        "width-257",
        "height-7",
        "height-129",
        "seed-negative",
        "seed-2^32",
        "width-not-int",
        "unknown-field",
    ],
)
async def test_invalid_field_is_422_naming_the_field(
    client: Any, body: dict[str, Any], field: str
) -> None:
    problem = assert_problem(await client.post("/generate", json=body), 422)
    assert [error["field"] for error in problem["errors"]] == [field]
    assert all(error["message"] for error in problem["errors"])


async def test_missing_prompt_is_422_naming_prompt(client: Any) -> None:
    problem = assert_problem(await client.post("/generate", json={"width": 20}), 422)
    assert [error["field"] for error in problem["errors"]] == ["prompt"]


async def test_empty_body_is_400_not_json(client: Any) -> None:
    response = await client.post(
        "/generate", content=b"", headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 400)


async def test_malformed_json_is_400(client: Any) -> None:
    response = await client.post(
        "/generate", content=b'{"prompt": "a', headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 400)


@pytest.mark.parametrize(
    "key", ["k" * 129, "has space", "tab\there", ""], ids=["129-chars", "space", "tab", "empty"]
)
async def test_bad_idempotency_key_is_400(client: Any, key: str) -> None:
    response = await client.post(
        "/generate", json={"prompt": "a"}, headers={"Idempotency-Key": key}
    )
    assert_problem(response, 400)


async def test_idempotency_key_of_128_printable_characters_is_accepted(client: Any) -> None:
    key = "K~!" + "x" * 125
    response = await client.post(
        "/generate", json={"prompt": "a"}, headers={"Idempotency-Key": key}
    )
    assert response.status_code == 202


async def test_body_over_the_limit_is_413(client: Any) -> None:
    response = await client.post(
        "/generate",
        content=b'{"prompt": "' + b"a" * (64 * 1024) + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert_problem(response, 413)


async def test_the_largest_valid_body_fits_under_the_limit(client: Any) -> None:
    # Every character escaped as a surrogate pair: the longest way to write a valid request.
    astral = "\\ud83c\\udf0a"
    body = (
        '{"prompt": "'
        + astral * 2000
        + '", "webhook": "https://example.com/'
        + astral * 2020
        + '", "webhookEvents": ["terminal", "step"], "seed": 4294967295, "width": 256, '
        '"height": 128}'
    ).encode()
    assert len(body) > 48_000

    response = await client.post(
        "/generate", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 422, response.text  # read, then refused for its content
    assert response.json()["errors"][0]["field"] == "webhook"


async def test_unknown_path_and_wrong_method_are_problem_details(client: Any) -> None:
    assert_problem(await client.get("/no-such-thing"), 404)
    assert_problem(await client.get("/generate"), 405)
