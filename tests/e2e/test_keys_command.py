"""`scenegen keys create|list|revoke` against DynamoDB on the emulator, as an operator runs it."""

import hashlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.persistent_stack import (
    Resources,
    delete_resources,
    outer_env,
    provision_resources,
)
from tests.e2e.processes import SCENEGEN

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def resources(aws_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Resources]:
    made = provision_resources(aws_endpoint, tmp_path_factory.mktemp("keys"))
    yield made
    delete_resources(made)


def scenegen(
    env: dict[str, str], *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCENEGEN, "keys", *args],
        env={**outer_env(), **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def created_key(output: str) -> tuple[str, str]:
    key_id = re.search(r"^created (key_[0-9a-f]{16}) ", output, re.MULTILINE)
    secret = re.search(
        r"^secret \(shown once, store it now\): (sg_[A-Za-z0-9_-]{32,})$", output, re.MULTILINE
    )
    assert key_id and secret, output
    return key_id.group(1), secret.group(1)


def test_a_created_key_is_stored_as_its_hash_and_listed(resources: Resources) -> None:
    result = scenegen(
        resources.env(),
        "create",
        "--name",
        "ci runner",
        "--rate-per-minute",
        "5",
        "--max-active",
        "2",
    )
    assert result.returncode == 0, result.stderr
    key_id, secret = created_key(result.stdout)
    assert "rate 5/min, max active 2" in result.stdout
    item = resources.client("dynamodb").get_item(
        TableName=f"{resources.table}-api-keys", Key={"pk": {"S": key_id}}
    )["Item"]
    assert item["secretHash"]["S"] == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(item)
    listed = scenegen(resources.env(), "list")
    assert listed.returncode == 0, listed.stderr
    (line,) = [line for line in listed.stdout.splitlines() if line.startswith(key_id)]
    assert "active" in line and "ci runner" in line and "rate 5/min, max active 2" in line
    assert secret not in listed.stdout


def test_a_revoked_key_is_listed_as_revoked(resources: Resources) -> None:
    key_id, _ = created_key(scenegen(resources.env(), "create", "--name", "old").stdout)
    revoked = scenegen(resources.env(), "revoke", key_id)
    assert revoked.returncode == 0, revoked.stderr
    assert revoked.stdout.startswith(f"revoked {key_id} (old)")
    (line,) = [
        line for line in scenegen(resources.env(), "list").stdout.splitlines() if key_id in line
    ]
    assert "revoked" in line and "rate default/min, max active default" in line


def test_revoking_an_unknown_id_is_one_line(resources: Resources) -> None:
    result = scenegen(resources.env(), "revoke", "key_0000000000000000")
    assert result.returncode == 1
    assert result.stderr == "scenegen keys revoke: no key has id key_0000000000000000\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("create", "--name", "a:b"), "scenegen keys create: a key name is"),
        (("create", "--name", "x", "--max-active", "0"), "must be at least 1"),
    ],
)
def test_a_bad_name_or_limit_is_one_line(
    resources: Resources, args: tuple[str, ...], says: str
) -> None:
    result = scenegen(resources.env(), *args)
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr


def aws_only(resources: Resources) -> dict[str, str]:
    service = ("JOBS_TABLE", "ARTIFACTS_BUCKET", "JOBS_QUEUE", "INTERNAL_TOKEN_PARAMETER")
    return {k: v for k, v in resources.env().items() if k not in service}


def test_without_jobs_table_it_says_which_variable(resources: Resources) -> None:
    result = scenegen(aws_only(resources), "list")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "JOBS_TABLE must be set" in result.stderr


def test_a_table_never_provisioned_is_one_line_pointing_at_provision(
    resources: Resources,
) -> None:
    result = scenegen({**resources.env(), "JOBS_TABLE": "sg-e2e-never-made"}, "list")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("scenegen keys list: key store is unavailable")
    assert "scenegen provision" in result.stderr and "sg-e2e-never-made" not in result.stderr
