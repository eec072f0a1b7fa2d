"""Resident memory of a demo-mode API fed many large jobs: it must plateau at DEMO_MAX_JOBS.

The real app (demo runtime: in-memory jobs, embedded worker, inline artifacts) runs in this
process behind Litestar's test client. Jobs of 256x128 are submitted in batches and followed
to the end like a client does (polled until finished, then read once more), so the encoded
bodies of finished jobs are kept too. Resident memory (VmRSS from /proc/self/status) is
printed at the start, when the store first holds DEMO_MAX_JOBS jobs, at each tenth of the
run and at the end. A `POST /generate` refused with 503 (every slot unfinished) is retried
after its Retry-After.

    .venv/bin/python bench/bench_demo_memory.py [--jobs 20000] [--max-jobs 1000] [--batch 50]
"""

import argparse
import asyncio
import gc
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import api_runtime
from infrastructure.settings import DEMO_MAX_JOBS, Settings
from interfaces.http.app import create_app

PROMPTS = (
    "a village with three houses north of a river, a well in the center and a forest to the east",
    "a dungeon with five rooms connected by corridors, a chest in each room",
    "an island with a lighthouse on the north shore, palm trees and a pier to the south",
    "a small town: a road from west to east, shops on both sides, a fountain in the square",
)


def resident_mb() -> float:
    """VmRSS of this process, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


class Run:
    def __init__(self, client: Any, total: int, max_jobs: int) -> None:
        self.client = client
        self.total = total
        self.max_jobs = max_jobs
        self.submitted = 0
        self.finished = 0
        self.refused = 0
        self.started = time.perf_counter()
        self.figures: list[tuple[str, int, float]] = []

    def report(self, label: str) -> None:
        gc.collect()
        rss = resident_mb()
        self.figures.append((label, self.submitted, rss))
        elapsed = time.perf_counter() - self.started
        print(
            f"{label:>14}: {self.submitted:>6} jobs submitted, {self.finished:>6} followed to "
            f"the end, {self.refused} refused (503); RSS {rss:7.1f} MB  [{elapsed:6.1f} s]",
            flush=True,
        )

    async def submit(self, index: int) -> str:
        body = {"prompt": PROMPTS[index % len(PROMPTS)], "seed": index, "width": 256, "height": 128}
        while True:
            response = await self.client.post("/generate", json=body)
            if response.status_code == 202:
                return str(response.json()["id"])
            if response.status_code != 503:
                raise RuntimeError(f"POST /generate answered {response.status_code}")
            self.refused += 1
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))

    async def follow(self, job_ids: list[str]) -> None:
        """Poll every job until it finishes, then read its finished status once more."""
        pending = list(job_ids)
        while pending:
            await asyncio.sleep(0.02)
            still = []
            for job_id in pending:
                response = await self.client.get(f"/status/{job_id}")
                if response.status_code != 200:
                    raise RuntimeError(f"GET /status of a followed job: {response.status_code}")
                status = response.json()["status"]
                if status in ("done", "failed"):
                    final = await self.client.get(f"/status/{job_id}")
                    assert final.status_code == 200
                    self.finished += 1
                else:
                    still.append(job_id)
            pending = still

    async def run(self, batch: int) -> None:
        self.report("start")
        tenth = max(self.total // 10, 1)
        next_mark = tenth
        at_bound_reported = False
        while self.submitted < self.total:
            size = min(batch, self.total - self.submitted)
            ids = [await self.submit(self.submitted + offset) for offset in range(size)]
            self.submitted += size
            await self.follow(ids)
            if not at_bound_reported and self.submitted >= self.max_jobs:
                self.report("at the bound")
                at_bound_reported = True
            if next_mark <= self.submitted < self.total:
                self.report(f"{self.submitted * 100 // self.total}%")
            while next_mark <= self.submitted:
                next_mark += tenth
        self.report("after")


CEILING_MB = 240.0
"""The documented ceiling for the defaults (DEMO_MAX_JOBS=1000, 256x128 jobs)."""


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=20_000, help="jobs to submit (20000)")
    parser.add_argument("--max-jobs", type=int, default=DEMO_MAX_JOBS, help="DEMO_MAX_JOBS")
    parser.add_argument("--batch", type=int, default=50, help="jobs submitted before following")
    parser.add_argument(
        "--ceiling-mb",
        type=float,
        default=CEILING_MB,
        help=f"exit 1 if resident memory ever exceeds it ({CEILING_MB:g}, the README's ceiling)",
    )
    args = parser.parse_args()

    runtime = api_runtime(Settings(demo_max_jobs=args.max_jobs, metrics_sink="none"))
    print(
        f"demo mode, DEMO_MAX_JOBS={args.max_jobs}, {args.jobs} jobs of 256x128 in batches "
        f"of {args.batch}, each followed to the end",
        flush=True,
    )
    async with AsyncTestClient(app=create_app(runtime)) as client:
        run = Run(client, args.jobs, args.max_jobs)
        await run.run(args.batch)
    bound = next((rss for label, _, rss in run.figures if label == "at the bound"), float("nan"))
    peak = max(rss for _, _, rss in run.figures)
    after = run.figures[-1][2]
    start = run.figures[0][2]
    print(
        f"\nRSS start {start:.1f} MB, at the bound {bound:.1f} MB, after {after:.1f} MB "
        f"(peak {peak:.1f} MB; after/bound {after / bound:.2f})"
    )
    if peak > args.ceiling_mb:
        raise SystemExit(f"the peak, {peak:.1f} MB, is over the ceiling of {args.ceiling_mb:g} MB")


if __name__ == "__main__":
    asyncio.run(main())
