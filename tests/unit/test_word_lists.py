"""The single-word lists of prompts/words.toml: valid data loads, a missing or mistyped list is a one-line
ConfigError naming the file and key, nothing reads them for --help, and no delivery module keeps its own."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.delivery.fillers import find_fillers
from simulator.delivery.lexicon import delivery_words
from simulator.errors import ConfigError
from simulator.model.transcript import Word
from simulator.word_lists import SCHEMA, WORDS_FILE, load_word_lists

ROOT = Path(__file__).resolve().parents[2]
MAX_LITERAL_WORDS = 4  # a literal set of more words than this is vocabulary, and belongs in prompts/words.toml


def copy_words(tmp_path: Path, old: str = "", new: str = "") -> Path:
    folder = tmp_path / "prompts"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "prompts" / "lexicons.toml", folder)  # the hesitation sounds
    text = (ROOT / "prompts" / WORDS_FILE).read_text()
    assert old in text, f"{old!r} not in {WORDS_FILE}"
    (folder / WORDS_FILE).write_text(text.replace(old, new, 1))
    return folder


LIKE_NOT_AFTER_I = 'like_not_after_i = ["said", "say", "mentioned", "told", "explained"]'
LEAD_INS = 'lead_ins = ["yes", "yeah", "no", "so", "and", "well", "okay", "ok", "actually", "also"]'

# (text to replace, replacement, expected error fragments; none for valid data)
CASES = [
    ("", "", ()),  # unchanged
    ('"said", "say"', '"said", "says", "say"', ()),  # one more word
    (LIKE_NOT_AFTER_I, "", ("[delivery] is missing key(s) ['like_not_after_i']",)),
    (LEAD_INS, "", ("[report] is missing key(s) ['lead_ins']",)),
    (LIKE_NOT_AFTER_I, 'like_not_after_i = "said"', ("[delivery] like_not_after_i", "non-empty list")),
    (LIKE_NOT_AFTER_I, "like_not_after_i = []", ("[delivery] like_not_after_i", "non-empty list")),
    ('"said", "say"', '"Said", "say"', ("[delivery] like_not_after_i", "'Said'", "one lower-case word")),
    ('"said", "say"', '"said,", "say"', ("[delivery] like_not_after_i", "'said,'", "one lower-case word")),
    ('"said", "say"', '"said so", "say"', ("[delivery] like_not_after_i", "'said so'", "one lower-case word")),
    ('"said", "say"', '3, "say"', ("[delivery] like_not_after_i", "holds 3")),
    ('"said", "say"', '"say", "say"', ("[delivery] like_not_after_i", "['say'] twice")),
    (LIKE_NOT_AFTER_I, LIKE_NOT_AFTER_I + '\nlike_not_after_we = ["said"]', ("unknown key(s) ['like_not_after_we']",)),
    ("[report]", "[reports]", ("unknown section(s) ['reports']",)),
    ("[delivery]", "[other]\nx = 1\n[delivery]", ("unknown section(s) ['other']",)),
    ("adverbs = [", "adverbs = [[", ("is not valid TOML",)),
]


@pytest.mark.parametrize("old, new, errors", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_words_file_is_validated(tmp_path, old, new, errors):
    folder = copy_words(tmp_path, old, new)
    if not errors:
        lists = load_word_lists(str(folder))
        assert {s: set(k) for s, k in lists.items()} == {s: set(k) for s, k in SCHEMA.items()}
        assert {"said", "say"} <= lists["delivery"]["like_not_after_i"]
        return
    with pytest.raises(ConfigError) as info:
        load_word_lists(str(folder))
    message = str(info.value)
    assert str(folder / WORDS_FILE) in message and "\n" not in message  # names the file; one line, for the CLI
    for fragment in errors:
        assert fragment in message


def test_missing_words_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="words.toml is missing"):
        load_word_lists(str(tmp_path))


def test_the_filler_rules_read_the_lists_from_the_prompts_folder(tmp_path, monkeypatch):
    words = [Word(t, i * 0.3, i * 0.3 + 0.25) for i, t in enumerate("like I said, it works.".split())]
    assert find_fillers(words) == []  # 'said' is listed: 'like I said' is no filler
    fewer = copy_words(tmp_path, '"said", "say"', '"say"')
    monkeypatch.setenv("MOCK_INTERVIEW_PROMPTS", str(fewer))
    assert [f.rule for f in find_fillers(words)] == ["L6: 'like' opening a clause"]
    broken = copy_words(tmp_path / "b", LIKE_NOT_AFTER_I, "")
    monkeypatch.setenv("MOCK_INTERVIEW_PROMPTS", str(broken))
    with pytest.raises(ConfigError, match=r"words.toml \[delivery\] is missing key\(s\) \['like_not_after_i'\]"):
        find_fillers(words)


def test_help_does_not_read_the_lists(tmp_path):
    folder = copy_words(tmp_path, "[delivery]", "[broken]")
    env = {"MOCK_INTERVIEW_PROMPTS": str(folder), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "practice" in done.stdout and done.stderr == ""


def test_joined_sets_keep_their_parts_apart():
    """The be-contractions are subjects and auxiliaries, but "it's like" is no verb "like"."""
    lex = delivery_words()
    assert {"it's", "i'm"} <= lex.subject_pronouns & lex.auxiliaries
    assert "it's" not in lex.like_verb_cues and {"i", "would"} <= lex.like_verb_cues
    assert {"we", "it's", "just", "the"} <= lex.like_clause_next


def test_every_list_is_read_by_the_code():
    """A list nothing reads is dead data: every key is named in the modules that consult its section."""
    readers = {"delivery": ROOT / "simulator" / "delivery", "report": ROOT / "simulator" / "report"}
    unread = []
    for section, keys in SCHEMA.items():
        code = "\n".join(p.read_text() for p in readers[section].glob("*.py"))
        unread += [f"{section}.{k}" for k in keys if f".{k}" not in code and f'["{k}"]' not in code]
    assert unread == []


# ---------------------------------------------------------------- no word sets in delivery code


def _strings(node: ast.AST) -> list[str]:
    """The string items of a literal collection, or the words of a literal "a b c".split()."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return []


