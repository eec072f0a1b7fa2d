"""The same input in two fresh processes gives byte-identical scene graph and minimap."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from domain.scene import encode_scene_graph, generate_scene
scene = generate_scene(sys.argv[1], seed=int(sys.argv[2]), width=int(sys.argv[3]),
                       height=int(sys.argv[4]))
sys.stdout.buffer.write(encode_scene_graph(scene.scene_graph))
sys.stdout.buffer.write(b"\\n=====\\n")
sys.stdout.buffer.write(scene.minimap.encode("ascii"))
"""
CASES = [
    (
        "a village with three houses north of a river, a well in the center and a forest to the "
        "east",
        7,
        48,
        24,
    ),
    (
        "a dungeon with five rooms connected by corridors, a chest inside the last room and two "
        "skeletons near the stairs",
        123456789,
        64,
        32,
    ),
    (
        "an island surrounded by water with a lighthouse on the northern tip and two palm trees",
        4294967295,
        48,
        24,
    ),
    ("a forest with a cabin next to a lake and three wolves", 0, 256, 128),
]


def _run(prompt: str, seed: int, width: int, height: int, hash_seed: str) -> bytes:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, prompt, str(seed), str(width), str(height)],
        cwd=ROOT,
        env={"PYTHONHASHSEED": hash_seed, "PATH": "", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout


@pytest.mark.e2e
@pytest.mark.parametrize(("prompt", "seed", "width", "height"), CASES)
def test_two_fresh_processes_give_identical_bytes(
    prompt: str, seed: int, width: int, height: int
) -> None:
    first = _run(prompt, seed, width, height, hash_seed="1")
    second = _run(prompt, seed, width, height, hash_seed="2")
    assert b"\n=====\n" in first and len(first) > 200
    assert first == second
