"""The house rules, checked: ``ruff check`` and ``mypy --strict`` pass (their settings are in pyproject.toml),
the import graph has no cycle and no import of a later stage (``scripts/import_graph.py``), no module is over
400 lines and no function over 50, every package imported is declared, and each command's help starts with one
line."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_geo_type_checks_strictly(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "geo", "--cache-dir", str(tmp_path / "mypy")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_passes_ruff() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "geo", "tests", "scripts",
                             "benchmarks"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_imports_a_later_stage_or_itself_in_a_circle() -> None:
    graph = _script("import_graph")
    assert graph.problems(graph.graph()) == []


def test_the_graph_check_sees_a_later_stage_and_a_cycle() -> None:
    graph = _script("import_graph")
    found = graph.problems({"geo.places.resolve": {"geo.store.db"}, "geo.store.db": {"geo.outputs.cache"},
                            "geo.outputs.cache": {"geo.store.db"}})
    assert found == ["geo.places.resolve (stage places) imports geo.store.db (stage store), a later stage",
                     "geo.store.db (stage store) imports geo.outputs.cache (stage outputs), a later stage",
                     "cycle: geo.outputs.cache -> geo.store.db -> geo.outputs.cache"]


def _python_files() -> list[Path]:
    return sorted((ROOT / "geo").rglob("*.py"))


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _python_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_no_function_is_over_50_lines() -> None:
    import ast

    long = [f"{p.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for p in _python_files() for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None
            and node.end_lineno - node.lineno + 1 > 50]
    assert long == []


def test_every_package_geo_imports_is_declared() -> None:
    """A package geo imports directly is in pyproject.toml's dependencies (or an extra's), not there by chance
    because another package pulls it in."""
    import ast
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"],
              *(d for extra in project["optional-dependencies"].values() for d in extra)]

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    declared = {norm(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in wanted}
    imported = set()
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = sorted(m for m in imported if m not in sys.stdlib_module_names and m != "geo")
    distributions = packages_distributions()
    undeclared = [m for m in third_party if not {norm(d) for d in distributions.get(m, [m])} & declared]
    assert third_party and undeclared == []


def test_each_command_says_what_it_does_in_one_line() -> None:
    """The command list of ``geo --help`` shows each command's first paragraph as it is written: one line."""
    import inspect

    import typer.main

    from geo.cli import app

    group = typer.main.get_command(app)
    commands = list(getattr(group, "commands", {}).values())
    commands += [c for sub in commands for c in getattr(sub, "commands", {}).values()]
    multi = [c.name for c in commands if "\n" in inspect.cleandoc(c.help or "").split("\n\n")[0]]
    assert len(commands) >= 10 and multi == []
