"""CORS_ALLOW_ORIGINS: the listed origins may call the API from a browser (preflight included,
with the headers a client reads exposed); no origin is allowed by default."""

from typing import Any

from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.app import create_app
from tests.conftest import make_container
from tests.fakes import TOKEN

ALLOWED = "https://app.example"
BODY = {"prompt": "a village with a well", "width": 32, "height": 16, "seed": 3}
KEY = "sg_" + "c3" * 20


def app(**env: str) -> Any:
    return create_app(ApiRuntime(make_container({"INTERNAL_TOKEN": TOKEN, **env})))


def preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
    }


async def test_no_origin_is_allowed_by_default() -> None:
    async with AsyncTestClient(app=app()) as client:
        response = await client.post("/generate", json=BODY, headers={"Origin": ALLOWED})
    assert response.status_code == 202
    assert "access-control-allow-origin" not in response.headers


async def test_a_listed_origin_passes_preflight_and_reads_the_headers_it_needs() -> None:
    env = {"CORS_ALLOW_ORIGINS": f"{ALLOWED}, https://other.example"}
    async with AsyncTestClient(app=app(**env)) as client:
        checked = await client.options("/generate", headers=preflight(ALLOWED))
        response = await client.post("/generate", json=BODY, headers={"Origin": ALLOWED})
        stranger = await client.post("/generate", json=BODY, headers={"Origin": "https://x.test"})

    assert checked.status_code in (200, 204), checked.text
    assert checked.headers["access-control-allow-origin"] == ALLOWED
    assert "authorization" in checked.headers["access-control-allow-headers"].lower()
    assert response.headers["access-control-allow-origin"] == ALLOWED
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "location" in exposed and "ratelimit-remaining" in exposed
    assert "access-control-allow-origin" not in stranger.headers


async def test_with_keys_the_preflight_needs_no_key_and_answers_carry_cors() -> None:
    env = {
        "CORS_ALLOW_ORIGINS": ALLOWED,
        "AUTH_MODE": "api-keys",
        "API_KEYS": f"web:{KEY}",
    }
    async with AsyncTestClient(app=app(**env)) as client:
        checked = await client.options("/jobs", headers=preflight(ALLOWED))
        refused = await client.get("/jobs", headers={"Origin": ALLOWED})
        listed = await client.get(
            "/jobs", headers={"Origin": ALLOWED, "Authorization": f"Bearer {KEY}"}
        )

    assert checked.status_code in (200, 204), checked.text
    assert checked.headers["access-control-allow-origin"] == ALLOWED
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == ALLOWED
    assert listed.status_code == 200
    assert listed.headers["access-control-allow-origin"] == ALLOWED
