"""Schemathesis against the persistent stack: an API process on DynamoDB, S3 and SQS (the
emulator) with a worker, every check and phase, as against the demo server. The stack wants API
keys (persistent mode's default): every request carries the stack's key, and schemathesis's
`ignored_auth` check confirms that one without it is refused.

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
    shared_stack: SharedStack, tmp_path: Path
) -> None:
    assert SCHEMATHESIS.exists(), f"{SCHEMATHESIS} is missing: run make"
    key = shared_stack.resources.api_key
    assert key is not None
    # The key as the document's own `bearerAuth` scheme (not a plain --header, which
    # schemathesis would send even where it checks that a request without the key is refused).
    config = tmp_path / "schemathesis.toml"
    config.write_text('[auth.openapi.bearerAuth]\nbearer = "${SCENEGEN_E2E_KEY}"\n')
    finished = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(config),
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
        env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "SCENEGEN_E2E_KEY": key},
        timeout=1500,  # a guard against a hang, not a speed limit: CI machines are busy
    )
    summary = finished.stdout[finished.stdout.rfind("SUMMARY") :]
    failures = finished.stdout[finished.stdout.find("FAILURES") :]
    assert finished.returncode == 0, failures[:6000]
    generated = re.search(r"(\d+) generated", summary)
    assert generated and int(generated.group(1)) >= MIN_GENERATED, summary
