"""`scenegen scene "PROMPT"`: generate one scene locally, print its minimap and relation report."""

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from domain.jobs.limits import HEIGHT, MAX_PROMPT_LENGTH, MAX_SEED, WIDTH, trimmed_prompt


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "scene",
        help="generate a scene from a prompt and print its minimap (no server involved)",
        description=(
            "Turns an English description into a scene graph, an ASCII minimap and an SVG map, "
            "prints the minimap, each relation with whether it holds, and any warnings. The "
            "same prompt, seed and size always give the same output."
        ),
    )
    parser.add_argument("prompt", help='the description, e.g. "a village with three houses"')
    parser.add_argument("--seed", default="0", help=f"0..{MAX_SEED} (default 0)")
    for name, bounds in (("--width", WIDTH), ("--height", HEIGHT)):
        parser.add_argument(
            name, default=str(bounds.default), help=f"{bounds} cells (default {bounds.default})"
        )
    parser.add_argument("--out", default=None, help="also write the scene graph JSON here")
    parser.add_argument("--svg", default=None, help="also write the map as an SVG picture here")
    parser.set_defaults(func=run_scene)


def run_scene(args: argparse.Namespace) -> int:
    # The generator is imported here so that building the `scenegen` parser stays cheap.
    from domain.scene import encode_scene_graph, generate_scene

    prompt = trimmed_prompt(str(args.prompt))
    if not prompt:
        return _fail("the prompt is empty")
    if len(prompt) > MAX_PROMPT_LENGTH:
        return _fail(
            f"the prompt has {len(prompt)} characters; at most {MAX_PROMPT_LENGTH} allowed"
        )
    seed = _integer("--seed", args.seed, 0, MAX_SEED)
    width = _integer("--width", args.width, WIDTH.low, WIDTH.high)
    height = _integer("--height", args.height, HEIGHT.low, HEIGHT.high)
    if isinstance(seed, str) or isinstance(width, str) or isinstance(height, str):
        return _fail(next(v for v in (seed, width, height) if isinstance(v, str)))
    scene = generate_scene(prompt, seed=seed, width=width, height=height)
    outputs: list[tuple[str | None, Callable[[], bytes]]] = [
        (args.out, lambda: encode_scene_graph(scene.scene_graph) + b"\n"),
        (args.svg, lambda: scene.svg.encode("utf-8")),
    ]
    for target, content in outputs:
        if not target:
            continue
        try:
            Path(target).write_bytes(content())
        except OSError as error:
            return _fail(f"cannot write {target}: {error.strerror or error}")
    try:
        sys.stdout.write(scene.minimap)
        sys.stdout.write(_report(scene.scene_graph))
        sys.stdout.flush()
    except BrokenPipeError:
        # `scenegen scene ... | head`: the reader has gone; stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def _integer(name: str, raw: object, low: int, high: int) -> int | str:
    text = str(raw).strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 12:
        return f"{name} must be a whole number from {low} to {high}, got {text!r}"
    value = int(text)
    if not low <= value <= high:
        return f"{name} must be from {low} to {high}, got {value}"
    return value


def _fail(message: str) -> int:
    print(f"scenegen scene: error: {message}", file=sys.stderr)
    return 2


def _report(graph: dict[str, object]) -> str:
    from domain.scene.render.summary import quality_line

    relations = graph.get("relations")
    warnings = graph.get("warnings")
    lines = ["Relations:"]
    if isinstance(relations, list) and relations:
        for relation in relations:
            if not isinstance(relation, dict):
                continue
            mark = "ok  " if relation.get("satisfied") else "FAIL"
            objects = relation.get("objects") or []
            target = " ".join(str(o) for o in objects) if isinstance(objects, list) else ""
            argument = relation.get("argument")
            detail = " ".join(part for part in (target, str(argument or "")) if part)
            words = (str(relation.get("subject")), str(relation.get("predicate")), detail)
            lines.append(f"  [{mark}] {' '.join(words)}".rstrip())
        held = sum(1 for r in relations if isinstance(r, dict) and r.get("satisfied"))
        lines.append(f"  {held}/{len(relations)} relations hold")
    else:
        lines.append("  (none asked for)")
    if isinstance(warnings, list) and warnings:
        lines.append("Warnings:")
        lines.extend(f"  - {_printable(str(w))}" for w in warnings)
    summary = quality_line(graph)
    if summary:
        lines.append(_printable(summary))
    return "\n".join(lines) + "\n"


def _printable(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")
