"""The result model both ways: stored sessions load into the typed Analysis, round-trip, and fit the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from simulator.content.types import ContentOptions, ContentReport, Hedge
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import DeliveryReport
from simulator.errors import BadInputError
from simulator.model.analysis import Analysis
from simulator.model.codec import analysis_schema, dumps, load, load_analysis, schema_text, to_jsonable
from tests.conftest import ROOT
from tests.session_docs import analysis_from_truth

SESSIONS = ROOT / "tests" / "data" / "sessions"
STORED = sorted(SESSIONS.glob("*.json"))  # analysis.json files written by earlier versions
SCHEMA_FILE = ROOT / "docs" / "analysis.schema.json"


def test_there_are_stored_sessions_of_each_kind():
    names = {p.name for p in STORED}
    assert {"good_answer-0.1.0.json", "rushed_answer-0.1.0.json", "text_answer-0.1.0.json"} <= names


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_stored_sessions_load_and_round_trip(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    analysis = load_analysis(path)
    assert isinstance(analysis, Analysis) and analysis.session_id == doc["session_id"]
    assert isinstance(analysis.question.criteria, tuple)  # a JSON list back into the declared tuple
    assert len(analysis.transcript.words) == len(doc["transcript"]["words"])
    if doc["delivery"] is None:
        assert analysis.delivery is None and analysis.audio is None and not analysis.transcript.timed
    else:
        assert isinstance(analysis.delivery, DeliveryReport) and isinstance(analysis.delivery.options, DeliveryOptions)
        assert analysis.delivery.options.long_pause_s == doc["delivery"]["options"]["long_pause_s"]
        assert [p.start for p in analysis.delivery.pauses] == [p["start"] for p in doc["delivery"]["pauses"]]
    assert isinstance(analysis.content, ContentReport) and analysis.content.score == doc["content"]["score"]
    again = load_analysis(dumps(analysis))
    assert again == analysis  # load -> dump -> load gives equal objects
    assert kept(without(doc, REMOVED), to_jsonable(again))  # every value the older version wrote is kept


# Fields a later version dropped from the schema (dead options); everything else must survive a re-save.
REMOVED = [("content", "options", "goals_met")]


def without(doc: dict, paths) -> dict:
    doc = json.loads(json.dumps(doc))
    for path in paths:
        node = doc
        for key in path[:-1]:
            node = node.get(key) or {}
        node.pop(path[-1], None)
    return doc


def kept(old, new) -> bool:
    """``old`` is contained in ``new``: same values, and dicts may only gain keys."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and kept(v, new[k]) for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(map(kept, old, new))
    return old == new


@pytest.mark.parametrize(
    "old, new, expected",
    [({"a": 1}, {"a": 1, "b": 2}, True), ({"a": 1}, {"a": 2}, False), ({"a": [1]}, {"a": []}, False)],
)
def test_kept(old, new, expected):
    assert kept(old, new) is expected


@pytest.mark.parametrize("source", ["dict", "text", "bytes", "path"])
def test_load_takes_a_dict_json_text_or_a_path(source, tmp_path):
    analysis = analysis_from_truth("rushed_answer")
    text = dumps(analysis)
    path = tmp_path / "analysis.json"
    path.write_text(text, encoding="utf-8")
    given = {"dict": json.loads(text), "text": text, "bytes": text.encode(), "path": path}[source]
    assert load_analysis(given) == load_analysis(text)
    assert load_analysis(given).content.hedges == analysis.content.hedges


def _rushed() -> dict:
    return json.loads(SESSIONS.joinpath("rushed_answer-0.1.0.json").read_text(encoding="utf-8"))


def _without(doc: dict, *keys: str) -> dict:
    """``doc`` with the key at the path ``keys`` removed."""
    doc = json.loads(json.dumps(doc))
    inner = doc
    for key in keys[:-1]:
        inner = inner[key]
    del inner[keys[-1]]
    return doc


