"""The lockfiles pin, with hashes, a version inside every range pyproject.toml declares."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)")


def _pins(lockfile: str) -> dict[str, str]:
    """Name -> pinned version; fails if a pin has no hash."""
    text = (ROOT / lockfile).read_text(encoding="utf-8")
    pins: dict[str, str] = {}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    for block in blocks:
        match = _PIN.match(block)
        if match is None:
            continue
        assert "--hash=sha256:" in block, f"{lockfile}: {match.group(1)} is pinned without a hash"
        pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _declared(extra: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return [Requirement(text) for text in names]


@pytest.mark.parametrize(
    ("lockfile", "extras"),
    [("requirements.lock", [None]), ("requirements-dev.lock", [None, "dev"])],
)
def test_every_declared_dependency_is_pinned_inside_its_range(
    lockfile: str, extras: list[str | None]
) -> None:
    pins = _pins(lockfile)
    for extra in extras:
        for requirement in _declared(extra):
            name = canonicalize_name(requirement.name)
            assert name in pins, f"{requirement.name} is not in {lockfile}: run `make lock`"
            assert requirement.specifier.contains(pins[name], prereleases=True), (
                f"{lockfile} pins {requirement.name}=={pins[name]}, outside {requirement}: "
                "run `make lock`"
            )


def test_the_service_lock_agrees_with_the_dev_lock() -> None:
    service, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert {name: version for name, version in service.items() if dev.get(name) != version} == {}


def test_the_emulator_lock_pins_the_ministack_the_makefile_names() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    version = re.search(r"^MINISTACK_VERSION := (\S+)$", makefile, re.M)
    assert version is not None
    assert _pins("requirements-emulator.lock")["ministack"] == version.group(1)


def test_installs_use_the_lockfiles() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert "--require-hashes -r requirements.lock" in makefile  # `make demo`: the service alone
    assert "--require-hashes -r requirements-emulator.lock" in makefile
    assert "--require-hashes -r requirements.lock" in dockerfile
    # the project itself adds nothing beyond the lock
    assert re.search(r"pip install (--\S+ )*--no-deps \.", dockerfile)
