"""Reliability under chaos: the persistent stack on its own MiniStack, with things going wrong.

Starts a MiniStack of its own (`.venv-emulator/bin/ministack`: `make emulator`), provisions fresh
resources with `scenegen provision`, starts 2 API processes and 3 workers (workers report to the
two APIs in turn; JOBS_QUEUE_VISIBILITY_SECONDS=5 so a killed worker's job comes back quickly),
then, for `--seconds`:
- submits `--jobs` small jobs at a steady rate through both APIs; every fourth carries an
  Idempotency-Key and is sent again once accepted (the retry must name the same job); a
  submission refused with 503 is retried until accepted;
- SIGKILLs a random worker every `--kill-every` seconds and starts a replacement;
- freezes the emulator with SIGSTOP for `--freeze-seconds` in the middle, then SIGCONT;
- replays callbacks: re-POSTs jobs' recorded step events to `/internal/jobs/{id}/step`, shuffled
  and reversed, plus a final step with other artifact keys and a contradicting failure; each
  must answer `applied: false` or 409, and the job's DynamoDB item must not change;
- pollers follow random jobs with `GET /status` on both APIs and record any regression (status
  going back, a terminal status changing, a recorded step disappearing, an accepted job 404).
Then waits for every accepted job to finish, reads each one, and prints the figures. Exits 1 if
a job is lost, a step is duplicated, a poller saw a regression, a replay changed something or an
idempotent retry named another job.

    .venv/bin/python bench/bench_chaos.py [--jobs 500] [--seconds 150] [--freeze-seconds 10]
                                          [--kill-every 15] [--pollers 4] [--seed 1]

Not part of the test run. Process logs are kept in the printed work directory.
"""

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.aws_emulator import MINISTACK, ministack_process  # noqa: E402
from tests.e2e.persistent_stack import (  # noqa: E402
    PIPELINE_STEP_IDS,
    TERMINAL,
    PersistentStack,
    Resources,
    Service,
    api_headers,
    provision_resources,
)
from tests.managed_process import ManagedProcess  # noqa: E402

VISIBILITY_SECONDS = "5"
IDLE_DRAIN_SECONDS = 30.0
TOKEN_HEADER = "X-INTERNAL-TOKEN"
RANK = {"queued": 0, "running": 1, "done": 2, "failed": 2, "canceled": 2}
PROMPTS = (
    "3 houses around a well",
    "a lighthouse on a rocky hill",
    "a village with a river and a bridge",
    "two towers north of a lake",
    "a forest to the east of a small farm",
    "a market square with 5 stalls",
)


@contextmanager
def own_ministack(workdir: Path) -> Iterator[tuple[str, ManagedProcess]]:
    if not MINISTACK.exists():
        raise SystemExit(f"{MINISTACK} is missing: run make emulator")
    with ministack_process(workdir) as running:
        yield running


@dataclass
class Submission:
    number: int
    body: dict[str, Any]
    key: str | None
    job_id: str | None = None
    refused_503: int = 0
    transport_errors: int = 0
    other_errors: list[str] = field(default_factory=list)
    retry_mismatch: str | None = None
    answers: list[str] = field(default_factory=list)


