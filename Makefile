# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint audit bench clean browser

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: install
	FRONTLINE_SEED_DEMO=$${FRONTLINE_SEED_DEMO:-true} $(BIN)/frontline serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

# Known vulnerabilities in every installed package (pip-audit on PyPI's advisory data). Where
# that data cannot be reached it says so loudly and lets the tests run; AUDIT_STRICT=1 makes
# that a failure (docs/security.md, "Dependencies").
audit: install
	$(BIN)/python -m bench.audit_dependencies

test: lint audit browser
	$(BIN)/pytest

# The console's browser tests drive Debian's Chromium (never a downloaded browser). Where it
# is missing and apt-get can run as root, install it (~30 s); otherwise the tests skip and
# say why.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian's chromium for the browser tests (about 30 s) ..."; \
	  apt-get install -y -qq chromium >/dev/null 2>&1 \
	  || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1) \
	  || echo "could not install chromium: the browser tests (tests/e2e) will skip"; \
	else echo "no /usr/bin/chromium and no apt-get as root: the browser tests (tests/e2e) will skip"; fi

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) frontline-data .pytest_cache .mypy_cache .ruff_cache
