# Every target bootstraps .venv by itself; `make serve` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# ProperDocs (the maintained MkDocs 1.x fork) beside MkDocs: tests/compat builds the site with it.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
# The style checker for doum's browser code (package.json); nothing a site build needs.
NODE_STAMP := node_modules/.installed
# The browser area of the string catalogs as JSON, for node:test (tests/strings/catalog.mjs).
BROWSER_CATALOGS := node_modules/.cache/doum/browser-catalogs.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-py test-js format bench screens chromium fonts clean properdocs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(STAMP)  ## build and serve the help center on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## build the site into site/ (fails on any warning)
	$(BIN)/mkdocs build --strict

test: test-py test-js  ## the whole suite: pytest (builds, browser) and node:test

test-py: $(STAMP) chromium fonts properdocs
	$(BIN)/python -m pytest

# The browser modules' text comes from the site data on a page; under node:test from the Korean
# catalog that tests/strings/catalog.mjs loads before every test file: from the JSON written here
# once, rather than starting Python in each test file's process.
test-js: $(NODE_STAMP) $(BROWSER_CATALOGS)  ## node:test for the browser modules, and one JavaScript style (Prettier)
	node_modules/.bin/prettier --check .
	DOUM_BROWSER_CATALOGS=$(CURDIR)/$(BROWSER_CATALOGS) node --import ./tests/strings/catalog.mjs --test tests/

# Rewritten when a catalog changes, and after npm ci (which empties node_modules).
$(BROWSER_CATALOGS): tests/strings/browser_catalogs.py $(wildcard src/doum/site/strings/*/browser.yml) $(STAMP) $(NODE_STAMP)
	mkdir -p $(@D)
	$(BIN)/python tests/strings/browser_catalogs.py > $@.tmp && mv $@.tmp $@

format: $(NODE_STAMP)  ## rewrite doum's browser code in the project's one style
	node_modules/.bin/prettier --write .

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(STAMP) chromium  ## speed, size and search quality beside stock Material
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

screens: $(STAMP) chromium  ## re-render the illustrative screenshots in docs/assets/screens/
	$(BIN)/python scripts/render_screens.py

chromium:  ## Debian's Chromium for the browser tests (installed when missing)
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium.sh

fonts:  ## Debian's Korean font and cairo, which tests/neighbours draws social cards with (installed when missing)
	@{ test -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc && ldconfig -p | grep -q 'libcairo\.so\.2'; } || { \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq fonts-noto-cjk libcairo2 >/dev/null; \
	} || echo "make: fonts-noto-cjk or libcairo2 could not be installed; the social-card tests in tests/neighbours will skip"

$(PROPERDOCS_STAMP): pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet 'properdocs==1.6.7' -e .
	touch $@

properdocs:  ## ProperDocs 1.6.7 in .venv-properdocs (tests/compat skips, saying why, without it)
	@$(MAKE) --no-print-directory $(PROPERDOCS_STAMP) || echo "make: $(PROPERDOCS_VENV) could not be created; tests/compat/test_properdocs.py will skip"

clean:
	rm -rf site site.doum-staging .pytest_cache
