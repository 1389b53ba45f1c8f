# DealMap: the few commands a newcomer needs.
#   make run    install, load the demo (users rep/manager, password dealmap) and serve http://127.0.0.1:8000
#   make test   install, lint, check import contracts, run the suite on SQLite and, when
#               DEALMAP_TEST_POSTGRES_URL (or a postgres DATABASE_URL) is set, on PostgreSQL too
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
PYTEST_ARGS ?=
# The SQLite run names its own database so a DATABASE_URL in the caller's environment cannot leak in;
# pytest-django tests on an in-memory copy of it.
SQLITE_TEST_URL := sqlite:///$(CURDIR)/data/test.sqlite3
POSTGRES_TEST_URL := $(or $(DEALMAP_TEST_POSTGRES_URL),$(filter postgres%,$(DATABASE_URL)))

# pytest's exit status 5 means "no tests collected": not a failure for this suite.
define run_pytest
	set +e; $(1) $(BIN)/pytest $(2) $(PYTEST_ARGS); status=$$?; set -e; \
	if [ $$status -ne 0 ] && [ $$status -ne 5 ]; then exit $$status; fi
endef

.PHONY: install run serve demo test lint test-sqlite test-postgres bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(STAMP)

run: install
	$(BIN)/dealmap demo --port $(PORT)
	$(BIN)/dealmap serve --port $(PORT)

# Python sources only: ruff would also reformat code blocks inside docs/*.md.
LINT_PATHS := $(wildcard src tests bench)

lint: install
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/lint-imports

test-sqlite: install
	@echo "== tests on SQLite"
	@$(call run_pytest,DATABASE_URL=$(SQLITE_TEST_URL),-q)

test-postgres: install
ifneq ($(POSTGRES_TEST_URL),)
	@echo "== tests on PostgreSQL ($(POSTGRES_TEST_URL); pytest-django uses a test_ database beside it)"
	@$(call run_pytest,DATABASE_URL=$(POSTGRES_TEST_URL),-q -m "not browser")
else
	@echo "== PostgreSQL run skipped: set DEALMAP_TEST_POSTGRES_URL=postgres://user@host:port/db to include it"
endif

test: lint test-sqlite test-postgres

bench: install
	@shopt -s nullglob; for script in bench/*.py; do echo "== $$script"; $(BIN)/python "$$script" || exit $$?; done

messages: install
	cd src/dealmap/web && $(CURDIR)/$(BIN)/python -m dealmap.web.manage makemessages -l zh_Hans --ignore 'static/*'
	cd src/dealmap/web && $(CURDIR)/$(BIN)/python -m dealmap.web.manage compilemessages

clean:
	rm -rf $(STAMP) .pytest_cache .ruff_cache .import_linter_cache data/test.sqlite3
