# Digitales Hamm QGIS plugin suite. The two commands: `make run` and `make test`.
# Both set up what is missing first (Debian packages, the venv); see scripts/setup.sh.

PY      := .venv/bin/python
SYS_PY  := /usr/bin/python3
REPO_URL ?= http://127.0.0.1:8000/
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: setup run test bench package repo i18n i18n-update lint demo-data demo-stop clean

setup:
	@bash scripts/setup.sh

# Compile the German translations for running from source (packaging compiles its own)
i18n: setup
	@$(SYS_PY) scripts/i18n.py compile

# After changing user-visible strings: update i18n/*.ts, then translate the new entries
i18n-update:
	@$(SYS_PY) scripts/i18n.py update

lint: setup
	$(PY) -m ruff check plugins scripts tests
	@$(SYS_PY) scripts/i18n.py check
	@! grep -rnE "^\s*(from|import) PyQt5" plugins || (echo "lint: import Qt through qgis.PyQt only" && false)

test: setup i18n lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

package: setup
	$(SYS_PY) scripts/package.py --out build/dist

repo: package
	$(SYS_PY) scripts/make_repo.py --dist build/dist --out build/repo --base-url $(REPO_URL)

demo-data: setup
	$(SYS_PY) scripts/build_demo_data.py --out build/demo

run: setup i18n
	$(SYS_PY) scripts/run_demo.py

demo-stop:
	$(SYS_PY) scripts/demo_services.py stop

# gtfs-kit (reference of the GTFS benchmark) brings its own numpy/pandas: a venv of its own
build/venv-gtfskit/bin/python:
	/usr/bin/python3 -m venv build/venv-gtfskit
	build/venv-gtfskit/bin/pip install -q gtfs-kit

bench: setup build/venv-gtfskit/bin/python
	$(SYS_PY) scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf build .pytest_cache .ruff_cache .qgis-settings
