"""Every invalid field of a request in one answer: a POST /generate body's fields (each with its
JSON Pointer) and GET /jobs's query parameters, as problem details' `errors`."""

from typing import Any

from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.app import create_app
from tests.conftest import make_container
from tests.fakes import TOKEN, assert_problem

ALICE = "sg_" + "c3" * 20


async def test_every_invalid_field_of_a_body_is_named_with_its_pointer(client: Any) -> None:
    body = {"prompt": "   ", "seed": "7", "width": 4, "height": 500, "colour": "red"}

    problem = assert_problem(await client.post("/generate", json=body), 422)

    assert {(e["field"], e["pointer"], e["source"]) for e in problem["errors"]} == {
        ("prompt", "/prompt", "body"),
        ("seed", "/seed", "body"),
        ("width", "/width", "body"),
        ("height", "/height", "body"),
        ("colour", "/colour", "body"),
    }
    messages = {error["field"]: error["message"] for error in problem["errors"]}
    assert messages["width"] == "must be >= 16"
    assert messages["height"] == "must be <= 128"
    assert messages["seed"] == "must be an integer, not a string"
    assert messages["prompt"] == "must be 1..2000 characters after trimming"


async def test_a_missing_field_and_an_invalid_one_are_both_named(client: Any) -> None:
    problem = assert_problem(await client.post("/generate", json={"width": 1.5}), 422)

    assert {error["field"]: error["message"] for error in problem["errors"]} == {
        "width": "must be an integer, not a number",
        "prompt": "is required",
    }


async def test_an_invalid_item_of_a_list_is_pointed_at(client: Any) -> None:
    body = {"prompt": "a well", "webhookEvents": ["terminal", "everything"], "height": 7}

    problem = assert_problem(await client.post("/generate", json=body), 422)

    pointers = {error["pointer"] for error in problem["errors"]}
    assert pointers == {"/webhookEvents/1", "/height"}


async def test_every_invalid_query_parameter_of_a_listing_is_named() -> None:
    container = make_container(
        {"INTERNAL_TOKEN": TOKEN, "AUTH_MODE": "api-keys", "API_KEYS": f"alice:{ALICE}"}
    )
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        response = await client.get(
            "/jobs",
            params={"limit": "0", "status": "lost", "cursor": "x" * 600},
            headers={"Authorization": f"Bearer {ALICE}"},
        )

    problem = assert_problem(response, 422)
    assert {(e["field"], e["source"]) for e in problem["errors"]} == {
        ("limit", "query"),
        ("status", "query"),
        ("cursor", "query"),
    }
    messages = {error["field"]: error["message"] for error in problem["errors"]}
    assert messages["limit"] == "must be >= 1"
