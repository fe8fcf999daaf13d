"""The commands in a real 80-column terminal (tmux): nothing wider than the terminal, no word split, NO_COLOR.

The answer is analysed by the real model (``analyze FILE --save``); the other
commands read that stored session. A word split by wrapping shows up as a
token the same output, printed 109 columns wide through a pipe, does not have.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.tmux import Pane, python_command, strip_escapes

WIDTH = 80
WIDE = 109  # columns of the reference rendering (below the listing's date column, so the same columns)
COMMANDS = {  # what is checked -> (the command in the terminal, the same output for the wide reference)
    "analyze": (["analyze", str(FIXTURES / "good_answer.flac"), "--save", "--quiet"], ["report", "last"]),
    "sessions": (["sessions"], ["sessions"]),
    "history": (["history"], ["history"]),
    "replay": (["replay", "last", "--no-audio"], ["replay", "last", "--no-audio"]),
}


def wide(home, argv: list[str]) -> str:
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(home), COLUMNS=str(WIDE))
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "simulator", *argv], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def terminal(tmp_path_factory):
    """Every command's output as an 80-column terminal shows it, with and without NO_COLOR."""
    folder = tmp_path_factory.mktemp("tmux")
    home = folder / "home"
    shown, plain = {}, {}
    with Pane(folder, width=WIDTH, env={"MOCK_INTERVIEW_HOME": str(home)}) as pane:
        for name, (argv, _) in COMMANDS.items():
            code, _ = pane.run(python_command(*argv), timeout=600)
            assert code == 0, pane.output()
            shown[name] = pane.output(escapes=True)
        for name, (argv, _) in COMMANDS.items():
            if name != "analyze":  # analysed once; its report is read back
                code, _ = pane.run(python_command(*argv), env={"NO_COLOR": "1"})
            else:
                code, _ = pane.run(python_command("report", "last"), env={"NO_COLOR": "1"})
            assert code == 0, pane.output()
            plain[name] = pane.output(escapes=True)
    return home, shown, plain


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_line_is_wider_than_the_terminal_and_no_word_is_split(terminal, name):
    home, shown, _ = terminal
    text = strip_escapes(shown[name])
    lines = text.splitlines()
    assert lines and max(len(line) for line in lines) <= WIDTH, "\n".join(x for x in lines if len(x) > WIDTH)
    split = Counter(text.split()) - Counter(wide(home, COMMANDS[name][1]).split())
    assert not split, sorted(split)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_colour_on_the_terminal_and_none_with_no_color(terminal, name):
    _, shown, plain = terminal
    assert "\x1b[" in shown[name]  # a terminal gets colour (bold titles at least)
    assert "\x1b[" not in plain[name] and plain[name].strip()
    if name == "analyze":
        assert "*Um*" not in plain[name]  # the good answer has no fillers to mark
        assert plain[name].splitlines()[0] == "Mock interview report"
