# Two commands for a fresh clone: `make demo` runs one scene through the service, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
EMULATOR_VENV := .venv-emulator
BIN := $(VENV)/bin
MINISTACK_VERSION := 1.5.33

.PHONY: demo test lint format bench serve emulator clean

$(BIN)/scenegen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# MiniStack pins an older botocore than aiobotocore accepts, so it lives in its own environment.
$(EMULATOR_VENV)/bin/ministack:
	$(PYTHON) -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/pip install --quiet --upgrade pip
	$(EMULATOR_VENV)/bin/pip install --quiet ministack==$(MINISTACK_VERSION)
	touch $@

emulator: $(EMULATOR_VENV)/bin/ministack

demo: $(BIN)/scenegen
	$(BIN)/scenegen demo $(if $(PROMPT),"$(PROMPT)",)

test: $(BIN)/scenegen emulator
	$(BIN)/pytest

lint: $(BIN)/scenegen
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(BIN)/scenegen
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

serve: $(BIN)/scenegen
	$(BIN)/scenegen serve

bench: $(BIN)/scenegen
	$(BIN)/python bench/bench_scene.py
	$(BIN)/python bench/bench_otlp_encoding.py
	$(BIN)/python bench/bench_api.py

clean:
	rm -rf $(VENV) $(EMULATOR_VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: up down
up: $(BIN)/scenegen emulator
	$(BIN)/python scripts/local_stack.py up

down:
	$(BIN)/python scripts/local_stack.py down
