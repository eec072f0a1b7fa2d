"""Static files shipped inside the package (the page's, the API docs'), read once each."""

import hashlib
from importlib import resources

import msgspec


class PackagedFile(msgspec.Struct, frozen=True):
    body: bytes
    media_type: str
    etag: str


def read_packaged_files(folder: str, media_types: dict[str, str]) -> dict[str, PackagedFile]:
    """Every file named in `media_types`, from `interfaces/http/web/<folder>`."""
    directory = resources.files("interfaces.http") / "web" / folder
    files = {}
    for name, media_type in media_types.items():
        body = (directory / name).read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        files[name] = PackagedFile(body=body, media_type=media_type, etag=etag)
    return files
