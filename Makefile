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

.PHONY: demo test install static lint test-sqlite test-postgres browser fonts clean audit-deps prod-deps prod-local prod-stop gettext messages makemessages

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

demo: install static fonts messages
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

# Share cards and posters are drawn in Debian's DejaVu fonts (appeals/share/fonts.py); install them when missing.
fonts:
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then \
	  echo "Installing Debian's fonts-dejavu-core for share cards and posters"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	fi

# The production profile's proxy and load tool: Debian's nginx with the cache-purge and brotli modules, and wrk
# (bench/reading.py); installed when missing (needs root, as on CI). policy-rc.d or no systemd keeps Debian from
# starting a system nginx; the profile never uses the system configuration either way.
PROD_DEBS := nginx libnginx-mod-http-cache-purge libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static wrk
prod-deps:
	@if [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/wrk ] \
	  || [ ! -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] \
	  || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
	  || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then \
	  echo "Installing Debian's nginx, its purge and brotli modules, and wrk for the production profile"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PROD_DEBS) >/dev/null; \
	fi

# Both services under their production settings behind nginx on PostgreSQL (127.0.0.1:5432) and Redis, in the
# foreground until Ctrl-C; `make prod-stop` from another shell. Ports: PROD_PORT (8080) and the rest in
# deploy/env.example. See README.md ("Production profile") and deploy/README.md.
prod-local: install static prod-deps
	$(PY) deploy/prod_local.py

prod-stop:
	$(PY) deploy/prod_local.py --stop

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
	$(VENV)/bin/djlint --lint --quiet accounts appeals audit demo distribution imports independent intelligence lookout reporting signin
	$(PY) .ci/lint_status_literals.py
	DJANGO_SETTINGS_MODULE=lookout.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=lookout.settings.independent_test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

# Two services, two settings modules: the police suite, then the independent service's own tests.
test-sqlite: install static browser fonts prod-deps messages
	env -u DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider
	env -u DATABASE_URL -u INDEPENDENT_DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider \
	  --ds=lookout.settings.independent_test independent/tests

test-postgres: install static browser fonts prod-deps messages
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
	  echo "== Running the suite again on PostgreSQL (less the markup-only language matrix, run on SQLite)"; \
	  $(VENV)/bin/pytest -p no:cacheprovider -m "not markup" && \
	  env -u INDEPENDENT_DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider -m "not markup" \
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
