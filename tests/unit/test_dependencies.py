"""Every third-party module imported under simulator/ comes from a dependency that
pyproject.toml declares (in ``dependencies`` or an extra), so a fresh install has it."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Mapping
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
OURS = "simulator"


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503): 'PyYAML' -> 'pyyaml', 'a_b.c' -> 'a-b-c'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path = ROOT / "pyproject.toml") -> set[str]:
    """Distributions named in ``dependencies`` and every optional extra (markers ignored)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {canonical(re.match(r"[A-Za-z0-9._-]+", r.strip()).group()) for r in requirements}


def imported_modules(package: Path) -> dict[str, set[str]]:
    """Top-level module -> the files importing it (at module level or inside functions)."""
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], set()).add(str(path.relative_to(package.parent)))
    return found


def undeclared(modules: Mapping[str, set[str]], declared: set[str], provides: Mapping[str, list[str]]) -> dict:
    """Third-party modules no declared distribution provides; a module that is not installed
    here counts as provided by the distribution of its own name (e.g. tomli before Python 3.11)."""
    missing = {}
    for module, files in modules.items():
        if module == OURS or module in sys.stdlib_module_names:
            continue
        if not {canonical(d) for d in provides.get(module, [module])} & declared:
            missing[module] = sorted(files)
    return missing


@pytest.mark.parametrize(
    "modules, deps, provides, expect",
    [
        ({"numpy": {"a.py"}}, {"numpy"}, {"numpy": ["numpy"]}, {}),
        ({"yaml": {"a.py"}}, {"pyyaml"}, {"yaml": ["PyYAML"]}, {}),  # module and distribution differ
        ({"whisper": {"a.py"}}, {"openai-whisper"}, {"whisper": ["openai-whisper"]}, {}),
        ({"tomli": {"a.py"}}, {"tomli"}, {}, {}),  # declared, not installed on this Python
        ({"json": {"a.py"}, "simulator": {"a.py"}}, set(), {}, {}),  # stdlib and our own package
        ({"soxr": {"b.py", "a.py"}}, {"numpy"}, {"soxr": ["soxr"]}, {"soxr": ["a.py", "b.py"]}),
        ({"av": {"a.py"}}, {"faster-whisper"}, {"av": ["av"]}, {"av": ["a.py"]}),  # only a dependency's dependency
        ({"yaml": {"a.py"}}, {"yaml"}, {"yaml": ["PyYAML"]}, {"yaml": ["a.py"]}),  # the module name is not enough
    ],
    ids=["same-name", "other-name", "extra", "not-installed", "stdlib", "undeclared", "transitive", "module-name"],
)
def test_undeclared_table(modules, deps, provides, expect):
    assert undeclared(modules, deps, provides) == expect


def test_declared_reads_dependencies_and_extras(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\ndependencies = ["Foo_Bar>=1", "tomli>=2; python_version < \'3.11\'"]\n'
        '[project.optional-dependencies]\nextra = ["openai-whisper==20250625", "x[extra]"]\n'
    )
    assert declared(pyproject) == {"foo-bar", "tomli", "openai-whisper", "x"}


def test_every_imported_package_is_declared():
    missing = undeclared(imported_modules(ROOT / OURS), declared(), packages_distributions())
    assert missing == {}, f"declare in pyproject.toml the distributions providing: {missing}"
