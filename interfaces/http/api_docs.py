"""The API docs page (Swagger UI) at `/schema`, its script and styles served by the service.

Swagger UI's files are vendored, unchanged and with their licence, in `web/swagger-ui/` (see
its README) and served under `/schema/assets/`, so the page works offline and loads nothing
from another origin (Litestar's render plugins default to CDNs, its Scalar plugin included).
"""

from functools import cache
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.params import FromPath

from interfaces.http.packaged_files import PackagedFile, read_packaged_files

ASSETS = "/schema/assets"
_NO_FAVICON = "<link rel='icon' href='data:,'>"
_MEDIA_TYPES = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
    "swagger-ui.css": "text/css",
}
_CACHE_CONTROL = "public, max-age=3600"


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
def _assets() -> dict[str, PackagedFile]:
    return read_packaged_files("swagger-ui", _MEDIA_TYPES)


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
