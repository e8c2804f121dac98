# The two commands a newcomer runs: `make demo` and `make test`. Both leave .venv/bin/sayso.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
POLNEAR ?= ../shared/data/polnear
# make demo PORT=8001 if 8000 is taken
PORT ?= 8000

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files so a second `make` does not reinstall; pyproject changes trigger a reinstall.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,transformer]"
	touch $@ $(VENV)/.core

demo: $(VENV)/.core
	$(BIN)/sayso analyze examples/ -o out/examples.jsonl
	$(BIN)/sayso analyze examples/ --format text
	rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BIN)/sayso ingest out/examples.jsonl --db out/demo.db
	@echo "Serving the web UI on the sample; open the address below (Ctrl+C stops it)."
	$(BIN)/sayso serve --db out/demo.db --port $(PORT)

test: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python benchmarks/polnear_dev.py --polnear $(POLNEAR)

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
