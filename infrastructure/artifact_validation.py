"""Checks that a scene graph and a minimap are well formed, for the smoke check and the tests."""

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from domain.scene import SCENE_GRAPH_SCHEMA_FILE


@cache
def scene_graph_schema() -> dict[str, Any]:
    text = (resources.files("domain.scene") / SCENE_GRAPH_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def scene_graph_problems(graph: object) -> list[str]:
    """Every way `graph` breaks the scene graph's JSON Schema; empty when it is valid."""
    validator = jsonschema.Draft202012Validator(scene_graph_schema())
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(graph)
    ]


def minimap_problems(minimap: str, *, width: int, height: int) -> list[str]:
    """The map must be `height` rows of `width` cells inside a border, in printable ASCII."""
    problems = []
    if any(not (32 <= ord(char) < 127) for char in minimap.replace("\n", "")):
        problems.append("contains characters outside printable ASCII")
    lines = minimap.split("\n")
    if len(lines) < height + 2:
        return [*problems, f"has {len(lines)} lines, fewer than the {height + 2} of a bordered map"]
    top, rows, bottom = lines[0], lines[1 : height + 1], lines[height + 1]
    if len(top) != width + 2 or top != bottom:
        problems.append(f"border lines are not {width + 2} characters wide and equal")
    edge = rows[0][:1] if rows else ""
    for number, row in enumerate(rows, start=1):
        if len(row) != width + 2 or row[0] != edge or row[-1] != edge:
            problems.append(f"row {number} is not {width} cells between border characters")
            break
    return problems
