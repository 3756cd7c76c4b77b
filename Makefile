# Two commands on a new machine:  `make demo`  and  `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU build of torch; on a machine without this wheel on disk, add
#   --index-url https://download.pytorch.org/whl/cpu   (see DEVELOPERS.md)
TORCH ?= torch==2.13.0

.PHONY: install install-dev install-bench services demo test lint check clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e '.[dev,scale]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev,bench,scale]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed
install-bench: $(VENV)/.installed-bench

## system packages the tests need: PostgreSQL server binaries (the tests start a throwaway
## server themselves, on 127.0.0.1). Installs only when missing, and only as root (CI).
services:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; \
	else echo "PostgreSQL server binaries missing: its tests will be skipped (apt-get install postgresql)"; fi

## install, then compare the bundled example stories; reports land in out/
demo: install
	$(BIN)/consilience demo -o out

## install (and PostgreSQL, see services), then run the whole test suite
test: install services
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

check: lint test

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
