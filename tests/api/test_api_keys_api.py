"""AUTH_MODE=api-keys on the public job endpoints: `Authorization: Bearer` or 401, a job is its
key's alone (404 for any other, as for an unknown id), Idempotency-Keys per key, quotas (429
with Retry-After) and RateLimit-* headers on every keyed answer; the rest of the service as
before. AUTH_MODE=none keeps every endpoint open and sends no RateLimit-* headers."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from domain.jobs import new_job
from domain.keys import hash_secret, key_id_for
from infrastructure.time_and_randomness import RandomJobIds
from tests.conftest import make_container
from tests.fakes import RETENTION, T0, TOKEN, IdleQueue, a_request, assert_problem

ALICE = "sg_" + "a1" * 20
BOB = "sg_" + "b2" * 20
UNKNOWN_ID = RandomJobIds().new_id(T0)
BODY = {"prompt": "a village with a well", "width": 32, "height": 16, "seed": 3}
RATE_HEADERS = ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset")


def keyed_env(**overrides: str) -> dict[str, str]:
    return {
        "INTERNAL_TOKEN": TOKEN,
        "AUTH_MODE": "api-keys",
        "API_KEYS": f"alice:{ALICE},bob:{BOB}",
        "RATE_LIMIT_PER_MINUTE": "100",
        "MAX_ACTIVE_JOBS_PER_KEY": "100",
        **overrides,
    }


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def container() -> Any:
    return make_container(keyed_env())


async def seed_owned(container: Any, secret: str | None) -> str:
    """A queued job owned by `secret`'s key (None: by no key), never run."""
    now = container.clock().now()
    job_id = RandomJobIds().new_id(now)
    owner = None if secret is None else key_id_for(hash_secret(secret))
    job = new_job(job_id=job_id, request=a_request(), now=now, retention=RETENTION, owner=owner)
    assert await container.job_repository().add(job)
    return job_id


def job_requests(job_id: str) -> list[tuple[str, str]]:
    status = f"/status/{job_id}"
    return [
        ("GET", status),
        ("GET", f"{status}/events"),
        ("GET", f"{status}/scene-graph.json"),
        ("GET", f"{status}/minimap.txt"),
        ("GET", f"{status}/scene.svg"),
        ("POST", f"{status}/cancel"),
    ]


PUBLIC = [("POST", "/generate"), ("GET", "/jobs"), *job_requests(UNKNOWN_ID)]


