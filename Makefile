# Lookout. `make demo` runs the whole system on embedded SQLite with fictional data; `make test` runs
# the full suite (SQLite, then PostgreSQL when DATABASE_URL points at one). See README.md.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTHON ?= python3
export LOOKOUT_PORT ?= 8000
export LOOKOUT_INDEPENDENT_PORT ?= 8001
INDEPENDENT := DJANGO_SETTINGS_MODULE=lookout.settings.independent

.PHONY: demo test install static lint test-sqlite test-postgres browser clean audit-deps gettext messages makemessages

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

static: node_modules/.installed messages
	npm run --silent build

demo: install static messages
	mkdir -p "$${LOOKOUT_VAR_DIR:-var}"
	DJANGO_SETTINGS_MODULE=lookout.settings.local $(PY) manage.py migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=lookout.settings.local $(PY) manage.py seed_demo
	$(INDEPENDENT) $(PY) manage.py migrate --noinput -v 0
	$(INDEPENDENT) $(PY) manage.py seed_independent
	DJANGO_SETTINGS_MODULE=lookout.settings.local $(PY) manage.py demo_serve

# Debian's Chromium drives the browser tests; install it when it is missing (needs root, as on CI).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# gettext's msgfmt compiles the catalogues (Debian's gettext); install it when it is missing (needs root).
gettext:
	@if ! command -v msgfmt >/dev/null; then \
	  echo "Installing Debian's gettext for the translation catalogues"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	fi

# The public pages' Welsh and Polish (README "Languages"): locale/*/LC_MESSAGES/django.po are the source,
# compiled to .mo here by every path that serves or tests pages; the .mo files are never committed.
messages: install gettext
	DJANGO_SETTINGS_MODULE=lookout.settings.test $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# After marking new strings: bring the catalogues up to date (makemessages with the project's options,
# lookout/catalogues.py), then translate every new or fuzzy entry; `catalogues check` (and the tests) fail
# until each has a Welsh and a Polish translation.
makemessages: install gettext
	DJANGO_SETTINGS_MODULE=lookout.settings.test $(PY) manage.py catalogues update
	DJANGO_SETTINGS_MODULE=lookout.settings.test $(PY) manage.py catalogues check || true

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/djlint --lint --quiet accounts appeals audit demo independent intelligence lookout reporting signin
	$(PY) .ci/lint_status_literals.py
	DJANGO_SETTINGS_MODULE=lookout.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=lookout.settings.independent_test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

# Two services, two settings modules: the police suite, then the independent service's own tests.
test-sqlite: install static browser messages
	env -u DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider
	env -u DATABASE_URL -u INDEPENDENT_DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider \
	  --ds=lookout.settings.independent_test independent/tests

test-postgres: install static browser messages
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
	  echo "== Running the suite again on PostgreSQL"; \
	  $(VENV)/bin/pytest -p no:cacheprovider && \
	  env -u INDEPENDENT_DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider \
	    --ds=lookout.settings.independent_test independent/tests; \
	else \
	  echo "DATABASE_URL does not point at PostgreSQL: skipping the PostgreSQL run"; \
	fi

# pip-audit over the pinned requirements; reviewed exceptions in requirements/audit-exceptions.txt. Fails when
# no vulnerability source is reachable, unless LOOKOUT_AUDIT_DEPS_OFFLINE=skip says to skip (loudly).
audit-deps: install
	$(PY) .ci/audit_deps.py

test: lint test-sqlite test-postgres audit-deps

clean:
	rm -rf $(VENV) node_modules var staticfiles lookout/static/lookout/css lookout/static/lookout/js/govuk-frontend.min.js
