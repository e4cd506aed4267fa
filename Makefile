# Two commands on a fresh machine: `make site` and `make test`.  Everything else is a step of them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
# Reproducible sitemap dates: the time of the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: help setup system-packages figures site serve test test-fast test-browser bench lint check-figures addresses clean lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@command -v python3 >/dev/null || { echo "error: python3 is required" >&2; exit 1; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --disable-pip-version-check -q --require-hashes -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "error: node and npm are required (math is typeset at build time with Temml)" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed  ## create .venv and node_modules from the pinned versions

# Before any test: install the Debian packages of .ci/system-packages.txt when root on Debian,
# else stop with the one command that would (nothing else runs first).
system-packages:  ## install the Debian packages the tests need (Chromium, Java, ...), or name the command
	@python3 .ci/system_packages.py

figures: setup  ## regenerate the figures, numbers and tables of pages whose code changed
	$(PY) -m scripts.build --stale

site: figures  ## build the site into site/ (strict: any warning fails)
	$(VENV)/bin/mkdocs build --strict

serve: setup  ## live preview on http://127.0.0.1:8000/
	$(VENV)/bin/mkdocs serve

lint: setup  ## ruff, and actionlint on the GitHub workflows
	$(VENV)/bin/ruff check scripts tests hooks tools .ci docs/labs  # the labs at 79 columns: docs/labs/.ruff.toml
	$(VENV)/bin/ruff format --check scripts tests hooks tools .ci docs/labs
	$(VENV)/bin/actionlint .github/workflows/*.yml

check-figures: setup  ## fail if a committed figure differs from a fresh build
	$(PY) -m scripts.build --check

# pytest-xdist workers (the reference machine has 2 cores): they share one site build and one
# compute() per page (tests/conftest.py, tests/results.py); a test file stays on one worker, so a
# module's fixtures (a page opened in Chromium once for many checks) are not repeated. PYTEST_WORKERS=0: no workers.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL = $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile)

test: system-packages setup lint  ## every test, the browser suite and the figure check included (installs Debian's chromium, Java, ...)
	$(PY) -m pytest $(PYTEST_PARALLEL)

test-fast: setup  ## quick loop while iterating: lint and every test that builds no site and drives no browser
	$(VENV)/bin/ruff check scripts tests hooks tools .ci docs/labs  # the labs at 79 columns: docs/labs/.ruff.toml
	$(PY) -m pytest -q $(PYTEST_PARALLEL) -m "not slow" --ignore=tests/browser

test-browser: system-packages setup  ## only the built site in Chromium: pages light/dark, axe, links, HTML (screenshots in reports/)
	$(PY) -m pytest $(PYTEST_PARALLEL) tests/browser

addresses: site  ## add new page and heading addresses to addresses.txt (refuses if a listed one vanished)
	$(PY) -m tests.browser.addresses site

bench: setup  ## performance report: build times, page weights, Lighthouse -> reports/bench.md and .json
	$(PY) -m tools.bench

# The locks are compiled from the pyproject.toml groups by uv (pinned, in a throwaway venv, not in
# .venv), with a hash for every file of every pinned release. uv keeps the versions already in a lock:
# after changing a pin in pyproject.toml, `make lock` re-resolves only what that needs (add
# UV_ARGS="--upgrade-package NAME" to move a package the groups do not pin). The torch +cpu wheel is
# found through pip's find-links (PIP_FIND_LINKS / pip.conf), as `pip install` finds it.
UV_VERSION := 0.13.8
LOCK_VENV := .cache/lock-venv
LOCK_PYTHON := 3.11.5
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile --quiet --generate-hashes --python-version $(LOCK_PYTHON) \
	--python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock" $(UV_ARGS) \
	$(foreach d,$(subst :, ,$(or $(PIP_FIND_LINKS),$(shell python3 -m pip config get global.find-links 2>/dev/null))),--find-links $(d))
SITE_GROUPS := site notebooks test browser lint

$(LOCK_VENV)/.installed:
	python3 -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --disable-pip-version-check -q uv==$(UV_VERSION)
	touch $@

lock: $(LOCK_VENV)/.installed  ## recompile requirements.txt and requirements-oracles.txt (hashes) from the pyproject.toml groups
	$(UV_COMPILE) $(foreach g,$(SITE_GROUPS),--group pyproject.toml:$(g)) -o requirements.txt
	$(UV_COMPILE) --group pyproject.toml:oracles -o requirements-oracles.txt

clean:  ## remove build output and reports (keeps .venv and node_modules)
	rm -rf site reports .pytest_cache .ruff_cache

# The real libraries as test oracles (issue 15), in their own environment so the site build stays
# light. Needs Rscript with glmnet and jsonlite (.ci/system-packages.txt).
ORACLE_VENV := .venv-oracles
ORACLE_ENV := ORACLES=1 KERAS_BACKEND=torch KERAS_HOME=$(CURDIR)/.cache/keras
.PHONY: test-oracles oracle-report

$(ORACLE_VENV)/.installed: requirements-oracles.txt
	python3 -m venv $(ORACLE_VENV)
	$(ORACLE_VENV)/bin/pip install --disable-pip-version-check -q --require-hashes -r requirements-oracles.txt
	touch $@

test-oracles: $(ORACLE_VENV)/.installed  ## PyTorch, Keras, glmnet and scikit-learn checked for real; fails if the report is stale
	@command -v Rscript >/dev/null || { echo "error: Rscript with glmnet is required (packages in .ci/system-packages.txt)" >&2; exit 1; }
	$(ORACLE_ENV) $(ORACLE_VENV)/bin/python -m pytest -m oracles tests/oracles

oracle-report: $(ORACLE_VENV)/.installed  ## rerun the oracle checks and rewrite tests/oracles/report.json and its snippets
	$(ORACLE_ENV) $(ORACLE_VENV)/bin/python -m tests.oracles.report --write

test: test-oracles