@dataclass
class Figures:
    """Everything the threads record; one lock for all of it."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    submissions: list[Submission] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    seen_terminal: set[str] = field(default_factory=set)
    seen_running: set[str] = field(default_factory=set)
    regressions: list[str] = field(default_factory=list)
    poll_reads: int = 0
    poll_503: int = 0
    poll_503_outside_freeze: int = 0
    poll_errors: Counter[str] = field(default_factory=Counter)
    slowest_503: float = 0.0
    slow_503: int = 0
    replays: Counter[str] = field(default_factory=Counter)
    replay_changes: list[str] = field(default_factory=list)
    replayed_jobs: int = 0
    kills: int = 0
    exited: list[str] = field(default_factory=list)
    killed_mid_job: int = 0
    freeze_window: tuple[float, float] | None = None

    def in_freeze(self, at: float, slack: float = 3.0) -> bool:
        window = self.freeze_window
        if window is None:
            return False
        return window[0] - slack <= at <= window[1] + slack


class Chaos:
    def __init__(
        self,
        args: argparse.Namespace,
        stack: PersistentStack,
        apis: list[Service],
        emulator: ManagedProcess,
    ) -> None:
        self.args = args
        self.stack = stack
        self.apis = [api.url for api in apis]
        self.emulator = emulator
        self.resources: Resources = stack.resources
        self.token = self.resources.internal_token()
        # The stack wants keys (persistent mode's default): the key provisioning made.
        self.keyed = api_headers(self.apis[0])
        self.figures = Figures()
        self.random = random.Random(args.seed)
        self.stop = threading.Event()
        self.frozen = threading.Event()
        self.workers: list[Service] = []
        self.workers_lock = threading.Lock()
        self.started = time.monotonic()

    # --- workers -------------------------------------------------------------------------

    def start_worker(self) -> None:
        number = len(self.stack.services)
        worker = self.stack.start_worker(
            self.apis[number % 2], JOBS_QUEUE_VISIBILITY_SECONDS=VISIBILITY_SECONDS
        )
        with self.workers_lock:
            self.workers.append(worker)

    def killer(self) -> None:
        next_kill = time.monotonic() + self.args.kill_every
        while not self.stop.wait(0.5):
            self.replace_exited()
            if time.monotonic() < next_kill:
                continue
            next_kill += self.args.kill_every
            victim, mid_job = self.pick_victim()
            with self.workers_lock:
                self.workers.remove(victim)
            victim.kill()
            self.start_worker()
            with self.figures.lock:
                self.figures.kills += 1
                self.figures.killed_mid_job += int(mid_job)

    def replace_exited(self) -> None:
        """A worker that exited on its own is noted and replaced, as ECS would."""
        with self.workers_lock:
            exited = [w for w in self.workers if w.process.poll() is not None]
            for worker in exited:
                self.workers.remove(worker)
        for worker in exited:
            with self.figures.lock:
                self.figures.exited.append(f"{worker.name} (exit {worker.process.returncode})")
            self.start_worker()

    def pick_victim(self, patience: float = 2.0) -> tuple[Service, bool]:
        """A worker caught in the middle of a job if one shows up within `patience` seconds
        (its log has a "job received" without its "job run over"), else any worker."""
        deadline = time.monotonic() + patience
        while True:
            with self.workers_lock:
                workers = list(self.workers)
            self.random.shuffle(workers)
            for worker in workers:
                log = worker.log_path.read_text(errors="replace")
                if log.count("job received") > log.count("job run over"):
                    return worker, True
            if time.monotonic() > deadline:
                return workers[0], False
            time.sleep(0.02)

    # --- the emulator freezes --------------------------------------------------------------

    def freezer(self) -> None:
        if self.stop.wait(max(0.0, self.args.seconds / 2 - self.args.freeze_seconds / 2)):
            return
        self.frozen.set()
        os.kill(self.emulator.process.pid, signal.SIGSTOP)
        began = time.monotonic()
        try:
            self.stop.wait(self.args.freeze_seconds)
        finally:
            os.kill(self.emulator.process.pid, signal.SIGCONT)
            self.frozen.clear()
            with self.figures.lock:
                self.figures.freeze_window = (began, time.monotonic())

    # --- submissions -----------------------------------------------------------------------

    def submitter(self) -> None:
        interval = self.args.seconds / self.args.jobs
        with ThreadPoolExecutor(max_workers=24) as pool:
            for number in range(self.args.jobs):
                due = self.started + number * interval
                time.sleep(max(0.0, due - time.monotonic()))
                body = {
                    "prompt": self.random.choice(PROMPTS),
                    "seed": self.random.randrange(1, 1_000_000),
                }
                key = f"chaos-{uuid.uuid4().hex}" if number % 4 == 0 else None
                submission = Submission(number=number, body=body, key=key)
                with self.figures.lock:
                    self.figures.submissions.append(submission)
                pool.submit(self.submit, submission)

    def submit(self, submission: Submission) -> None:
        headers = {"Idempotency-Key": submission.key} if submission.key else {}
        deadline = time.monotonic() + 180
        attempt = 0
        with httpx.Client(timeout=10.0, headers=self.keyed) as client:
            while time.monotonic() < deadline:
                url = self.apis[(submission.number + attempt) % 2]
                attempt += 1
                began = time.monotonic()
                try:
                    response = client.post(f"{url}/generate", json=submission.body, headers=headers)
                except httpx.TransportError as error:
                    submission.answers.append(type(error).__name__)
                    submission.transport_errors += 1
                    submission.other_errors.append(type(error).__name__)
                    time.sleep(0.5)
                    continue
                took = time.monotonic() - began
                submission.answers.append(
                    f"{response.status_code} at t={began - self.started:.1f}s in {took:.2f}s"
                )
                if response.status_code == 503:
                    submission.refused_503 += 1
                    with self.figures.lock:
                        self.figures.slowest_503 = max(self.figures.slowest_503, took)
                        self.figures.slow_503 += int(took > 2.0)
                    time.sleep(float(response.headers.get("retry-after", "1")))
                    continue
                if response.status_code in (200, 202) and response.json().get("id"):
                    submission.job_id = response.json()["id"]
                    break
                submission.other_errors.append(f"{response.status_code} {response.text[:200]}")
                return
            if submission.job_id is None:
                return
            with self.figures.lock:
                self.figures.accepted.append(submission.job_id)
            if submission.key:
                self.retry_idempotent(client, submission, headers)

    def retry_idempotent(
        self, client: httpx.Client, submission: Submission, headers: dict[str, str]
    ) -> None:
        """The same request again, through the other API: it must name the same job."""
        url = self.apis[(submission.number + 1) % 2]
        for _ in range(60):
            try:
                response = client.post(f"{url}/generate", json=submission.body, headers=headers)
            except httpx.TransportError:
                time.sleep(0.5)
                continue
            if response.status_code == 503:
                time.sleep(1.0)
                continue
            got = response.json().get("id") if response.status_code in (200, 202) else None
            if response.status_code != 200 or got != submission.job_id:
                submission.retry_mismatch = (
                    f"{submission.job_id}: retry answered {response.status_code} id {got}"
                )
            return
        submission.retry_mismatch = f"{submission.job_id}: retry never answered"

    # --- pollers ---------------------------------------------------------------------------

    def poller(self, number: int) -> None:
        chooser = random.Random(self.args.seed * 100 + number)
        with httpx.Client(timeout=10.0, headers=self.keyed) as client:
            while not self.stop.is_set():
                with self.figures.lock:
                    candidates = [
                        job
                        for job in self.figures.accepted[-40:]
                        if job not in self.figures.seen_terminal
                    ] or self.figures.accepted[-40:]
                    job_id = chooser.choice(candidates) if candidates else None
                if job_id is None:
                    time.sleep(0.2)
                    continue
                self.follow(client, job_id, chooser)

    def follow(self, client: httpx.Client, job_id: str, chooser: random.Random) -> None:
        """Reads one job on both APIs in turn until a little after it ends."""
        last: dict[str, Any] | None = None
        reads_after_end = 0
        deadline = time.monotonic() + 60
        read = 0
        while reads_after_end < 3 and time.monotonic() < deadline and not self.stop.is_set():
            url = self.apis[read % 2]
            read += 1
            began = time.monotonic()
            try:
                response = client.get(f"{url}/status/{job_id}")
            except httpx.TransportError as error:
                with self.figures.lock:
                    self.figures.poll_errors[type(error).__name__] += 1
                time.sleep(0.2)
                continue
            took = time.monotonic() - began
            with self.figures.lock:
                self.figures.poll_reads += 1
                if response.status_code == 503:
                    self.figures.poll_503 += 1
                    self.figures.slowest_503 = max(self.figures.slowest_503, took)
                    self.figures.slow_503 += int(took > 2.0)
                    if not (self.frozen.is_set() or self.figures.in_freeze(began)):
                        self.figures.poll_503_outside_freeze += 1
                elif response.status_code == 404:
                    self.figures.regressions.append(f"{job_id}: accepted, then 404 from {url}")
                elif response.status_code != 200:
                    self.figures.poll_errors[str(response.status_code)] += 1
            if response.status_code != 200:
                time.sleep(0.3)
                continue
            job = response.json()
            problem = regression(last, job)
            with self.figures.lock:
                if problem:
                    self.figures.regressions.append(f"{job_id} via {url}: {problem}")
                if job["status"] in TERMINAL:
                    self.figures.seen_terminal.add(job_id)
                elif job["status"] == "running":
                    self.figures.seen_running.add(job_id)
            last = job
            if job["status"] in TERMINAL:
                reads_after_end += 1
            time.sleep(chooser.uniform(0.05, 0.3))

    # --- replayed callbacks ----------------------------------------------------------------

    def replayer(self) -> None:
        rounds = max(6, self.args.replays)
        spacing = self.args.seconds / (rounds + 1)
        for round_number in range(rounds):
            if self.stop.wait(spacing):
                return
            while self.frozen.is_set() and not self.stop.is_set():
                time.sleep(0.5)
            want = ("queued", "running") if round_number % 3 == 2 else TERMINAL
            try:
                job_id = self.pick_job(want)
                if job_id is not None:
                    self.replay(job_id)
            except Exception as error:  # an emulator call failing is noted, not fatal
                with self.figures.lock:
                    self.figures.replays[f"replay aborted: {type(error).__name__}"] += 1

    def pick_job(self, statuses: tuple[str, ...]) -> str | None:
        """An accepted job with at least one recorded step and one of `statuses` now."""
        with self.figures.lock:
            # Running jobs are among the latest; finished ones anywhere.
            pool = self.figures.accepted[-60:] if "running" in statuses else self.figures.accepted
            candidates = self.random.sample(pool, min(40, len(pool)))
        with httpx.Client(timeout=10.0, headers=self.keyed) as client:
            for job_id in candidates:
                response = client.get(f"{self.apis[1]}/status/{job_id}")
                if response.status_code != 200:
                    continue
                job = response.json()
                if job["status"] in statuses and job["steps"]:
                    return job_id
        return None

    def replay(self, job_id: str) -> None:
        with httpx.Client(timeout=10.0, headers=self.keyed) as client:
            view = client.get(f"{self.apis[0]}/status/{job_id}")
            if view.status_code != 200:
                return
            job = view.json()
            before = self.resources.job_item(job_id) if job["status"] in TERMINAL else None
            events = [self.event_of(job_id, step) for step in job["steps"]]
            shuffled = events[:]
            self.random.shuffle(shuffled)
            sent = [*shuffled, *reversed(events)]
            if job["status"] == "done":
                final = next(e for e in events if e["stepId"] == "store_artifacts:succeeded")
                other = {
                    **final,
                    "artifacts": {
                        "sceneGraphKey": "x/other.json",
                        "asciiMinimapKey": "x/other.txt",
                    },
                }
                failure = {
                    "stepId": "layout:failed",
                    "name": "layout",
                    "phase": "failed",
                    "at": final["at"],
                    "error": "replayed contradiction",
                }
                sent += [other, failure]
            for number, event in enumerate(sent):
                url = self.apis[number % 2]
                response = client.post(
                    f"{url}/internal/jobs/{job_id}/step",
                    json=event,
                    headers={TOKEN_HEADER: self.token},
                )
                outcome = self.classify(response)
                with self.figures.lock:
                    self.figures.replays[outcome] += 1
                    if outcome == "applied: true":
                        self.figures.replay_changes.append(
                            f"{job_id}: {event['stepId']} replayed and applied"
                        )
            if before is not None:
                after = self.resources.job_item(job_id)
                if after != before:
                    with self.figures.lock:
                        self.figures.replay_changes.append(
                            f"{job_id}: item changed by replays: {diff(before, after)}"
                        )
            with self.figures.lock:
                self.figures.replayed_jobs += 1

    def event_of(self, job_id: str, step: dict[str, Any]) -> dict[str, Any]:
        event = {key: step[key] for key in ("stepId", "name", "phase", "at") if key in step}
        for key in ("durationMs", "error"):
            if step.get(key) is not None:
                event[key] = step[key]
        if step["stepId"] == "store_artifacts:succeeded":
            result = self.resources.job_item(job_id)["result"]["M"]
            event["artifacts"] = {
                "sceneGraphKey": result["scene_graph_key"]["S"],
                "asciiMinimapKey": result["ascii_minimap_key"]["S"],
            }
        return event

    @staticmethod
    def classify(response: httpx.Response) -> str:
        if response.status_code == 200:
            return f"applied: {str(response.json().get('applied')).lower()}"
        return str(response.status_code)

    # --- the run ---------------------------------------------------------------------------

    def run(self) -> None:
        threads = [
            threading.Thread(target=self.killer, name="killer"),
            threading.Thread(target=self.freezer, name="freezer"),
            threading.Thread(target=self.replayer, name="replayer"),
            *(
                threading.Thread(target=self.poller, args=(n,), name=f"poller-{n}")
                for n in range(self.args.pollers)
            ),
        ]
        for thread in threads:
            thread.start()
        try:
            self.submitter()  # returns once every submission has an answer
            time.sleep(max(0.0, self.started + self.args.seconds - time.monotonic()))
        finally:
            self.stop.set()
            for thread in threads:
                thread.join()

    def wait_for_the_end(self, timeout: float) -> dict[str, dict[str, Any] | None]:
        """Every accepted job's final view (None: never terminal or not found)."""
        pending = set(self.figures.accepted)
        views: dict[str, dict[str, Any] | None] = dict.fromkeys(pending)
        deadline = time.monotonic() + timeout
        idle_since: float | None = None
        with httpx.Client(timeout=10.0, headers=self.keyed) as client:
            while pending and time.monotonic() < deadline:
                before = len(pending)
                for job_id in sorted(pending):
                    view = read_job(client, self.apis[len(pending) % 2], job_id)
                    if view is not None and view["status"] in TERMINAL:
                        pending.discard(job_id)
                if not pending:
                    break
                # Nothing left to run them: the queue is empty and nothing ended for a while.
                queue_empty = queue_depth(self.resources, self.resources.queue) == (0, 0)
                if len(pending) == before and queue_empty:
                    idle_since = idle_since or time.monotonic()
                    if time.monotonic() - idle_since > IDLE_DRAIN_SECONDS:
                        break
                else:
                    idle_since = None
                time.sleep(1.0)
            for number, job_id in enumerate(views):
                view = read_job(client, self.apis[number % 2], job_id)
                if view is not None and view["status"] not in TERMINAL:
                    view = None
                views[job_id] = view
        return views


