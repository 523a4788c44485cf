# Two commands on a fresh clone: `make run` and `make test`. Everything else is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := .demo/secretariat.json

.PHONY: run test install lint typecheck crash-loop demo-reset clean bench

run: $(STAMP) $(DEMO)
	$(BIN)/secretariat --db $(DEMO)

test: $(STAMP)
	$(BIN)/ruff check secretariat_tui tests
	$(BIN)/mypy
	$(BIN)/python -m pytest; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here"; exit 1; fi; \
	  exit $$rc

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON)); try: make PYTHON=python3.12"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The demo database is copied, never opened in place: the shipped file stays untouched.
# The copy is refreshed when the shipped demo changes; `make demo-reset` starts it over.
$(DEMO): data/demo.json
	mkdir -p .demo && chmod 700 .demo
	cp data/demo.json $(DEMO) && chmod 600 $(DEMO)

demo-reset:
	rm -rf .demo

lint: $(STAMP)
	$(BIN)/ruff check secretariat_tui tests
	$(BIN)/ruff format --check secretariat_tui tests

typecheck: $(STAMP)
	$(BIN)/mypy

# Longer kill -9 loops than the test suite runs (see README): a store writer, then real CLI writes.
crash-loop: $(STAMP)
	$(BIN)/python -m tests.store.crash_loop --kills 1000
	$(BIN)/python -m tests.store.crash_loop --cli --kills 200

# Benchmarks (README: Benchmarks), several minutes: the generated registers are made when
# missing or when the generator changed; BENCH_ARGS="--quick" or "--scales 1" for a first look.
BENCH_DATA := benchmarks/data/register-1x.json benchmarks/data/register-3x.json

benchmarks/data/register-%x.json: benchmarks/generate.py | $(STAMP)
	$(BIN)/python -m benchmarks.generate --scale $* --out $@

bench: $(STAMP) $(BENCH_DATA)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache .mypy_cache
