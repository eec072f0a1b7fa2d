"""Size and time of the SVG map (`render_svg`) for the largest scenes.

Lays out each scene once, then times `render_svg` alone (median of several runs) and prints
the size of the document; then the worker's `render_minimap` step (the minimap and the SVG map,
median) and the bytes a job keeps (scene graph JSON, minimap and SVG map). Targets: at most
300 KB for a 256x128 scene, and a 1,000-thing 256x128 scene drawn in at most 50 ms. Not a
test: timings depend on the machine.

    .venv/bin/python bench/bench_svg.py [--repeats 15]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_scene import prompt_with
from domain.scene import (
    build_scene_graph,
    encode_scene_graph,
    layout_scene,
    parse_prompt,
    render_minimap,
    render_svg,
)

SIZE_TARGET = 300_000
TIME_TARGET_MS = 50.0
SCENES = (
    ("village, 20 things", 48, 24, prompt_with(20)),
    (
        "city: 200 houses, 10 roads, a river, 300 trees",
        256,
        128,
        "a city with 200 houses, 10 roads, a river, 300 trees",
    ),
    (
        "forest with a lake (ambient trees)",
        256,
        128,
        "a forest with a cabin next to a lake and three wolves",
    ),
    (
        "dungeon, 40 rooms",
        256,
        128,
        "a dungeon with 40 rooms connected by corridors, 30 chests, 60 skeletons and 20 traps",
    ),
    ("1,000 things", 256, 128, prompt_with(1000)),
    ("stress: 200 rivers and 200 roads", 256, 128, "a village with 200 rivers and 200 roads"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="renders per scene (median)")
    args = parser.parse_args()
    print(
        f"{'scene':<48} {'map':>8} {'nodes':>6} {'size':>10} {'median':>10} "
        f"{'step':>9} {'job keeps':>10}"
    )
    largest_ms, largest_size = 0.0, 0
    for name, width, height, prompt in SCENES:
        layout = layout_scene(parse_prompt(prompt), seed=0, width=width, height=height)
        render_svg(layout)  # warm caches
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            svg = render_svg(layout)
            times.append((time.perf_counter() - start) * 1000)
        size = len(svg.encode("utf-8"))
        median = statistics.median(times)
        # The worker's render_minimap step draws both pictures; the job keeps all three files.
        step_times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            minimap, svg = render_minimap(layout), render_svg(layout)
            step_times.append((time.perf_counter() - start) * 1000)
        kept = len(encode_scene_graph(build_scene_graph(layout))) + len(minimap) + size
        print(
            f"{name:<48} {f'{width}x{height}':>8} {len(layout.nodes):>6} "
            f"{size / 1000:>7.1f} KB {median:>7.1f} ms {statistics.median(step_times):>6.1f} ms "
            f"{kept / 1000:>7.1f} KB"
        )
        if (width, height) == (256, 128):
            largest_size = max(largest_size, size)
        if name.startswith("1,000"):
            largest_ms = median
    size_met = "met" if largest_size <= SIZE_TARGET else "NOT met"
    time_met = "met" if largest_ms <= TIME_TARGET_MS else "NOT met"
    print(
        f"largest 256x128 document: {largest_size / 1000:.1f} KB "
        f"(target <= {SIZE_TARGET // 1000} KB: {size_met})"
    )
    print(
        f"1,000 things on 256x128: {largest_ms:.1f} ms (target <= {TIME_TARGET_MS:.0f} ms: "
        f"{time_met})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
