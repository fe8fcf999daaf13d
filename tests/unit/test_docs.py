"""The README and docs/ stay true to the code: generated tables current, links whole, no history in prose."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README_MAX_LINES = 200
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
# "#12", "issue 12", "issues 3 and 4", "PR 7", "GH-7": references to a tracker, which readers cannot follow.
ISSUE_NUMBER = re.compile(r"(?<![\w&#/])#\d+\b|\b(?:issues?|PR|pull request)\s*#?\d+\b|\bGH-\d+\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def load_gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_docs = load_gen_docs()
DOCS = gen_docs.doc_files(ROOT)


def prose(text: str) -> str:
    """Markdown without code blocks and inline code (examples there are not links or claims)."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    title = re.sub(r"[`*]|<[^>]+>", "", title).strip().lower()
    return re.sub(r"[^\w\- ]", "", title).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for m in HEADING.finditer(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(m.group("title"))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def test_docs_exist():
    expected = {
        "README.md",
        "delivery.md",
        "content.md",
        "sessions.md",
        "audio-setup.md",
        "performance.md",
        "design.md",
    }
    assert expected <= {p.name for p in DOCS}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_generated_tables_are_current(path):
    text = path.read_text(encoding="utf-8")
    assert gen_docs.render(text, path.name) == text, (
        f"{path.relative_to(ROOT)} differs from the code and data it documents; run `{gen_docs.FIX_COMMAND}`"
    )


def test_every_table_is_used():
    text = "".join(p.read_text(encoding="utf-8") for p in DOCS)
    used = set(re.findall(r"<!-- BEGIN generated: ([\w-]+) -->", text))
    assert used == set(gen_docs.TABLES), f"tables never shown: {sorted(set(gen_docs.TABLES) - used)}"


GOOD = "a\n<!-- BEGIN generated: scoring -->\nold\n<!-- END generated: scoring -->\nb\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD, "| `partial` | 0.5 |"),
        ("no regions at all\n", "no regions at all\n"),
        (GOOD.replace("scoring", "no-such-table"), ValueError),
        (GOOD.replace("<!-- END generated: scoring -->\n", ""), ValueError),
        (GOOD.replace("END generated: scoring", "END generated: criteria"), ValueError),
    ],
    ids=["rewrites", "untouched", "unknown-table", "no-end", "mismatched-end"],
)
def test_render(text, expected):
    if expected is ValueError:
        with pytest.raises(ValueError):
            gen_docs.render(text)
        return
    out = gen_docs.render(text)
    assert expected in out
    assert "old" not in out
    assert gen_docs.render(out) == out


@pytest.mark.parametrize(
    "comment, unit, meaning",
    [
        ("s; energy frame length", "s", "energy frame length"),
        ("dB above the noise floor that counts as speech", "dB", "dB above the noise floor that counts as speech"),
        ("words", "words", ""),
        ("the noise floor is this percentile", "", "the noise floor is this percentile"),
        ("", "", ""),
    ],
)
def test_split_unit(comment, unit, meaning):
    assert gen_docs.split_unit(comment) == (unit, meaning)


def test_option_rows_follow_the_fields():
    from simulator.asr.pause_cutter import StreamOptions

    rows = gen_docs.option_rows(StreamOptions)
    assert [r[0] for r in rows] == [f"`{name}`" for name in StreamOptions.__dataclass_fields__]
    assert rows[0] == ["`frame_s`", "0.02", "s", "energy frame length"]


def test_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move depth into docs/"


def links() -> list[tuple[Path, str]]:
    out = []
    for path in DOCS:
        for m in LINK.finditer(prose(path.read_text(encoding="utf-8"))):
            target = m.group("target")
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, mailto: ... are not files here
                out.append((path, target))
    return out


@pytest.mark.parametrize("path, target", links(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_relative_links_resolve(path, target):
    file_part, _, anchor = target.partition("#")
    dest = (path.parent / file_part).resolve() if file_part else path
    assert dest.exists(), f"{path.relative_to(ROOT)} links to {target}, which does not exist"
    if anchor and dest.suffix == ".md":
        assert anchor in anchors(dest), f"{path.relative_to(ROOT)} links to #{anchor}, not a heading of {dest.name}"


def docstrings() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "simulator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    out.append((f"{path.relative_to(ROOT)}:{getattr(node, 'name', 'module')}", doc))
    return out


@pytest.mark.parametrize(
    "text, found",
    [
        ("see #12 for why", True),
        ("Targets of issue 6", True),
        ("fixed in PR 31", True),
        ("question #{index + 1}", False),
        ("colour #fff and C# code", False),
        ("## A heading", False),
    ],
)
def test_issue_number_pattern(text, found):
    assert bool(ISSUE_NUMBER.search(text)) is found


def test_no_issue_numbers_in_docs_or_docstrings():
    texts = [(str(p.relative_to(ROOT)), prose(p.read_text(encoding="utf-8"))) for p in DOCS] + docstrings()
    hits = [f"{where}: {m.group(0)!r}" for where, text in texts for m in ISSUE_NUMBER.finditer(text)]
    assert not hits, "issue numbers mean nothing to a reader; say the reason instead:\n" + "\n".join(hits)


def test_no_dated_history_in_docs():
    hits = [
        f"{p.relative_to(ROOT)}: {m.group(0)}" for p in DOCS for m in ISO_DATE.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not hits, "docs state what is true now, labelled by machine and command, not by date:\n" + "\n".join(hits)