@pytest.mark.parametrize(
    "doc, check",
    [
        ({**_rushed(), "from_a_newer_version": {"x": 1}}, lambda a: a.session_id == _rushed()["session_id"]),
        (_without(_rushed(), "content", "hedges"), lambda a: a.content.hedges == []),
        (_without(_rushed(), "content", "options"), lambda a: a.content.options == ContentOptions()),
        (_without(_rushed(), "delivery", "skipped_speech"), lambda a: a.delivery.skipped_speech == []),
        (_without(_rushed(), "delivery", "options", "long_pause_s"), lambda a: a.delivery.options == DeliveryOptions()),
        (_without(_rushed(), "notes"), lambda a: a.notes == []),
    ],
    ids=["extra key", "no hedges", "no content options", "no skipped speech", "option missing", "no notes"],
)
def test_unknown_keys_are_ignored_and_missing_optional_ones_take_the_dataclass_defaults(doc, check):
    assert check(load_analysis(doc))


@pytest.mark.parametrize(
    "source, message",
    [
        ("{ not json", "not valid JSON"),
        ([1, 2], "does not fit the result model"),
        (_without(_rushed(), "question"), "question: Field required"),
        ({**_rushed(), "delivery": {**_rushed()["delivery"], "pauses": [{"start": "soon"}]}}, "delivery.pauses.0"),
        ({**_rushed(), "content": {**_rushed()["content"], "hedges": [{"phrase": "maybe"}]}}, "word_index"),
        (Path("/nonexistent/analysis.json"), "Cannot read"),
    ],
    ids=["not json", "not an object", "no question", "bad pause", "hedge without index", "missing file"],
)
def test_documents_that_do_not_fit_raise_bad_input(source, message):
    with pytest.raises(BadInputError, match=message) as err:
        load_analysis(source)
    assert "\n" not in str(err.value)


def test_invalid_options_in_a_document_raise_the_options_error():
    doc = _rushed()
    doc["delivery"]["options"]["pace_min_wpm"] = 300.0  # above pace_max_wpm
    with pytest.raises(BadInputError, match="pace_min_wpm"):
        load_analysis(doc)


def test_load_reads_a_part_of_the_model_too():
    delivery = analysis_from_truth("rushed_answer").delivery
    back = load(DeliveryReport, dumps(delivery))
    assert isinstance(back, DeliveryReport) and to_jsonable(back) == to_jsonable(delivery)
    hedge = load(Hedge, {"phrase": "i guess", "word_index": 3})
    assert hedge == Hedge("i guess", 3)  # n_words, start and end from the dataclass defaults


def test_published_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/analysis.schema.json is stale: regenerate it with `mock-interview schema > docs/analysis.schema.json`"
    )


def test_schema_describes_options_with_their_units_and_defaults():
    options = analysis_schema()["$defs"]["DeliveryOptions"]["properties"]
    assert options["long_pause_s"]["default"] == DeliveryOptions().long_pause_s
    assert options["long_pause_s"]["description"] == "a pause at least this long is a long pause (s)"
    assert options["pace_min_wpm"]["description"].endswith("(wpm)")


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_stored_sessions_validate_against_the_published_schema(path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "doc, valid",
    [
        (to_jsonable(analysis_from_truth("good_answer")), True),
        ({**_rushed(), "transcript": {"text": "x", "words": [{"word": "x", "start": "0.5"}]}}, False),
        (_without(_rushed(), "context"), False),
        ({**_rushed(), "delivery": {**_rushed()["delivery"], "long_pauses": 3}}, False),
    ],
    ids=["fresh analysis", "string time", "no context", "count for a list"],
)
def test_schema_accepts_what_the_loader_accepts(doc, valid):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert (not errors) == valid
    if valid:
        load_analysis(doc)
    else:
        with pytest.raises(BadInputError):
            load_analysis(doc)
