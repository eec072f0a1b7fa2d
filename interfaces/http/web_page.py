"""The demo web page: `GET /` and its static assets, shipped in the package, strict headers."""

from functools import cache
from typing import Any

from litestar import Controller, Request, Response, Router, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from interfaces.http.packaged_files import PackagedFile, read_packaged_files

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""No inline script or style, nothing from another origin. Downloads are `blob:` links, which
are navigations, not fetches, so no directive needs to allow them; with an API key the map is
read with the key and shown from a `blob:` URL (an <img> cannot send the key)."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # Revalidate every time (ETag, 304): the file names carry no version, and a deploy must
    # never leave a browser with a page and a script from two releases.
    "Cache-Control": "no-cache",
}

_MEDIA_TYPES = {
    "index.html": "text/html",
    "app.css": "text/css",
    "app.js": "text/javascript",
}


@cache
def _assets() -> dict[str, PackagedFile]:
    """Every static file, read once from the installed package."""
    return read_packaged_files("static", _MEDIA_TYPES)


def _serve(name: str, request: Request[Any, Any, Any]) -> Response[bytes]:
    asset = _assets()[name]
    headers = {**SECURITY_HEADERS, "ETag": asset.etag}
    if asset.etag in _etags(request.headers.get("if-none-match", "")):
        return Response(b"", status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def _etags(if_none_match: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in if_none_match.split(",") if tag.strip()}


class WebPage(Controller):
    """The page at `/` and its assets under `/static/`, outside the OpenAPI document."""

    include_in_schema = False

    def __init__(self, owner: Router) -> None:
        super().__init__(owner)
        _assets()  # a package built without its static files fails at start, not on a visit

    @get("/")
    async def page(self, request: Request[Any, Any, Any]) -> Response[bytes]:
        return _serve("index.html", request)

    @get("/static/{name:str}")
    async def asset(self, name: FromPath[str], request: Request[Any, Any, Any]) -> Response[bytes]:
        if name == "index.html" or name not in _MEDIA_TYPES:
            raise NotFoundException()
        return _serve(name, request)
