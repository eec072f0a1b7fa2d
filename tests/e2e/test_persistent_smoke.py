"""`scenegen smoke` against a real persistent `scenegen serve` + `scenegen worker` pair, which
wants API keys (persistent mode's default): the key from SCENEGEN_API_KEY, or one made for the
check and revoked after it (`--create-key`, the deployment pipeline's way)."""

import re
import subprocess

import pytest

from tests.e2e.persistent_stack import SharedStack, get_job, outer_env
from tests.e2e.processes import SCENEGEN

pytestmark = pytest.mark.e2e


def _smoke(
    shared_stack: SharedStack, env: dict[str, str], *options: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCENEGEN, "smoke", "--base-url", shared_stack.base_url, "--timeout", "30", *options],
        env={**outer_env(), **env},
        capture_output=True,
        text=True,
        timeout=90,
    )


def test_smoke_check_follows_the_presigned_urls_and_exits_0(shared_stack: SharedStack) -> None:
    key = shared_stack.resources.api_key
    assert key is not None
    result = _smoke(shared_stack, {"SCENEGEN_API_KEY": key})

    assert result.returncode == 0, result.stdout + result.stderr
    assert key not in result.stdout + result.stderr
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


def test_smoke_without_a_key_fails_in_one_line(shared_stack: SharedStack) -> None:
    result = _smoke(shared_stack, {})

    assert result.returncode == 9
    assert result.stderr.strip().splitlines() == [
        "smoke: FAILED (unauthorized): the service requires an API key: pass --api-key or set "
        "SCENEGEN_API_KEY"
    ]


def test_smoke_with_create_key_makes_a_key_for_the_check_and_revokes_it(
    shared_stack: SharedStack,
) -> None:
    env = shared_stack.resources.env()
    result = _smoke(shared_stack, env, "--create-key")

    assert result.returncode == 0, result.stdout + result.stderr
    made = re.search(r"smoke: made key (key_\S+) \(smoke-\S+\)", result.stdout)
    assert made is not None, result.stdout
    assert f"smoke: revoked key {made.group(1)}" in result.stdout
    assert "sg_" not in result.stdout + result.stderr, "the secret is never shown"
    listed = subprocess.run(
        [SCENEGEN, "keys", "list"],
        env={**outer_env(), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert re.search(rf"^{made.group(1)}\s+revoked\s", listed, re.MULTILINE), listed
