# Two commands on a fresh Debian/Ubuntu machine:
#   make demo   - install everything, then run a full mock interview (bundled answer if no microphone)
#   make test   - install everything, then run the whole test suite on a virtual audio device
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := python3 python3-venv python3-pip espeak-ng libportaudio2 libasound2-plugins \
	libsndfile1 pulseaudio pulseaudio-utils sox ffmpeg chromium
export DEBIAN_FRONTEND := noninteractive

.PHONY: setup apt venv demo test bench clean

setup: apt venv

apt:
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then echo "apt packages: already installed"; \
	else $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m simulator.warmup
	touch $@

demo: setup
	$(VENV)/bin/mock-interview practice --demo

test: setup
	bash scripts/virtual-audio.sh
	$(PY) -m pytest -q -rs

bench: setup
	$(PY) bench/bench_engines.py

clean:
	rm -rf $(VENV) build *.egg-info
