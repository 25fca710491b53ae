"""No import circles and no upward imports inside the package, counting imports inside functions too.

A circle makes the import order matter and hides which module depends on which. The package folders are the
steps of the data flow (docs/architecture.md), and a module imports only from its own step or earlier ones:

    foundation (errors, messages, limits, safety, countries)  ->  dataset/  ->  sources/  ->  analysis/  ->  engines/
    ->  outputs/  ->  api (chaingraph.open)  ->  cli/

Type-checking imports are left out of the circle test (never executed) but count for the layers: an annotation
that names a later step is a dependency on it too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "chaingraph"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "data" in parts[1:2]:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, known: set[str], typing: bool = False) -> set[str]:
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test) and not typing:
                continue  # annotations only: never executed
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for candidate in [target] + [f"{target}.{a.name}" for a in node.names]:
                    if candidate in known and candidate != name and not (node.module is None and candidate == target):
                        found.add(candidate)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in known and a.name != name)
            for field in ("body", "orelse", "finalbody", "handlers"):
                visit(getattr(node, field, None) or [])

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return found


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_circles() -> None:
    modules = _modules()
    known = set(modules)
    edges = {name: _imports(name, path, known) for name, path in modules.items()}
    assert len(edges) > 40 and any(edges.values())  # the scan sees the package
    assert _cycles(edges) == []


def test_the_scan_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


LAYERS = ("foundation", "dataset", "sources", "analysis", "engines", "outputs", "api", "cli")
FOUNDATION = {"chaingraph.errors", "chaingraph.limits", "chaingraph.safety", "chaingraph.countries",
              "chaingraph._version", "chaingraph.messages", "chaingraph.messages_zh"}


def _layer(module: str) -> int:
    """The step of the data flow a module belongs to; a module outside every step fails the test (place it)."""
    if module in FOUNDATION:
        return LAYERS.index("foundation")
    if module in ("chaingraph", "chaingraph.api"):
        return LAYERS.index("api")
    if module == "chaingraph.__main__":
        return LAYERS.index("cli")
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    raise AssertionError(f"{module} is in no step of the data flow: move it into one of {LAYERS[1:]}")


def _upward(edges: dict[str, set[str]]) -> list[str]:
    return sorted(f"{a} -> {b}" for a, targets in edges.items() for b in targets if _layer(b) > _layer(a))


def test_no_upward_imports() -> None:
    modules = _modules()
    known = set(modules)
    edges = {name: _imports(name, path, known, typing=True) for name, path in modules.items()}
    assert {_layer(name) for name in modules} == set(range(len(LAYERS)))  # every step has modules
    assert _upward(edges) == []


def test_the_scan_finds_an_upward_import() -> None:
    edges = {"chaingraph.dataset.reader": {"chaingraph.analysis.params", "chaingraph.errors"},
             "chaingraph.outputs.tables": {"chaingraph.dataset.model"}}
    assert _upward(edges) == ["chaingraph.dataset.reader -> chaingraph.analysis.params"]
