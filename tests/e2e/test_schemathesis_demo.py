"""Schemathesis (all checks, coverage, fuzzing and stateful phases) against a served demo API.

Every check runs, none excluded: tests/e2e/schemathesis_hooks.py gives each body its own
Idempotency-Key (the reason is in that module).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.processes import scenegen_serve

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
HOOKS = Path(__file__).parent / "schemathesis_hooks.py"
TOKEN = "e2e-token-0123456789abcdef"
MIN_GENERATED = 1000


def test_schemathesis_finds_no_failure_against_the_demo_server() -> None:
    # schemathesis is in the dev extra and the lock: a missing one is a broken install
    assert SCHEMATHESIS.exists(), f"{SCHEMATHESIS} is missing: run make"
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url:
        finished = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                f"{base_url}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                "500",
                "--seed",
                "1",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
            timeout=1500,  # a guard against a hang, not a speed limit: CI machines are busy
        )
    summary = finished.stdout[finished.stdout.rfind("SUMMARY") :]
    assert finished.returncode == 0, finished.stdout[-6000:]
    generated = re.search(r"(\d+) generated", summary)
    assert generated and int(generated.group(1)) >= MIN_GENERATED, summary
