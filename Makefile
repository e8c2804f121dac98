# The two commands a newcomer runs: `make demo` and `make test`. Both leave .venv/bin/sayso.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
POLNEAR ?= ../shared/data/polnear

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files so a second `make` does not reinstall; pyproject changes trigger a reinstall.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.core

demo: $(VENV)/.core
	$(BIN)/sayso analyze examples/ -o out/examples.jsonl
	$(BIN)/sayso analyze examples/ --format text

test: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python benchmarks/polnear_dev.py --polnear $(POLNEAR)

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
