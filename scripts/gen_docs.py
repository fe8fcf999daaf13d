#!/usr/bin/env python3
"""Rewrite the generated tables of README.md and docs/*.md from the code and data they describe.

    python scripts/gen_docs.py           # rewrite every generated region in place
    python scripts/gen_docs.py --check   # change nothing; exit 1 naming the files that are out of date

A generated region is the text between ``<!-- BEGIN generated: NAME -->`` and
``<!-- END generated: NAME -->``; NAME picks a table from ``TABLES``. Option
tables read each dataclass field's default, and its unit and meaning from the
field's metadata (``DeliveryOptions``) or its trailing comment (the others);
the rubric, scoring and question tables read ``prompts/*.toml``; exit codes
read ``simulator/errors.py``. Written by hand, these tables drifted from the
code; generated, tests/unit/test_docs.py can hold them to it.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import inspect
import io
import re
import sys
import tokenize
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REGION = re.compile(
    r"(?P<begin><!-- BEGIN generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<end><!-- END generated: (?P=name) -->)",
    re.DOTALL,
)
MARKER = re.compile(r"<!-- (BEGIN|END) generated: ([\w-]+) -->")
FIX_COMMAND = "python scripts/gen_docs.py"
EXIT_CONSTANT = re.compile(r"^(?P<name>EXIT_\w+) = \d+ +# *(?P<meaning>.*)$", re.MULTILINE)
# A trailing comment that starts with one of these names the field's unit ("s; energy frame length").
UNITS = ("s", "ms", "dB", "dBFS", "Hz", "wpm", "words", "%", "1/min", "semitones", "count")


def doc_files(root: Path = ROOT) -> list[Path]:
    """The files that may hold generated regions: README.md and docs/*.md."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(head: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def source_comments(path: Path) -> dict[int, str]:
    """Line number -> the text of the comment on that line (without ``#``)."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {t.start[0]: t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT}


def field_comments(cls: type) -> dict[str, str]:
    """Field name -> the comment after its definition in ``cls``'s source."""
    path = Path(inspect.getsourcefile(cls))
    comments = source_comments(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    return {
        stmt.target.id: comments.get(stmt.end_lineno, "")
        for stmt in node.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    }


def split_unit(comment: str) -> tuple[str, str]:
    """("s", "energy frame length") from "s; energy frame length"; a leading unit stays in the meaning otherwise."""
    first = comment.split(maxsplit=1)[0].rstrip(";") if comment else ""
    if first not in UNITS:
        return "", comment
    if comment == first:
        return first, ""
    head, sep, rest = comment.partition(";")
    return first, rest.strip() if sep and head.strip() == first else comment


def option_rows(cls: type) -> list[list[str]]:
    """One row per field: name, default, unit, meaning (and the allowed range when the field declares one)."""
    comments = field_comments(cls)
    rows = []
    for f in dataclasses.fields(cls):
        default = f.default_factory() if f.default is dataclasses.MISSING else f.default
        if "help" in f.metadata:
            lo, hi = f.metadata.get("lo"), f.metadata.get("hi")
            bounds = f"{_value(lo)} to {_value(hi)}" if lo is not None and hi is not None else ""
            rows.append([f"`{f.name}`", _value(default), f.metadata["unit"], f.metadata["help"], bounds])
        else:
            unit, meaning = split_unit(comments.get(f.name, ""))
            rows.append([f"`{f.name}`", _value(default), unit, meaning])
    return rows


def options_table(cls: type) -> str:
    rows = option_rows(cls)
    head = ["option", "default", "unit", "meaning"]
    if rows and len(rows[0]) == 5:
        head.append("allowed")
    return _table(head, rows)


def _delivery_options() -> str:
    from simulator.delivery.options import DeliveryOptions

    return options_table(DeliveryOptions)


def _content_options() -> str:
    from simulator.content.types import ContentOptions

    return options_table(ContentOptions)


def _stream_options() -> str:
    from simulator.asr.pause_cutter import StreamOptions

    return options_table(StreamOptions)


def _silence_options() -> str:
    from simulator.audio.level_meter import SilenceOptions

    return options_table(SilenceOptions)


def _rubric() -> dict:
    from simulator.paths import prompts_dir
    from simulator.questions import load_toml

    return load_toml(prompts_dir() / "rubric.toml")


def _criteria() -> str:
    rows = [
        [f"`{c['id']}`", c["kind"], c["label"], _value(c["weight"]), c["description"]] for c in _rubric()["criterion"]
    ]
    return _table(["id", "kind", "label", "weight", "what it looks for"], rows)


def _kinds() -> str:
    """One row per kind of question: its criteria and its recommended shape (prompts/kinds.toml)."""
    from simulator.paths import prompts_dir
    from simulator.questions import load_toml

    rows = []
    for kid, kind in load_toml(prompts_dir() / "kinds.toml")["kind"].items():
        shape = " → ".join(p["label"] for p in kind.get("shape", [])) or "none"
        rows.append([f"`{kid}`", kind["label"], ", ".join(f"`{c}`" for c in kind["criteria"]), shape])
    return _table(["kind", "label", "criteria", "recommended shape"], rows)


def _scoring() -> str:
    from simulator.content.rubric import CAP_KEY

    rubric = _rubric()
    rows = [[f"`{status}`", _value(credit)] for status, credit in rubric["scoring"].items() if status != CAP_KEY]
    scaled = [c["id"] for c in rubric["criterion"] if c.get("manner") or c["kind"] == "avoid"]
    note = f"\nScaled by the substance: {', '.join(f'`{c}`' for c in scaled)}."
    if CAP_KEY in rubric["scoring"]:
        note += f" A flagged avoid criterion caps the score at {_value(rubric['scoring'][CAP_KEY])}."
    return _table(["status", "credit"], rows) + note + "\n"


def _questions() -> str:
    """One row per set of criteria the question bank applies, with the questions that use it."""
    from simulator.questions import load_questions

    groups: dict[tuple[str, ...], list[str]] = {}
    for q in load_questions():
        groups.setdefault(q.criteria, []).append(f"`{q.id}`" + (" (default)" if q.default else ""))
    rows = [[len(criteria), ", ".join(f"`{c}`" for c in criteria), ", ".join(ids)] for criteria, ids in groups.items()]
    return _table(["criteria", "which", "questions"], rows)


def _exit_codes() -> str:
    from simulator import errors

    source = Path(inspect.getsourcefile(errors)).read_text(encoding="utf-8")
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.MockInterviewError)]
    rows = []
    for m in EXIT_CONSTANT.finditer(source):
        code = getattr(errors, m.group("name"))
        raised = ", ".join(f"`{c.__name__}`" for c in classes if c.exit_code == code)
        rows.append([code, m.group("meaning"), raised])
    return _table(["code", "meaning", "raised as"], rows)


def _history_metrics() -> str:
    from simulator.sessions import history

    rows = [
        [m.label, {"band": "closer to the pace band"}.get(m.better, m.better), _value(m.tolerance)]
        for m in history.METRICS
    ]
    note = (
        f"\nThe latest session is compared with the mean of up to {history.BASELINE_SESSIONS} sessions before "
        "it, in the rows and in the read alike; a change no larger than the tolerance (the noise threshold) is steady. "
        f"Sparklines show the latest {history.SPARK_SESSIONS} sessions.\n"
    )
    return _table(["metric", "better when", "tolerance"], rows) + note


TABLES: dict[str, Callable[[], str]] = {
    "delivery-options": _delivery_options,
    "content-options": _content_options,
    "stream-options": _stream_options,
    "silence-options": _silence_options,
    "criteria": _criteria,
    "kinds": _kinds,
    "scoring": _scoring,
    "questions": _questions,
    "exit-codes": _exit_codes,
    "history-metrics": _history_metrics,
}


def render(text: str, where: str = "text") -> str:
    """``text`` with every generated region rewritten; ValueError for unknown or unpaired markers."""
    markers = MARKER.findall(text)
    if len(markers) != 2 * len(REGION.findall(text)):
        raise ValueError(f"{where}: a generated-region marker has no partner; each BEGIN needs its END.")
    unknown = sorted({name for _, name in markers} - set(TABLES))
    if unknown:
        raise ValueError(f"{where}: unknown generated region(s) {unknown}; known: {sorted(TABLES)}.")
    cache: dict[str, str] = {}

    def fill(m: re.Match) -> str:
        name = m.group("name")
        if name not in cache:
            cache[name] = TABLES[name]()
        return m.group("begin") + cache[name] + m.group("end")

    return REGION.sub(fill, text)


def stale(root: Path = ROOT) -> list[Path]:
    """The doc files whose generated regions differ from what ``render`` makes now."""
    out = []
    for path in doc_files(root):
        text = path.read_text(encoding="utf-8")
        if render(text, str(path.relative_to(root))) != text:
            out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any file is out of date; change nothing")
    args = parser.parse_args(argv)
    paths = stale()
    names = ", ".join(str(p.relative_to(ROOT)) for p in paths)
    if args.check:
        if paths:
            print(f"out of date: {names}; run `{FIX_COMMAND}`", file=sys.stderr)
        return 1 if paths else 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(render(text, str(path.relative_to(ROOT))), encoding="utf-8")
    print(f"rewrote {names}" if paths else "generated tables are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