@pytest.mark.parametrize(("method", "path"), PUBLIC)
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer", "Basic YWxpY2U6eA==", f"Bearer {ALICE[:-1]}x", "Bearer sg_short", ALICE],
    ids=["missing", "empty", "basic", "wrong", "malformed", "no-scheme"],
)
async def test_a_public_job_endpoint_without_a_valid_key_is_401_with_a_bearer_challenge(
    client: Any, method: str, path: str, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await client.request(method, path, headers=headers, json=BODY)

    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert not any(name in response.headers for name in RATE_HEADERS)
    assert ALICE not in response.text


async def test_a_revoked_key_is_401_once_the_cache_lapses(client: Any, container: Any) -> None:
    assert (await client.post("/generate", json=BODY, headers=bearer(ALICE))).status_code == 202
    await container.key_store().revoke(key_id_for(hash_secret(ALICE)), now=T0)
    container.clock().advance(seconds=60)

    response = await client.get(f"/status/{UNKNOWN_ID}", headers=bearer(ALICE))

    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json", "/"])
async def test_health_the_document_and_the_page_need_no_key(client: Any, path: str) -> None:
    assert (await client.get(path)).status_code == 200


async def test_a_key_submits_and_follows_its_job_with_rate_limit_headers(client: Any) -> None:
    accepted = await client.post("/generate", json=BODY, headers=bearer(ALICE))
    assert accepted.status_code == 202, accepted.text
    assert accepted.headers["ratelimit-limit"] == "100"
    assert accepted.headers["ratelimit-remaining"] == "99"
    assert 1 <= int(accepted.headers["ratelimit-reset"]) <= 60

    status = await client.get(accepted.json()["statusUrl"], headers=bearer(ALICE))

    assert status.status_code == 200, status.text
    assert status.json()["id"] == accepted.json()["id"]
    assert status.headers["ratelimit-remaining"] == "99"  # reading takes nothing


async def test_another_keys_job_is_404_exactly_as_an_unknown_id(
    client: Any, container: Any
) -> None:
    job_id = await seed_owned(container, ALICE)

    for (method, path), (_, unknown_path) in zip(
        job_requests(job_id), job_requests(UNKNOWN_ID), strict=True
    ):
        theirs = await client.request(method, path, headers=bearer(BOB))
        unknown = await client.request(method, unknown_path, headers=bearer(BOB))

        body = assert_problem(theirs, 404)
        expected = assert_problem(unknown, 404)
        assert {**body, "instance": None} == {**expected, "instance": None}, path
        assert theirs.headers.keys() - RATE_HEADERS == unknown.headers.keys() - RATE_HEADERS
        assert "ratelimit-limit" in theirs.headers
        if not path.endswith("/events"):  # a queued job's stream would not end
            mine = await client.request(method, path, headers=bearer(ALICE))
            assert mine.status_code in (200, 409), (path, mine.text)
    assert (await client.get(f"/status/{job_id}", headers=bearer(ALICE))).json()["status"] == (
        "canceled"
    )


async def test_a_job_made_without_a_key_is_no_keys(client: Any, container: Any) -> None:
    job_id = await seed_owned(container, None)
    assert_problem(await client.get(f"/status/{job_id}", headers=bearer(ALICE)), 404)


async def test_idempotency_keys_are_scoped_to_the_api_key(client: Any) -> None:
    same = {"Idempotency-Key": "order-42"}
    alice = await client.post("/generate", json=BODY, headers={**same, **bearer(ALICE)})
    bob = await client.post("/generate", json={**BODY, "seed": 4}, headers={**same, **bearer(BOB)})
    replay = await client.post("/generate", json=BODY, headers={**same, **bearer(ALICE)})

    assert alice.status_code == 202 and bob.status_code == 202, bob.text
    assert alice.json()["id"] != bob.json()["id"]
    assert replay.status_code == 200 and replay.json()["id"] == alice.json()["id"]


async def test_beyond_the_rate_a_submission_is_429_with_retry_after() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = make_container(keyed_env(RATE_LIMIT_PER_MINUTE="2"))
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        taken = [await client.post("/generate", json=BODY, headers=bearer(ALICE)) for _ in range(2)]
        refused = await client.post("/generate", json=BODY, headers=bearer(ALICE))
        others = await client.post("/generate", json=BODY, headers=bearer(BOB))
        reading = await client.get(f"/status/{UNKNOWN_ID}", headers=bearer(ALICE))

    assert [r.headers["ratelimit-remaining"] for r in taken] == ["1", "0"]
    problem = assert_problem(refused, 429)
    assert "2 submissions" in problem["detail"]
    assert refused.headers["retry-after"] == refused.headers["ratelimit-reset"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["ratelimit-remaining"] == "0"
    assert others.status_code == 202
    assert_problem(reading, 404)
    assert reading.headers["ratelimit-remaining"] == "0"


async def test_a_refused_submission_costs_no_place_in_the_window() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = make_container(keyed_env(RATE_LIMIT_PER_MINUTE="2"))
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        invalid = [
            await client.post("/generate", json={**BODY, "width": 0}, headers=bearer(ALICE)),
            await client.post(
                "/generate",
                content=b"{",
                headers={"Content-Type": "application/json", **bearer(ALICE)},
            ),
            await client.post("/generate", json={**BODY, "prompt": "   "}, headers=bearer(ALICE)),
        ]
        taken = [await client.post("/generate", json=BODY, headers=bearer(ALICE)) for _ in range(2)]

    assert [r.status_code for r in invalid] == [422, 400, 422]
    assert [r.headers["ratelimit-remaining"] for r in invalid] == ["2", "2", "2"]
    assert [r.status_code for r in taken] == [202, 202]


def idle_container(**overrides: str) -> Any:
    """Keyed, with a queue that delivers nothing: submitted jobs stay queued (active)."""
    from dependency_injector import providers

    container = make_container(keyed_env(**overrides))
    container.job_queue.override(providers.Object(IdleQueue()))
    return container


async def test_at_its_limit_of_active_jobs_a_key_is_429_until_one_ends() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = idle_container(MAX_ACTIVE_JOBS_PER_KEY="2")
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        taken = [await client.post("/generate", json=BODY, headers=bearer(ALICE)) for _ in range(2)]
        refused = await client.post("/generate", json=BODY, headers=bearer(ALICE))
        others = await client.post("/generate", json=BODY, headers=bearer(BOB))
        first = taken[0].json()["id"]
        canceled = await client.post(f"/status/{first}/cancel", headers=bearer(ALICE))
        again = await client.post("/generate", json=BODY, headers=bearer(ALICE))
        full = await client.post("/generate", json=BODY, headers=bearer(ALICE))

    assert [r.status_code for r in taken] == [202, 202]
    problem = assert_problem(refused, 429)
    assert "has 2 queued or running jobs, its limit (2)" in problem["detail"]
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.headers["ratelimit-remaining"] == "98"  # the refused one was not counted
    assert others.status_code == 202
    assert canceled.status_code == 200
    assert again.status_code == 202, again.text
    assert_problem(full, 429)


async def test_racing_submissions_from_one_key_admit_exactly_its_limit_of_active_jobs() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = idle_container(MAX_ACTIVE_JOBS_PER_KEY="2")
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        answers = await asyncio.gather(
            *(
                client.post(
                    "/generate",
                    json={**BODY, "seed": seed},
                    headers={**bearer(ALICE), "Idempotency-Key": f"race-{seed}"},
                )
                for seed in range(8)
            )
        )
        accepted = [r for r in answers if r.status_code == 202]
        replays = [
            await client.post(
                "/generate",
                json={**BODY, "seed": seed},
                headers={**bearer(ALICE), "Idempotency-Key": f"race-{seed}"},
            )
            for seed, r in enumerate(answers)
            if r.status_code == 202
        ]
        listed = await client.get("/jobs", headers=bearer(ALICE))

    assert sorted(r.status_code for r in answers) == [202, 202] + [429] * 6, [
        r.text for r in answers
    ]
    for refused in (r for r in answers if r.status_code == 429):
        problem = assert_problem(refused, 429)
        assert "its limit (2)" in problem["detail"]
        assert int(refused.headers["retry-after"]) >= 1
    # A replay of an accepted submission is its job again (200), taking no second slot.
    assert [r.status_code for r in replays] == [200, 200]
    assert {r.json()["id"] for r in replays} == {r.json()["id"] for r in accepted}
    assert {item["id"] for item in listed.json()["items"]} == {r.json()["id"] for r in accepted}


async def test_without_keys_every_endpoint_is_open_and_sends_no_rate_limit_headers() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = make_container()
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        owned = await seed_owned(container, ALICE)
        accepted = await client.post("/generate", json=BODY, headers=bearer("anything"))
        status = await client.get(f"/status/{owned}")

    assert accepted.status_code == 202
    assert status.status_code == 200
    assert not any(name in accepted.headers for name in RATE_HEADERS)


async def test_a_key_lists_its_own_jobs_newest_first_a_page_at_a_time(
    client: Any, container: Any
) -> None:
    clock = container.clock()
    mine = []
    for _ in range(5):
        mine.append(await seed_owned(container, ALICE))
        clock.advance(seconds=1)
    await seed_owned(container, BOB)

    first = await client.get("/jobs", params={"limit": 2}, headers=bearer(ALICE))
    assert first.status_code == 200, first.text
    assert first.headers["cache-control"] == "no-store"
    assert "ratelimit-limit" in first.headers
    page = first.json()
    assert [item["id"] for item in page["items"]] == mine[::-1][:2]
    assert page["items"][0]["status"] == "queued"

    newer = await client.post("/generate", json=BODY, headers=bearer(ALICE))  # survives this
    assert newer.status_code == 202
    seen = [item["id"] for item in page["items"]]
    while page["nextCursor"] is not None:
        response = await client.get(
            "/jobs", params={"limit": 2, "cursor": page["nextCursor"]}, headers=bearer(ALICE)
        )
        assert response.status_code == 200, response.text
        page = response.json()
        seen += [item["id"] for item in page["items"]]
    assert seen == mine[::-1]

    everything = (await client.get("/jobs", headers=bearer(ALICE))).json()
    assert newer.json()["id"] in [item["id"] for item in everything["items"]]
    assert len(everything["items"]) == 6 and everything["nextCursor"] is None
    bobs = (await client.get("/jobs", headers=bearer(BOB))).json()["items"]
    assert len(bobs) == 1 and bobs[0]["id"] not in mine


async def test_listing_filters_by_status(client: Any, container: Any) -> None:
    job_id = await seed_owned(container, ALICE)
    await seed_owned(container, ALICE)
    await client.post(f"/status/{job_id}/cancel", headers=bearer(ALICE))

    response = await client.get("/jobs", params={"status": "canceled"}, headers=bearer(ALICE))

    assert [item["id"] for item in response.json()["items"]] == [job_id]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"cursor": "not-a-cursor"}, 400),
        ({"cursor": "e30"}, 400),
        ({"limit": "0"}, 422),
        ({"limit": "101"}, 422),
        ({"limit": "ten"}, 422),
        ({"status": "lost"}, 422),
    ],
)
async def test_a_bad_cursor_limit_or_status_is_a_problem(
    client: Any, params: dict[str, str], status: int
) -> None:
    assert_problem(await client.get("/jobs", params=params, headers=bearer(ALICE)), status)


