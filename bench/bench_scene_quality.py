"""Scene quality, measured: the corpus of user prompts checked from coordinates.

Runs every case of `tests/scene_quality/corpus.py` at seeds 1, 2 and 3 (each at its own
width and height) through `generate_scene`, checks each graph with the independent
checker (`tests/scene_quality/checker.py`), and prints:
- the share of prompts fully right (right at all three seeds) and the share of runs right;
- a table by cause (cases, fully right, share);
- every failing case with its prompt and its first failure messages;
- then each held-out batch and the outside corpus through the outside checker, with the
  figure each had when first measured (`bench/bench_heldout.py`; sealed batches not run).
A measurement, not a test: the exit code is 0 whatever the figures.

    .venv/bin/python bench/bench_scene_quality.py [--verbose] [--cause patterns]
                                                  [--json results.json]
"""

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_heldout

from domain.scene import generate_scene
from tests.scene_quality.checker import CAUSES, Case, check_case
from tests.scene_quality.corpus import CORPUS

SEEDS = (1, 2, 3)
FIRST_MESSAGES = 3


def run_case(case: Case) -> dict[str, Any]:
    """Failures per seed for one case (a crash is a failure too)."""
    runs: dict[int, list[str]] = {}
    for seed in SEEDS:
        try:
            scene = generate_scene(case.prompt, seed=seed, width=case.width, height=case.height)
            runs[seed] = check_case(case, scene.scene_graph)
        except Exception as exc:  # a crash is measured, not raised
            last = traceback.format_exception_only(exc)[-1].strip()
            runs[seed] = [f"crash: {last}"]
    return {
        "id": case.id,
        "cause": case.cause,
        "prompt": case.prompt,
        "size": [case.width, case.height],
        "right_seeds": [seed for seed in SEEDS if not runs[seed]],
        "fully_right": all(not failures for failures in runs.values()),
        "failures": {str(seed): failures for seed, failures in runs.items()},
    }


def _distinct_failures(result: dict[str, Any]) -> list[str]:
    """Each failure message once, with the seeds it happened at."""
    seen: dict[str, list[str]] = {}
    for seed, failures in result["failures"].items():
        for message in failures:
            seen.setdefault(message, []).append(seed)
    return [f"[seed {','.join(seeds)}] {message}" for message, seeds in seen.items()]


def report(results: Sequence[dict[str, Any]], verbose: bool) -> None:
    total = len(results)
    if not total:
        print("No cases selected.")
        return
    fully = sum(1 for r in results if r["fully_right"])
    runs_right = sum(len(r["right_seeds"]) for r in results)
    runs = total * len(SEEDS)
    print(f"Scene quality: {total} prompts x {len(SEEDS)} seeds {SEEDS}")
    print(f"  prompts fully right (all seeds): {fully}/{total} = {100 * fully / total:.1f}%")
    print(
        f"  runs right:                      {runs_right}/{runs} = {100 * runs_right / runs:.1f}%"
    )
    print()
    print(f"  {'cause':<16}{'cases':>6}{'fully right':>13}{'share':>8}{'runs right':>12}")
    for cause in CAUSES:
        group = [r for r in results if r["cause"] == cause]
        if not group:
            continue
        ok = sum(1 for r in group if r["fully_right"])
        ok_runs = sum(len(r["right_seeds"]) for r in group)
        print(
            f"  {cause:<16}{len(group):>6}{ok:>13}{100 * ok / len(group):>7.0f}%"
            f"{100 * ok_runs / (len(group) * len(SEEDS)):>11.0f}%"
        )
    failing = [r for r in results if not r["fully_right"]]
    if not failing:
        return
    print()
    print(f"Failing prompts ({len(failing)}):")
    for r in failing:
        right = ",".join(str(s) for s in r["right_seeds"]) or "none"
        print(f"- {r['id']} ({r['cause']}, right at seeds: {right})")
        print(f"    {r['prompt']!r}")
        messages = _distinct_failures(r)
        shown = messages if verbose else messages[:FIRST_MESSAGES]
        for message in shown:
            text = message if verbose or len(message) <= 160 else message[:157] + "..."
            print(f"    {text}")
        if len(shown) < len(messages):
            print(f"    ... and {len(messages) - len(shown)} more (--verbose)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every failure message")
    parser.add_argument("--cause", choices=CAUSES, help="only the cases of this cause")
    parser.add_argument("--json", type=Path, help="write per-case results to this file")
    parser.add_argument("--no-heldout", action="store_true", help="the development corpus only")
    args = parser.parse_args(argv)
    cases = [c for c in CORPUS if args.cause is None or c.cause == args.cause]
    results = [run_case(case) for case in cases]
    print("Development corpus (tuned on):")
    report(results, args.verbose)
    if args.cause is None and not args.no_heldout:
        print()
        print("Held-out batches and the outside corpus (bench/bench_heldout.py):")
        bench_heldout.main([])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nPer-case results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
