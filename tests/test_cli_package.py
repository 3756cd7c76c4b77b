"""The command line is one package without an import circle: the root module imports no command
module, command modules import only the root and output helpers, and nothing outside the
package imports it (but `python -m consilience`)."""

from __future__ import annotations

import ast
from pathlib import Path

import consilience

SRC = Path(consilience.__file__).parent


def _imports(path: Path, package: str) -> set[str]:
    """Absolute names of the consilience modules a file imports (at any depth in the file)."""
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("consilience"):
                out.add(mod)
                out.update(f"{mod}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("consilience"))
    return out


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _cli_graph() -> dict[str, set[str]]:
    graph = {}
    for f in sorted((SRC / "cli").glob("*.py")):
        name = _module_name(f)
        package = name if f.name == "__init__.py" else name.rpartition(".")[0]
        found = _imports(f, package)
        graph[name] = {m for m in found if m.startswith("consilience.cli.")
                       and (SRC.parent / (m.replace(".", "/") + ".py")).is_file()}
    return graph


def test_cli_modules_form_no_circle():
    graph = _cli_graph()
    assert "consilience.cli.main" in graph and "consilience.cli.corpus" in graph

    def visit(node: str, path: list[str]) -> None:
        for nxt in graph.get(node, ()):
            assert nxt not in path, " -> ".join([*path, nxt])
            visit(nxt, [*path, nxt])

    for module in graph:
        visit(module, [module])


def test_root_module_imports_no_command_module():
    graph = _cli_graph()
    assert graph["consilience.cli.main"] <= {"consilience.cli.output"}


def test_nothing_outside_the_cli_imports_it():
    offenders = []
    for f in SRC.rglob("*.py"):
        if (SRC / "cli") in f.parents or f.name == "__main__.py":
            continue
        name = _module_name(f)
        package = name if f.name == "__init__.py" else name.rpartition(".")[0]
        if any(m == "consilience.cli" or m.startswith("consilience.cli.")
               for m in _imports(f, package)):
            offenders.append(str(f.relative_to(SRC)))
    assert offenders == []
