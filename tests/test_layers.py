"""The layering in ../shared/design.md: core is pure, catalog knows no Qt."""

import ast
import builtins
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STDLIB = set(sys.stdlib_module_names)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_core_imports_only_stdlib_pydantic_and_core():
    bad = {}
    for f in (ROOT / "app" / "core").rglob("*.py"):
        for mod in _imports(f):
            top = mod.split(".")[0]
            # pydantic_core is pydantic's own engine (PydanticCustomError: coded validation errors)
            if top in STDLIB or top in ("pydantic", "pydantic_core") or mod.startswith("app.core") or mod == "__future__":
                continue
            bad.setdefault(f.name, []).append(mod)
    assert bad == {}


def test_core_uses_no_file_io():
    """No open(), Path.read_*, sqlite or os file calls anywhere in app/core."""
    for f in (ROOT / "app" / "core").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        for needle in ("open(", "read_text", "read_bytes", "write_text", "os.path", "Path("):
            assert needle not in text, f"{f.name} uses {needle}"


def test_planning_touches_no_files(monkeypatch):
    """Run a whole plan with open() forbidden: the core must not read or write anything."""
    from app.catalog.repository import default_catalog

    gpus = list(default_catalog().gpus())  # the catalog may read its files; the core may not
    from app.core.plan import plan
    from app.core.scenario import Goal, Scenario

    model = default_catalog().model("llama-3.1-8b")

    def no_open(*a, **k):
        raise AssertionError("core opened a file")

    monkeypatch.setattr(builtins, "open", no_open)
    for goal in Goal:
        kw = {"samples": 1000} if goal == Goal.FINETUNE else {}
        p = plan(Scenario(goal=goal, model=model, **kw), gpus)
        assert p.options


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports")
    assert exe, "import-linter (test extra) is not installed"
    r = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def _module_graph() -> dict[str, set[str]]:
    """app's modules and what each imports from app (module- and function-level imports alike)."""
    mods = {}
    for f in (ROOT / "app").rglob("*.py"):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = f

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        package = m.split(".") if f.name == "__init__.py" else m.split(".")[:-1]
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package[: len(package) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{a.name}" for a in node.names] + [base]
            for t in targets:
                r = resolve(t) if t.split(".")[0] == "app" else None
                if r and r != m and not m.startswith(r + "."):  # a package's own parents are not edges
                    graph[m].add(r)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected sets of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            strong(v)
    return out


def test_no_import_cycles_in_app():
    graph = _module_graph()
    assert len(graph) > 50 and graph["app.planning.outcome"] >= {"app.core.plan", "app.planning.request"}
    assert _cycles(graph) == []


def test_the_cycle_check_can_fail():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_no_function_over_100_lines():
    long = []
    for f in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 100:
                long.append(f"{f.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []


def _tool(*argv: str) -> subprocess.CompletedProcess:
    exe = shutil.which(argv[0])
    assert exe, f"{argv[0]} (test extra) is not installed"
    return subprocess.run([exe, *argv[1:]], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    r = _tool("ruff", "check", "app", "tests", "benchmarks", "packaging")
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_finds_nothing():
    """Strict for core, catalog, planning and present; the default checks for the rest (pyproject.toml)."""
    r = _tool("mypy", "app")
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr
