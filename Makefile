# Two entry points: `make run` (the product) and `make test` (every check);
# `make up` runs the product on Neo4j.
# Both set up what they need: a virtualenv in .venv and the UI's node_modules.

VENV      := .venv
BIN       := $(VENV)/bin
PYTHON    ?= python3
RUNTIME   := $(VENV)/.runtime-installed
DEV       := $(VENV)/.dev-installed
UI_DEPS   := frontend/node_modules/.installed
UI_BUILD  := frontend/dist/index.html
API_DOC   := frontend/src/api/openapi.json

.PHONY: run up test lint types audit ui-test pytest ui bench chaos fuzz clean eval

run: $(RUNTIME) $(UI_BUILD)
	$(BIN)/careergraph serve --host 127.0.0.1 --port 8000

# The product on Neo4j: NEO4J_URI, else a local server (Java 17 + Maven), seeded if needed.
up: $(RUNTIME) $(UI_BUILD)
	$(BIN)/careergraph up --host 127.0.0.1 --port 8000

# Every check at once (make -j: the linters, the audit and the UI tests run while pytest
# waits on its servers); --output-sync prints each check's output whole, when it ends, and
# --keep-going lets every check finish, so one run shows every failure.
CHECKS := lint types audit ui-test pytest
test:
	@$(MAKE) --no-print-directory --jobs=$(words $(CHECKS)) --output-sync=target --keep-going $(CHECKS)

# pip compiles every module of every package it installs (scipy, pandas, playwright...);
# Python compiles what is imported, when it is first imported: 40 s of CPU less at set-up.
PIP_FLAGS := --no-compile

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# frontend/dist is the package careergraph_ui (setup.py), shipped only when it exists:
# made before the editable install, so the UI built into it later is found.
$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	mkdir -p frontend/dist
	$(BIN)/pip install --quiet $(PIP_FLAGS) -e .
	touch $@

$(DEV): pyproject.toml | $(VENV)/bin/python
	mkdir -p frontend/dist
	$(BIN)/pip install --quiet $(PIP_FLAGS) -e '.[dev]'
	touch $@ $(RUNTIME)

$(UI_DEPS): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(UI_BUILD): $(UI_DEPS) $(shell find frontend/src frontend/public frontend/index.html frontend/vite.config.* frontend/package.json -type f 2>/dev/null)
	cd frontend && npm run build

ui: $(UI_BUILD)

lint: $(DEV)
	$(BIN)/ruff check .

types: $(DEV)
	$(BIN)/mypy

# Known vulnerabilities with a fix fail the build (tools/audit.py says how to suppress a
# reviewed one); AUDIT_FLAGS=--require also fails when an advisory service is unreachable.
audit: $(DEV) $(UI_DEPS)
	$(BIN)/python tools/audit.py $(AUDIT_FLAGS)

.PHONY: api-types api-types-check

# The UI's types come from the service's OpenAPI document: write both, commit both.
api-types: $(DEV) $(UI_DEPS)
	$(BIN)/python tools/api_types.py $(API_DOC)
	cd frontend && npm run --silent api-types

# Fails when the committed document or types differ from what the Python code produces.
api-types-check: $(DEV) $(UI_DEPS)
	@$(BIN)/python tools/api_types.py --check $(API_DOC)
	@cd frontend && npm run --silent api-types:check >/dev/null || \
	  { echo "frontend/src/api/schema.d.ts differs from $(API_DOC): run \`make api-types\` and commit the result" >&2; exit 1; }

# Vitest's 5 s per test bounds a hang only; beside pytest on 2 cores a render may take longer.
ui-test: $(UI_DEPS) api-types-check
	cd frontend && npm run typecheck && npm run lint && npm test -- --testTimeout=30000

# pytest runs on PYTEST_WORKERS xdist workers (tests/fixtures/groups.py keeps together what
# must share one); 2, one a core, was green on an idle 2-core machine (docs/reliability.md);
# 0 runs in this process.
# The tests marked `chaos` are `make chaos`'s (docs/reliability.md lists what runs where).
PYTEST_WORKERS ?= 2
pytest: $(DEV) $(UI_BUILD)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder -m "not chaos"

# The tests marked `chaos` (a real Neo4j frozen, stopped and restarted empty under load; a
# runaway transaction; CI=true: never skipped); then the same faults for longer, with a
# table; then the service killed (-9) mid dataset replace on both stores and restarted;
# then 3 instances behind nginx (Debian's package, installed if missing), one killed (-9).
# Not in `make test`. CHAOS_SECONDS sets each phase's length, CHAOS_ROUNDS the kills per store.
CHAOS_SECONDS ?= 30
CHAOS_ROUNDS ?= 5
chaos: $(DEV)
	CI=true $(BIN)/pytest -m chaos
	$(BIN)/python -m tools.chaos.run --seconds $(CHAOS_SECONDS)
	$(BIN)/python -m tools.chaos.library --rounds $(CHAOS_ROUNDS)
	$(BIN)/python -m tools.chaos.workforce
	command -v nginx >/dev/null || { apt-get update && apt-get install -y nginx; }
	$(BIN)/python -m tools.chaos.scale --seconds $(CHAOS_SECONDS)

# Random uploads to the dataset and workforce routes (embedded store, loopback): no 500,
# no answer over 5 s. FUZZ_SECONDS sets the length; failures are saved in artifacts/fuzz.
FUZZ_SECONDS ?= 60
fuzz: $(DEV)
	$(BIN)/python -m tools.chaos.fuzz --seconds $(FUZZ_SECONDS)

# Every figure of docs/benchmarks.md in one table (needs wrk: `sudo apt-get install -y wrk`;
# the Neo4j rows need Java 17 + Maven or NEO4J_URI). BENCH_ARGS: see tools/bench/run.py,
# e.g. BENCH_ARGS="--sizes 300 3000 --write-docs docs/benchmarks.md".
BENCH_ARGS ?=
bench: $(DEV)
	@command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install -y wrk" >&2; exit 1; }
	$(BIN)/python -m tools.bench.run $(BENCH_ARGS)

# The recommendations against their truth sets, with baselines (docs/recommendations.md).
eval: $(DEV)
	$(BIN)/careergraph eval
	$(BIN)/careergraph eval --preset onet

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist artifacts
