# `make run` and `make test` are the only commands a user needs; both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test check lint bench browser clean

run: $(INSTALLED)
	$(BIN)/streamlit run app.py

test: $(INSTALLED) browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The quick tier while working: lint, types and every test that needs no browser and starts no
# other process, on both cores. `make test` runs everything.
check: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not e2e and not subprocess and not slow" -n 2 -q

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(INSTALLED) browser
	$(BIN)/python -m bench

# Chromium and axe-core (the accessibility test's checker, pinned and verified) for the browser
# tests; either missing stops here with the reason.
browser: $(INSTALLED)
	@PYTHON=$(BIN)/python sh scripts/ensure-chromium.sh
	@$(BIN)/python -m tests.e2e.axe >/dev/null

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/e2e/.axe
