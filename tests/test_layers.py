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
