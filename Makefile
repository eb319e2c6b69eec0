# LearnRight: `make run` to try the app, `make test` to prove it. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEV_ENV := DJANGO_DEBUG=true
# The demo shows trainers' side notes on each onboarding and privacy screen.
RUN_ENV := $(DEV_ENV) COMPLIANCE_TOUR=true
# `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint format worker beat bench bench-ledger screenshots loadtest migrate clean eval-recommendations api-schema test-api-live package-test

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "LearnRight needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

# The system checks run once, after the notices are published: before that,
# "signup stays closed until the privacy policy is published" would be true
# for a moment and false by the end of the command.
migrate: $(VENV)/.installed-runtime ## Apply migrations and publish the notices (SQLite unless DATABASE_URL)
	$(DEV_ENV) $(PY) manage.py migrate --noinput --skip-checks
	$(DEV_ENV) $(PY) manage.py setup_demo --skip-checks
	$(DEV_ENV) $(PY) manage.py check

run: migrate ## Run the app on http://127.0.0.1:8000 (PORT=8001 for another port; SMS codes printed here)
	@echo "Open http://127.0.0.1:$(PORT) - sign-in codes are printed below as [SMS to ...]."
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

manage: $(VENV)/.installed-runtime ## Any management command with the development settings: make manage CMD="import_learners f.csv"
	$(DEV_ENV) $(PY) manage.py $(CMD)

superuser: migrate ## Create a staff account for the admin (asks for the mobile number and a password)
	$(DEV_ENV) $(PY) manage.py createsuperuser

test: $(VENV)/.installed-dev ## Lint, check migrations and run the test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/pytest -m "not e2e and not live_api"

package-test: $(VENV)/.installed-dev ## Build the consent package; run its suite and examples/ in fresh virtualenvs
	.ci/consent_package

lint: $(VENV)/.installed-dev ## Lint only
	$(BIN)/ruff check .

format: $(VENV)/.installed-dev ## Format and fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: $(VENV)/.installed-runtime ## Run a Celery worker (needs REDIS_URL)
	$(BIN)/celery -A config worker --loglevel=INFO

beat: $(VENV)/.installed-runtime ## Run the Celery beat scheduler (needs REDIS_URL)
	$(BIN)/celery -A config beat --loglevel=INFO

bench: $(VENV)/.installed-runtime ## Benchmark the home page beside the plain-Django anchor: PostgreSQL (learnright_bench) + Redis db 5 + gunicorn (+ wrk if installed)
	$(PY) bench/run.py

bench-ledger: $(VENV)/.installed-runtime ## Consent ledger appends/s, 1/4/16 writers, on PostgreSQL (learnright_bench_ledger)
	$(PY) bench/ledger.py

# A fresh SQLite database holding only the demo catalog, so the numbers do not
# depend on what a development database happens to contain.
EVAL_DB := var/eval-recommendations.sqlite3
eval-recommendations: $(VENV)/.installed-runtime ## Rank the demo catalog for all 150 answer combinations and print the quality metrics
	@mkdir -p var && rm -f $(EVAL_DB)
	@$(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/$(EVAL_DB) $(PY) manage.py migrate --noinput -v 0
	@$(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/$(EVAL_DB) $(PY) manage.py load_demo_catalog --skip-checks > /dev/null
	@$(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/$(EVAL_DB) $(PY) manage.py evaluate_recommendations --skip-checks

clean: ## Remove the venv, the SQLite database and generated files
	rm -rf $(VENV) var db.sqlite3

screenshots: $(VENV)/.installed-dev ## Photograph journeys (1) and (2), English and Chinese, desktop and phone, into docs/screenshots/
	$(DEV_ENV) $(BIN)/pytest tests/e2e/screenshots.py -m e2e -q

loadtest: $(VENV)/.installed-runtime ## 50 concurrent learners through the whole path: gunicorn + PostgreSQL + Redis + a Celery worker
	$(PY) loadtest/run.py

test-api-live: $(VENV)/.installed-dev ## The app's whole journey through the HTTP API against a live server (SQLite)
	$(DEV_ENV) $(BIN)/pytest tests/api -m "live_api and not integration"

api-schema: $(VENV)/.installed-runtime ## Write the API's OpenAPI schema to docs/openapi.yaml (a test compares them)
	$(DEV_ENV) $(PY) manage.py spectacular --file docs/openapi.yaml --validate --fail-on-warn
