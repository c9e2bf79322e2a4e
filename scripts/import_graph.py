"""geo's import graph: which module imports which, by stage, and what breaks the house rules.

Usage: python scripts/import_graph.py [--check]

Reads every module of ``geo`` (imports inside functions and under ``TYPE_CHECKING`` count: a cycle of types is
a cycle too) and prints, stage by stage in pipeline order, each module with the modules of ``geo`` it imports.
Then it lists the cycles and the imports of a later stage (a module may import its own stage's and earlier
stages' modules only). ``--check`` prints only the problems and exits 1 if there are any; the test suite runs
it.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "geo"

#: the stages in pipeline order: a module's stage is the first whose prefix it has (the core last, as a
#: fallback)
STAGES = (("core", ("geo", "geo.models", "geo.errors", "geo.settings", "geo.names", "geo.atomic", "geo.http",
                    "geo.when", "geo.when_rules")),
          ("ingest", ("geo.ingest",)),
          ("places", ("geo.places",)),
          ("claims", ("geo.claims",)),
          ("work", ("geo.work",)),
          ("store", ("geo.store",)),
          ("outputs", ("geo.outputs",)),
          ("run", ("geo.pipeline", "geo.evaluate")),
          ("command", ("geo.cli", "geo.cli_gazetteer", "geo.console", "geo.__main__")),
          )


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    """The index in :data:`STAGES` of a module's stage: the stage of its longest prefix."""
    best, length = 0, -1
    for i, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = i, len(prefix)
    return best


def imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of ``geo`` a module imports (``from geo.x import y`` is ``geo.x.y`` when that is a
    module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module in modules:
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules
            found |= subs or {node.module}
            if len(subs) < len(node.names):
                found.add(node.module)
    # importing geo.a.b runs the package geo.a first: its __init__ is imported too
    found |= {".".join(m.split(".")[:k]) for m in found for k in range(2, m.count(".") + 1)} & modules
    return found - {module_name(path)} - _packages_of(module_name(path))


def _packages_of(module: str) -> set[str]:
    """The packages a module lies in (``geo.claims`` for ``geo.claims.rules``): importing them is no cycle."""
    parts = module.split(".")
    return {".".join(parts[:k]) for k in range(1, len(parts))}


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports(p, modules) for p in paths}


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Each cycle once, as the modules on it (a depth-first search that reports the back edges it meets)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(edges.get(module, ())):
            if state.get(dep) == 1:
                found.append(path[path.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    return found


def problems(edges: Mapping[str, set[str]]) -> list[str]:
    later = [f"{m} (stage {STAGES[stage_of(m)][0]}) imports {d} (stage {STAGES[stage_of(d)][0]}), a later "
             "stage"
             for m in sorted(edges) for d in sorted(edges[m]) if stage_of(d) > stage_of(m)]
    return later + [f"cycle: {' -> '.join(c)}" for c in cycles(edges)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="print only the problems; exit 1 if any")
    args = parser.parse_args()
    edges = graph()
    if not args.check:
        for i, (name, _) in enumerate(STAGES):
            print(f"{name}:")
            for module in sorted(m for m in edges if stage_of(m) == i):
                print(f"  {module} <- {', '.join(sorted(edges[module])) or '(nothing of geo)'}")
    found = problems(edges)
    print("\n".join(found) if found else "no cycle, no import of a later stage")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
