# Two commands for a fresh machine:  `make play`  and  `make test` (ruff, mypy, then pytest).
# Each creates .venv inside the repo and installs from pyproject.toml itself; `make test` also
# installs (as root, via apt) the PostgreSQL server and chromium the tests start when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/python run_game.py play $(ARGS)

test: $(STAMP)
	$(BIN)/python -m ruff check game tests benchmarks run_game.py
	$(BIN)/python -m mypy game
	tools/ensure-test-deps
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest -n auto

bench: $(STAMP)
	for script in benchmarks/bench_*.py benchmarks/render.py; do \
		[ -f "$$script" ] || continue; echo "== $$script"; \
		SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python "$$script" || exit 1; \
	done

clean:
	rm -rf $(VENV)
