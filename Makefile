# The user interface of the book. Everything runs inside a local virtual
# environment (.venv) that the first target creates from requirements.txt.
#   make book   build the HTML book (executes every chapter); prints index.html's path
#   make test   the whole test suite: package, registry, review numbers, widgets,
#               every chapter executed as a notebook, the strict book build, browser tests
#   make lab    JupyterLab on the chapters (MyST pages open as notebooks)
#   make fuzz   the hostile-input property tests with ten times the cases of `make test`
#               (random seed), then a summary: calls, outcomes by kind, slowest call
#   make bench  speed figures (build, explorations, import, JupyterLab end to end); not tests
#   make designs  rerun the inverse-design searches of chapter 6 (~10 min) and store them
#   make mutate mutation testing of the physics modules with mutmut (tools/mutate.py): score
#               and survivors per module; MODULES="auger gain" to scope it, MUTATE_BUDGET
#               seconds per module (default 900). Not part of `make test` (see README)
#   make book-students  the HTML book without solutions, for a class
#   make pdf    the whole book as one PDF (printed by Debian's chromium)
#   make browser-deps  install Debian's chromium for the browser tests (needs root)
#   make clean  remove the build and the environment

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml runtime.txt | cksum | cut -d' ' -f1)
BUILD_FLAGS := -n -W --keep-going
# Matplotlib's font cache lives with the environment: a cache that another environment wrote
# in ~/.cache can list fonts that are gone ("STIXGeneral not found" on stderr fails the build)
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/matplotlib

.PHONY: book test lab bench clean env browser-deps book-students pdf designs mutate fuzz

env: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml runtime.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python tools/setup_lab.py
	rm -f $(VENV)/.installed-*
	touch $@

book: $(STAMP)
	QDBOOK_STATIC=1 $(BIN)/python tools/preexecute.py
	QDBOOK_STATIC=1 $(BIN)/python tools/build_book.py build . $(BUILD_FLAGS)
	@echo "The book is at: $(CURDIR)/_build/html/index.html"

test: $(STAMP)
	$(BIN)/ruff check qdbook tests tools benchmarks
	$(BIN)/python -m pytest

fuzz: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-profile=fuzz \
		tests/physics/test_hostile.py
	PYTHONPATH=$(CURDIR) $(BIN)/python tests/physics/hostile.py

lab: $(STAMP)
	$(BIN)/jupyter lab chapters

book-students: $(STAMP)
	$(BIN)/python tools/variants.py students

pdf: $(STAMP)
	$(BIN)/python tools/variants.py pdf

designs: $(STAMP)
	$(BIN)/python tools/design_searches.py

MODULES ?=
MUTATE_BUDGET ?= 900

mutate: $(STAMP)
	$(BIN)/python tools/mutate.py $(MODULES) --budget $(MUTATE_BUDGET)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/photonics.py
	$(BIN)/python benchmarks/lab.py

browser-deps:
	apt-get update && apt-get install -y chromium

clean:
	rm -rf _build $(VENV) .pytest_cache
