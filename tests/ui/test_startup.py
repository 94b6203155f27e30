"""Start-up stays fast (issue 10): the first wizard page is painted before pyqtgraph, SQLModel,
SQLAlchemy, pydantic or the catalog are imported, the rest of the wizard follows, and an English
``gpu-planner plan`` imports no Qt and no ORM. Each check runs a fresh interpreter (sys.modules)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["pyqtgraph", "sqlmodel", "sqlalchemy", "pydantic", "numpy", "app.catalog.repository"]

# Starts the app as `gpu-planner` does; the event loop is replaced by this script's own steps.
LAUNCH = textwrap.dedent("""
    import json, sys, time
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    HEAVY = {heavy!r}
    seen = {{}}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.inherits("QMainWindow"):
                seen.setdefault("loaded", [m for m in HEAVY if m in sys.modules])
            return False

    def wait(cond):
        end = time.monotonic() + 30
        while not cond() and time.monotonic() < end:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return cond()

    def exec_(app):
        spy = FirstPaint()
        app.installEventFilter(spy)
        w = next(x for x in app.topLevelWidgets() if x.inherits("QMainWindow"))

        def script():
            {script}

        QTimer.singleShot(0, script)
        QTimer.singleShot(60000, lambda: app.exit(3))
        return REAL_EXEC()

    REAL_EXEC = QApplication.exec
    QApplication.exec = exec_
    {before}
    from app.cli import main
    rc = main([])
    print(json.dumps({{"rc": rc, **seen}}))
""")


def launch(script: str, before: str = "", tmp_path: Path | None = None) -> dict:
    code = LAUNCH.format(heavy=HEAVY, script=textwrap.indent(textwrap.dedent(script), " " * 8).strip(),
                         before=textwrap.dedent(before).strip())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               GPU_PLANNER_DATA_DIR=str(tmp_path / "data"), LANG="en_US.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_first_page_is_painted_before_heavy_modules_load_and_the_wizard_completes(tmp_path):
    out = launch("""
        assert wait(lambda: "loaded" in seen and w.wizard.ready)
        wiz = w.wizard
        assert wiz.currentPage() is wiz.page_at(0)
        seen["next_enabled"] = wiz.button(wiz.WizardButton.NextButton).isEnabled()
        wiz.next()
        seen["second_page"] = type(wiz.currentPage()).__name__
        seen["models"] = wiz.currentPage().proxy.rowCount()
        seen["valid"] = w.session.scenario is not None
        # pyqtgraph and the charts are imported in the background, before the result page needs them
        seen["preloaded"] = wait(lambda: "app.ui.charts.scaling" in sys.modules)
        seen["charts_built"] = wiz.page_at(4).charts_ready
        w.session.wait_idle()
        app.exit(0)
    """, tmp_path=tmp_path)
    assert out["rc"] == 0
    assert out["loaded"] == []  # none of HEAVY stood between launch and the first page
    assert out["next_enabled"] and out["second_page"] == "ModelPage" and out["models"] >= 30 and out["valid"]
    assert out["preloaded"] and not out["charts_built"]


def test_an_unreadable_catalog_is_reported_and_ends_the_app(tmp_path):
    bad = tmp_path / "catalog.db"
    bad.write_bytes(b"not a database")
    out = launch("""
        pass  # the app ends itself once it has said why
    """, before=f"""
        import app.catalog.repository as repo
        from pathlib import Path
        repo.catalog_db_path = lambda: Path({str(bad)!r})
        QMessageBox.critical = staticmethod(lambda parent, title, text: seen.setdefault("error", text))
    """, tmp_path=tmp_path)
    assert out["rc"] == 1
    assert "cannot be read" in out["error"] and "catalog.db" in out["error"]


def test_english_plan_json_imports_no_qt_and_no_orm(tmp_path):
    code = textwrap.dedent("""
        import contextlib, io, json, sys
        from app.cli import main
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            rc = main(["plan", "--goal", "inference", "--model", "llama-3.1-8b", "--json"])
        doc = json.loads(buf.getvalue())
        print(json.dumps({"rc": rc, "options": len(doc["options"]),
                          "loaded": [m for m in ("PySide6", "pyqtgraph", "sqlmodel", "sqlalchemy") if m in sys.modules]}))
    """)
    env = dict(os.environ, GPU_PLANNER_DATA_DIR=str(tmp_path), LANG="en_US.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["rc"] == 0 and out["options"] > 0
    assert out["loaded"] == []
