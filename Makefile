# Two commands set everything up on a fresh machine (see README):
#   make serve   builds the knowledge base from corpus/ and serves it on http://127.0.0.1:8000
#   make test    runs the test suite
# Both create .venv and install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= rapportkoll.db

.PHONY: serve build test bench install clean notebooks docs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# CPU build of torch from local disk; an unpinned torch would pull a multi-GB CUDA build
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(BIN)/rapportkoll build corpus/ --db $(DB)

serve: build
	$(BIN)/rapportkoll serve --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# docs/cli.md and docs/http-reference.md from the commands' --help and the OpenAPI document
# (tests/test_docs.py fails when they are out of date)
docs: $(STAMP)
	$(BIN)/python docs/generate.py

# the notebooks saved with their outputs (tables and plots visible on GitHub)
notebooks: $(STAMP)
	$(BIN)/python notebooks/execute.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
