# orderdesk developer commands. Every target that runs code sets up first
# (scripts/setup.sh is quick when nothing changed).

VENV    := .venv
PY      := $(VENV)/bin/python
DEMO_DB ?= orderdesk-demo.db
# Qt has no display on servers and CI; a desktop user can override: make test QT_QPA_PLATFORM=xcb
QT_QPA_PLATFORM ?= offscreen
export QT_QPA_PLATFORM
# ORDERDESK_TEST_PG_URL, when set in the environment, reaches pytest unchanged and
# enables the PostgreSQL tests (marker "pg").
PYTEST_ARGS ?=
# make bench BENCH=bench_kitting runs one script; the default runs them all.
BENCH ?= *

# make screenshots: every station at 1366x768 from a real X server (Xvfb) into
# build/screenshots/ (untracked). SHOTS_DISPLAY picks the Xvfb display number.
SHOTS_DISPLAY ?= :14
SHOTS_SCREEN  ?= 1366x768x24

.PHONY: setup demo test bench installer clean screenshots

setup:
	bash scripts/setup.sh

demo: setup
	$(VENV)/bin/orderdesk demo --db $(DEMO_DB)

test: setup
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: setup
	@set -e; found=0; \
	for script in benchmarks/$(BENCH).py; do \
		[ -f "$$script" ] || continue; \
		case "$$(basename "$$script")" in _*|conftest.py) continue;; esac; \
		found=1; echo "== $$script"; $(PY) "$$script"; \
	done; \
	[ "$$found" = 1 ] || echo "no benchmark scripts in benchmarks/"

screenshots: setup
	@set -e; Xvfb $(SHOTS_DISPLAY) -screen 0 $(SHOTS_SCREEN) -nolisten tcp >/dev/null 2>&1 & \
	xvfb=$$!; trap 'kill $$xvfb' EXIT; sleep 1; \
	DISPLAY=$(SHOTS_DISPLAY) QT_QPA_PLATFORM=xcb $(PY) scripts/screenshots.py --out build/screenshots

installer: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/orderdesk.spec
	@echo "bundle: dist/orderdesk/orderdesk"

clean:
	rm -rf build dist .pytest_cache
