# INSIST platform: `make demo` runs it, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo answers this machine only; HOST=0.0.0.0 make demo opens it to the network.
HOST ?= 127.0.0.1
PYTEST_ARGS ?=

.PHONY: demo test install lint messages bench bench-search bench-partners stop clean drill

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed messages

# Compiled catalogs are build products, never committed (pure Python: no msgfmt needed).
messages: $(VENV)/.installed
	@$(BIN)/python platform/insist/catalogs.py

demo: install
	$(BIN)/python manage.py setup_platform --demo --port $(PORT)
	$(BIN)/python manage.py load_demo_content
	@echo "Serving: http://localhost:$(PORT)/ (portal), http://dortmund.localhost:$(PORT)/, http://potsdam.localhost:$(PORT)/, http://halle.localhost:$(PORT)/"
	INSIST_URL_PORT=$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The test database is kept between runs and migrated forward (--reuse-db): the
# migrations of the public schema and the region template, about half of a cold
# run, are then paid once. PYTEST_ARGS=--create-db starts from scratch (CI does).
test: install
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(BIN)/ruff check .
	$(BIN)/pytest --reuse-db $(PYTEST_ARGS)

# Server time and SQL queries of the main pages on the demo content (make demo first),
# then the load test: gunicorn (production settings, 2 workers, Redis DB 5 under its
# own key prefix) and wrk, cold and warm page cache (docs/performance.md).
# Search and partner suggestions at 10,000 and 100,000 synthetic portraits come
# first (minutes; own database): make bench-search, make bench-partners.
bench: install bench-search bench-partners
	$(BIN)/python manage.py bench_pages
	$(BIN)/python manage.py bench_load

# Search at 10,000 and 100,000 synthetic portraits against Wagtail's database
# backend, in its own database (<name>_searchbench): never touches the demo data.
bench-search: install
	$(BIN)/python manage.py bench_search

# Partner suggestions over 100,000 synthetic portraits, in the search bench's database.
bench-partners: install
	$(BIN)/python manage.py bench_partners
# The cluster on loopback under faults (deploy/README.md, "The drill"); as root.
drill: install
	$(BIN)/python deploy/drill/drill.py $(DRILL_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Stops the embedded PostgreSQL (when make demo or make test started one).
stop:
	@$(BIN)/python -c "import pathlib; \
		from insist.database import embedded_stop; embedded_stop(data_dir=pathlib.Path('.data'))"

clean: stop
	rm -rf $(VENV) .data
