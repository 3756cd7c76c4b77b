# Two commands on a new machine:  `make demo`  and  `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU build of torch; on a machine without this wheel on disk, add
#   --index-url https://download.pytorch.org/whl/cpu   (see DEVELOPERS.md)
TORCH ?= torch==2.13.0

.PHONY: install install-dev install-bench services chromium demo test lint check clean

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

## the browser the web-page tests drive (Debian's Chromium; Playwright never downloads one).
## Installed only when missing and when running as root (CI); a developer without it gets the
## browser tests skipped with the reason (under CI=true they fail instead).
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi

## install (and PostgreSQL and Chromium, see services and chromium), then run the whole test suite
test: install services chromium
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

check: lint test

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
