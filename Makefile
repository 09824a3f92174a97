# Two commands are all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run setup test test-es es es-stop lint format check audit clean

# The virtual environment is rebuilt only when pyproject.toml changes, so a second
# `make run` skips straight to the (idempotent) database steps.
$(BIN)/.installed-runtime: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.12 (for example).")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed-runtime
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Every step is idempotent: a second run creates nothing and changes nothing that exists.
setup: $(BIN)/.installed-runtime
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) update_index
	$(MANAGE) rebuild_search_index
	$(MANAGE) ensure_admin_user

run: setup
	@echo "The portal is at http://127.0.0.1:$(PORT)/ and its admin at http://127.0.0.1:$(PORT)/admin/"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# axe-core, which the browser tests inject to check accessibility (package.json), from npm.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

test: $(BIN)/.installed-dev node_modules/.package-lock.json
	$(BIN)/pytest -n auto

# A real Elasticsearch node (from Maven Central, cached outside the repository) on
# 127.0.0.1:$(ES_PORT); needs Java and Maven. `make es` twice reuses the download and the node.
ES_PORT ?= 9250
es:
	@ES_PORT=$(ES_PORT) scripts/elasticsearch-node start

es-stop:
	@ES_PORT=$(ES_PORT) scripts/elasticsearch-node stop

# The tests that need a real Elasticsearch (marked `elasticsearch`), against the node of
# `make es`, one at a time (one of them stops and restarts the node).
test-es: $(BIN)/.installed-dev es
	ELASTICSEARCH_URL=http://127.0.0.1:$(ES_PORT) ES_NODE_SCRIPT=scripts/elasticsearch-node \
		ES_PORT=$(ES_PORT) $(BIN)/pytest -p no:xdist -m elasticsearch

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Security: bandit over the portal's code (each finding fixed or justified where it is), and
# the dependencies against known vulnerabilities (saying plainly if nothing could be checked).
audit: $(BIN)/.installed-dev
	$(BIN)/bandit -q -r portal knowledge best_practice dialogue reference_group search scripts \
		-x '*/migrations/*'
	$(BIN)/python scripts/dependency-audit

check: $(BIN)/.installed-dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
