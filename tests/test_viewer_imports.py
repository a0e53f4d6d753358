"""What the viewer's code may depend on: only public names of Streamlit and streamlit-folium,
and not the import libraries (pyogrio/GDAL) when it only serves layers."""

import ast
import subprocess
import sys

from geo.paths import PROJECT_ROOT

PRIVATE_CHECKED = ("streamlit_folium", "streamlit")
SKIPPED = {".venv", "node_modules", ".git", "static", "data"}


def _project_sources() -> list:
    return [p for p in PROJECT_ROOT.rglob("*.py")
            if not SKIPPED & set(p.relative_to(PROJECT_ROOT).parts)]


def _private_uses(tree: ast.AST) -> list[str]:
    """`from streamlit_folium import _x`, `import streamlit._x`, `sf._x` for sf bound to one
    of the checked packages (or a module of theirs)."""
    bound: dict[str, str] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PRIVATE_CHECKED:
                    bound[alias.asname or alias.name.split(".")[0]] = alias.name
                    found += [alias.name for part in alias.name.split(".") if part.startswith("_")]
        elif isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] in PRIVATE_CHECKED:
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
            found += [node.module for part in node.module.split(".") if part.startswith("_")]
            bound.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                node.value.id in bound and node.attr.startswith("_"):
            found.append(f"{bound[node.value.id]}.{node.attr}")
    return found


def test_no_module_or_test_uses_a_private_name_of_streamlit_or_streamlit_folium() -> None:
    sources = _project_sources()
    assert any(p.name == "app.py" for p in sources) and len(sources) > 50
    used = {str(p.relative_to(PROJECT_ROOT)): _private_uses(ast.parse(p.read_text("utf-8")))
            for p in sources}
    assert {path: names for path, names in used.items() if names} == {}


def test_the_checker_sees_private_uses() -> None:
    code = ("import streamlit_folium as sf\nfrom streamlit_folium import _get_html\n"
            "sf._component_func()\nimport streamlit.components.v1 as c\nc._x\n")
    assert sorted(_private_uses(ast.parse(code))) == [
        "streamlit.components.v1._x", "streamlit_folium._component_func",
        "streamlit_folium._get_html"]


def test_serving_the_viewer_does_not_load_pyogrio() -> None:
    """pyogrio/GDAL (~30 MB) is for admin imports: the viewer reads its GeoJSON itself."""
    code = ("import sys, ui.pages, ui.viewer\n"
            "from geo.datastore import load_layer, layer_ids\n"
            "[load_layer(i) for i in layer_ids()]\n"
            "print(sorted(m for m in ('pyogrio', 'fiona') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True,
                            capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
