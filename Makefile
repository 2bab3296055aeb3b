# Every target bootstraps .venv from the pinned versions in constraints.txt, so a fresh clone
# needs nothing but Python 3.11+ (and, for the browser tests, Debian's chromium and firefox-esr,
# and Node.js with npm).
PYTHON ?= python3
VENV := .venv
export NO_MKDOCS_2_WARNING := 1
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# puppeteer-core, exactly as package-lock.json pins it, for the Firefox tests (WebDriver BiDi).
# --ignore-scripts: no install script runs, so nothing but the npm registry is ever contacted.
NODE_STAMP := node_modules/.installed

.PHONY: site test serve lint clean pdf fingerprint

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m curriculum_site.package site dist

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve --watch curriculum --watch translations --watch docs --watch overrides

lint: $(STAMP)
	$(BIN)/python -m curriculum_site.lint

# Maintainers only: after the source excerpts change, rehash them for the own-words check.
SOURCE_DIR ?= ../shared/source
fingerprint: $(STAMP)
	$(BIN)/python -m curriculum_site.lint.make_fingerprint $(SOURCE_DIR) curriculum/source-fingerprint.json

# Each language's facilitator guide and handouts as PDFs in dist/pdf/<language>/ (needs
# Debian's chromium). PAPER=Letter for US Letter.
PAPER ?= A4
pdf: site
	$(BIN)/python -m curriculum_site.trainer.pdf site dist --paper $(PAPER)

clean:
	rm -rf site dist .build
