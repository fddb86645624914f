# tabunka — `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The address printed beside each QR code; the demo serves it on this machine.
TABUNKA_PUBLIC_URL ?= http://127.0.0.1:$(PORT)
export TABUNKA_PUBLIC_URL
# Without DJANGO_SECRET_KEY the targets here use this machine's key in var/secret_key (made on
# first use); outside make, settings refuse to start without a key (docs/security.md).
TABUNKA_LOCAL_SECRET_KEY ?= 1
export TABUNKA_LOCAL_SECRET_KEY
STAMP := $(VENV)/.installed

.PHONY: help run serve test test-postgres lint messages bench clean

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

locale/.compiled: $(STAMP) $(wildcard locale/*/LC_MESSAGES/django.po)
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	touch locale/.compiled

var:
	mkdir -p var/static

run: $(STAMP) locale/.compiled var ## Set up, load the demo content and serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_faq
	$(PY) manage.py collectstatic --no-input -v 0
	@echo "Serving on http://127.0.0.1:$(PORT)/ with the task worker  (Ctrl-C stops both)"
	@# The worker runs queued jobs (machine translation, mail) so that what a demo user starts finishes.
	$(PY) manage.py db_worker --queue-name '*' -v 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: $(STAMP) locale/.compiled var ## Production mode on this machine: gunicorn, task worker, periodic jobs, DEBUG off (docs/deploy.md)
	@# Without DATABASE_URL: the embedded database with the demo, as `make run` has it.
	$(PY) manage.py migrate --no-input -v 0
	@if [ -z "$$DATABASE_URL" ]; then $(PY) manage.py load_demo && $(PY) manage.py load_demo_faq; fi
	PORT=$(PORT) $(PY) deploy/serve.py

test: $(STAMP) locale/.compiled var ## Run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check src tests bench conftest.py
	$(VENV)/bin/ruff format --check src tests bench conftest.py
	$(VENV)/bin/mypy src

# Apps with a locale/ folder of their own keep their strings there; the rest go to locale/.
APP_LOCALES := $(notdir $(patsubst %/locale,%,$(wildcard src/*/locale)))
LOCALE_FLAGS := -l ja -l ja_Easy -l en -l zh_Hans -l zh_Hant -l ko -l vi -l ne -l id -l fil -l my -l th -l pt_BR -l es --no-obsolete --add-location=file

messages: $(STAMP) ## Extract UI strings into every locale's .po file
	$(PY) manage.py makemessages $(LOCALE_FLAGS) --ignore=.venv --ignore=var --ignore='src/yasashii/*' $(foreach app,$(APP_LOCALES),--ignore='src/$(app)/*')
	for app in $(APP_LOCALES); do (cd src/$$app && ../../$(PY) ../../manage.py makemessages $(LOCALE_FLAGS) --ignore='tests/*') || exit 1; done

bench: $(STAMP) locale/.compiled var ## Run the benchmarks under bench/
	for f in bench/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean: ## Remove the environment and local data
	rm -rf $(VENV) var locale/.compiled
