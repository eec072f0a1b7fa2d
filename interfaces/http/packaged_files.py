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
    return {
        name: packaged_file((directory / name).read_bytes(), media_type)
        for name, media_type in media_types.items()
    }


def read_packaged_file(package: str, name: str, media_type: str) -> PackagedFile:
    """One file shipped in `package` (a JSON Schema beside the code it describes)."""
    return packaged_file((resources.files(package) / name).read_bytes(), media_type)


def packaged_file(body: bytes, media_type: str) -> PackagedFile:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return PackagedFile(body=body, media_type=media_type, etag=etag)
