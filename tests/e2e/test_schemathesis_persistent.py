"""Schemathesis against the persistent stack: an API process on DynamoDB, S3 and SQS (the
emulator) with a worker, every check and phase, as against the demo server.

Every check runs, none excluded, with the hooks of tests/e2e/schemathesis_hooks.py.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.persistent_stack import SharedStack

pytestmark = pytest.mark.e2e

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
HOOKS = Path(__file__).parent / "schemathesis_hooks.py"
MIN_GENERATED = 500


def test_schemathesis_finds_no_failure_against_the_persistent_stack(
    shared_stack: SharedStack,
) -> None:
    assert SCHEMATHESIS.exists(), f"{SCHEMATHESIS} is missing: run make"
    finished = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{shared_stack.api_a.url}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "150",
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
    failures = finished.stdout[finished.stdout.find("FAILURES") :]
    assert finished.returncode == 0, failures[:6000]
    generated = re.search(r"(\d+) generated", summary)
    assert generated and int(generated.group(1)) >= MIN_GENERATED, summary