async def test_a_cursor_of_another_status_filter_is_400(client: Any, container: Any) -> None:
    for _ in range(3):
        await seed_owned(container, ALICE)
    cursor = (await client.get("/jobs", params={"limit": 1}, headers=bearer(ALICE))).json()[
        "nextCursor"
    ]
    response = await client.get(
        "/jobs", params={"limit": 1, "cursor": cursor, "status": "queued"}, headers=bearer(ALICE)
    )
    assert "status filter" in assert_problem(response, 400)["detail"]


async def test_without_keys_listing_is_403() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    async with AsyncTestClient(app=create_app(ApiRuntime(make_container()))) as client:
        response = await client.get("/jobs", headers=bearer(ALICE))
    assert "without API keys" in assert_problem(response, 403)["detail"]


OPERATIONS = {
    ("post", "/generate"): "createJob",
    ("get", "/jobs"): "listJobs",
    ("get", "/status/{job_id}"): "getJob",
    ("post", "/status/{job_id}/cancel"): "cancelJob",
    ("get", "/status/{job_id}/events"): "streamJobEvents",
    ("get", "/status/{job_id}/scene-graph.json"): "getSceneGraph",
    ("get", "/status/{job_id}/minimap.txt"): "getMinimap",
    ("get", "/status/{job_id}/scene.svg"): "getSceneSvg",
}


