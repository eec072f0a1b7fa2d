"""The page and its assets: strict security headers, revalidation, outside the OpenAPI document."""

import tomllib
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.settings import Settings
from interfaces.http.app import create_app
from interfaces.http.web_page import CONTENT_SECURITY_POLICY
from tests.browser.servers import TOKEN

ROOT = Path(__file__).resolve().parents[2]
PAGE_AND_ASSETS = {
    "/": "text/html; charset=utf-8",
    "/static/app.css": "text/css; charset=utf-8",
    "/static/app.js": "text/javascript; charset=utf-8",
}


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    app = create_app(ApiRuntime(Container(settings=Settings(internal_token=TOKEN))))
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize(("path", "media_type"), PAGE_AND_ASSETS.items())
def test_page_and_assets_carry_the_security_headers(
    client: TestClient[Litestar],
    path: str,
    media_type: str,
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-cache"
    again = client.get(path, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_the_page_has_no_inline_script_or_style(client: TestClient[Litestar]) -> None:
    html = client.get("/").text
    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html
    assert '<script src="/static/app.js" defer></script>' in html
    assert "http://" not in html.replace('xmlns="http://', "")
    assert "https://" not in html


def test_the_page_stays_out_of_the_openapi_document(client: TestClient[Litestar]) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths
    assert not [path for path in paths if path.startswith("/static")]


def test_only_the_shipped_assets_are_served(client: TestClient[Litestar]) -> None:
    for path in ("/static/index.html", "/static/missing.js", "/static/..%2Fweb_page.py"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


def test_the_page_answers_with_a_job_query(client: TestClient[Litestar]) -> None:
    assert client.get("/?job=01m8f6xm8rb0zspeqg8s6hftky3cpn0mg4pq").status_code == 200


def test_every_static_file_ships_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["interfaces.http"]
    package = ROOT / "interfaces" / "http"
    shipped = sorted((package / "web" / "static").iterdir())
    assert [file.name for file in shipped] == ["app.css", "app.js", "index.html"]
    for file in shipped:
        relative = file.relative_to(package).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in patterns), f"{relative} is not shipped"
