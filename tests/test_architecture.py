"""Conventions the design rests on, enforced."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "aimap").rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_ui_package_imports_streamlit(path):
    if path.parent == ROOT / "aimap" / "ui":
        return
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_says_why_it_exists(path):
    assert ast.get_docstring(ast.parse(path.read_text())), f"{path.name} has no docstring"


def test_every_view_has_its_page():
    from aimap.views import VIEWS
    for view in VIEWS:
        assert (ROOT / view.page).exists(), view.page


def test_streamlit_runs_offline():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "gatherUsageStats = false" in config
    assert "enableStaticServing = true" in config
    assert (ROOT / "static" / "topojson" / "world_110m.json").exists()
