"""The deployment linters in .venv-tools (scripts/install_deploy_tools.sh), for the tests.

Missing tools fail the test when CI is set, so a green CI always ran them; a developer who has
not installed them yet gets a skip that says how.
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TOOLS_BIN = ROOT / ".venv-tools" / "bin"


def deploy_tool(name: str) -> Path:
    path = TOOLS_BIN / name
    if path.exists():
        return path
    message = f"{path} is missing: run scripts/install_deploy_tools.sh"
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
