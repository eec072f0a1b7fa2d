"""The API docs page (/schema) loads its script, styles and icon from the service itself."""

import re
from typing import Any

import pytest

ASSETS = {
    "/schema/assets/swagger-ui-bundle.js": "text/javascript",
    "/schema/assets/swagger-ui-standalone-preset.js": "text/javascript",
    "/schema/assets/swagger-ui.css": "text/css",
}


@pytest.mark.parametrize("path", ["/schema", "/schema/swagger"])
async def test_the_docs_page_names_no_other_origin(client: Any, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 200
    linked = re.findall(r"""(?:src|href)=["']([^"']+)["']""", response.text)
    assert set(ASSETS) <= set(linked)
    assert [url for url in linked if "//" in url] == []


@pytest.mark.parametrize(("path", "media_type"), ASSETS.items())
async def test_its_assets_are_served_from_the_package(
    client: Any, path: str, media_type: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert len(response.content) > 10_000


async def test_nothing_else_is_served_there(client: Any) -> None:
    response = await client.get("/schema/assets/../../__init__.py")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
