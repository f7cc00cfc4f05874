# Two commands do all the set-up on a fresh machine (Python 3.11 and pip): `make demo`, `make test`.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export TRACETOPICS_HOME ?= $(CURDIR)/.tracetopics
export DAGSTER_HOME ?= $(TRACETOPICS_HOME)/dagster
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GX_ANALYTICS_ENABLED := False
export DO_NOT_TRACK := 1
export TOKENIZERS_PARALLELISM := false
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: install demo test ui explore docs lint format bench clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "need $(PY) (Python 3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# The CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build.
	@echo "▶ installing torch 2.13.0 (CPU build) into $(VENV): the first of two quiet pip steps"
	$(BIN)/pip install -q torch==2.13.0
	@echo "▶ installing tracetopics with its dev and scale extras (Dagster, dbt, DuckDB, sentence-transformers, Playwright); $(VENV) ends near 3 GB"
	$(BIN)/pip install -q -e '.[dev,scale]'
	@echo "▶ preparing the dbt manifest"
	$(BIN)/tracetopics prepare
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tracetopics demo

test: $(STAMP)
	bash scripts/install-browser.sh
	$(BIN)/pytest -q

ui: $(STAMP)
	@mkdir -p $(DAGSTER_HOME) && cp -n dagster.yaml $(DAGSTER_HOME)/dagster.yaml || true
	$(BIN)/dagster dev -w workspace.yaml --host 127.0.0.1

explore: $(STAMP)
	$(BIN)/tracetopics explore

docs: $(STAMP)
	$(BIN)/tracetopics docs --serve

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/facet_quality.py
	$(BIN)/python bench/topic_quality.py
	$(BIN)/python bench/ingest_scale.py
	$(BIN)/python bench/surfaces.py

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

clean:
	rm -rf $(TRACETOPICS_HOME)
