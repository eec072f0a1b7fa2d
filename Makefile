# Two commands for a fresh clone: `make demo` runs one scene through the service, `make test` runs the tests.
# Two environments: .venv-runtime has the service alone (requirements.lock: `make demo`, `make serve`),
# .venv the development lock (requirements-dev.lock: tests, linters, benchmarks, the local stack).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
RUNTIME_VENV := .venv-runtime
EMULATOR_VENV := .venv-emulator
BIN := $(VENV)/bin
MINISTACK_VERSION := 1.5.33

LOCK_FLAGS := --generate-hashes --universal --python-version 3.11

.PHONY: demo test lint format bench serve emulator clean lock deploy-tools browser

# Installs exactly the versions in requirements-dev.lock (hash-checked), then the project itself.
$(BIN)/scenegen: pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(MAKE) --no-print-directory bytecode
	touch $@

# The service alone, as the Docker image installs it: requirements.lock (hash-checked), then the
# project without dependencies. No test or lint tool, so `make demo` stays small.
$(RUNTIME_VENV)/bin/scenegen: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(RUNTIME_VENV)
	$(RUNTIME_VENV)/bin/pip install --quiet --upgrade pip
	$(RUNTIME_VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(RUNTIME_VENV)/bin/pip install --quiet --no-deps -e .
	$(MAKE) --no-print-directory bytecode BIN=$(RUNTIME_VENV)/bin
	touch $@

# The package's bytecode, written once: with PYTHONDONTWRITEBYTECODE set (as here and in the
# image) every command would otherwise compile the generator and its word tables each run.
# The source tree's __pycache__ serves both environments (same interpreter version).
.PHONY: bytecode
bytecode:
	$(BIN)/python -m compileall -q -j 0 domain application infrastructure interfaces

# Refresh the lockfiles to the newest releases the ranges in pyproject.toml allow.
# requirements.lock (the service alone, for the Docker image) keeps the dev lock's versions;
# requirements-emulator.lock is MiniStack's own environment.
lock: $(BIN)/scenegen
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_FLAGS) --upgrade -o requirements-dev.lock
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) -c requirements-dev.lock -o requirements.lock
	echo "ministack==$(MINISTACK_VERSION)" | $(BIN)/uv pip compile - $(LOCK_FLAGS) -o requirements-emulator.lock

# MiniStack pins an older botocore than aiobotocore accepts, so it lives in its own environment.
$(EMULATOR_VENV)/bin/ministack: requirements-emulator.lock
	$(PYTHON) -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/pip install --quiet --upgrade pip
	$(EMULATOR_VENV)/bin/pip install --quiet --require-hashes -r requirements-emulator.lock
	touch $@

emulator: $(EMULATOR_VENV)/bin/ministack

demo: $(RUNTIME_VENV)/bin/scenegen
	$(RUNTIME_VENV)/bin/scenegen demo $(if $(PROMPT),"$(PROMPT)",)

# cfn-lint is in the dev extra; checkov and actionlint live in their own environment (their
# pins clash with aiobotocore's botocore), installed at pinned versions by the script.
deploy-tools:
	PYTHON=$(PYTHON) scripts/install_deploy_tools.sh

# Debian's Chromium for tests/browser (apt-get, with sudo when not root); nothing when present.
browser:
	bash scripts/install_browser.sh

test: $(BIN)/scenegen emulator deploy-tools browser
	$(BIN)/pytest

lint: $(BIN)/scenegen
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(BIN)/scenegen
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

serve: $(RUNTIME_VENV)/bin/scenegen
	$(RUNTIME_VENV)/bin/scenegen serve $(if $(PORT),--port $(PORT),)

bench: $(BIN)/scenegen
	$(BIN)/python bench/bench_scene.py
	$(BIN)/python bench/bench_api_inprocess.py
	$(BIN)/python bench/bench_api.py

clean:
	rm -rf $(VENV) $(RUNTIME_VENV) $(EMULATOR_VENV) .venv-tools .pytest_cache .mypy_cache .ruff_cache

# Regenerates docs/web-page.png, the picture in docs/web-page.md (a demo server, one scene).
.PHONY: screenshot
screenshot: $(BIN)/scenegen
	$(BIN)/python scripts/screenshot_page.py

# docs/gallery: the page's example prompts drawn by Chromium (village.png is the README's).
.PHONY: gallery
gallery: $(BIN)/scenegen browser
	$(BIN)/python scripts/render_gallery.py

.PHONY: up down
up: $(BIN)/scenegen emulator
	$(BIN)/python scripts/local_stack.py up

down:
	$(BIN)/python scripts/local_stack.py down
