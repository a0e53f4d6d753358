"""The packages depend one way: no import cycle between packages (a subpackage such as geo.admin,
or a loose module such as geo.datastore, is one unit), `geo` imports neither `layers` nor `ui`,
and `layers` does not import `ui`. Read from the source with ast, nothing is imported."""

import ast
from collections import defaultdict
from pathlib import Path

from geo.paths import PROJECT_ROOT

PACKAGES = ("geo", "layers", "ui")
FORBIDDEN = {"geo": ("layers", "ui"), "layers": ("ui",)}  # importer -> what it must not import


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _unit(module: str) -> str:
    """The unit a module belongs to: its subpackage (geo.admin), else the module itself."""
    parts = module.split(".")
    if len(parts) > 1 and (PROJECT_ROOT / parts[0] / parts[1] / "__init__.py").exists():
        return ".".join(parts[:2])
    return module


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _edges() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        for name in _imported(path) & modules.keys():
            if _unit(name) != _unit(module):
                edges[_unit(module)].add(_unit(name))
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one unit (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        for other in sorted(edges.get(unit, ())):
            if other not in index:
                visit(other)
                low[unit] = min(low[unit], low[other])
            elif other in stack:
                low[unit] = min(low[unit], index[other])
        if low[unit] == index[unit]:
            group = []
            while (member := stack.pop()) != unit:
                group.append(member)
            if group:
                groups.append(sorted([unit, *group]))

    for unit in sorted(edges):
        if unit not in index:
            visit(unit)
    return groups


def test_the_graph_is_read() -> None:
    edges = _edges()
    assert "geo.store" in edges["geo.datastore"] and "geo.store" in edges["geo.admin"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_cycle_between_packages() -> None:
    assert _cycles(_edges()) == []


def test_geo_and_layers_do_not_import_what_is_built_on_them() -> None:
    found = {(unit, other) for unit, targets in _edges().items() for other in targets
             if other.split(".")[0] in FORBIDDEN.get(unit.split(".")[0], ())}
    assert found == set()
