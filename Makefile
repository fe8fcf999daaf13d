# Two commands on a fresh Debian/Ubuntu machine:
#   make demo   - install what the tool needs, then run a full mock interview
#                 (on the bundled sample answer when there is no microphone)
#   make test   - install that plus the test tools, then run the whole suite
#                 on a virtual sound card (headless PulseAudio)
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# Runtime: Python, the voice, PortAudio (sounddevice), libsndfile (soundfile).
APT_RUNTIME := python3 python3-venv python3-pip espeak-ng libportaudio2 libsndfile1
# Tests: a virtual sound card, Chromium for the HTML report, setpriv for the permission case.
APT_TEST := pulseaudio pulseaudio-utils libasound2-plugins chromium util-linux
export DEBIAN_FRONTEND := noninteractive
# librosa's numba cache (used by the tests' reference checks) survives between runs.
export NUMBA_CACHE_DIR := $(CURDIR)/$(VENV)/numba-cache

.PHONY: setup setup-test apt-runtime apt-test venv venv-test demo serve test test-fast lint bench clean

define apt_install
	@if dpkg -s $(1) >/dev/null 2>&1; then echo "apt packages present: $(1)"; \
	else $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(1); fi
endef

apt-runtime:
	$(call apt_install,$(APT_RUNTIME))

apt-test:
	$(call apt_install,$(APT_TEST))

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

# The test tools and the second engine the tests run (openai-whisper on CPU torch).
venv-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: apt-runtime venv

setup-test: setup apt-test venv-test

demo: setup
	$(VENV)/bin/mock-interview practice --demo

# Practise in the browser: a local web app on 127.0.0.1 (docs/web.md).
serve: setup
	$(VENV)/bin/mock-interview serve

test: setup-test lint
	bash scripts/virtual-audio.sh
	$(PY) -m pytest -q -rs

# The inner loop: unit tests only (no model, no sound card, no browser), under a minute.
test-fast: venv-test
	$(PY) -m pytest -q tests/unit

lint: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup venv-test
	$(PY) bench/bench_streaming.py
	$(PY) bench/bench_engines.py

clean:
	rm -rf $(VENV) build *.egg-info
