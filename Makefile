# Mentor Journal: the two commands a newcomer needs are `make run` and `make test`.
# Both create .venv when it is missing; the stamp files re-install when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
EVAL_STAMP := $(VENV)/.installed-eval

.PHONY: run test lint typecheck contracts pytest bench faults eval tagger screenshots ui-audit check-qt-libs dist dist-check clean venv sync-e2e

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mentor Journal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(RUN_STAMP)

# The evaluation extras (Faker, presidio-evaluator: large) only for make eval.
$(EVAL_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,eval]'
	@touch $@ $(DEV_STAMP) $(RUN_STAMP)

venv: $(DEV_STAMP)

run: $(RUN_STAMP)
	$(BIN)/mentorjournal-gui $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check mentorjournal ui tests packaging tools
	$(BIN)/ruff format --check mentorjournal ui tests packaging tools

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

contracts: $(DEV_STAMP)
	$(BIN)/lint-imports

# pytest exits 5 when it collected nothing; that is a failure here, as any non-zero exit is.
pytest: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test: lint typecheck contracts pytest

bench: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run

faults: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen MENTORJOURNAL_FAULT_REPORT=$(CURDIR)/fault-results.json $(BIN)/python -m pytest -s tests/fault $(PYTEST_ARGS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow tests --ignore=tests/fault $(PYTEST_ARGS)

# Two real Syncthing instances on 127.0.0.1 (discovery, relays, NAT, reporting and upgrades off)
# carry one journal between two vaults: a note crosses, concurrent draft edits become a
# conflict, the folder holds no clear text; prints save-to-visible time. Stops itself (7 min).
sync-e2e: $(DEV_STAMP)
	@command -v syncthing >/dev/null 2>&1 || { \
		echo "make sync-e2e needs Syncthing: apt-get install syncthing (Debian/Ubuntu), or see https://syncthing.net"; \
		exit 1; }
	QT_QPA_PLATFORM=offscreen timeout 480 $(BIN)/python -m tests.e2e.sync_syncthing

# Every evaluation set reported on its own (docs/anonymiser.md): our generator's dev and test
# seeds, Faker's locales, presidio-evaluator's templates, and the held-out notes, which live
# outside the repository: `make eval HELDOUT=/path/to/notes.jsonl` (else that row says skipped).
eval: $(EVAL_STAMP)
	$(BIN)/python -m mentorjournal.anonymise.evaluation --sets all --n 300 $(if $(HELDOUT),--heldout $(HELDOUT))

# Retrain the anonymiser's sequence tagger on the brief-dev sets (a few minutes; deterministic).
# Its features include what the rules find: retrain after changing a rule or a list.
tagger: $(DEV_STAMP)
	$(BIN)/python -m mentorjournal.anonymise.evaluation.train_tagger

# The README pictures and the 1024x700 set, from the views the layout audit checks. On a real
# X server (Xvfb) when xvfb-run is installed (apt-get install xvfb), else offscreen.
screenshots: $(DEV_STAMP)
	@if command -v xvfb-run >/dev/null 2>&1; then \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m ui.screenshots docs/screenshots; \
	else \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots; \
	fi

# Every window, page, dialog and tab at 1024x700 and 1920x1080, 100% and 200% text, light and
# dark: prints the table and fails on any clipped, overlapping or sideways-scrolling view.
ui-audit: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.layout_audit $(AUDIT_ARGS)

# The PyInstaller bundle (dist/mentorjournal); the script then runs --version and --smoke-test on
# it and prints its size and build time. Too slow for CI: run before each release (docs/release.md).
dist: $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.5'
	$(BIN)/python packaging/build_dist.py

# Validate the .desktop entry, AppStream metainfo and Flatpak manifest with the freedesktop tools
# when installed (apt-get install desktop-file-utils appstream); says clearly what it skipped.
dist-check:
	sh packaging/dist_check.sh

clean:
	rm -rf build dist .mypy_cache .ruff_cache benchmark-results.json
