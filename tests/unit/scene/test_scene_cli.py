"""`scenegen scene`: prints the minimap and the relation report; rejects bad input in one line."""

import argparse
import json
from pathlib import Path

import pytest

from interfaces.cli import scene_command


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scenegen")
    subparsers = parser.add_subparsers(dest="command", required=True)
    scene_command.register(subparsers)
    args = parser.parse_args(["scene", *argv])
    code: int = args.func(args)
    return code


def test_prints_the_minimap_and_the_relation_report(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        ["a house north of a tree and a zorblax", "--seed", "5", "--width", "30", "--height", "12"]
    )
    out = capsys.readouterr().out
    assert code == 0
    lines = out.split("\n")
    assert len(lines[0]) == 32 and lines[0].startswith("+")
    assert "Legend:" in out and "Compass:" in out
    assert "[ok  ] house-1 north_of tree-1" in out
    assert "unknown word 'zorblax'" in out


def test_writes_the_graph_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "graph.json"
    assert run(["a dungeon with two rooms", "--out", str(target)]) == 0
    graph = json.loads(target.read_bytes())
    assert graph["theme"] == "dungeon" and graph["bounds"] == {"width": 48, "height": 24}
    capsys.readouterr()


def test_writes_the_svg_map_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "village.svg"
    prompt = "a village with a church, a well and five houses along a road"
    assert run([prompt, "--svg", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<svg ") and text.rstrip().endswith("</svg>")
    assert 'data-kind="church"' in text
    capsys.readouterr()


def test_same_arguments_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    run(["an island with a lighthouse", "--seed", "42"])
    first = capsys.readouterr().out
    run(["an island with a lighthouse", "--seed", "42"])
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    "argv",
    [
        ["   "],
        ["a village", "--seed", "-1"],
        ["a village", "--seed", "4294967296"],
        ["a village", "--seed", "x"],
        ["a village", "--width", "15"],
        ["a village", "--width", "257"],
        ["a village", "--height", "7"],
        ["a village", "--height", "129"],
        ["x" * 2001],
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "error" in captured.err
