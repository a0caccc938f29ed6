# Newsroom: `make run` serves the demo newsroom, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install install-dev migrate demo serve bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files: pip runs again only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# axe-core for the accessibility tests (npm, pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo --comments 6

run: demo
	@echo "Serving the newsroom at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Production settings under gunicorn. DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS come from the environment; when
# they are missing, a throwaway key and plain HTTP on 127.0.0.1/localhost make a local try possible.
serve: install
	@set -e; export DJANGO_DEBUG=0; \
	if [ -z "$$DJANGO_SECRET_KEY" ]; then \
	  echo "DJANGO_SECRET_KEY is not set: using a throwaway key (sessions and comment forms end with this server)."; \
	  export DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	fi; \
	if [ -z "$$DJANGO_ALLOWED_HOSTS" ]; then \
	  echo "DJANGO_ALLOWED_HOSTS is not set: answering 127.0.0.1 and localhost only, over plain HTTP."; \
	  export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost; \
	  export DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}" DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-0}"; \
	fi; \
	$(PY) manage.py collectstatic --noinput --verbosity 0; \
	$(PY) manage.py migrate --noinput; \
	export GUNICORN_BIND="$${GUNICORN_BIND:-$(HOST):$(PORT)}"; \
	echo "Serving http://$$GUNICORN_BIND/ with $${WEB_CONCURRENCY:-2} gunicorn workers (Ctrl-C stops)"; \
	exec $(VENV)/bin/gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi

# Load test on loopback (wrk, gunicorn, its own database in bench/data/); see the README's Benchmark section.
bench: install
	$(PY) bench/run.py

test: install-dev node_modules/.installed
	$(PY) -m pytest

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache test-artifacts
