# Two commands on a fresh machine: `make run` and `make test`. Everything lives in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-dev migrate demo serve messages lint bench stack clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_demo

serve: install
	$(MANAGE) runserver $(HOST)

run: demo serve

test: install-dev
	$(BIN)/pytest

# Refresh the gettext catalogs after adding strings, then translate them (ar, en).
messages: install
	$(MANAGE) makemessages -l ar -l en --no-location --no-obsolete --ignore='.venv/*' --ignore='static/*' --ignore='tests/*'
	$(BIN)/python -m cafeia_site.i18n compile

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The production topology on this machine: Varnish, two gunicorn, Redis, S3 (moto), PostgreSQL, the worker.
stack: install-dev
	$(BIN)/python -m scripts.stack

bench: install-dev
	$(BIN)/pytest -m perf tests/perf -s

clean:
	rm -rf $(VENV) db.sqlite3 test-db.sqlite3 .stack
