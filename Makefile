# Two commands on a new machine:  `make demo`  and  `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU build of torch; on a machine without this wheel on disk, add
#   --index-url https://download.pytorch.org/whl/cpu   (see DEVELOPERS.md)
TORCH ?= torch==2.13.0

.PHONY: install install-dev install-bench demo test lint check clean

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

## install, then compare the bundled example stories; reports land in out/
demo: install
	$(BIN)/consilience demo -o out

## install, then run the whole test suite
test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

check: lint test

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
