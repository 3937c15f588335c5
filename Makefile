# Two entry points for a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint quality golden lemmas clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# a venv made before the rename holds the package under its old distribution name, `extractor`
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip uninstall --quiet --yes extractor 2>/dev/null || true
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip uninstall --quiet --yes extractor 2>/dev/null || true
	$(BIN)/pip install --quiet -e '.[test,dask,pandas]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/extract samples/ | $(BIN)/python -m json.tool --no-ensure-ascii --json-lines
	@echo "the command is $(BIN)/extract (or: source $(BIN)/activate; extract --help)" >&2

lint: $(TEST_STAMP)
	$(BIN)/ruff check extractor tests bench

test: $(TEST_STAMP)
	$(BIN)/ruff check extractor tests bench
	$(BIN)/python -m pytest -q

# the shared dev sets' figures against bench/quality_baseline.json (needs ../shared);
# e.g. `make quality QUALITY_ARGS=--full` adds NEREL train, QUALITY_ARGS=--save rewrites the baseline
quality: $(TEST_STAMP)
	$(BIN)/python bench/quality.py $(QUALITY_ARGS)

# rewrite extractor/nlp/data/lemmas.tsv (the lemmas of the word lists) after changing a word list
lemmas: $(STAMP)
	$(BIN)/python bench/lemma_table.py

# rewrite samples/expected/ from the current code: review `git diff samples/expected` after it
golden: $(STAMP)
	for f in samples/*.txt; do $(BIN)/extract --indent 2 "$$f" > "samples/expected/$$(basename "$${f%.txt}").json"; done

clean:
	rm -rf $(VENV) build *.egg-info
