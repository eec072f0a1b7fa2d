"""docs/architecture.md names only what exists: every file, package, module and code name it
cites in backticks is in the tree, so a rename that leaves the map behind fails here."""

import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
SOURCE_PACKAGES = ("domain", "application", "infrastructure", "interfaces", "tests")

# Names the doc cites that belong to the libraries, not to this code.
LIBRARY_NAMES = frozenset({"Provide", "Response", "UpdateItem", "typing.Protocol", "app.state"})
# Words in backticks that are values on the wire or in logs, not code names.
WIRE_WORDS = frozenset(
    {"started", "succeeded", "failed", "done", "queued", "running", "minimap.txt", "scene.svg"}
)

PATH = re.compile(r"^(?P<path>[\w./-]+?(?:\.(?:py|toml|md)|/))(?::(?P<name>[\w.]+))?$")
MODULE = re.compile(r"^[a-z_]+(?:\.[a-z_]+)+$")
CLASS = re.compile(r"^(?P<cls>[A-Z]\w*)(?:\.(?P<member>\w+)(?:\(\w*\))?)?$")
CALL = re.compile(r"^(?P<name>[a-z_]\w*)\([\w, ]*\)$")
SNAKE = re.compile(r"^[a-z]+(?:_[a-z0-9]+)+$")
CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")


def cited() -> list[str]:
    spans = re.findall(r"`([^`\n]+)`", DOC.read_text(encoding="utf-8"))
    return sorted({span.removesuffix("s") if span.endswith("`s") else span for span in spans})


@cache
def source_text() -> str:
    files = (path for package in SOURCE_PACKAGES for path in (ROOT / package).rglob("*.py"))
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def defines(text: str, name: str) -> bool:
    return bool(re.search(rf"^\s*(?:async def|def|class) {name}\b|^{name}\b.*=", text, re.M))


def missing(span: str) -> str | None:
    """Why `span` names nothing in the tree, or None when it does (or is not a code name)."""
    if span in LIBRARY_NAMES or span in WIRE_WORDS or " " in span:
        return None
    if match := PATH.match(span):
        path = ROOT / match["path"]
        if "/" not in match["path"]:  # a file named in the context of its folder: somewhere
            named = match["path"]
            candidates = [p for package in SOURCE_PACKAGES for p in (ROOT / package).rglob(named)]
            path = candidates[0] if candidates else path
        if not path.exists():
            return f"no file or folder {match['path']}"
        name = match["name"]
        if name is None:
            return None
        text = path.read_text(encoding="utf-8")
        cls, _, member = name.partition(".")
        if not defines(text, cls) or (member and not defines(text, member)):
            return f"{match['path']} defines no {name}"
        return None
    if MODULE.match(span):
        path = ROOT / span.replace(".", "/")
        ok = path.is_dir() or path.with_suffix(".py").exists()
        return None if ok else f"no module {span}"
    if CONSTANT.match(span):
        found = re.search(rf"\b{span}\b", source_text())
        return None if found else f"{span} appears nowhere in the code"
    if match := CLASS.match(span):
        if not defines(source_text(), match["cls"]):
            return f"nothing defines {match['cls']}"
        member = match["member"]
        if member and not defines(source_text(), member):
            return f"nothing defines {member} (of {match['cls']})"
        return None
    if match := CALL.match(span):
        return None if defines(source_text(), match["name"]) else f"no function {match['name']}"
    if SNAKE.match(span):
        found = re.search(rf"\b{span}\b", source_text())
        return None if found else f"{span} appears nowhere in the code"
    return None


def test_the_doc_cites_code_names() -> None:
    spans = cited()
    assert sum(1 for span in spans if PATH.match(span)) > 40
    assert sum(1 for span in spans if CLASS.match(span)) > 30


@pytest.mark.parametrize("span", cited())
def test_every_name_the_architecture_doc_cites_exists(span: str) -> None:
    assert missing(span) is None, f"docs/architecture.md cites `{span}`: {missing(span)}"


def test_a_misspelt_name_is_caught() -> None:
    assert missing("infrastructure/aws/sqs_jobqueue.py") is not None
    assert missing("domain/jobs/rules.py:apply_steps") is not None
    assert missing("SqsJobQeue") is not None
    assert missing("infrastructure.awz") is not None
    assert missing("api_runtime_from_environment()") is not None