def read_job(client: httpx.Client, url: str, job_id: str) -> dict[str, Any] | None:
    """The job's view; None for 404. A 503 or a dropped connection is retried."""
    for _ in range(20):
        try:
            response = client.get(f"{url}/status/{job_id}")
        except httpx.TransportError:
            time.sleep(0.5)
            continue
        if response.status_code == 200:
            view: dict[str, Any] = response.json()
            return view
        if response.status_code == 404:
            return None
        time.sleep(0.5)
    raise RuntimeError(f"GET /status/{job_id} kept failing")


def regression(last: dict[str, Any] | None, job: dict[str, Any]) -> str | None:
    if last is None:
        return None
    if RANK[job["status"]] < RANK[last["status"]]:
        return f"status went back from {last['status']} to {job['status']}"
    if last["status"] in TERMINAL and job["status"] != last["status"]:
        return f"terminal status changed from {last['status']} to {job['status']}"
    before = [step["stepId"] for step in last["steps"]]
    now = [step["stepId"] for step in job["steps"]]
    if len(now) < len(before) or now[: len(before)] != before:
        return f"steps went from {before} to {now}"
    return None


def diff(before: dict[str, Any], after: dict[str, Any]) -> str:
    keys = sorted(set(before) | set(after))
    return ", ".join(
        f"{key}: {json.dumps(before.get(key))[:120]} -> {json.dumps(after.get(key))[:120]}"
        for key in keys
        if before.get(key) != after.get(key)
    )


