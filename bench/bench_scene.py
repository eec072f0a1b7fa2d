"""Time per scene for the scene generator, and how it grows with things and map size.

Times `generate_scene` (parse, layout with its verifier, scene graph, minimap) for:
- the default case: a prompt naming about 20 things on the default 48x24 map;
- a table: number of things (10, 100, 300, 1000) against map size (48x24, 128x64, 256x128);
and the command end to end: `<venv>/bin/scenegen scene "<default prompt>"` as a process,
interleaved with a bare `<venv>/bin/python -c pass`, so the difference is what the command
itself costs (imports included) over starting the interpreter.
Prints medians and whether the targets hold (default case at most 5 ms; 1,000 things on
256x128 at most 100 ms; `scenegen scene` end to end at most 150 ms). Not a test: timings
depend on the machine, and nothing here fails on them.

    .venv/bin/python bench/bench_scene.py [--repeats 5] [--process-runs 15]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.scene import generate_scene

DEFAULT_PROMPT = (
    "a village with six houses north of a river, a road, a bridge over the river, a church "
    "in the center, a well next to the church, a tavern east of the church, three trees "
    "along the road, two carts near the tavern, a market in the south and a forest to the west"
)
SIZES = ((48, 24), (128, 64), (256, 128))
COUNTS = (10, 100, 300, 1000)
DEFAULT_TARGET_MS = 5.0
LARGE_TARGET_MS = 100.0
COMMAND_TARGET_MS = 150.0
BIN = Path(sys.executable).parent

# The mix a prompt with N things is made of: (share, words), with a few relations.
# No kind above a fifth, so the per-kind cap (200) never cuts the total.
_MIX = (
    (0.18, "houses north of the river"),
    (0.18, "trees"),
    (0.12, "people near the market"),
    (0.10, "rocks"),
    (0.08, "carts"),
    (0.06, "wells"),
    (0.08, "bushes along the road"),
    (0.08, "flowers"),
    (0.06, "tents"),
    (0.06, "statues"),
)


def prompt_with(things: int) -> str:
    """A village prompt naming about `things` things (a river, a road and a market included)."""
    rest = max(0, things - 3)
    parts = ["a village with a river, a road, a market in the center"]
    given = 0
    for k, (share, words) in enumerate(_MIX):
        count = rest - given if k == len(_MIX) - 1 else round(rest * share)
        given += count
        if count > 0:
            parts.append(f"{count} {words}")
    return ", ".join(parts)


def median_ms(prompt: str, width: int, height: int, repeats: int) -> tuple[float, int]:
    times = []
    placed = 0
    for seed in range(repeats):
        start = time.perf_counter()
        scene = generate_scene(prompt, seed=seed, width=width, height=height)
        times.append((time.perf_counter() - start) * 1000)
        placed = _count(scene.scene_graph)
    return statistics.median(times), placed


def _count(graph: dict[str, object]) -> int:
    root = graph["root"]
    assert isinstance(root, dict)
    stack = list(root["children"])
    total = 0
    while stack:
        node = stack.pop()
        total += 1
        stack.extend(node["children"])
    return total


def run_ms(argv: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """Wall time of one process, start to exit, in ms (its output discarded)."""
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    took = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited with {result.returncode}: {result.stderr!r}")
    return took


def end_to_end(runs: int) -> None:
    """`scenegen scene` as a process against a bare interpreter, interleaved, medians."""
    scenegen = BIN / "scenegen"
    if not scenegen.exists():
        print(f"End to end: {scenegen} is not installed (pip install -e .); skipped")
        return
    series: dict[str, tuple[list[str], Mapping[str, str] | None]] = {
        "python -c pass": ([str(BIN / "python"), "-c", "pass"], None),
        "scenegen scene": ([str(scenegen), "scene", DEFAULT_PROMPT], None),
    }
    no_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    with tempfile.TemporaryDirectory(prefix="bench-scene-pycache-") as pycache:
        if no_bytecode:
            # No bytecode is written here, so the project's modules may be compiled on every
            # run; also measure the command with its bytecode cached (outside the tree).
            cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            cached["PYTHONPYCACHEPREFIX"] = pycache
            series["scenegen scene, bytecode cached"] = series["scenegen scene"][0], cached
        for argv, env in series.values():
            run_ms(argv, env)  # warm the file cache (and fill the bytecode cache)
        times: dict[str, list[float]] = {name: [] for name in series}
        for _ in range(runs):
            for name, (argv, env) in series.items():
                times[name].append(run_ms(argv, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["python -c pass"]
    print(f"End to end, {runs} runs of each, interleaved (median wall time of the process):")
    print(f"  {'python -c pass':<32} {bare:7.1f} ms")
    for name, median in medians.items():
        if name != "python -c pass":
            print(f"  {name:<32} {median:7.1f} ms  ({median - bare:+.1f} ms over python -c pass)")
    if no_bytecode:
        print(
            "  (PYTHONDONTWRITEBYTECODE is set: modules with no __pycache__ entry yet are compiled"
            " on every run;\n   the cached line runs the same command with a temporary"
            " PYTHONPYCACHEPREFIX)"
        )
    command = medians["scenegen scene"]
    met = "met" if command <= COMMAND_TARGET_MS else "NOT met"
    print(
        f"scenegen scene end to end: {command:.0f} ms (target <= {COMMAND_TARGET_MS:.0f} ms: {met})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="seeds per cell (median)")
    parser.add_argument(
        "--process-runs", type=int, default=15, help="runs of each process, end to end (median)"
    )
    args = parser.parse_args()
    generate_scene(DEFAULT_PROMPT, seed=0)  # warm caches and imports

    default_ms, default_nodes = median_ms(DEFAULT_PROMPT, 48, 24, max(21, args.repeats))
    print("Scene generator benchmark (median of seeds; generate_scene end to end)")
    print(f"Default case, 48x24, {default_nodes} nodes placed:")
    print(f"  {DEFAULT_PROMPT!r}")
    met = "met" if default_ms <= DEFAULT_TARGET_MS else "NOT met"
    print(f"  median {default_ms:.1f} ms (target <= {DEFAULT_TARGET_MS:.0f} ms: {met})")
    print()
    header = "things \\ map " + "".join(f"{f'{w}x{h}':>20}" for w, h in SIZES)
    print(header)
    print("-" * len(header))
    large_ms = 0.0
    for count in COUNTS:
        cells = []
        for width, height in SIZES:
            ms, nodes = median_ms(prompt_with(count), width, height, args.repeats)
            cells.append(f"{ms:9.1f} ms ({nodes:4d} n)")
            if count == 1000 and (width, height) == (256, 128):
                large_ms = ms
        print(f"{count:>13}" + "".join(f"{cell:>20}" for cell in cells))
    print("(n = nodes placed; the rest did not fit and are reported as warnings)")
    met = "met" if large_ms <= LARGE_TARGET_MS else "NOT met"
    print(f"1000 things on 256x128: {large_ms:.0f} ms (target <= {LARGE_TARGET_MS:.0f} ms: {met})")
    print()
    end_to_end(args.process_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
