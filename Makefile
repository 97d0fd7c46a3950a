# Two commands on a fresh machine with Python 3.11+: `make demo` and `make test`.
# Both build the virtual environment themselves; nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
# Links in the demo's messages, e-mails and QR codes lead where the demo is served, and
# the demo answers on that host (ADDR=192.168.1.20:8000 to try it from a phone).
comma := ,
DEMO_HOSTS := 127.0.0.1$(comma)localhost$(comma)[::1]$(comma)$(firstword $(subst :, ,$(ADDR)))

.PHONY: demo test install translations messages lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Sanad needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Compiled catalogues are build output: made from the .po files, never committed.
translations: install
	$(BIN)/python manage.py compile_translations

demo: export SITE_URL := $(or $(SITE_URL),http://$(ADDR))
demo: export ALLOWED_HOSTS := $(or $(ALLOWED_HOSTS),$(DEMO_HOSTS))
demo: translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py seed_demo --address $(ADDR)
	@echo "Reading the demo cases (triage)..."
	$(BIN)/python manage.py triage sweep
	@# The scheduler and the worker run beside the server (new cases are read within
	@# seconds, notices are sent) and stop with it; their output is in .venv/demo-jobs.log.
	$(BIN)/python manage.py schedule_jobs --loop --interval 2 > $(VENV)/demo-jobs.log 2>&1 & \
	scheduler=$$!; \
	$(BIN)/python manage.py db_worker --no-reload --interval 1 >> $(VENV)/demo-jobs.log 2>&1 & \
	worker=$$!; trap "kill $$scheduler $$worker" EXIT; $(BIN)/python manage.py runserver $(ADDR)

test: translations
	$(BIN)/python -m pytest -n 2 -q

# Refresh the Arabic catalogue after changing strings (needs GNU gettext's xgettext).
messages: install
	$(BIN)/python manage.py makemessages --locale ar --no-obsolete --no-location --ignore '.venv/*' --ignore 'bench/*'

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

bench: translations
	$(BIN)/python bench/import_organizations.py
	$(BIN)/python bench/registry_pages.py
	$(BIN)/python bench/complaints.py
	$(BIN)/python bench/fund.py
	$(BIN)/python bench/portal.py

clean:
	rm -rf $(VENV) var
