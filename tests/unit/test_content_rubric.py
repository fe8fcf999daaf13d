"""Rubric, lexicon and question-bank data: valid data loads, malformed data is a ConfigError."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.content.rubric import load_rubric
from simulator.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


def copy_prompts(tmp_path: Path) -> Path:
    folder = tmp_path / "prompts"
    folder.mkdir()
    for name in ("rubric.toml", "lexicons.toml", "questions.toml", "kinds.toml"):
        shutil.copy(PROMPTS / name, folder / name)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


# (file, text to replace, replacement, expected error fragment or None for valid)
CASES = [
    ("rubric.toml", "", "", None),  # unchanged: valid
    ("rubric.toml", "weight = 0.5", "weight = 2", None),  # another valid weight
    ("rubric.toml", 'id = "single_focus"', 'id = "single_focus"\ncolour = "red"', "unknown key(s) ['colour']"),
    ("rubric.toml", "weight = 0.5", 'weight = "half"', "'weight' must be a number"),
    ("rubric.toml", "weight = 0.5", "weight = -1", "'weight' must be a number"),
    ("rubric.toml", "weight = 0.5", "weight = true", "'weight' must be a number"),
    ("rubric.toml", 'id = "single_focus"\nkind = "do"', 'id = "single_focus"\nkind = "avoid"', "'kind' must be \"do\""),
    ("rubric.toml", 'id = "succinct"', 'id = "brevity"', "no rule implements this id"),
    ("rubric.toml", 'label = "Timeline"', 'label = ""', "'label' must be a non-empty string"),
    (
        "rubric.toml",
        'met = "Keep the answer built around {goal}',
        'met = "Keep the answer built around {goal_name}',
        "unknown placeholder(s) ['goal_name']",
    ),
    (
        "rubric.toml",
        'met = "Keep the answer built around {goal}',
        'met = "Keep the answer built around {goal',
        "not a valid template",
    ),
    ("rubric.toml", 'hobby = "Swap {quote}', 'pastime = "Swap {quote}', "tips must cover exactly the outcomes"),
    ("rubric.toml", "partial = 0.5", "partial = 1.5", "[scoring] partial must be a number from 0 to 1"),
    ("rubric.toml", "partial = 0.5\n", "", "[scoring] must give exactly"),
    ("rubric.toml", "\n[scoring]\n", "\n[scores]\n", "unknown top-level key(s) ['scores']"),
    ("rubric.toml", "flagged_cap = 55", "flagged_cap = 60", None),
    ("rubric.toml", "flagged_cap = 55", "flagged_cap = 120", "[scoring] flagged_cap must be a score from 0 to 100"),
    ("rubric.toml", "flagged_cap = 55", 'flagged_cap = "low"', "[scoring] flagged_cap must be a score"),
    ("rubric.toml", "manner = true", 'manner = "yes"', "'manner' must be true or false"),
    (
        "rubric.toml",
        'id = "no_boasting"\nkind = "avoid"',
        'id = "no_boasting"\nkind = "avoid"\nmanner = true',
        "'manner' is for \"do\" criteria",
    ),
    ("rubric.toml", "weight = 0.5", "weight = 0.5 +", "is not valid TOML"),
    (
        "kinds.toml",
        '"no_boasting", "professional_goal", "motivation_not_money",\n]',
        '"no_boasting", "professional_goal", "motivation_not_money", "humility",\n]',
        "unknown criterion id(s) ['humility']",
    ),
    ("lexicons.toml", "[hedges]", '[hedges]\nextra = ["x"]', "unknown key(s) ['extra']"),
    (
        "lexicons.toml",
        'unsure", "a little bit", "i mean",',
        'unsure", "a little bit", "i mean", 3,',
        "every entry must be a non-empty string",
    ),
    ("lexicons.toml", "vague_tails = [", 'vague_tails = "or something"\nunused = [', "unknown key(s) ['unused']"),
    ("lexicons.toml", "[why]", "[why]\n[colours]", "unknown section(s) ['colours']"),
    ("lexicons.toml", '"make * better"', '"* better"', "may use '*' only between words"),
    ("lexicons.toml", 'related = ["chef"', 'related = 5\nx = ["chef"', "unknown key(s) ['x']"),
]


@pytest.mark.parametrize("name,old,new,error", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rubric_data_is_validated(tmp_path, name, old, new, error):
    folder = copy_prompts(tmp_path)
    if old:
        edit(folder, name, old, new)
    if error is None:
        rubric = load_rubric(folder)
        assert "single_focus" in rubric.criteria and rubric.status_values["partial"] == 0.5
        return
    with pytest.raises(ConfigError) as info:
        load_rubric(folder)
    message = str(info.value)
    assert error in message
    assert "\n" not in message  # one line, for the CLI


def test_missing_rubric_file_is_a_config_error(tmp_path):
    folder = copy_prompts(tmp_path)
    (folder / "rubric.toml").unlink()
    with pytest.raises(ConfigError, match="rubric.toml is missing"):
        load_rubric(folder)


def test_every_kind_criterion_is_defined_and_weighted():
    rubric = load_rubric(PROMPTS)
    kinds = tomllib.loads((PROMPTS / "kinds.toml").read_text())["kind"]
    for kind in kinds.values():
        for cid in kind["criteria"]:
            assert rubric.criteria[cid].weight > 0
    assert len(kinds["career-goals"]["criteria"]) == 13


def test_check_content_rejects_a_question_with_an_unknown_criterion():
    from simulator.content import check_content
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import Question

    question = Question(id="custom", text="Why us?", criteria=("confident_language", "charisma"))
    with pytest.raises(ConfigError, match="unknown criterion id"):
        check_content(Transcript.from_text("I want to join your team."), question, AnswerContext())


def test_rule_declarations_load_without_the_nlp_model_and_match_the_rubric():
    code = (
        "import sys; from simulator.content.rubric import implemented_rules, load_rubric; "
        "rules = implemented_rules(); rubric = load_rubric(); "
        "print('spacy' in sys.modules, sorted(rules) == sorted(rubric.criteria), "
        "all(rubric.criteria[c].kind == r.kind and set(rubric.criteria[c].tips) == set(r.outcomes) for c, r in rules.items()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROMPTS.parent, check=True
    ).stdout
    assert out.split() == ["False", "True", "True"]


def test_a_second_rule_for_the_same_criterion_id_is_refused():
    from simulator.content.rubric import implemented_rules
    from simulator.content.rules import RULES, rule
    from simulator.content.types import DO

    implemented_rules()
    with pytest.raises(ValueError, match="two rules declare"):
        rule("timeline", kind=DO, outcomes=("met",))(lambda ctx: None)
    assert RULES["timeline"].outcomes == ("met", "vague", "missing", "off_goal")


def test_every_lexicon_list_is_read_by_the_content_check():
    """A list nothing reads is dead data: every [section] key is named in simulator/content."""
    from simulator.content.lexicon import SCHEMA

    code = "\n".join(
        p.read_text() for p in (PROMPTS.parent / "simulator" / "content").glob("*.py") if p.name != "lexicon.py"
    )
    unread = [f"{section}.{key}" for section, keys in SCHEMA.items() for key in keys if f'"{key}"' not in code]
    assert unread == []
