"""`make up` runs with API keys (persistent mode's default): it makes a key named `local` and
writes its secret, only there, to .run/api-key with mode 0600."""

import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.unit.deploy.test_local_stack_ports import load_script

SECRET = "sg_" + "s" * 43


def test_the_local_key_is_written_to_a_0600_file_and_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script()
    key_file = tmp_path / "api-key"
    key_file.write_text("an old key from the last `make up`\n")
    monkeypatch.setattr(script, "API_KEY_FILE", key_file)
    ran: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        ran.append(command)
        stdout = "created key_abc (local, rate default/min, max active default)\n"
        stdout += f"secret (shown once, store it now): {SECRET}\n"
        return subprocess.CompletedProcess(command, 0, stdout=stdout, stderr="")

    monkeypatch.setattr(script.subprocess, "run", fake_run)
    script.create_local_key(script.stack_env())

    assert ran[0][1:] == ["keys", "create", "--name", "local"]
    assert key_file.read_text() == SECRET + "\n"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert SECRET not in capsys.readouterr().out


def test_a_key_that_cannot_be_made_stops_the_stack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = load_script()
    monkeypatch.setattr(script, "API_KEY_FILE", tmp_path / "api-key")
    monkeypatch.setattr(
        script.subprocess,
        "run",
        lambda command, **kwargs: subprocess.CompletedProcess(command, 1, "", "no table\n"),
    )
    stopped: list[bool] = []
    monkeypatch.setattr(script, "down", lambda: stopped.append(True))
    with pytest.raises(SystemExit, match="could not create the local API key"):
        script.create_local_key(script.stack_env())
    assert stopped == [True] and not (tmp_path / "api-key").exists()
