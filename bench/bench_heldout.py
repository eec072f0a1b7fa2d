"""Scene quality on prompts written outside the project: the held-out batches and the
outside corpus, each through the outside checker, run against `scenegen scene`.

Prints, for every batch the manifest (`tests/scene_quality/heldout/manifest.json`) lists as
opened, the figure it had when first measured and the figure now; sealed batches are skipped
unless named with `--open` (which is then a one-time measurement: record it in the manifest
and the batch becomes dev data). The outside corpus is `../shared/corpora/user-scenes-1.json`.
A measurement, not a test: the exit code is 0 whatever the figures.

    .venv/bin/python bench/bench_heldout.py [--checker PATH] [--open batch-4.json]
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "scene_quality" / "heldout"
SHARED = ROOT.parent / "shared" / "corpora"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checker", type=Path, default=SHARED / "check_user_scenes.py")
    parser.add_argument("--scenegen", type=Path, default=ROOT / ".venv" / "bin" / "scenegen")
    parser.add_argument("--open", action="append", default=[], help="a sealed batch to run")
    args = parser.parse_args(argv)
    if not args.checker.exists():
        print(f"no outside checker at {args.checker} (--checker PATH)", file=sys.stderr)
        return 2
    manifest = json.loads((HELDOUT / "manifest.json").read_text())["batches"]
    print(f"{'cases':<26} {'first measured':>16}  now")
    for name, entry in manifest.items():
        if entry["status"] == "sealed" and name not in args.open:
            print(f"{name:<26} {'sealed':>16}  (not run)")
            continue
        first = f"{entry['first_measured']} @{entry['at']}" if entry["first_measured"] else "-"
        print(f"{name:<26} {first:>16}  {_summary(args, HELDOUT / name)}")
    outside = SHARED / "user-scenes-1.json"
    if outside.exists():
        print(f"{outside.name:<26} {'34/62 @24b8a75':>16}  {_summary(args, outside)}")
    return 0


def _summary(args: argparse.Namespace, cases: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(args.checker), str(args.scenegen), str(cases)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else f"no output (exit {done.returncode}): {done.stderr.strip()}"


if __name__ == "__main__":
    sys.exit(main())
