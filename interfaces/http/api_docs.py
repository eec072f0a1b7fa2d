"""The API docs page (Swagger UI) at `/schema`, its script and styles served by the service.

Swagger UI's files are vendored, unchanged and with their licence, in `web/swagger-ui/` (see
its README) and served under `/schema/assets/`, so the page works offline and loads nothing
from another origin (Litestar's render plugins default to CDNs, its Scalar plugin included).
"""

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import msgspec
from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.params import FromPath

ASSETS = "/schema/assets"
_NO_FAVICON = "<link rel='icon' href='data:,'>"
_MEDIA_TYPES = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
    "swagger-ui.css": "text/css",
}
_CACHE_CONTROL = "public, max-age=3600"


class _Asset(msgspec.Struct, frozen=True):
    body: bytes
    media_type: str
    etag: str


def api_docs_render_plugin() -> SwaggerRenderPlugin:
    """Swagger UI at `/schema` (the page's "API docs" link) and `/schema/swagger`."""
    return SwaggerRenderPlugin(
        path=["/", "/swagger"],
        js_url=f"{ASSETS}/swagger-ui-bundle.js",
        css_url=f"{ASSETS}/swagger-ui.css",
        standalone_preset_js_url=f"{ASSETS}/swagger-ui-standalone-preset.js",
        favicon=_NO_FAVICON,
    )


@cache
def _assets() -> dict[str, _Asset]:
    folder = resources.files("interfaces.http") / "web" / "swagger-ui"
    assets = {}
    for name, media_type in _MEDIA_TYPES.items():
        body = (folder / name).read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        assets[name] = _Asset(body=body, media_type=media_type, etag=etag)
    return assets


@get(f"{ASSETS}/{{name:str}}", include_in_schema=False, sync_to_thread=False)
def api_docs_asset(name: FromPath[str], request: Request[Any, Any, Any]) -> Response[bytes]:
    """One of Swagger UI's files, read once from the package; revalidated with its ETag."""
    asset = _assets().get(name)
    if asset is None:
        raise NotFoundException()
    headers = {"ETag": asset.etag, "Cache-Control": _CACHE_CONTROL}
    if asset.etag in request.headers.get("if-none-match", ""):
        return Response(b"", status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)
