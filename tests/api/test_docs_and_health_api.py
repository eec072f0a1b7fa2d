"""OpenAPI document, interactive docs, liveness and readiness."""

from typing import Any


async def test_openapi_json_is_3_1_with_public_paths_only(client: Any) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert "/generate" in document["paths"]
    assert "/status/{job_id}" in document["paths"]
    assert not [path for path in document["paths"] if "internal" in path]


async def test_openapi_documents_generate_as_post_and_status_as_get(client: Any) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert "post" in paths["/generate"]
    assert "get" in paths["/status/{job_id}"]


async def test_schema_serves_interactive_html_docs(client: Any) -> None:
    response = await client.get("/schema")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<html" in response.text.lower()


async def test_healthz_is_200(client: Any) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_is_200_with_every_check_ok(client: Any) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"jobStore", "artifactStore", "queue", "secretStore"}
    assert set(body["checks"].values()) == {"ok"}