def describe(chaos: Chaos, job_id: str) -> str:
    item = (
        chaos.resources.client("dynamodb")
        .get_item(
            TableName=chaos.resources.table, Key={"pk": {"S": f"job#{job_id}"}}, ConsistentRead=True
        )
        .get("Item")
    )
    if item is None:
        return "no item in the table"
    steps = len(item.get("steps", {}).get("L", []))
    return f"item status {item['status']['S']}, {steps} steps"


def mentions(chaos: Chaos, job_id: str) -> list[str]:
    found = []
    for service in chaos.stack.services:
        for line in service.log_path.read_text(errors="replace").splitlines():
            if job_id in line:
                try:
                    message = json.loads(line).get("message", line)
                except ValueError:
                    message = line[:120]
                found.append(f"{service.name}: {message}")
    return found


def queue_depth(resources: Resources, name: str) -> tuple[int, int]:
    sqs = resources.client("sqs")
    url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
    attributes = sqs.get_queue_attributes(
        QueueUrl=url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return (
        int(attributes["ApproximateNumberOfMessages"]),
        int(attributes["ApproximateNumberOfMessagesNotVisible"]),
    )


def table_job_ids(resources: Resources) -> set[str]:
    dynamodb = resources.client("dynamodb")
    ids: set[str] = set()
    for page in dynamodb.get_paginator("scan").paginate(
        TableName=resources.table, ProjectionExpression="pk"
    ):
        for item in page["Items"]:
            pk = item["pk"]["S"]
            if pk.startswith("job#"):
                ids.add(pk.removeprefix("job#"))
    return ids


def report(chaos: Chaos, views: dict[str, dict[str, Any] | None], wall: float) -> int:
    figures = chaos.figures
    submissions = figures.submissions
    accepted = [s for s in submissions if s.job_id]
    refused = [s for s in submissions if s.refused_503]
    refused_ok = [s for s in refused if s.job_id]
    never = [s for s in submissions if not s.job_id]
    statuses = Counter(view["status"] if view else "lost" for view in views.values())
    lost = sorted(job_id for job_id, view in views.items() if view is None)
    duplicated: list[str] = []
    incomplete: list[str] = []
    for job_id, view in views.items():
        if view is None:
            continue
        ids = [step["stepId"] for step in view["steps"]]
        duplicated += [f"{job_id}: {i}" for i, n in Counter(ids).items() if n > 1]
        if view["status"] == "done" and sorted(ids) != sorted(PIPELINE_STEP_IDS):
            incomplete.append(f"{job_id}: {ids}")
    mismatches = [s.retry_mismatch for s in submissions if s.retry_mismatch]
    in_table = table_job_ids(chaos.resources)
    orphans = sorted(in_table - set(views))
    queue = queue_depth(chaos.resources, chaos.resources.queue)
    dead = queue_depth(chaos.resources, f"{chaos.resources.queue}-dlq")
    tracebacks = sum(
        s.log_path.read_text(errors="replace").count("Traceback") for s in chaos.stack.services
    )
    window = figures.freeze_window
    keyed = sum(1 for s in submissions if s.key)

    print(f"jobs submitted:                  {len(submissions)} ({keyed} with Idempotency-Key)")
    print(f"accepted:                        {len(accepted)}")
    print(
        f"refused with 503:                {len(refused)} (then retried OK: {len(refused_ok)}; "
        f"{sum(s.refused_503 for s in submissions)} 503 answers in all)"
    )
    print(f"never accepted:                  {len(never)}")
    print(f"idempotent retries, same job:    {keyed - len(mismatches)} of {keyed}")
    print(f"done:                            {statuses['done']}")
    print(f"failed:                          {statuses['failed']}")
    print(f"lost:                            {len(lost)}")
    print(f"duplicated steps:                {len(duplicated)}")
    print(f"done jobs missing a step:        {len(incomplete)}")
    print(
        f"status regressions (pollers):    {len(figures.regressions)} in {figures.poll_reads} "
        f"reads; 503 during the freeze: {figures.poll_503 - figures.poll_503_outside_freeze}, "
        f"outside it: {figures.poll_503_outside_freeze}"
    )
    answers = ", ".join(f"{kind} {count}" for kind, count in sorted(figures.replays.items()))
    print(
        f"replayed callbacks:              {sum(figures.replays.values())} on "
        f"{figures.replayed_jobs} jobs ({answers})"
    )
    print(f"replays that changed something:  {len(figures.replay_changes)}")
    print(
        f"workers SIGKILLed:               {figures.kills} ({figures.killed_mid_job} mid-job), "
        "each replaced"
    )
    print(
        "emulator frozen:                 "
        + (
            f"{window[1] - window[0]:.1f} s at t={window[0] - chaos.started:.0f} s"
            if window
            else "no"
        )
        + f"; slowest 503: {figures.slowest_503:.2f} s, {figures.slow_503} over 2 s"
    )
    print(
        f"workers that exited on their own: {len(figures.exited)}"
        + (f" ({', '.join(figures.exited)}), each replaced" if figures.exited else "")
    )
    print(f"jobs in the table never accepted: {len(orphans)}")
    print(
        f"job queue at the end:            {queue[0]} visible, {queue[1]} in flight; "
        f"dead-letter queue: {dead[0]}"
    )
    print(f"tracebacks in process logs:      {tracebacks}")
    print(f"wall time:                       {wall:.1f} s")
    details = {
        "lost": lost,
        "duplicated": duplicated,
        "incomplete": incomplete,
        "regressions": figures.regressions,
        "replay changes": figures.replay_changes,
        "idempotency mismatches": mismatches,
        "never accepted": [f"{s.number}: {s.other_errors[-3:]}" for s in never],
        "orphans": orphans,
        "poll errors": [f"{k} {v}" for k, v in figures.poll_errors.items()],
    }
    for name, items in details.items():
        if items:
            print(f"{name}: {items[:20]}")
    by_job = {s.job_id: s for s in submissions if s.job_id}
    for job_id in lost:
        submission = by_job[job_id]
        print(
            f"lost {job_id}: submission {submission.number}, "
            f"Idempotency-Key {'yes' if submission.key else 'no'}, answers {submission.answers}; "
            f"now {describe(chaos, job_id)}; in logs: {mentions(chaos, job_id)}"
        )
    for job_id in orphans[:20]:
        print(
            f"never accepted but stored {job_id}: {describe(chaos, job_id)}; "
            f"in logs: {mentions(chaos, job_id)}"
        )
    failed = lost or duplicated or figures.regressions or figures.replay_changes or mismatches
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=150.0, help="length of the chaos")
    parser.add_argument("--freeze-seconds", type=float, default=10.0)
    parser.add_argument("--kill-every", type=float, default=15.0)
    parser.add_argument("--pollers", type=int, default=4)
    parser.add_argument("--replays", type=int, default=10, help="rounds of replayed callbacks")
    parser.add_argument("--drain-timeout", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-chaos-"))
    print(f"logs in {workdir}", flush=True)
    began = time.monotonic()
    with own_ministack(workdir) as (endpoint, emulator):
        resources = provision_resources(endpoint, workdir)
        quick = {"JOBS_QUEUE_VISIBILITY_SECONDS": VISIBILITY_SECONDS}
        with PersistentStack(resources, workdir) as stack:
            apis = [stack.start_api(**quick), stack.start_api(**quick)]
            chaos = Chaos(args, stack, apis, emulator)
            for _ in range(3):
                chaos.start_worker()
            print(
                f"stack up in {time.monotonic() - began:.1f} s; chaos for {args.seconds:.0f} s",
                flush=True,
            )
            began = time.monotonic()
            chaos.started = began
            chaos.run()
            print(f"chaos over at {time.monotonic() - began:.1f} s; waiting for jobs", flush=True)
            views = chaos.wait_for_the_end(args.drain_timeout)
            wall = time.monotonic() - began
            return report(chaos, views, wall)


if __name__ == "__main__":
    sys.exit(main())
