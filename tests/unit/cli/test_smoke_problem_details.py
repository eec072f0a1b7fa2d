"""The command line names what the API refused: a problem's detail and each field it names."""

import httpx

from interfaces.cli.smoke import _detail


def test_a_refused_field_is_named_with_its_message() -> None:
    response = httpx.Response(
        422,
        json={
            "title": "Unprocessable Content",
            "detail": "The request has invalid fields.",
            "errors": [
                {"field": "prompt", "source": "body", "message": "must be 1..2000 characters"}
            ],
        },
    )

    assert _detail(response) == (
        "The request has invalid fields. prompt: must be 1..2000 characters"
    )


def test_a_problem_without_errors_is_its_detail() -> None:
    response = httpx.Response(404, json={"detail": "No job has this id."})

    assert _detail(response) == "No job has this id."


def test_a_body_that_is_not_json_is_shown_cut_short() -> None:
    assert _detail(httpx.Response(502, text="x" * 500)) == "x" * 200
