"""The package's import graph points down: no import circles, and no stage importing render/ or
an adapter (cli, http, api, corpus, distributed, web).

Reads the source with `ast` (nothing is imported), so it runs in well under a second.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "consilience"

# Layers that do the work; they may import model, resources, text helpers and each other
# downwards, never what presents or serves their results.
STAGES = ("ingest", "analysis", "story")
FORBIDDEN_FOR_STAGES = ("render", "cli", "http", "api", "corpus", "distributed", "web")

# No circle is exempt: the helpers align and the learned matcher share live in story/pairs.py.
KNOWN_CIRCLES: set[frozenset[str]] = set()


def _module_name(path: Path, pkg: Path = PKG) -> str:
    rel = path.relative_to(pkg.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _resolve(base: str, is_pkg: bool, level: int, name: str | None) -> str:
    """The absolute module a (possibly relative) import names."""
    if level == 0:
        return name or ""
    parts = base.split(".")
    if not is_pkg:
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([name] if name else []))


def import_graph(modules: dict[str, Path] | None = None) -> dict[str, set[str]]:
    """module -> the package modules it imports (anywhere in its body, lazy imports included)."""
    modules = modules if modules is not None else _modules()
    graph: dict[str, set[str]] = {}
    for mod, path in modules.items():
        is_pkg = path.name == "__init__.py"
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(mod, is_pkg, node.level, node.module)
                # "from . import x" may name a submodule x or a name defined in the package
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                           for a in node.names]
            for t in targets:
                while t and t not in modules:  # "consilience.story.judge.number.x" -> module
                    t = t.rpartition(".")[0]
                if t and t != mod:
                    deps.add(t)
        graph[mod] = deps
    return graph


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected groups of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _layer(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else ""


def forbidden_arrows(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((m, d) for m, deps in graph.items() if _layer(m) in STAGES
                  for d in deps if _layer(d) in FORBIDDEN_FOR_STAGES)


@lru_cache(maxsize=1)
def _package_graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_graph_sees_relative_and_lazy_imports():
    graph = _package_graph()
    assert "consilience.story.align" in graph["consilience.story.build"]
    assert "consilience.model" in graph["consilience.story.judge.number"]
    # api imports the builder inside a function
    assert "consilience.story.build" in graph["consilience.api"]


def test_no_import_circles_except_the_known_matcher_one():
    found = [frozenset(c) for c in circles(_package_graph())]
    unexpected = [sorted(c) for c in found if c not in KNOWN_CIRCLES]
    assert not unexpected, f"import circles: {unexpected}"


def test_stages_never_import_render_or_an_adapter():
    assert forbidden_arrows(_package_graph()) == []


def test_the_checks_can_fail(tmp_path):
    # a fictional package with a circle and a stage importing render
    pkg = tmp_path / "consilience"
    for rel, src in {
        "__init__.py": "",
        "story/__init__.py": "",
        "story/a.py": "from .b import x\n",
        "story/b.py": "def f():\n    from ..render import view\n    from . import a\n",
        "render/__init__.py": "",
        "render/view.py": "",
    }.items():
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text(src)
    modules = {_module_name(p, pkg): p for p in pkg.rglob("*.py")}
    graph = import_graph(modules)
    assert [sorted(c) for c in circles(graph)] == [["consilience.story.a", "consilience.story.b"]]
    assert forbidden_arrows(graph) == [("consilience.story.b", "consilience.render.view")]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_package_exists(stage):
    assert (PKG / stage / "__init__.py").exists()



def test_the_lexicon_is_the_bottom_layer():
    # word lists are data: a lexicon module imports only other lexicon modules
    graph = _package_graph()
    up = sorted((m, d) for m, deps in graph.items() if _layer(m) == "lexicon"
                for d in deps if _layer(d) != "lexicon")
    assert up == []