def word_sets(source: str) -> list[int]:
    """Line numbers of word-set literals longer than MAX_LITERAL_WORDS: a set display, a set()/frozenset() of a
    literal, or a literal tuple/list tested with ``in``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Set):
            candidates = [node]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset"):
            candidates = node.args[:1]
        elif isinstance(node, ast.Compare):
            candidates = [c for op, c in zip(node.ops, node.comparators) if isinstance(op, (ast.In, ast.NotIn))]
        else:
            continue
        if any(len(_strings(c)) > MAX_LITERAL_WORDS for c in candidates):
            found.append(node.lineno)
    return found


@pytest.mark.parametrize(
    "source, flagged",
    [
        ('KINDS = frozenset({"kind", "sort"})', False),
        ('x in ("kinda", "sorta")', False),
        ('NAMES = ("feature", "util", "yin", "autocorrelate", "resample")', False),  # not a set, not tested with in
        ('_N = "no one two three four five".split()', False),  # indexed, not a set
        ('A = frozenset({"and", "but", "so", "or", "because"})', True),
        ('A = {"and", "but", "so", "or", "because"}', True),
        ('A = frozenset("and but so or because".split())', True),
        ('A = set(["and", "but", "so", "or", "because"])', True),
        ('ok = w in ("and", "but", "so", "or", "because")', True),
        ('ok = w not in ["and", "but", "so", "or", "because"]', True),
    ],
)
def test_word_set_scanner(source, flagged):
    assert bool(word_sets(source)) == flagged


@pytest.mark.parametrize("path", sorted((ROOT / "simulator" / "delivery").glob("*.py")), ids=lambda p: p.name)
def test_no_delivery_module_keeps_a_word_set(path):
    assert word_sets(path.read_text()) == [], f"move the word list in {path.name} to prompts/{WORDS_FILE}"
