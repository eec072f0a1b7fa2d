"""`scenegen smoke` against a real persistent `scenegen serve` + `scenegen worker` pair."""

import re
import subprocess

import pytest

from tests.e2e.persistent_stack import SharedStack, get_job
from tests.e2e.processes import SCENEGEN

pytestmark = pytest.mark.e2e


def test_smoke_check_follows_the_presigned_urls_and_exits_0(shared_stack: SharedStack) -> None:
    result = subprocess.run(
        [SCENEGEN, "smoke", "--base-url", shared_stack.base_url, "--timeout", "30"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"smoke: OK: job (\S+) done", result.stdout)
    assert found is not None, result.stdout
    # The job has no inline artifacts, so the check can only have passed through the URLs.
    checked = get_job(shared_stack.base_url, found.group(1))["result"]
    assert set(checked) == {
        "sceneGraphUrl",
        "asciiMinimapUrl",
        "urlsExpireAt",
        "sceneGraphKey",
        "asciiMinimapKey",
        "sceneSvgUrl",
        "sceneSvgKey",
    }
