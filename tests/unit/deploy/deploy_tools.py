"""The deployment linters in .venv-tools (scripts/install_deploy_tools.sh), for the tests.

`make test` installs them first, so a missing tool is a broken install: the test fails and
says how to install it (a skip would let a green run hide that the linters never ran).
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TOOLS_BIN = ROOT / ".venv-tools" / "bin"


def deploy_tool(name: str) -> Path:
    path = TOOLS_BIN / name
    if path.exists():
        return path
    pytest.fail(f"{path} is missing: run make deploy-tools", pytrace=False)
