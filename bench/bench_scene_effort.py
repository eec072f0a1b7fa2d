"""The generator's effort budget, measured: time and memory of the worst prompts we can write.

Each prompt runs `generate_scene` (parse, layout, verifier, scene graph, minimap, picture) in a
fresh process, which reports the generation's wall time, the process's peak resident memory
(`ru_maxrss`) and how much of it the generation added over the imports, the nodes drawn and
the size of the scene graph. Prints one row per prompt and the worst of each column, with the
targets of the scene issue: every prompt of up to 2,000 characters at any allowed size within
2 s and 300 MB here. Not a test: the layout's budget is counted in work units (see
`domain/scene/layout/engine.py`, EFFORT_LIMIT), so the same prompt always draws the same
scene, and this bench checks that the units keep wall time and memory within the targets.

    .venv/bin/python bench/bench_scene_effort.py [--only N]
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_TARGET_S = 2.0
MEMORY_TARGET_MB = 300.0

_LONG_MIX = (
    "a city with 1000 roads, 1000 rivers, 1000 bridges over the rivers, 1000 walls around "
    "the houses, 500 houses in rows along the roads, 300 towers at each corner of the walls, "
    "200 piers from the shore, 200 rings of stones around the wells, 100 lakes with islands "
    "each with a lighthouse, 50 dungeons with rooms connected by corridors, "
)
PROMPTS: tuple[tuple[str, int, int], ...] = (
    ("an island with 1000 piers from the shore " * 3, 128, 64),
    ("an island with 1000 piers from the shore", 256, 128),
    ("a city with 1000 roads and 1000 rivers and 1000 bridges", 256, 128),
    ("1000 rivers", 256, 128),
    ("a village with 200 walls around 200 houses", 256, 128),
    ("900 houses around a market square", 256, 128),
    ("500 rings of 200 stones around 300 wells", 256, 128),
    ("a dungeon with 1000 rooms connected by 1000 corridors and 1000 doors", 256, 128),
    ("1000 roads from 1000 castles to 1000 villages with 1000 bridges over 1000 rivers", 256, 128),
    ("a forest with 1000 trees in rows and 1000 rocks in a ring around 1000 ponds", 256, 128),
    ("a tavern with 1000 tables in 100 rows and 1000 chairs around the tables", 256, 128),
    ("a lake with 1000 islands each with 1000 lighthouses", 256, 128),
    ("houses " * 285, 256, 128),
    ((_LONG_MIX * 5)[:2000], 256, 128),
    ((_LONG_MIX * 5)[:2000], 48, 24),
    ("a village with 900 houses each with a garden and a fence around the garden", 256, 128),
    ("a dungeon with 100 rooms, a chest in each room and a skeleton next to each chest", 256, 128),
    ("1000 cannons, telescopes, hammocks and scarecrows in rows " * 30, 256, 128),
)

_CHILD = r"""
import json, resource, sys, time
from domain.scene import generate_scene
prompt, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
generate_scene("a well", seed=1)  # imports and tables loaded: what follows is the generation
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
scene = generate_scene(prompt, seed=1, width=width, height=height)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import msgspec
print(json.dumps({
    "seconds": seconds, "peak_mb": peak / 1024, "added_mb": (peak - before) / 1024,
    "nodes": len(scene.scene_graph["root"]["children"]),
    "graph_kb": len(msgspec.json.encode(scene.scene_graph)) / 1024,
}))
"""


def measure(prompt: str, width: int, height: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, prompt, str(width), str(height)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the generator failed on {prompt[:60]!r}: {done.stderr[-400:]}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=int, help="run only the prompt at this index")
    args = parser.parse_args()
    chosen = [PROMPTS[args.only]] if args.only is not None else list(PROMPTS)
    print(
        f"{'prompt':<58}{'size':>9}{'time s':>8}{'peak MB':>9}{'added MB':>9}"
        f"{'nodes':>7}{'graph KB':>9}"
    )
    rows = []
    for prompt, width, height in chosen:
        row = measure(prompt, width, height)
        rows.append(row)
        shown = prompt if len(prompt) <= 55 else f"{prompt[:42]}... ({len(prompt)} ch)"
        print(
            f"{shown:<58}{f'{width}x{height}':>9}{row['seconds']:>8.2f}{row['peak_mb']:>9.1f}"
            f"{row['added_mb']:>9.1f}{row['nodes']:>7.0f}{row['graph_kb']:>9.0f}",
            flush=True,
        )
    worst_time = max(row["seconds"] for row in rows)
    worst_memory = max(row["peak_mb"] for row in rows)
    print()
    print(
        f"worst time {worst_time:.2f} s (target {TIME_TARGET_S:.0f} s): "
        f"{'holds' if worst_time <= TIME_TARGET_S else 'MISSED'}"
    )
    print(
        f"worst peak memory {worst_memory:.0f} MB (target {MEMORY_TARGET_MB:.0f} MB): "
        f"{'holds' if worst_memory <= MEMORY_TARGET_MB else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