async def test_the_keyed_document_has_bearer_auth_and_its_401_and_429_as_problems(
    client: Any,
) -> None:
    document = (await client.get("/openapi.json")).json()

    scheme = document["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for (method, path), operation_id in OPERATIONS.items():
        operation = document["paths"][path][method]
        assert operation["operationId"] == operation_id
        assert operation["security"] == [{"bearerAuth": []}]
        refused = operation["responses"]["401"]
        assert "WWW-Authenticate" in refused["headers"]
        content = refused["content"]["application/problem+json"]
        assert content["schema"] == {"$ref": "#/components/schemas/ProblemDetails"}
        ok = operation["responses"][next(s for s in operation["responses"] if s < "300")]
        assert "RateLimit-Remaining" in ok["headers"]
        assert ("429" in operation["responses"]) == (operation_id == "createJob")
    too_many = document["paths"]["/generate"]["post"]["responses"]["429"]
    assert "Retry-After" in too_many["headers"]
    assert "application/problem+json" in too_many["content"]
    assert "403" in document["paths"]["/jobs"]["get"]["responses"]
    for path in ("/healthz", "/readyz"):
        assert "security" not in document["paths"][path]["get"]


async def test_without_keys_the_document_has_the_operation_ids_and_no_security() -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    async with AsyncTestClient(app=create_app(ApiRuntime(make_container()))) as client:
        document = (await client.get("/openapi.json")).json()

    assert "securitySchemes" not in document.get("components", {})
    for (method, path), operation_id in OPERATIONS.items():
        operation = document["paths"][path][method]
        assert operation["operationId"] == operation_id
        assert "security" not in operation and "401" not in operation["responses"]
    listing = document["paths"]["/jobs"]["get"]["responses"]["403"]
    assert "application/problem+json" in listing["content"]


@pytest.mark.parametrize("env", [{}, keyed_env()], ids=["none", "api-keys"])
async def test_every_documented_4xx_is_problem_details(env: dict[str, str]) -> None:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    app = create_app(ApiRuntime(make_container({"INTERNAL_TOKEN": TOKEN, **env})))
    async with AsyncTestClient(app=app) as client:
        document = (await client.get("/openapi.json")).json()

    for (method, path), operation_id in OPERATIONS.items():
        for status, response in document["paths"][path][method]["responses"].items():
            if status.startswith("4"):
                assert list(response["content"]) == ["application/problem+json"], (
                    operation_id,
                    status,
                )


@pytest.fixture
async def client(container: Any) -> AsyncIterator[Any]:
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as test_client:
        yield test_client
